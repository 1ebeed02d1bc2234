/**
 * End-to-end harness: the real server as `npm start` runs it (the built JavaScript,
 * dist/server/main.js, serving the built web app dist/web) in a child process with a fresh SQLite
 * file on a free loopback port, and Debian's Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';
import { expect, type TestContext } from 'vitest';
import { loadConfig } from '#server/config.ts';
import en from '#web/i18n/en.json' with { type: 'json' };
import it from '#web/i18n/it.json' with { type: 'json' };
import type { Locale } from '#shared/api/values.ts';

const repo = path.resolve(import.meta.dirname, '../..');
export const screenshotDir = path.join(repo, 'test/e2e/screenshots');

export type Lang = Locale;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  url: string;
  /** The server process (`node --enable-source-maps dist/server/main.js`). */
  process: ChildProcess;
  /** Its DATA_DIR (the outbox's `.eml` files are under `outbox/`). */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * A fresh instance: its own database file, no users yet. With `readme`, started as the README
 * says: none of PUBLIC_BASE_URL, MAIL_FROM or SMTP_* (nor HOST) set, so its address is the default
 * http://localhost:PORT, which the browser must use. `env`: more settings (e.g. an SMTP server).
 */
export async function startApp(opts: { readme?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  for (const built of ['dist/web/index.html', 'dist/server/main.js']) {
    if (!fs.existsSync(path.join(repo, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` before the browser tests`);
    }
  }
  // A build older than the sources would test yesterday's code (npm test always builds first).
  const builtAt = fs.statSync(path.join(repo, 'dist/server/main.js')).mtimeMs;
  const inputs = JSON.parse(fs.readFileSync(path.join(repo, 'dist/server/inputs.json'), 'utf8')) as string[];
  const newer = inputs.filter((f) => !fs.existsSync(path.join(repo, f)) || fs.statSync(path.join(repo, f)).mtimeMs > builtAt);
  if (newer.length) throw new Error(`dist/server is older than ${newer.slice(0, 3).join(', ')}: run \`npm run build\``);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-e2e-'));
  // The port is chosen before listening because PUBLIC_BASE_URL must name the origin the browser uses.
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const files = { PORT: String(port), SQLITE_PATH: path.join(dir, 'rete.db'), DATA_DIR: dir, LOG_LEVEL: 'warn' };
    const url = opts.readme ? `http://localhost:${port}` : `http://127.0.0.1:${port}`;
    const env: Record<string, string> = opts.readme
      ? files
      : {
          ...files,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PUBLIC_BASE_URL: url,
          RATE_LIMIT_PER_MINUTE: '100000',
          ...opts.env,
        };
    // The same settings read here first: a mistake shows as a message, not as a process that exits.
    const config = loadConfig(env);
    if (config.publicBaseUrl !== url) throw new Error(`the app thinks it is at ${config.publicBaseUrl}, not ${url}`);
    // Only these settings (and PATH, HOME): nothing of this test process's environment leaks in.
    const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
      cwd: repo,
      env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await untilHealthy(`http://127.0.0.1:${port}`, exited);
      return {
        url,
        process: child,
        dataDir: dir,
        stop: async () => {
          // SIGTERM, as a service manager stops it: requests in flight and the job worker finish.
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
      lastError = err; // Someone took the port in between (the process exits): try another.
    }
  }
  throw lastError;
}

/** Resolves at the first 200 from /healthz; rejects when the process exits first or after 60 s. */
async function untilHealthy(base: string, exited: Promise<number | null>): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`the server exited with code ${gone} before answering`);
    const ok = await fetch(`${base}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the server did not answer /healthz within 60 s');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page: any one fails the test. */
  pageErrors: Error[];
  /** console.error messages other than the expected failed requests (see below). */
  consoleErrors: string[];
}

/**
 * Statuses the app expects and handles: 401 before log-in (the session probe, a wrong password) and
 * 409 (conflicts it explains). The browser logs them as "Failed to load resource"; they are not bugs.
 */
const EXPECTED_STATUS = /Failed to load resource: the server responded with a status of (401|409)/;

export async function openPage(
  browser: Browser,
  opts: { locale: string; viewport?: { width: number; height: number }; mobile?: boolean },
): Promise<Watched> {
  const context = await browser.newContext({
    locale: opts.locale,
    viewport: opts.viewport ?? { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    isMobile: opts.mobile ?? false,
    hasTouch: opts.mobile ?? false,
    timezoneId: 'Europe/Rome',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err));
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    if (EXPECTED_STATUS.test(msg.text())) return;
    consoleErrors.push(msg.text());
  });
  return { context, page, pageErrors, consoleErrors };
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  // Let transitions (modals, notifications) settle so the picture shows the real state.
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

type Dict = { [k: string]: string | Dict };
const dicts: Record<Lang, Dict> = { en: en, it: it };

/** The interface's own text for a key, so the tests read what a person reads. */
export function tr(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Dict | undefined = dicts[lang];
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`no translation ${lang}:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, v: string) => String(vars[v] ?? ''));
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A form field by its label; required fields carry a trailing asterisk. */
export function label(scope: Page | Locator, text: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRe(text)}( \\*)?$`));
}

/** The first element showing this text, once it is visible. */
export async function visible(page: Page, text: string | RegExp, exact = false): Promise<Locator> {
  const loc = typeof text === 'string' ? page.getByText(text, { exact }) : page.getByText(text);
  await loc.first().waitFor({ state: 'visible' });
  return loc.first();
}

/**
 * Reads and changes through the API are bounded like every other step (Playwright's own steps
 * time out after 15 s; `page.evaluate` never does): a request the server never answers fails the
 * step that made it, naming the path, instead of the whole test after two minutes.
 */
const API_TIMEOUT_MS = 15_000;

/** A read through the API, as the app makes it (session cookie). */
export async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(
    async ([p, ms]) => {
      const res = await fetch(p, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(ms) });
      if (!res.ok) throw new Error(`${p}: ${res.status}`);
      return (await res.json()) as unknown;
    },
    [path, API_TIMEOUT_MS] as const,
  ) as Promise<T>;
}

/** A change through the API, as the app makes it (session cookie and CSRF token). */
export async function post<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ([p, b, ms]) => {
      const signal = AbortSignal.timeout(ms);
      const session = (await (await fetch('/api/v1/auth/me', { signal })).json()) as { csrfToken: string };
      const res = await fetch(p, {
        signal,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify(b),
      });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return (await res.json()) as unknown;
    },
    [path, body, API_TIMEOUT_MS] as const,
  ) as Promise<T>;
}

/** A failed step leaves a picture of what the browser showed. */
export async function shotOnFailure(ctx: TestContext, w: Watched | undefined, prefix: string): Promise<void> {
  if (ctx.task.result?.state !== 'fail' || !w) return;
  const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  await shot(w.page, `FAILED-${prefix}-${name}`, false).catch(() => undefined);
}

/**
 * No uncaught error and no console error so far, except console errors matching `provoked` (the
 * statuses a test causes on purpose); the console is cleared for the next step.
 */
export function assertClean(w: Watched, provoked?: RegExp): void {
  expect(w.pageErrors.map((e) => e.message)).toEqual([]);
  expect(w.consoleErrors.filter((m) => !provoked?.test(m))).toEqual([]);
  w.consoleErrors.length = 0;
}

/** The page fits the viewport's width. */
export const noHorizontalScroll = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
