import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '#shared/api/common.ts';
import { MatchQuery, MatchResults, ValueFinder } from '#shared/api/matching.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { matchText, valueFinder } from './matching.service.ts';

export function matchingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Value Finder'];

  r.get('/api/v1/people/:id/value-finder', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'How can I help this person, and who in my network can? Also who needs what this person offers.',
      params: IdParams,
      response: { 200: ValueFinder, 401: ErrorBody, 404: ErrorBody },
    },
    handler: (req) => valueFinder(deps, requireUserId(req), req.params.id),
  });

  r.get('/api/v1/match', {
    config: { access: 'user' },
    schema: {
      tags,
      summary:
        '"I need…": people of my network (me included) whose offers or roles answer a need, with reasons and paths; `shown` says how many are confident matches (0: nobody fits yet)',
      querystring: MatchQuery,
      response: { 200: MatchResults, 400: ErrorBody, 401: ErrorBody },
    },
    handler: (req) => matchText(deps, requireUserId(req), req.query.q, req.query.limit),
  });
}
