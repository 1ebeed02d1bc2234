/**
 * The job worker. Every server process runs one (started by startServer, stopped on shutdown);
 * `rete jobs run-once` runs one pass from the command line or cron. Jobs live in the database, so
 * they survive restarts and several processes share them: a job is claimed with a conditional
 * UPDATE (jobs.repo `claim`) that gives it to exactly one worker for a lease; a worker that dies
 * holding a job loses it when the lease runs out and another worker takes it over.
 *
 * A failed run is retried with exponential backoff up to the job's `max_attempts`, then marked
 * failed. Handlers make their own last write and `finish` the job in that same transaction, so
 * "the email is marked sent" and "the job is done" commit together.
 */
import crypto from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import type { Executor } from '../../db/db.ts';
import * as repo from './jobs.repo.ts';

export interface JobContext {
  deps: AppDeps;
  workerId: string;
  /** Marks the job done inside the handler's own transaction; false when the lease was lost. */
  finish(tx: Executor): Promise<boolean>;
}

export interface JobHandler {
  run(job: repo.Job, ctx: JobContext): Promise<void>;
  /** Called once when the job gives up for good (after the last attempt, or a permanent error). */
  onFailed?(job: repo.Job, ctx: JobContext, error: string): Promise<void>;
}

/** Thrown by a handler for an error no retry can fix. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** Periodic work of the worker besides jobs (reminders, expiry), run at the start of each pass. */
export type Tick = (deps: AppDeps, ctx: { workerId: string; log: FastifyBaseLogger | null }) => Promise<void>;

export interface WorkerOptions {
  handlers: Record<string, JobHandler>;
  ticks?: Tick[];
  id?: string;
  log?: FastifyBaseLogger | null;
  /** How long a claimed job is reserved for its worker. */
  leaseMs?: number;
  /** At most this many jobs per pass. */
  batch?: number;
}

export const LEASE_MS = 5 * 60_000;

/** 30 s, 2 min, 8 min, 32 min, about 2 h, then every 6 h. */
export function backoffMs(attempt: number): number {
  return Math.min(6 * 3_600_000, 30_000 * 4 ** Math.max(0, attempt - 1));
}

/** An error's name and codes (`Error ECONNECTION`, `Error EENVELOPE 550`). */
export function errorCode(err: unknown): string {
  if (!(err instanceof Error)) return 'Error';
  const e = err as Error & { code?: unknown; responseCode?: unknown };
  return [e.name, typeof e.code === 'string' ? e.code : null, typeof e.responseCode === 'number' ? e.responseCode : null]
    .filter((x) => x !== null)
    .join(' ');
}

const errorText = (err: unknown): string => {
  const text = err instanceof Error ? `${errorCode(err)}: ${err.message}` : String(err);
  return text.replace(/\s+/g, ' ').slice(0, 500);
};

/**
 * What the log says of an error: its name, codes and message, enough to act on ("connect
 * ECONNREFUSED 127.0.0.1:25"), with email addresses and answer-link tokens masked: an SMTP
 * server's refusal often quotes the recipient.
 */
export function errorForLog(err: unknown): string {
  return errorText(err)
    .replace(/[^\s<>"'(),;:@]+@[A-Za-z0-9.-]+/g, '[address]')
    .replace(/\/i\/[A-Za-z0-9_-]{20,}/g, '/i/[token]');
}

export class JobWorker {
  readonly id: string;
  private readonly leaseMs: number;
  private readonly batch: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: AppDeps,
    private readonly opts: WorkerOptions,
  ) {
    this.id = opts.id ?? `worker-${crypto.randomBytes(6).toString('hex')}`;
    this.leaseMs = opts.leaseMs ?? LEASE_MS;
    this.batch = opts.batch ?? 50;
  }

  private get log(): FastifyBaseLogger | null {
    return this.opts.log ?? null;
  }

  /** One pass: the ticks, then every due job (up to the batch size). Returns how many jobs ran. */
  async runOnce(): Promise<{ ran: number; failed: number }> {
    for (const tick of this.opts.ticks ?? []) {
      try {
        await tick(this.deps, { workerId: this.id, log: this.log });
      } catch (err) {
        this.log?.error({ error: errorForLog(err) }, 'job worker tick failed');
      }
    }
    let ran = 0;
    let failed = 0;
    const tried = new Set<string>();
    while (ran < this.batch && !this.stopped) {
      const now = this.deps.now();
      const due = (await repo.dueJobIds(this.deps.db, now.toISOString(), 10)).filter((j) => !tried.has(j.id));
      if (due.length === 0) break;
      let claimed: repo.Job | null = null;
      for (const { id } of due) {
        tried.add(id);
        claimed = await repo.claim(
          this.deps.db,
          id,
          this.id,
          now.toISOString(),
          new Date(now.getTime() + this.leaseMs).toISOString(),
        );
        if (claimed) break;
      }
      if (!claimed) continue;
      ran++;
      if (!(await this.runJob(claimed))) failed++;
    }
    return { ran, failed };
  }

  private async runJob(job: repo.Job): Promise<boolean> {
    const handler = this.opts.handlers[job.kind];
    let finished = false;
    const ctx: JobContext = {
      deps: this.deps,
      workerId: this.id,
      finish: async (tx) => {
        finished = await repo.markDone(tx, job, this.deps.now().toISOString());
        return finished;
      },
    };
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      await handler.run(job, ctx);
      if (!finished) await repo.markDone(this.deps.db, job, this.deps.now().toISOString());
      return true;
    } catch (err) {
      const now = this.deps.now();
      const permanent = err instanceof PermanentJobError;
      this.log?.warn(
        {
          jobId: job.id,
          kind: job.kind,
          attempt: job.attempts,
          final: permanent || job.attempts >= job.max_attempts,
          error: errorForLog(err),
        },
        'job failed',
      );
      if (permanent || job.attempts >= job.max_attempts) {
        await repo.markFailed(this.deps.db, job, now.toISOString(), errorText(err));
        try {
          await handler?.onFailed?.(job, ctx, errorText(err));
        } catch (e) {
          this.log?.error({ jobId: job.id, error: errorForLog(e) }, 'job failure handler failed');
        }
      } else {
        await repo.markRetry(this.deps.db, job, new Date(now.getTime() + backoffMs(job.attempts)).toISOString(), errorText(err));
      }
      return false;
    }
  }

  /** Polls every `pollMs` until stopped. */
  start(pollMs = this.deps.config.jobs.pollMs): this {
    const loop = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .catch((err: unknown) => this.log?.error({ error: errorForLog(err) }, 'job worker pass failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) {
            this.timer = setTimeout(loop, pollMs);
            this.timer.unref();
          }
        });
    };
    this.timer = setTimeout(loop, 0);
    this.timer.unref();
    return this;
  }

  /** Stops polling and waits for the pass in progress (its current job finishes or fails atomically). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
