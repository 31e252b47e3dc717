import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'public/build/**', 'public/sw.js', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Server code never reaches into tests; the optimizer stays free of the app and the server.
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test/**'], message: 'server code must not import test code' }] },
      ],
    },
  },
  {
    // The Remix build holds the UI only. Values of the server reach routes through the load
    // context (server/app-context.ts); app/ imports from server/ only types, and values only from
    // the browser-safe domain, always through the #server/… subpath the build keeps external.
    files: ['app/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/test/**'], message: 'app code must not import test code' },
            {
              // NOTE: a regex, because `#` starts a comment in the gitignore-style `group` patterns.
              regex: '^#server/(?!domain/)',
              allowTypeImports: true,
              message:
                'app/ takes server values from the load context; import only types from server/ (values only from #server/domain/)',
            },
            {
              regex: '^(\\.\\./)+(server|optimizer)(/|$)|^#optimizer',
              message: 'import server/ through #server/… (types only); optimizer/ is reached through the server',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['optimizer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/**', '**/server/**', '**/test/**', '~/*'],
              message: 'optimizer/ is pure: it imports nothing of app/, server/ or test/',
            },
          ],
        },
      ],
    },
  },
);
