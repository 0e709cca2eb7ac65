import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Which layer may import which (DESIGN.md §5) is checked by dependency-cruiser, in one place:
// .dependency-cruiser.cjs (`npm run check:layers`). The pure layers also get no browser or Node
// globals here, and tsconfig.pure.json keeps DOM types out of them.

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'reports'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule reports where the React Compiler would skip a component; the app is not built
      // with the compiler, so hand-written useMemo is the optimisation and stays.
      'react-hooks/preserve-manual-memoization': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render text as HTML.' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'build/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/model/**/*.ts', 'src/engine/**/*.ts'],
    languageOptions: { globals: {} },
  },
  {
    // Every property test runs on the fixed seed and on the commit's seed (test/support/property.ts);
    // a bare fc.assert would run on one and hide what the other finds (issue 9, item 12).
    files: ['test/**/*.{ts,tsx}'],
    ignores: ['test/support/property.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render text as HTML.' },
        { selector: "CallExpression[callee.object.name='fc'][callee.property.name='assert']", message: 'Run properties with assertProperty (test/support/property.ts): both seeds, the seed named on failure.' },
      ],
    },
  },
);
