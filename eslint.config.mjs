import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint/module-boundaries.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'web/dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      'jest.config.js',
      'client/src/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // The architecture (ARCHITECTURE.md): modules keep their tables, the ground floor looks up to no module,
  // services hold no SQL. See eslint/module-boundaries.mjs.
  {
    files: ['src/**/*.ts'],
    plugins: { 'module-boundaries': moduleBoundaries },
    rules: {
      'module-boundaries/no-foreign-persistence': 'error',
      'module-boundaries/ground-floor': 'error',
      'module-boundaries/no-sql-in-services': 'error',
    },
  },
);
