#!/usr/bin/env node
// Builds the server and the CLI to JavaScript, as `vite build` builds the web app: `npm start` and
// `npx rete` then run plain JavaScript, and the TypeScript transpiler (tsx) is left to development
// and the tests.
//
//   node scripts/build-server.mjs [OUTDIR]      (default: dist/server)
//
// Output: OUTDIR/main.js (what `npm start` runs), OUTDIR/cli.js (what bin/rete.js loads), shared
// chunks, source maps, the data files the code reads beside itself, and OUTDIR/inputs.json (the
// source files of the build, so that bin/rete.js can tell a build older than the sources).
//
// Packages stay external: node_modules are loaded at run time, as before (native ones such as
// better-sqlite3 cannot be bundled anyway).
//
// Code that finds files relative to its own source file must still find them from the bundle,
// where import.meta.url is OUTDIR/<chunk>.js. Every use of import.meta in the bundled sources is
// checked here, and an unknown one fails the build rather than the server at run time:
// - new URL('./rel/path', import.meta.url): the file is copied to OUTDIR/rel/path;
// - createRequire(import.meta.url): resolves packages, and node_modules is found from OUTDIR too;
// - fileURLToPath(import.meta.url) in a file directly in src/server (app.ts finds dist/web at
//   ../../dist/web): holds because OUTDIR is dist/server, at the same depth as src/server.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.resolve(process.argv[2] ?? path.join(repo, 'dist/server'));
const serverDir = path.join(repo, 'src/server');

const started = Date.now();
fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: repo,
  entryPoints: { main: 'src/server/main.ts', cli: 'src/server/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});

const ASSET = /new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;
const REQUIRE = /createRequire\(\s*import\.meta\.url\s*\)/g;
const OWN_DIR = /path\.dirname\(\s*fileURLToPath\(\s*import\.meta\.url\s*\)\s*\)/g;

const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
const copied = new Map(); // destination -> source
const problems = [];
for (const rel of inputs) {
  const file = path.join(repo, rel);
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes('import.meta')) continue;
  let rest = text.replace(REQUIRE, '');
  for (const m of text.matchAll(ASSET)) {
    const target = m[2];
    if (!target.startsWith('./')) {
      problems.push(`${rel}: new URL('${target}', import.meta.url) must point below its own folder`);
      continue;
    }
    const source = path.resolve(path.dirname(file), target);
    const dest = path.join(outdir, target);
    const prev = copied.get(dest);
    if (prev && prev !== source) problems.push(`${rel}: ${target} is also ${path.relative(repo, prev)}`);
    copied.set(dest, source);
  }
  rest = rest.replace(ASSET, '');
  if (OWN_DIR.test(rest)) {
    if (path.dirname(file) !== serverDir)
      problems.push(`${rel}: a path from its own folder only works for files directly in src/server`);
    rest = rest.replace(OWN_DIR, '');
  }
  if (rest.includes('import.meta'))
    problems.push(`${rel}: an import.meta use the build does not know how to carry into the bundle`);
}
// Packages are loaded from node_modules at run time: each must be a dependency, not a devDependency
// (an install without dev dependencies would lack it).
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
for (const out of Object.values(result.metafile.outputs)) {
  for (const imp of out.imports) {
    if (!imp.external || imp.path.startsWith('node:')) continue;
    const name = imp.path.startsWith('@') ? imp.path.split('/').slice(0, 2).join('/') : imp.path.split('/')[0];
    if (!pkg.dependencies?.[name]) problems.push(`the server imports ${name}, which is not in package.json's dependencies`);
  }
}
if (problems.length) {
  console.error(`Server build: ${problems.join('\n  ')}`);
  process.exit(1);
}
for (const [dest, source] of copied) {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(source, dest);
}
// The data files count as sources too: a changed one makes the build out of date.
const dataFiles = [...copied.values()].map((f) => path.relative(repo, f));
fs.writeFileSync(path.join(outdir, 'inputs.json'), `${JSON.stringify([...inputs, ...dataFiles])}\n`);
console.log(
  `Server built in ${Date.now() - started} ms: ${path.relative(repo, outdir) || outdir}/main.js and cli.js (${inputs.length} sources, ${copied.size} data file${copied.size === 1 ? '' : 's'})`,
);
