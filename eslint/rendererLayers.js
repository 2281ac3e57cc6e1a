// The renderer's layers, checked on every relative import (eslint.config.js; ARCHITECTURE.md draws
// them). A file's layer is the folder it lives in under renderer/ (each feature is its own);
// an import may only go to its own layer or to one listed below for it. Tests are exempt: they
// may reach across to build what they check.
import { dirname, relative, resolve, sep } from 'node:path';

const RENDERER = resolve(import.meta.dirname, '..', 'renderer');

/** The machine's and the browser's plumbing: they may use one another, nothing above them. */
const INFRASTRUCTURE = ['host', 'db', 'print', 'scan', 'sync'];
const BELOW_DESK = ['security', 'kiosk', 'ui', ...INFRASTRUCTURE];
const FOR_FEATURES = ['desk', ...BELOW_DESK];

/** layer → the layers it may import (besides itself). `features/*` is every feature. */
export const RENDERER_LAYERS = {
  // The entries (main.tsx, admin.tsx) mount a composition root; print/ only for its faces (fonts.css).
  '(root)': ['app', 'webadmin', 'kiosk', 'host', 'print'],
  app: ['features/*', ...FOR_FEATURES],
  'features/dossier': FOR_FEATURES,
  'features/*': ['features/dossier', ...FOR_FEATURES],
  // The browser's administration page (/quan-tri/): the admin feature over the server's API, never the kiosk's host or database.
  webadmin: ['features/admin', 'ui'],
  desk: BELOW_DESK,
  security: ['kiosk', 'ui', ...INFRASTRUCTURE],
  kiosk: INFRASTRUCTURE,
  ui: ['scan'],
  ...Object.fromEntries(INFRASTRUCTURE.map((layer) => [layer, INFRASTRUCTURE])),
  testing: ['features/*', ...FOR_FEATURES],
};

/** The layer of a path inside renderer/, or undefined outside it. */
export function layerOf(path) {
  const rel = relative(RENDERER, path);
  if (rel.startsWith('..') || rel === '') return undefined;
  const parts = rel.split(sep);
  if (parts[0] === 'features') return parts.length > 1 ? `features/${parts[1].replace(/\.[^.]+$/, '')}` : 'features/*';
  return parts.length === 1 && /\.(tsx?|css)$/.test(parts[0]) ? '(root)' : parts[0];
}

function allowed(from, to) {
  if (from === to) return true;
  const rules = RENDERER_LAYERS[from.startsWith('features/') && !(from in RENDERER_LAYERS) ? 'features/*' : from] ?? [];
  return rules.includes(to) || (to.startsWith('features/') && rules.includes('features/*'));
}

export const rendererLayersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'renderer/: each layer imports only the layers below it (ARCHITECTURE.md)' },
    messages: {
      crosses: 'Lớp «{{from}}» không được import lớp «{{to}}» ({{source}}). Mỗi lớp của renderer chỉ import các lớp bên dưới nó: xem ARCHITECTURE.md, "The renderer".',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from || /\.test\.tsx?$/.test(file)) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = layerOf(resolve(dirname(file), source.split('?')[0]));
      if (to && !allowed(from, to)) context.report({ node, messageId: 'crosses', data: { from, to, source } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
