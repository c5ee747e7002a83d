import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/eslint-layers.js';

/**
 * The layers, lowest first, and what each MAY import (an allow-list: anything not named is an
 * error). `may`: layers whose code it uses; `types`: layers it may use as types only; `platform`:
 * 'node' (built-in modules), 'electron', 'dockerode'; any other npm package is free. A file
 * belongs to the first row whose `files` matches its path. docs/architecture.md draws this table;
 * scripts/lint-layers.test.ts breaks each row on purpose and expects lint to fail.
 */
const LAYERS = {
  // The contract and pure code shared with the window: runs in the browser too.
  api: { files: /^electron\/api\//, may: [], platform: [] },
  // Talks to the Docker engine; plain Node.
  engine: { files: /^electron\/engine\//, may: ['api'], platform: ['node', 'dockerode'] },
  // The settings file, saved engines and registry logins.
  settings: { files: /^electron\/settings\//, may: ['api', 'engine'], platform: ['node'] },
  // The app log, the connection log and the failed-call log, used by every process.
  logging: { files: /^electron\/logging\//, may: ['api'], platform: ['node'] },
  // The router that implements the contract. No Electron: `npm run web` runs it in plain Node.
  // It reads the translation catalogs for the sentences it writes into files (backup names).
  server: { files: /^electron\/server\//, may: ['api', 'engine', 'settings', 'logging', 'i18n'], platform: ['node'] },
  // startCore(): the one wiring of engine, settings and logins for both entry points.
  core: { files: /^electron\/core\//, may: ['api', 'engine', 'settings', 'logging'], types: ['server'], platform: ['node'] },
  // The router served over a WebSocket (web host) or a MessagePort (desktop window).
  transports: { files: /^electron\/transports\//, may: ['api', 'server', 'logging'], types: ['engine', 'settings'], platform: ['node'], platformTypes: ['electron'] },
  // The Electron shell's two files that call Electron itself (they are not unit tested without a mock).
  'desktop-shell': { files: /^electron\/desktop\/(main-window|keychain-cipher)(\.test)?\.ts$/, may: ['desktop', 'api', 'logging', 'settings'], platform: ['node', 'electron'] },
  // The rest of the Electron shell (menu, about, window state, startup failure): only Electron's types, so it runs under Vitest.
  desktop: { files: /^electron\/desktop\//, may: ['api', 'logging', 'settings', 'i18n'], platform: ['node'], platformTypes: ['electron'] },
  // main.ts, web.ts and preload.ts compose everything.
  entry: { files: /^electron\/[^/]+\.ts$/, may: ['api', 'engine', 'settings', 'logging', 'server', 'core', 'transports', 'desktop-shell', 'desktop', 'manifest'], platform: ['node', 'electron'] },
  // The translation catalogs: data both sides read (the native menu is translated too).
  i18n: { files: /^renderer\/i18n\/.*\.json$/, may: [], platform: [] },
  // The window: talks to the engine only through the typed client, over the contract.
  renderer: { files: /^renderer\//, may: ['api', 'i18n'], platform: [] },
  // Targets only (nothing under them is checked here).
  'test-support': { files: /^e2e\/support\//, may: [], platform: [] },
  manifest: { files: /^package\.json$/, may: [], platform: [] },
};

/** Tests may also build the real engine connection, stores, log and transports they run against, and use the shared test helpers. */
const TESTS = {
  files: /\.test\.tsx?$/,
  alsoMay: ['engine', 'settings', 'logging', 'transports', 'test-support', 'i18n'],
  alsoPlatform: ['node', 'dockerode'],
};

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every word a person reads comes from the i18n catalogs (pt-BR and English):
      // no literal words in JSX text or in the attributes people and screen readers see.
      'no-restricted-syntax': [
        'error',
        {
          // Acronyms alone (TCP, TLS) are not words to translate.
          selector: 'JSXText[value=/\\p{Ll}{2}/u]',
          message: 'User-visible text goes in renderer/i18n (en and pt-BR), through t().',
        },
        {
          // A literal given as is, in braces, or as a template's text: not the keys inside t(...).
          selector: [
            'JSXAttribute[name.name=/^(title|placeholder|alt|label|aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext)$/] > Literal[value=/\\p{L}{2}/u]',
            'JSXAttribute[name.name=/^(title|placeholder|alt|label|aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext)$/] > JSXExpressionContainer > Literal[value=/\\p{L}{2}/u]',
            'JSXAttribute[name.name=/^(title|placeholder|alt|label|aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext)$/] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/\\p{L}{2}/u]',
          ].join(', '),
          message: 'User-visible attribute text goes in renderer/i18n (en and pt-BR), through t().',
        },
      ],
    },
  },
  {
    // Every import is checked against LAYERS: what each folder may import, nothing else.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { cais: layersPlugin },
    rules: { 'cais/layers': ['error', { layers: LAYERS, tests: TESTS }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
