import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '#shared/api/common.ts';
import type { AppDeps } from '../../app.ts';
import { requireUserId } from '../../http/auth.ts';
import { loadDemo } from './demo.service.ts';

export function demoRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/demo', {
    config: { access: 'user', rateLimit: { max: 5, timeWindow: '1 minute' } },
    schema: {
      tags: ['Me'],
      summary: 'Load a believable demo network (about 70 people) into my empty network',
      response: { 201: z.object({ people: z.number().int(), relationships: z.number().int() }), 401: ErrorBody, 409: ErrorBody },
    },
    handler: async (req, reply) => reply.code(201).send(await loadDemo(deps, requireUserId(req))),
  });
}
