/**
 * The server as `npm start` runs it: the JavaScript that `npm run build` makes (dist/server), not
 * the TypeScript sources. Every browser test runs against it too (see harness.ts); this file
 * checks, without a browser, what the build itself must carry: the process answers its health
 * check with the migrations applied, finds the built web app beside itself and serves it (page,
 * assets, client-side routes), and the data files the code reads relative to itself are there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestServer } from './harness.ts';

const repo = path.resolve(import.meta.dirname, '../..');

describe('the built server (npm start)', () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('runs dist/server/main.js, not the sources through a transpiler', () => {
    const args = app.process.spawnargs.slice(1);
    expect(args).toEqual(['--enable-source-maps', 'dist/server/main.js']);
    expect(args.join(' ')).not.toMatch(/tsx|\.ts\b/);
  });

  it('answers its health check on a fresh database, migrations current', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'sqlite', migrations: { current: true, pending: [] } });
  });

  it('serves the built web app: its page, its scripts, and the page for a client-side route', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toBe(fs.readFileSync(path.join(repo, 'dist/web/index.html'), 'utf8'));
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'the page loads a script').toBeDefined();
    const js = await fetch(`${app.url}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toBe(fs.readFileSync(path.join(repo, 'dist/web', script ?? ''), 'utf8'));

    const deep = await fetch(`${app.url}/people`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    // The API keeps its own answers: an unknown API path is a JSON 404, not the page.
    const missing = await fetch(`${app.url}/api/v1/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('carries the data files the code reads relative to itself (the gazetteer of places)', () => {
    const source = path.join(repo, 'src/server/features/matching/engine/gazetteer/places.tsv');
    const built = path.join(repo, 'dist/server/gazetteer/places.tsv');
    expect(fs.readFileSync(built)).toEqual(fs.readFileSync(source));
  });
});
