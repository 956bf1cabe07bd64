import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['feed', 'search', 'article', 'converter'];
// The app bundle never pulls in the Node-only mock API.
const noMockApi = { group: ['@/mock-api/*', '**/mock-api/*'], message: 'The mock API is server/test code.' };

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/mockServiceWorker.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Features never import each other; shared code lives below them.
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noMockApi,
            ...features
              .filter((other) => other !== feature)
              .map((other) => ({
                group: [`@/features/${other}/*`, `../${other}/*`],
                message: 'Features never import each other.',
              })),
          ],
        },
      ],
    },
  })),
  {
    files: ['src/app/**', 'src/api/**', 'src/components/**', 'src/lib/**', 'src/stores/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMockApi] }] },
  },
);
