#!/usr/bin/env node
// `npm test`: every suite Scout has, each run even when an earlier one failed, then one closing line
// "N passed, N failed" counting test cases across suites (a failed typecheck, lint or build is one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0 };
const summary = [];

function run(command, args, { capture = false } = {}) {
  const result = spawnSync(command, args, {
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: result.status === 0, stdout: result.stdout ?? '' };
}

function record(name, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  summary.push(`${failed ? '✗' : '✓'} ${name}: ${passed} passed, ${failed} failed`);
}

/** A step that is one test case: it passes or it fails. */
function step(name, command, args) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n── ${name} ──`);
  const { ok } = run(command, args);
  record(name, ok ? 1 : 0, ok ? 0 : 1);
}

/** A Vitest suite: its own test cases count, or one failure when it could not run at all. */
function vitest(name, config) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n── ${name} ──`);
  const out = join(RESULTS, `${name}.json`);
  const { ok } = run('npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
  if (!existsSync(out)) return record(name, 0, 1);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const failed = report.numFailedTests + (ok || report.numFailedTests ? 0 : 1);
  record(name, report.numPassedTests, failed);
}

function addonsLint() {
  const name = 'firefox-lint';
  if (only.length && !only.includes(name)) return;
  console.log(`\n── ${name} ──`);
  const { stdout } = run('npx', ['addons-linter', '--output', 'json', '.output/firefox-mv3'], {
    capture: true,
  });
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    console.log('addons-linter gave no report');
    return record(name, 0, 1);
  }
  const problems = [...report.errors, ...report.warnings.filter((w) => /EVAL/.test(w.code))];
  for (const p of problems) console.log(`${p.code} ${p.file ?? ''}: ${p.message}`);
  console.log(
    `addons-linter: ${report.summary.errors} errors, ${report.summary.warnings} warnings`,
  );
  record(name, problems.length ? 0 : 1, problems.length ? 1 : 0);
}

step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['eslint', '.']);
step('format', 'npx', ['prettier', '--check', '.']);
vitest('unit', 'vitest.config.ts');
step('build-chrome', 'npx', ['wxt', 'build']);
step('build-firefox', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
addonsLint();
vitest('build-checks', 'vitest.build.config.ts');
vitest('e2e', 'vitest.e2e.config.ts');

console.log(`\n${summary.join('\n')}\n`);
const closing = `${totals.passed} passed, ${totals.failed} failed`;
writeFileSync(join(RESULTS, 'summary.txt'), `${closing}\n`);
console.log(closing);
process.exit(totals.failed ? 1 : 0);
