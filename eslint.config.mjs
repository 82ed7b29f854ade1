import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ZOD_MESSAGE =
  "Import { z } from lib/zodWithoutEval instead: it switches off zod's eval probe before any schema is built (the CSP forbids eval).";

const ZOD_RESTRICTION = {
  paths: [{ name: 'zod', message: ZOD_MESSAGE, allowTypeImports: true }],
  patterns: [{ group: ['zod/*'], message: ZOD_MESSAGE, allowTypeImports: true }],
};

/**
 * The import rule for one layer: the zod restriction plus the layers it may not reach. A later block
 * that sets the rule for the same files replaces the earlier setting, so every zone repeats zod.
 * Type imports are refused too: a layer that needs another's types needs them moved to lib/.
 */
function restrictedImports(zone, forbidden) {
  const message = `${zone}/ may not import from ${forbidden.join('/ or ')}/ (layers: docs/ARCHITECTURE.md).`;
  return [
    'error',
    {
      paths: ZOD_RESTRICTION.paths,
      patterns: [
        ...ZOD_RESTRICTION.patterns,
        // Up to the project root (or the `@/` alias) and into the layer: app/_server is part of app, and
        // packages such as next/server are not layers.
        { regex: `^(?:(?:\\.\\./)+|@/)(?:${forbidden.join('|')})(?:/|$)`, message },
      ],
    },
  ];
}

/** Layers and what each may not import: lib is the core, server implements it, app is the web edge. */
const LAYER_ZONES = [
  { zone: 'lib', forbidden: ['app', 'server'] },
  { zone: 'app', forbidden: ['server'] },
  { zone: 'server', forbidden: ['app'] },
];

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
      '@typescript-eslint/no-restricted-imports': ['error', ZOD_RESTRICTION],
    },
  },
  ...LAYER_ZONES.map(({ zone, forbidden }) => ({
    files: [`${zone}/**/*.{ts,tsx,js,jsx,mjs,cjs}`],
    ignores: ['lib/zodWithoutEval.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrictedImports(zone, forbidden) },
  })),
  {
    // Playwright's waitForFunction does not await a promise: an async predicate resolves it at once.
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='waitForFunction'] > :function[async=true]",
          message:
            'waitForFunction does not await an async predicate (a promise is truthy): use waitInPage (tests/e2e/helpers/waitInPage.ts).',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
