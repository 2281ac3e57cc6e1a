// Types for the layer rule's helpers, so the test that proves the rule bites is type-checked.
import type { Rule } from 'eslint';

export const RENDERER_LAYERS: Record<string, string[]>;
export function layerOf(path: string): string | undefined;
export const rendererLayersRule: Rule.RuleModule;
