import type { FastifyInstance } from 'fastify';
import { buildApp, loggerOptions } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, optimizeSqlite, type DbHandle } from './db/db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { deleteExpiredSessions } from './features/auth/auth.repo.ts';
import { classifyMailError, outboxDir } from './features/email/mailer.ts';
import { errorForLog } from './features/jobs/worker.ts';
import { createJobWorker } from './features/intros/intros.jobs.ts';

export interface RunningServer {
  app: FastifyInstance;
  handle: DbHandle;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates it, and listens. Used by `rete serve` and `npm start`. */
export async function startServer(config: Config): Promise<RunningServer> {
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const { app, deps } = await buildApp({
    db: handle.db,
    dialect: handle.dialect,
    config,
    logger: loggerOptions(config.logLevel),
  });
  await app.listen({ host: config.host, port: config.port });
  const smtp = config.mail.smtp;
  if (smtp) app.log.info({ smtp: `${smtp.host}:${smtp.port}`, from: config.mail.from }, 'email goes out over SMTP');
  else
    app.log.info(
      { outbox: outboxDir(config), from: config.mail.from },
      'no SMTP_HOST: every email stays in the outbox (in the web app, and as .eml files)',
    );
  // The job worker of this process: emails, reminders, expiry (several processes share the jobs).
  const worker = config.jobs.worker ? createJobWorker(deps, { log: app.log }).start() : null;
  if (worker) {
    // The mail server is asked once at start-up, without holding the start: one that is down now
    // may be up later (emails wait and are retried), but a wrong password or port shows here,
    // not hours later in a job.
    const mailer = worker.mailer;
    mailer.verify().catch((err: unknown) => {
      const failure = classifyMailError(err, mailer.mode);
      app.log.warn(
        { reason: failure.reason, error: errorForLog(err) },
        mailer.mode === 'smtp'
          ? 'the mail server cannot be used now: emails wait in the outbox and are retried; check SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER and SMTP_PASSWORD'
          : 'the outbox folder cannot be written: check DATA_DIR',
      );
    });
  }
  // Hourly housekeeping: planner statistics drift as networks grow (SQLite advises re-optimizing
  // periodically), and sessions that expired without being presented again are removed.
  const optimizer = setInterval(() => {
    optimizeSqlite(handle);
    deleteExpiredSessions(handle.db, new Date().toISOString()).catch((err: unknown) =>
      app.log.error({ err }, 'session cleanup failed'),
    );
  }, 60 * 60_000);
  optimizer.unref();
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    // app.close() stops accepting connections and waits for requests in flight.
    clearInterval(optimizer);
    stopping ??= (worker ? worker.stop().then(() => worker.mailer.close()) : Promise.resolve())
      .then(() => app.close())
      .then(() => handle.close());
    return stopping;
  };
  return { app, handle, url, stop };
}

export function stopOnSignals(server: RunningServer, graceMs: number): void {
  const onSignal = (signal: NodeJS.Signals) => {
    server.app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      server.app.log.error('requests still in flight after the grace period; exiting');
      process.exit(1);
    }, graceMs);
    timer.unref();
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
