import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { migrationState } from '../../db/migrate.ts';
import { ping } from './health.repo.ts';

const Health = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['sqlite', 'postgres']),
  migrations: z.object({ current: z.boolean(), pending: z.array(z.string()) }),
});

export function healthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/healthz', {
    config: { access: 'public', rateLimit: false },
    schema: {
      tags: ['Operations'],
      summary: 'Database reachable and migrations current (for monitoring)',
      response: { 200: Health, 503: Health },
    },
    handler: async (_req, reply) => {
      try {
        await ping(deps.db);
        const state = await migrationState(deps.db);
        const current = state.pending.length === 0;
        return reply
          .code(current ? 200 : 503)
          .send({ status: current ? 'ok' : 'error', database: deps.dialect, migrations: { current, pending: state.pending } });
      } catch {
        return reply.code(503).send({ status: 'error', database: deps.dialect, migrations: { current: false, pending: [] } });
      }
    },
  });
}
