#!/usr/bin/env node
/**
 * `npm test`: every test — the static checks, unit, property and component tests (Vitest), the
 * end-to-end suite in a real Chromium (Playwright), then the first-load budget on the production
 * build — and one closing line `tests: N passed, N failed` that CI reads.
 * Exits non-zero when anything failed or nothing ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

// Static checks first: strict types in every layer (the pure layers without DOM types), lint, and
// the layer rules (which layer may import which: .dependency-cruiser.cjs). Each counts as a check.
function check(name, command, args) {
  if (run(command, args) === 0) counts.passed += 1;
  else {
    counts.failed += 1;
    problems.push(`${name} failed`);
  }
}

check('typecheck', './node_modules/.bin/tsc', ['-b']);
check('lint', './node_modules/.bin/eslint', ['.', '--max-warnings=0']);
check('layer rules', './node_modules/.bin/depcruise', ['src', '--config', '.dependency-cruiser.cjs']);

const vitestStatus = run('./node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`]);
const vitest = readJson(`${reports}/vitest.json`);
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A suite that fails to load has no failed tests but is still a failure.
  if (vitestStatus !== 0 && vitest.numFailedTests === 0) problems.push('vitest exited with an error');
} else problems.push('vitest wrote no report');

const skipE2e = process.env.SLIDECAST_SKIP_E2E === '1';
if (!skipE2e) {
  const e2eStatus = run('./node_modules/.bin/playwright', ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json`,
  });
  const playwright = readJson(`${reports}/playwright.json`);
  if (playwright?.stats) {
    counts.passed += playwright.stats.expected + playwright.stats.flaky;
    counts.failed += playwright.stats.unexpected;
    counts.skipped += playwright.stats.skipped;
    if (e2eStatus !== 0 && playwright.stats.unexpected === 0) problems.push('playwright exited with an error');
  } else problems.push('playwright wrote no report');
}

// The first-load budget (DESIGN.md §8) on the production build that the end-to-end suite's server
// made (playwright.config.ts webServer); without that suite, a build of its own. One check.
if (skipE2e || !existsSync('dist/index.html')) run('./node_modules/.bin/vite', ['build', '--logLevel', 'warn']);
check('first-load budget', process.execPath, ['scripts/check-first-load-budget.mjs', 'dist']);

for (const problem of problems) console.error(`test-all: ${problem}`);
const ran = counts.passed + counts.failed;
if (ran === 0) console.error('test-all: no test ran');
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(counts.failed > 0 || problems.length > 0 || ran === 0 ? 1 : 0);
