import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { createNetworkCache, type AppDeps } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { createUser } from '#server/features/auth/auth.service.ts';
import { commitImport } from '#server/features/import/import.service.ts';
import { findDuplicates } from '#server/features/duplicates/duplicates.service.ts';
import { NetworkGenerator } from './bench/lib/network.ts';
const N = Number(process.argv[2] ?? 10000);
const g = new NetworkGenerator(11);
const rows = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
for (let i = 0; i < N; i++) { const p = g.next().person; const [f, ...l] = p.name.split(' '); rows.push([f, l.join(' '), `https://www.linkedin.com/in/x${i}`, i % 3 ? '' : p.emails?.[0]?.value, `"${p.company ?? ''}"`, `"${p.role}"`, '12 Mar 2024'].join(',')); }
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-prof-'));
const handle = openDatabase({ kind: 'sqlite', path: path.join(dir, 'p.db') });
await migrateToLatest(handle.db);
const config = loadConfig({ NODE_ENV: 'production', SQLITE_PATH: path.join(dir, 'p.db'), LOG_LEVEL: 'silent' });
const deps: AppDeps = { db: handle.db, dialect: 'sqlite', config, now: () => new Date(), network: createNetworkCache(handle.db) };
const u = await createUser(deps, { email: 'p@example.com', password: 'a long bench password 2026', displayName: 'P', locale: 'it' }, 'admin');
const r = await commitImport(deps, u.id, Buffer.from(rows.join('\r\n')));
for (let k = 0; k < 2; k++) { const t = performance.now(); const d = await findDuplicates(deps, u.id); console.log(r.created.length, 'people; scan', (performance.now() - t).toFixed(0), 'ms; pairs', d.length, 'top', d[0]?.score, 'last', d.at(-1)?.score); }
await handle.close(); fs.rmSync(dir, { recursive: true });
