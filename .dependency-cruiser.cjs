/**
 * The layer rules of shared/DESIGN.md §5 as the code keeps them, checked by `npm run check:layers`
 * (and by `npm test`); README's Architecture section lists them in words:
 *
 *   model ← engine ← state ← ui        model ← engine ← io ← ui        model ← engine ← cli
 *   (state names io's types only; cli uses only the Node-safe io; nothing imports cli)
 *
 * Every rule is a `forbidden` rule: the check fails on any import that breaks one, naming the rule,
 * the importing file and the imported one. This file is the one home of the layer rules (ESLint no
 * longer repeats them); tsconfig.pure.json and tsconfig.worker.json keep DOM types out of the
 * pure layers, which is a different rule (globals, not imports).
 *
 * Type-only imports are checked too (tsPreCompilationDeps), and are allowed only where a rule says so.
 */

// npm packages that need a browser (a DOM, IndexedDB, the File System Access API, a worker) or
// belong to the UI and the store: the pure layers and the command line must never reach them.
const browserPackages = '(^|/)node_modules/(react|react-dom|zustand|immer|@visx/[^/]+|comlink|idb-keyval|browser-fs-access)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ---- src/model: the pure domain; imports nothing of ours above it.
    {
      name: 'model-imports-only-model',
      comment: 'src/model is the bottom layer: it may import src/model only.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'model-npm-only-zod-immer',
      comment: 'src/model may use zod (the file schema) and immer (its edit recipes are written against drafts), no other package and no Node module.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'], pathNot: '(^|/)node_modules/(zod|immer)/' },
    },

    // ---- src/engine: pure computation; imports only the model. worker.ts adds Comlink.
    {
      name: 'engine-imports-only-model',
      comment: 'src/engine may import src/model and src/engine only.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/', pathNot: '^src/(model|engine)/' },
    },
    {
      name: 'engine-no-packages',
      comment: 'src/engine works on plain arrays: no npm package and no Node module (the worker entry may use comlink).',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'], pathNot: '(^|/)node_modules/comlink/' },
    },
    {
      name: 'comlink-only-in-the-worker-entry',
      comment: 'Of src/engine, only the worker entry (src/engine/worker.ts) talks to Comlink.',
      severity: 'error',
      from: { path: '^src/engine/', pathNot: '^src/engine/worker\\.ts$' },
      to: { path: '(^|/)node_modules/comlink/' },
    },
    {
      name: 'worker-entry-only-as-type',
      comment: 'The worker entry runs in the worker (new Worker(new URL(...))): the main thread imports its types, never its code.',
      severity: 'error',
      from: {},
      to: { path: '^src/engine/worker\\.ts$', dependencyTypesNot: ['type-only'] },
    },

    // ---- src/state: the store; imports model and engine. The autosave is handed to it, so it
    // names the autosave's types (src/io/autosave.ts) and nothing else of src/io.
    {
      name: 'state-imports-model-engine',
      comment: 'src/state may import src/model, src/engine and src/state; src/io only as types (the autosave it is given).',
      severity: 'error',
      from: { path: '^src/state/' },
      to: { path: '^src/', pathNot: '^src/(model|engine|state|io)/' },
    },
    {
      name: 'state-io-only-types',
      comment: 'src/state may name src/io types (an injected autosave), never run io code.',
      severity: 'error',
      from: { path: '^src/state/' },
      to: { path: '^src/io/', dependencyTypesNot: ['type-only'] },
    },

    // ---- src/io: files, links, exports; imports model and engine (never the store or the UI).
    {
      name: 'io-imports-model-engine',
      comment: 'src/io may import src/model, src/engine and src/io.',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: '^src/', pathNot: '^src/(model|engine|io)/' },
    },
    {
      name: 'service-worker-stands-alone',
      comment: 'src/io/serviceWorker.ts is compiled on its own into sw.js: it imports nothing of ours.',
      severity: 'error',
      from: { path: '^src/io/serviceWorker\\.ts$' },
      to: { path: '^src/' },
    },

    // ---- src/ui: anything but the command line (checked below for everyone).

    // ---- src/cli: Node. model, engine, and the io modules that need no browser.
    {
      name: 'cli-imports-model-engine-node-io',
      comment: 'src/cli may import src/model, src/engine and the Node-safe io modules (src/io/forecastExport.ts, src/io/tableExport.ts, src/io/percentileExport.ts, src/io/csv.ts).',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: ['^src/(model|engine|cli)/', '^src/io/(forecastExport|tableExport|percentileExport|csv)\\.ts$'] },
    },
    {
      name: 'cli-reaches-no-browser-code',
      comment: 'Nothing the CLI loads, directly or through another module, may need a browser package.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: browserPackages, reachable: true },
    },
    {
      name: 'pure-layers-reach-no-browser-code',
      comment: 'src/model and src/engine (but for the worker entry and the model\'s immer) reach no UI, store or browser package.',
      severity: 'error',
      from: { path: '^src/(model|engine)/', pathNot: '^src/engine/worker\\.ts$' },
      to: { path: browserPackages, pathNot: '(^|/)node_modules/immer/', reachable: true },
    },

    // ---- everyone
    {
      name: 'nobody-imports-the-cli',
      comment: 'src/cli is an entry point: no other code imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'nobody-imports-main',
      comment: 'src/main.tsx is the app\'s entry point: nothing imports it.',
      severity: 'error',
      from: {},
      to: { path: '^src/main\\.tsx$' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve cannot be checked against the rules above.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: without this TypeScript's erased imports would be
    // invisible to the rules.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
