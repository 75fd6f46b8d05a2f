// ESLint flat config: typescript-eslint's recommended rules, the promise rules that need type information
// (cheap enough through the project service), and the layer rule of STYLE.md §0.2 as import restrictions.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const layerMessage =
  'STYLE.md §0.2: un módulo de dominio (app/<módulo>/) no importa Remix, React, rutas ni componentes de app/ui.'

const routesAndUi = {
  group: [
    '~/routes',
    '~/routes/*',
    '~/ui',
    '~/ui/*',
    '../routes/*',
    '../../routes/*',
    '../ui/*',
    '../../ui/*',
  ],
  message: layerMessage,
}
const remixPackages = { group: ['@remix-run/*'], message: layerMessage }
const reactPackages = { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: layerMessage }

export default tseslint.config(
  {
    ignores: [
      'build/',
      '.data/',
      '.cache/',
      'db/migrations/',
      'node_modules/',
      'playwright-report/',
      'test-results/',
      'blob-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Domain modules: app/<module>/**, except the adapters (routes) and the shared components (ui).
    files: ['app/*/**/*.{ts,tsx}'],
    ignores: ['app/routes/**', 'app/ui/**', 'app/mail/**', 'app/documents/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [remixPackages, reactPackages, routesAndUi] }],
    },
  },
  {
    // mail and documents render (email templates, PDF layouts): React is allowed there, Remix and the UI are not.
    files: ['app/mail/**/*.{ts,tsx}', 'app/documents/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [remixPackages, routesAndUi] }],
    },
  },
)
