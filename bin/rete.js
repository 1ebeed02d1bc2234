#!/usr/bin/env node
// The `rete` command (`npx rete`, `npm run rete --`). It runs the built CLI (dist/server/cli.js,
// made by `npm run build`, which `npm start` runs) when that build is at least as new as every
// source file it was built from; otherwise (no build yet, or a source changed since, as while
// developing) it runs the TypeScript sources through tsx, so a command never runs stale code.
// The check costs one stat per source file (about a millisecond).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(repo, 'dist/server/cli.js');

function builtIsCurrent() {
  let builtAt;
  let inputs;
  try {
    builtAt = fs.statSync(built).mtimeMs;
    inputs = JSON.parse(fs.readFileSync(path.join(repo, 'dist/server/inputs.json'), 'utf8'));
  } catch {
    return false;
  }
  for (const rel of inputs) {
    let changedAt;
    try {
      changedAt = fs.statSync(path.join(repo, rel)).mtimeMs;
    } catch {
      return false; // a source gone since the build: the build does not match the sources
    }
    if (changedAt > builtAt) return false;
  }
  return true;
}

let runCli;
if (builtIsCurrent()) {
  ({ runCli } = await import('../dist/server/cli.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/server/cli.ts'));
}
await runCli(process.argv);
