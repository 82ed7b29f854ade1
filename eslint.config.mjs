import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ZOD_MESSAGE =
  "Import { z } from lib/zodWithoutEval instead: it switches off zod's eval probe before any schema is built (the CSP forbids eval).";

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'dist/', 'data/', 'test-results/', 'public/sw.js', 'next-env.d.ts', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Zod's eval probe (`new Function`) would be reported as a CSP violation in the browser unless
    // `jitless` is set before the first schema is built: lib/zodWithoutEval.ts sets it and is the
    // only module that may take `z` from 'zod' itself (types are erased, so type imports are fine).
    files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
    ignores: ['lib/zodWithoutEval.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: ZOD_MESSAGE, allowTypeImports: true }],
          patterns: [{ group: ['zod/*'], message: ZOD_MESSAGE, allowTypeImports: true }],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
