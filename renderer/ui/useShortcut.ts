// A screen's keyboard shortcuts, shown on screen as <kbd>, through one hook. Letters and digits are
// matched on the physical key (event.code) so a Vietnamese input method or keyboard layout does not
// change them; named keys (Enter, Escape, PageDown, arrows) on event.key. F-keys stay the shell's.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

export interface Shortcut {
  /** An upper-case letter, a digit, or a `KeyboardEvent.key` name such as 'Enter'. */
  key: string;
  alt: boolean;
  ctrl: boolean;
  meta: boolean;
  /** Shift is looked at only when the shortcut names it: Caps Lock or a held Shift changes nothing. */
  shift?: true;
}

const MODIFIERS = new Set(['alt', 'ctrl', 'meta', 'shift']);

/** 'Alt+1', 'Alt+B', 'Ctrl+Enter', 'Escape', 'PageDown' → what to match. */
export function parseShortcut(spec: string): Shortcut {
  const parts = spec.split('+');
  const key = parts.pop() ?? '';
  const mods = parts.map((p) => p.toLowerCase());
  if (key === '' || mods.some((m) => !MODIFIERS.has(m))) throw new Error(`Not a shortcut: ${spec}`);
  // The shell owns F1–F12 (one section each); a screen claiming one would take it from every screen.
  if (/^F\d{1,2}$/.test(key)) throw new Error(`${spec}: F-keys belong to the shell`);
  return {
    key: key.length === 1 ? key.toUpperCase() : key,
    alt: mods.includes('alt'),
    ctrl: mods.includes('ctrl'),
    meta: mods.includes('meta'),
    ...(mods.includes('shift') ? { shift: true as const } : {}),
  };
}

/** The parts of a keydown a shortcut is matched on (a KeyboardEvent has them all). */
export type ShortcutKeyFacts = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'isComposing'>;

export function matchesShortcut(shortcut: Shortcut, event: ShortcutKeyFacts): boolean {
  // A key an input method is composing with belongs to the word being typed.
  if (event.isComposing || event.key === 'Process') return false;
  if (event.altKey !== shortcut.alt || event.ctrlKey !== shortcut.ctrl || event.metaKey !== shortcut.meta) return false;
  if (shortcut.shift && !event.shiftKey) return false;
  if (/^[A-Z]$/.test(shortcut.key)) return event.code === `Key${shortcut.key}`;
  if (/^[0-9]$/.test(shortcut.key)) return event.code === `Digit${shortcut.key}`;
  return event.key === shortcut.key;
}

/** Whether a plain key fires even where focus uses it itself: Escape types nothing anywhere. */
function firesInFields(shortcut: Shortcut): boolean {
  return shortcut.alt || shortcut.ctrl || shortcut.meta || shortcut.key === 'Escape';
}

/** The focused element, as far as plain keys go: a field types them, a button or link acts on Enter. */
export type FocusFacts = { tagName: string; isContentEditable?: boolean } | null;

export function focusTakesPlainKeys(target: FocusFacts): boolean {
  if (!target) return false;
  return target.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(target.tagName);
}

export interface ShortcutOptions {
  enabled?: boolean;
  /** Listen on this element only (a widget's own keys, such as a list's arrows) instead of the window. */
  scope?: RefObject<HTMLElement | null>;
  /**
   * Plain keys fire even where focus takes them itself (a field, a button). By default only Escape
   * and keys with Ctrl, Alt or Meta do; a plain Enter or PageDown fires only outside them.
   */
  inFields?: boolean;
}

/**
 * Calls `handler` with the shortcut pressed (as written in `keys`) and stops the browser's own
 * action for it. A key already handled (default prevented) is not taken again.
 */
export function useShortcut(keys: string | readonly string[], handler: (key: string, event: KeyboardEvent) => void, options: ShortcutOptions = {}): void {
  const { enabled = true, scope, inFields } = options;
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  // Written as one string so an array literal in the caller does not re-subscribe every render.
  const specs = typeof keys === 'string' ? keys : keys.join('\n');
  useEffect(() => {
    if (!enabled) return;
    const shortcuts = specs.split('\n').map((spec) => ({ spec, shortcut: parseShortcut(spec) }));
    const target: HTMLElement | Window | null = scope ? scope.current : window;
    if (!target) return;
    const onKey = (event: Event) => {
      if (!(event instanceof KeyboardEvent) || event.defaultPrevented) return;
      const hit = shortcuts.find(({ shortcut }) => matchesShortcut(shortcut, event));
      if (!hit) return;
      const focus = event.target instanceof HTMLElement ? event.target : null;
      if (!(inFields ?? firesInFields(hit.shortcut)) && focusTakesPlainKeys(focus)) return;
      event.preventDefault();
      latest.current(hit.spec, event);
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [specs, enabled, scope, inFields]);
}

/** Alt+letter, the screens' usual shortcut. */
export function useAltShortcut(letter: string, handler: () => void, enabled = true): void {
  useShortcut(`Alt+${letter}`, () => handler(), { enabled });
}
