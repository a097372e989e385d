// ESLint (flat config): the JavaScript and typescript-eslint recommended rules, and React's hooks rules
// (eslint-plugin-react-hooks, with its React Compiler checks) for the app. `npm run lint` fails on any warning.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig([
  globalIgnores(['dist', 'coverage']),
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // as tsc's noUnusedLocals/noUnusedParameters: a leading underscore marks a value left unused on purpose
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    // the browser test (run by Node against the whole platform) and the build's own config files
    files: ['e2e/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
])
