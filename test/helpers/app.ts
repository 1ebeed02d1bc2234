import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type RouteInfo } from '#server/app.ts';
import type { AppDeps } from '#server/deps.ts';
import { loadConfig, type Config } from '#server/config.ts';
import type { Dialect } from '#server/db/db.ts';
import { createTestDb, type TestDb } from './test-db.ts';
import type { Locale } from '#shared/api/values.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  routes: RouteInfo[];
  db: TestDb;
  clock: { now: Date };
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  env: Record<string, string> = {},
): Promise<TestApp> {
  const db = await createTestDb(dialect);
  // Files a test app writes (the outbox's .eml files, backups) go to a temporary folder of its own,
  // never into the repository's ./data.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-test-data-'));
  const config = loadConfig(
    { DATA_DIR: dataDir, NODE_ENV: 'test', PUBLIC_BASE_URL: 'http://rete.test', RATE_LIMIT_PER_MINUTE: '100000', ...env },
    overrides,
  );
  const clock = { now: new Date() };
  const built = await buildApp({
    db: db.handle.db,
    dialect: db.dialect,
    config: {
      ...config,
      database: db.dialect === 'sqlite' ? { kind: 'sqlite', path: db.location } : { kind: 'postgres', url: db.url ?? '' },
    },
    now: () => clock.now,
  });
  return {
    ...built,
    db,
    clock,
    close: async () => {
      await built.app.close();
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One test app for a whole describe block: created before its tests (its clock at `at`, when
 * given), closed after them. Call it in the describe body; the app it returns is filled in by
 * the block's first hook, so it is ready in the later hooks and in the tests, not in the body.
 */
export function appPerSuite(
  dialect: Dialect,
  opts: { overrides?: Partial<Config>; env?: Record<string, string>; at?: string } = {},
): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    Object.assign(t, await createTestApp(dialect, opts.overrides, opts.env));
    if (opts.at) t.clock.now = new Date(opts.at);
  });
  afterAll(async () => t.close());
  return t;
}

export interface Client {
  email: string;
  password: string;
  userId: string;
  selfPersonId: string;
  cookie: string;
  csrf: string;
  /** An injected request with this user's session cookie and CSRF token. */
  req(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

let counter = 0;

export function cookieFrom(res: LightMyRequestResponse): string {
  const c = res.cookies.find((k) => k.name.endsWith('rete_session'));
  if (!c) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `${c.name}=${c.value}`;
}

export async function signup(
  app: FastifyInstance,
  opts: { email?: string; password?: string; locale?: Locale; remoteAddress?: string } = {},
): Promise<Client> {
  counter++;
  const email = opts.email ?? `user${counter}-${Date.now()}@example.com`;
  const password = opts.password ?? 'correct horse battery staple';
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email, password, displayName: `User ${counter}`, locale: opts.locale ?? 'it' },
    ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`signup failed ${res.statusCode}: ${res.body}`);
  // A sign-up never logs in (it answers the same for an address already registered): log in, as the web app does.
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
  });
  if (login.statusCode !== 200) throw new Error(`login after signup failed ${login.statusCode}: ${login.body}`);
  const body = login.json<{ user: { id: string; selfPersonId: string }; csrfToken: string }>();
  const cookie = cookieFrom(login);
  const client: Client = {
    email,
    password,
    userId: body.user.id,
    selfPersonId: body.user.selfPersonId,
    cookie,
    csrf: body.csrfToken,
    req: (o) => app.inject({ ...o, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, ...(o.headers ?? {}) } }),
  };
  return client;
}

/** A user signed up (and logged in) once for a describe block, after the hooks declared before it. */
export function userPerSuite(t: TestApp, opts: Parameters<typeof signup>[1] = {}): Client {
  const client = {} as Client;
  beforeAll(async () => {
    Object.assign(client, await signup(t.app, opts));
  });
  return client;
}

export async function createPerson(c: Client, body: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
  const res = await c.req({ method: 'POST', url: '/api/v1/people', payload: body });
  if (res.statusCode !== 201) throw new Error(`create person failed ${res.statusCode}: ${res.body}`);
  return res.json();
}
