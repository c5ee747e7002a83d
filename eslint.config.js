import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      // The renderer never imports Node or Electron: it talks to the engine only through the typed client.
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports Electron.' }],
          patterns: [
            {
              group: ['node:*', 'dockerode', '**/electron/engine/**', '**/electron/server/**'],
              message: 'The renderer reaches the engine only through renderer/api.',
            },
          ],
        },
      ],
    },
  },
  {
    // The layers never import upward: nothing under electron/ reaches into the renderer.
    // Code both sides need (the contract, pure command builders) lives in electron/api/.
    // The translation catalogs are data both sides read (the native menu is translated too).
    files: ['electron/**/*.ts'],
    ignores: ['electron/engine/**/*.ts', 'electron/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)renderer/(?!i18n/.*\\.json$)', message: 'Shared code goes in electron/api/, not the renderer.' }] }],
    },
  },
  {
    // The contract is shared by the renderer and the server: it imports neither, nor Node or Electron.
    files: ['electron/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/api/ is shared with the renderer.' }],
          patterns: [
            {
              group: ['node:*', 'dockerode', '**/renderer/**', '**/engine/**', '**/server/**'],
              message: 'electron/api/ is shared with the renderer: pure code and schemas only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'engine/ is plain Node: no Electron.' }],
          patterns: [{ group: ['**/renderer/**', '**/server/**'], message: 'engine/ never imports upward.' }],
        },
      ],
    },
  },
  {
    // The desktop logic runs under Vitest: only Electron's types, never Electron itself (main.ts, main-window.ts and keychain-cipher.ts do the calls).
    files: ['electron/desktop/**/*.ts'],
    ignores: ['electron/desktop/main-window.ts', 'electron/desktop/keychain-cipher.ts', 'electron/desktop/keychain-cipher.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'desktop/ is plain Node: import only types from electron.', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
