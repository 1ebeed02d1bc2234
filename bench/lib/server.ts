/**
 * The server side of the HTTP benchmark, run as a child process so that the load generator
 * (autocannon, in the parent) and the server each have a core, as in production.
 *
 *   node --import tsx bench/lib/server.ts app FILE          the real app (buildApp, logger off)
 *   node --import tsx bench/lib/server.ts bare BODYFILE     node:http answering BODYFILE's bytes
 *   node --import tsx bench/lib/server.ts bare-sqlite BODYFILE FILE
 *        node:http that also reads the requested person's row from SQLite, then answers the bytes
 *
 * Listens on 127.0.0.1 on a free port and tells the parent over IPC; answers {type:'memory'}
 * with its memory after a full GC, and {type:'cpu'} with the CPU time this process has used so far
 * (process.cpuUsage, user + system) and the number of requests it has received: the parent takes
 * the difference over a load run to get CPU time per request, which load from other processes on
 * the machine does not change.
 */
import fs from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { openDatabase, openSqlite } from '#server/db/db.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { gc } from './stats.ts';

const [mode, a, b] = process.argv.slice(2);
const send = (msg: unknown) => process.send?.(msg);

let port: number;
let server: http.Server;
if (mode === 'app' && a) {
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    SQLITE_PATH: a,
    LOG_LEVEL: 'silent',
    // The default (600 a minute per user) would answer most of the load with 429.
    RATE_LIMIT_PER_MINUTE: '1000000000',
  });
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const { app } = await buildApp({ db: handle.db, dialect: handle.dialect, config, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  server = app.server;
  port = (app.server.address() as AddressInfo).port;
} else if ((mode === 'bare' || mode === 'bare-sqlite') && a) {
  const body = fs.readFileSync(a);
  const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) };
  if (mode === 'bare') {
    server = http.createServer((_req, res) => {
      res.writeHead(200, headers);
      res.end(body);
    });
  } else {
    if (!b) throw new Error('bare-sqlite needs the database file');
    const conn = openSqlite(b);
    const stmt = conn.prepare('select * from people where id = ?');
    server = http.createServer((req, res) => {
      const id = (req.url ?? '').split('/').pop() ?? '';
      const row = stmt.get(id);
      res.writeHead(row ? 200 : 404, headers);
      res.end(body);
    });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
} else {
  throw new Error('usage: server.ts app FILE | bare BODYFILE | bare-sqlite BODYFILE FILE');
}

let requests = 0;
server.on('request', () => {
  requests++;
});

// A CPU profile of a chosen window (the load runs, not the start-up): {type:'profile-start'},
// then {type:'profile-stop', file} writes it as a .cpuprofile (Chrome DevTools, speedscope).
const inspector = new Session();
process.on('message', (msg: { type: string; file?: string }) => {
  if (msg.type === 'profile-start') {
    inspector.connect();
    inspector.post('Profiler.enable', () =>
      inspector.post('Profiler.setSamplingInterval', { interval: 100 }, () =>
        inspector.post('Profiler.start', () => send({ type: 'profile-start' })),
      ),
    );
  }
  if (msg.type === 'profile-stop' && msg.file) {
    const file = msg.file;
    inspector.post('Profiler.stop', (err, r) => {
      if (!err) fs.writeFileSync(file, JSON.stringify(r.profile));
      inspector.disconnect();
      send({ type: 'profile-stop' });
    });
  }
  if (msg.type === 'cpu') {
    const c = process.cpuUsage();
    send({ type: 'cpu', micros: c.user + c.system, requests });
  }
  if (msg.type === 'memory') {
    gc();
    const m = process.memoryUsage();
    send({ type: 'memory', rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external });
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', port });
