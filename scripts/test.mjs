#!/usr/bin/env node
// `npm test`: the build (`npm run build`), then every unit and database suite on SQLite, again on
// PostgreSQL when DATABASE_URL is set, then the browser tests in Chromium when it is installed. It
// says what it skipped.
// REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 (set by CI) turn a skip into a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const env = { ...process.env };
const results = [];
let failed = false;

function vitest(label, args, extraEnv = {}) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rete-vitest-')), 'report.json');
  const r = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  let passed = 0;
  let fails = 0;
  let skipped = 0;
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    fails = report.numFailedTests;
    skipped = report.numPendingTests + (report.numTodoTests ?? 0);
  }
  if (r.status !== 0 && fails === 0) fails = 1; // a crash or a failed suite outside any test
  if (r.status !== 0) failed = true;
  results.push({ label, passed, fails, skipped });
  return { passed, fails };
}

function findChromium() {
  for (const p of [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && fs.existsSync(p)) return p;
  }
  return null;
}

// The build comes first: the browser tests drive it, and the command-line tests run the built CLI
// (bin/rete.js takes it when it is newer than every source), which starts without transpiling.
const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', env });
const built = build.status === 0;
if (!built) {
  console.error('build failed (npm run build: the web app and the server)');
  failed = true;
}

const { DATABASE_URL, ...sqliteEnv } = env;
vitest('unit and database suites on SQLite', [], { ...sqliteEnv, DATABASE_URL: '' });

if (DATABASE_URL) {
  const r = vitest('database suites on PostgreSQL', ['--dir', '.', '-t', 'on postgres'], { DATABASE_URL });
  if (r.passed === 0) {
    console.error('PostgreSQL suites ran no test: is the database reachable?');
    failed = true;
  }
} else {
  const msg = 'PostgreSQL suites skipped: set DATABASE_URL=postgres://... to run them.';
  console.log(msg);
  if (env.REQUIRE_POSTGRES === '1') {
    console.error('REQUIRE_POSTGRES=1 but DATABASE_URL is not set.');
    failed = true;
  }
}

const chromium = findChromium();
if (chromium) {
  if (!built) {
    console.error('Browser tests not run: the build failed.');
  } else {
    vitest('browser tests in Chromium', ['--config', 'vitest.e2e.config.ts'], {
      ...sqliteEnv,
      DATABASE_URL: '',
      CHROMIUM_PATH: chromium,
    });
  }
} else {
  console.log('Browser tests skipped: install Chromium (apt-get install -y chromium) to run them.');
  if (env.REQUIRE_BROWSER === '1') {
    console.error('REQUIRE_BROWSER=1 but Chromium is not installed.');
    failed = true;
  }
}

let p = 0;
let f = 0;
let s = 0;
console.log('\nSummary:');
for (const r of results) {
  console.log(`  ${r.label}: ${r.passed} passed, ${r.fails} failed, ${r.skipped} skipped`);
  p += r.passed;
  f += r.fails;
  s += r.skipped;
}
console.log(`tests: ${p} passed, ${f} failed, ${s} skipped`);
process.exit(failed || f > 0 ? 1 : 0);
