// Lint: mostly the architecture's boundaries (ARCHITECTURE.md, "Enforce the boundaries"):
//  - shared/ is pure: no Node, no DOM, no electron, none of our other folders;
//  - renderer/ knows only shared/ (the contract), never the backend, Node or electron;
//  - only electron/main and electron/preload import `electron`.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const node = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
  'better-sqlite3',
];
const why = (text) => `${text} See the design notes: the architecture's boundaries (ARCHITECTURE.md).`;

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.tmp/**', 'shared/domain/gazetteer/build-gazetteer.mjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2023, sourceType: 'module', ecmaFeatures: { jsx: true } } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: why('Only electron/main and electron/preload may import electron.') }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: why('shared/ must not import electron.') }],
          patterns: [
            { group: node, message: why('shared/ is pure TypeScript that runs anywhere: no Node modules.') },
            {
              group: ['**/electron/**', '**/renderer/**', '**/test/**', 'react', 'react-dom'],
              message: why('shared/ imports nothing of our other folders, and no UI.'),
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'fetch', 'process', 'require', 'Buffer'].map((name) => ({
          name,
          message: why('shared/ has no DOM and no Node globals.'),
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: why('The renderer talks to the backend only through the API contract.') }],
          patterns: [
            {
              group: ['**/electron/**'],
              message: why('The renderer must not import the backend, the host or the main process: use the API contract (shared/api).'),
            },
            { group: node, message: why('The renderer runs in a browser: no Node modules.') },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts', 'electron/launch.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: why('The backend, host and CLI are plain Node: they never import electron.') }],
          patterns: [{ group: ['**/renderer/**'], message: why('The backend never imports the renderer.') }],
        },
      ],
    },
  },
  { files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['test/**/*.ts', 'build/**/*.ts', '*.config.ts', '*.config.js'], rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' } },
);
