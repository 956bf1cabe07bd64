import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of src/, lowest first. A layer may import the layers below it, never the ones above; the rules
// cover static and dynamic imports alike (import-x resolves both through tsconfig's "@/*" paths).
const layers = ['contract', 'lib', 'api', 'stores', 'components', 'features', 'app'];
const features = ['feed', 'search', 'article', 'converter', 'saved'];
const above = (layer) => layers.slice(layers.indexOf(layer) + 1).map((l) => `./src/${l}`);

/** Node-only code: the backend (ports, adapters, HTTP plugin), the servers that compose it, the data tools. */
const serverSide = ['./src/backend', './src/server', './src/tools'];
const clientLayers = layers.filter((l) => l !== 'contract').map((l) => `./src/${l}`);

const zones = [
  ...['contract', 'lib', 'api', 'stores', 'components'].map((layer) => ({
    target: `./src/${layer}`,
    from: [...above(layer), ...serverSide],
    message: `src/${layer} may import only the layers below it (${layers.slice(0, layers.indexOf(layer)).join(', ') || 'none'}).`,
  })),
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: [...features.filter((f) => f !== feature).map((f) => `./src/features/${f}`), './src/app', ...serverSide],
    message: 'Features never import each other or the app shell: the shell composes them.',
  })),
  {
    target: './src/backend',
    from: [...clientLayers, './src/server', './src/tools'],
    message: 'The backend shares only src/contract with the client; the servers and tools compose it, not the reverse.',
  },
  {
    target: './src/backend/http',
    from: ['./src/backend/embedded', './src/backend/postgres'],
    message: 'The HTTP plugin talks to the ports (src/backend/ports.ts) only, so any adapter can stand behind it.',
  },
  {
    target: './src/backend/embedded',
    from: ['./src/backend/http', './src/backend/postgres'],
    message: 'An adapter implements the ports; it knows neither HTTP nor the other adapters.',
  },
  {
    // Every server file but the page renderer (render-page.tsx, the one module that renders the app on the server).
    target: './src/server/**/*.ts',
    from: [...clientLayers, './src/tools'],
    message: 'The servers compose the backend and serve the built app; they import only src/backend and src/contract.',
  },
  {
    target: './src/server/render-page.tsx',
    from: ['./src/tools'],
    message: 'The page renderer renders the app; the data tools are not part of it.',
  },
  {
    target: './src/tools',
    from: [...clientLayers, './src/server'],
    message: 'The data tools use the backend and src/contract only.',
  },
  {
    target: ['./src/!(backend|server|tools)/**', './src/main.tsx'],
    from: serverSide,
    message: 'Server code (the backend, the servers, the tools) never reaches the app bundle.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'public/mockServiceWorker.js'] },
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
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          alphabetize: { order: 'asc', caseInsensitive: true },
          'newlines-between': 'never',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      // Dynamic import() counts too: a lazy chunk that imports its importer is still a cycle.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
);
