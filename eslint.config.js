import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      '.wxt/**',
      'node_modules/**',
      'coverage/**',
      '.scout-demo/**',
      '.test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only']",
          message: 'Focused tests hide the rest of the suite.',
        },
      ],
    },
  },
  {
    files: ['components/**/*.tsx', 'entrypoints/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Layers: lib/ is the testable core and never reaches into entrypoints or components.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/entrypoints/*', '**/entrypoints/*', '@/components/*', '**/components/*'],
              message: 'lib/ may not import entrypoints or components.',
            },
          ],
        },
      ],
    },
  },
  {
    // IndexedDB opened in a host page belongs to the website: content scripts never touch lib/db.
    // Nor do they import the platform registry, which carries every platform: a content script
    // imports its own platform's content.ts, and the tap gets the rules as build-time constants.
    files: ['entrypoints/*.content.ts', 'lib/content/**/*.ts', 'lib/tap/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/db/*', '**/db/*', 'dexie', 'dexie-react-hooks'],
              message: 'Content scripts may not open the database.',
            },
            {
              group: ['react', 'react-dom', 'react-dom/*', '@/components/*'],
              message: 'No React in host pages.',
            },
            {
              regex: '(^|/)platforms(/index|/hosts)?$',
              message: "Host pages import their own platform's content.ts, never the registry.",
            },
          ],
        },
      ],
    },
  },
);
