// The `cais/layers` ESLint rule: every import is checked against an allow-list of layers
// (the LAYERS table in eslint.config.js). A file's layer is the folder it sits in; an import
// that resolves into a layer its own layer may not use, or a platform module (Node, Electron,
// dockerode) its layer may not use, is reported. Nothing is allowed by default.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules);

/** The layer a repository-relative path belongs to: the first entry whose test matches. */
function layerOf(file, layers) {
  const posix = file.split(path.sep).join('/');
  for (const [name, layer] of Object.entries(layers)) if (layer.files.test(posix)) return name;
  return undefined;
}

/** 'node', 'electron', 'dockerode', or undefined for any other package. */
function platformOf(source) {
  if (source.startsWith('node:') || NODE_BUILTINS.has(source.split('/')[0])) return 'node';
  if (source === 'electron' || source === 'dockerode') return source;
  return undefined;
}

function typeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers and platform modules its row of LAYERS allows.' },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: {
      layer: "{{from}} may import only {{allowed}}: not {{to}} ('{{source}}').",
      platform: "{{from}} may not import {{platform}} ('{{source}}'){{why}}.",
    },
  },
  create(context) {
    const { layers, tests } = context.options[0];
    const cwd = context.cwd;
    const file = path.relative(cwd, context.filename);
    const from = layerOf(file, layers);
    if (!from) return {};
    const own = layers[from];
    const isTest = tests.files.test(file.split(path.sep).join('/'));
    const may = new Set([from, ...own.may, ...(isTest ? tests.alsoMay : [])]);
    const mayTypes = new Set([...may, ...(own.types ?? [])]);

    function check(node, sourceNode) {
      if (!sourceNode || typeof sourceNode.value !== 'string') return;
      const source = sourceNode.value;
      const types = typeOnly(node);
      if (source.startsWith('.')) {
        const resolved = path.relative(cwd, path.resolve(path.dirname(context.filename), source));
        // An import names a module without its extension ('./main-window'); data files keep theirs.
        const target = path.extname(resolved) ? resolved : `${resolved}.ts`;
        const to = layerOf(target, layers) ?? 'outside every layer';
        if (!(types ? mayTypes : may).has(to)) {
          const allowed = [...own.may, ...(own.types ?? []).map((t) => `types of ${t}`)];
          context.report({ node: sourceNode, messageId: 'layer', data: { from, to, source, allowed: allowed.length ? allowed.join(', ') : 'nothing of the others' } });
        }
        return;
      }
      const platform = platformOf(source);
      if (!platform) return;
      const allowed = new Set([...(own.platform ?? []), ...(types ? (own.platformTypes ?? []) : []), ...(isTest ? tests.alsoPlatform : [])]);
      if (!allowed.has(platform)) {
        const why = own.platformTypes?.includes(platform) ? ' except as types' : '';
        context.report({ node: sourceNode, messageId: 'platform', data: { from, platform, source, why } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export const layersPlugin = { rules: { layers: rule } };
