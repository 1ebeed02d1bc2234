/**
 * Shared set-up of the introduction tests: an app on a fresh database, a real SMTP server, a
 * worker to run the jobs, a user with contacts, and helpers to follow links from received emails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, expect } from 'vitest';
import type { Locale } from '#shared/api/values.ts';
import { createPerson, createTestApp, signup, type Client, type TestApp } from '#test/helpers/app.ts';
import { startMailbox, type Mailbox, type Received } from '#test/helpers/mailbox.ts';
import type { Intro } from '#shared/api/intros.ts';
import type { Dialect } from '../../db/db.ts';
import { createJobWorker } from './intros.jobs.ts';

export interface Kit {
  t: TestApp;
  mailbox: Mailbox | null;
  dataDir: string;
  user: Client;
  worker: ReturnType<typeof createJobWorker>;
  /** Runs the worker once (ticks and due jobs). */
  run(): Promise<{ ran: number; failed: number }>;
  /** Moves the test clock. */
  advance(ms: number): void;
  person(body: Record<string, unknown>): Promise<string>;
  /** Creates and (optionally) sends an intro; returns its id. */
  intro(body: Record<string, unknown>, send?: boolean): Promise<string>;
  get(id: string): Promise<IntroView>;
  close(): Promise<void>;
}

/** An introduction as the API answers it. */
export type IntroView = Intro;

export const DAY = 86_400_000;

export async function setup(
  dialect: Dialect,
  opts: { smtp?: boolean; env?: Record<string, string>; locale?: Locale; displayName?: string } = {},
): Promise<Kit> {
  const mailbox = opts.smtp === false ? null : await startMailbox();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-intros-'));
  const t = await createTestApp(
    dialect,
    {},
    { DATA_DIR: dataDir, INTRO_LINK_RATE_LIMIT_PER_MINUTE: '100000', ...(mailbox?.env ?? {}), ...(opts.env ?? {}) },
  );
  const user = await signup(t.app, {
    locale: opts.locale ?? 'it',
    email: `marta-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`,
  });
  if (opts.displayName) {
    // Written as stored data: the API refuses line breaks and control characters in a display name,
    // so a name holding them stands for data written before that rule (the emails must still be safe).
    await t.db.handle.db.updateTable('users').set({ display_name: opts.displayName }).where('id', '=', user.userId).execute();
  }
  const worker = createJobWorker(t.deps, { id: 'test-worker' });
  const kit: Kit = {
    t,
    mailbox,
    dataDir,
    user,
    worker,
    run: () => worker.runOnce(),
    advance(ms) {
      t.clock.now = new Date(t.clock.now.getTime() + ms);
    },
    async person(body) {
      return (await createPerson(user, body)).id;
    },
    async intro(body, send = true) {
      const r = await user.req({ method: 'POST', url: '/api/v1/intros', payload: body });
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json<{ id: string }>().id;
      if (send) {
        const s = await user.req({ method: 'POST', url: `/api/v1/intros/${id}/send` });
        expect(s.statusCode, s.body).toBe(200);
      }
      return id;
    },
    async get(id) {
      const r = await user.req({ method: 'GET', url: `/api/v1/intros/${id}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<IntroView>();
    },
    async close() {
      await worker.stop();
      worker.mailer.close();
      await t.close();
      await mailbox?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return kit;
}

/**
 * A kit per test, closed after it (a failed test's too): call once in a describe block, then
 * `await start(dialect, …)` in each test.
 */
export function kitPerTest(): (...args: Parameters<typeof setup>) => Promise<Kit> {
  let open: Kit | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });
  return async (...args) => (open = await setup(...args));
}

/** The answer link of a received email (its text part), with the token. */
export function linkOf(m: Received | string): string {
  const text = typeof m === 'string' ? m : (m.parsed.text ?? '');
  const found = /(https?:\/\/[^\s]+\/i\/[A-Za-z0-9_-]{43})\?choice=accept/.exec(text);
  if (!found?.[1]) throw new Error(`no answer link in:\n${text}`);
  return found[1];
}

export const tokenOf = (link: string): string => link.slice(link.lastIndexOf('/') + 1);

/** Opens the answer page (GET) and posts the answer as the page's form does. */
export async function answer(t: TestApp, link: string, action: 'accept' | 'decline' | 'object'): Promise<LightMyRequestResponse> {
  const url = new URL(link);
  return t.app.inject({
    method: 'POST',
    url: url.pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin, 'sec-fetch-site': 'same-origin' },
    payload: `action=${action}`,
  });
}
