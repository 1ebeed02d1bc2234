import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '#shared/api/common.ts';
import { PersonDetail } from '#shared/api/people.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { selfPersonId } from '../auth/auth.repo.ts';
import { getPerson } from '../people/people.service.ts';

export function meRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/me', {
    config: { access: 'user' },
    schema: {
      tags: ['Me'],
      summary: 'My own profile: what I offer and what I need (edit them through the needs and offers routes with its id)',
      response: { 200: PersonDetail, 401: ErrorBody },
    },
    handler: async (req) => {
      const owner = requireUserId(req);
      return getPerson(deps, owner, await selfPersonId(deps.db, owner));
    },
  });
}
