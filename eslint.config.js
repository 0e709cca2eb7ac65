import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The pure layers (src/model, src/engine) must never reach the UI, the store or the DOM: the
// worker imports them, and so does the CLI in Node. tsconfig.pure.json keeps DOM types out; this
// rule keeps the imports out.
// The model's edit recipes are written against immer drafts (immer is a pure data library, no UI
// and no store), so src/model may import it; the engine works on plain arrays and may not.
const pureLayerImports = (allowImmer) => ({
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', '@visx/*', ...(allowImmer ? [] : ['immer'])], message: 'src/model and src/engine are pure: no UI or store libraries.' },
    { group: ['**/state/**', '**/ui/**', '**/io/**', '**/cli/**'], message: 'src/model and src/engine must not import the layers above them.' },
  ],
});

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
    files: ['**/*.mjs', 'build/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/model/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', pureLayerImports(true)] },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', pureLayerImports(false)] },
  },
);
