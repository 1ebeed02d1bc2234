import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '#shared/api/common.ts';
import { DemoLoaded, DemoRemoved, DemoStatus } from '#shared/api/demo.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { routeDefaults } from '../../http/routes.ts';
import { demoStatus, loadDemo, removeDemo } from './demo.service.ts';

export function demoRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = routeDefaults({ tags: ['Me'], access: 'user', errors: { 401: ErrorBody } });

  r.get('/api/v1/demo', {
    ...route({ summary: 'Whether my network holds the demo network, and how many of its people', response: { 200: DemoStatus } }),
    handler: (req) => demoStatus(deps, requireUserId(req)),
  });

  r.post('/api/v1/demo', {
    ...route({
      summary: 'Load a believable demo network (about 75 people) into my empty network',
      description:
        'Its people are marked as demo people (`demo` in lists, `privacy.source` = `demo`), and it comes with a short ledger ' +
        'of gives to them with outcomes and business received, written in my language. My own profile (Me) is not touched. ' +
        'Refused with 409 when my network already has contacts.',
      response: { 201: DemoLoaded },
      errors: { 401: ErrorBody, 409: ErrorBody },
      rateLimit: { max: 5, timeWindow: '1 minute' },
    }),
    handler: async (req, reply) => reply.code(201).send(await loadDemo(deps, requireUserId(req))),
  });

  r.delete('/api/v1/demo', {
    ...route({
      summary: 'Remove the demo network and everything that refers to its people',
      description:
        'Erases every demo person as a contact is erased (details, needs, offers, timeline, relationships), and removes the ' +
        'introductions with a demo person on one side (with their emails), the gives that went only to demo people, and the ' +
        'business they referred. My own profile and my other contacts stay, and so do gives that also went to one of them.',
      response: { 200: DemoRemoved },
    }),
    handler: (req) => removeDemo(deps, requireUserId(req)),
  });
}
