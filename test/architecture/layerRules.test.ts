/**
 * The layer rules (.dependency-cruiser.cjs) catch a forbidden import: the check that `npm test`
 * runs (`depcruise src --config .dependency-cruiser.cjs`) is run on a small source tree written to
 * a temporary directory, in which each file breaks one rule or uses one permission.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../..');
const depcruise = join(repo, 'node_modules/.bin/depcruise');
const config = join(repo, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The check as `npm test` runs it (its exit status and message), and its violations as JSON. */
function check(root: string): { status: number | null; message: string; violations: Violation[] } {
  const run = spawnSync(depcruise, ['src', '--config', config], { cwd: root, encoding: 'utf8' });
  const json = spawnSync(depcruise, ['src', '--config', config, '--output-type', 'json'], { cwd: root, encoding: 'utf8' });
  const output = JSON.parse(json.stdout) as { summary: { violations: Violation[] } };
  return { status: run.status, message: run.stdout + run.stderr, violations: output.summary.violations };
}

// Files every import below can point at: one per layer, importing nothing.
const targets: Record<string, string> = {
  'src/model/types.ts': 'export type Id = string;\n',
  'src/engine/forecast.ts': 'export const forecast = 1;\n',
  'src/engine/worker.ts': 'export type EngineApi = { forecast: number };\n',
  'src/state/store.ts': 'export const store = 1;\n',
  'src/io/autosave.ts': 'export type Autosave = { save(): void };\nexport const createAutosave = 1;\n',
  'src/io/workspaceFiles.ts': "import { fileOpen } from 'browser-fs-access';\nexport const open = fileOpen;\n",
  'src/io/csv.ts': 'export const toCsv = 1;\n',
  'src/io/forecastExport.ts': "import { toCsv } from './csv';\nexport const forecastToCsv = toCsv;\n",
  'src/ui/Chart.tsx': 'export const Chart = 1;\n',
  'src/cli/forecast.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
};

// One file per case: the rule it breaks, or null where the import is allowed.
const cases: { file: string; text: string; rule: string | null; to: string }[] = [
  { file: 'src/model/usesEngine.ts', text: "import { forecast } from '../engine/forecast';\nexport const x = forecast;\n", rule: 'model-imports-only-model', to: 'src/engine/forecast.ts' },
  { file: 'src/model/usesReact.ts', text: "import { useState } from 'react';\nexport const x = useState;\n", rule: 'model-npm-only-zod-immer', to: 'node_modules/react/' },
  { file: 'src/model/usesZod.ts', text: "import { z } from 'zod';\nexport const x = z;\n", rule: null, to: 'node_modules/zod/' },
  { file: 'src/engine/usesState.ts', text: "import { store } from '../state/store';\nexport const x = store;\n", rule: 'engine-imports-only-model', to: 'src/state/store.ts' },
  { file: 'src/engine/usesImmer.ts', text: "import { produce } from 'immer';\nexport const x = produce;\n", rule: 'engine-no-packages', to: 'node_modules/immer/' },
  { file: 'src/engine/usesModel.ts', text: "import type { Id } from '../model/types';\nexport const x: Id = 'a';\n", rule: null, to: 'src/model/types.ts' },
  { file: 'src/state/runsIo.ts', text: "import { createAutosave } from '../io/autosave';\nexport const x = createAutosave;\n", rule: 'state-io-only-types', to: 'src/io/autosave.ts' },
  { file: 'src/state/namesIoType.ts', text: "import type { Autosave } from '../io/autosave';\nexport type X = Autosave;\n", rule: null, to: 'src/io/autosave.ts' },
  { file: 'src/state/usesUi.ts', text: "import { Chart } from '../ui/Chart';\nexport const x = Chart;\n", rule: 'state-imports-model-engine', to: 'src/ui/Chart.tsx' },
  { file: 'src/state/runsWorker.ts', text: "import * as worker from '../engine/worker';\nexport const x = worker;\n", rule: 'worker-entry-only-as-type', to: 'src/engine/worker.ts' },
  { file: 'src/io/usesStore.ts', text: "import { store } from '../state/store';\nexport const x = store;\n", rule: 'io-imports-model-engine', to: 'src/state/store.ts' },
  { file: 'src/ui/usesCli.ts', text: "import { read } from '../cli/forecast';\nexport const x = read;\n", rule: 'nobody-imports-the-cli', to: 'src/cli/forecast.ts' },
  { file: 'src/cli/usesUi.ts', text: "import { Chart } from '../ui/Chart';\nexport const x = Chart;\n", rule: 'cli-imports-model-engine-node-io', to: 'src/ui/Chart.tsx' },
  { file: 'src/cli/usesBrowserIo.ts', text: "import { open } from '../io/workspaceFiles';\nexport const x = open;\n", rule: 'cli-imports-model-engine-node-io', to: 'src/io/workspaceFiles.ts' },
  { file: 'src/cli/usesExport.ts', text: "import { forecastToCsv } from '../io/forecastExport';\nexport const x = forecastToCsv;\n", rule: null, to: 'src/io/forecastExport.ts' },
];

let root = '';
let result: ReturnType<typeof check>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'slidecast-layers-'));
  writeTree(root, { ...targets, ...Object.fromEntries(cases.map((c) => [c.file, c.text])) });
  // The project's packages, so that npm imports resolve as they do in src/.
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  result = check(root);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the layer rules', () => {
  it('fail the check when any import crosses a boundary, naming the rule and both files', () => {
    expect(result.status).not.toBe(0);
    expect(result.message).toMatch(/error model-imports-only-model: src\/model\/usesEngine\.ts → src\/engine\/forecast\.ts/);
    expect(result.message).toMatch(/error cli-imports-model-engine-node-io: src\/cli\/usesUi\.ts → src\/ui\/Chart\.tsx/);
  });

  for (const c of cases) {
    const label = c.rule ? `refuse ${c.file} → ${c.to} (${c.rule})` : `allow ${c.file} → ${c.to}`;
    it(label, () => {
      const found = result.violations.filter((v) => v.from === c.file && v.to.includes(c.to)).map((v) => v.rule.name);
      if (c.rule) expect(found).toContain(c.rule);
      else expect(found).toEqual([]);
    });
  }

  it('let a browser package reach the command line through no module', () => {
    const found = result.violations.filter((v) => v.from === 'src/cli/usesBrowserIo.ts').map((v) => v.rule.name);
    expect(found).toContain('cli-reaches-no-browser-code');
  });

  it('pass a tree that keeps to them', () => {
    const clean = mkdtempSync(join(tmpdir(), 'slidecast-layers-clean-'));
    try {
      writeTree(clean, { ...targets, ...Object.fromEntries(cases.filter((c) => !c.rule).map((c) => [c.file, c.text])) });
      symlinkSync(join(repo, 'node_modules'), join(clean, 'node_modules'), 'dir');
      const cleanResult = check(clean);
      expect(cleanResult.violations).toEqual([]);
      expect(cleanResult.status).toBe(0);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });
});
