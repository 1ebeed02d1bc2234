import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, OkBody } from '#shared/api/common.ts';
import {
  CreateGiveBody,
  CreateOutcomeBody,
  CreateReceivedBody,
  Give,
  GivesPage,
  LedgerStats,
  ListGivesQuery,
  ListReceivedQuery,
  Outcome,
  Received,
  ReceivedPage,
  StatsQuery,
  UpdateGiveBody,
  UpdateReceivedBody,
} from '#shared/api/ledger.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { okAfter } from '../../http/ok.ts';
import { changeErrors, listErrors, readErrors, routeDefaults } from '../../http/routes.ts';
import * as svc from './ledger.service.ts';
import { ledgerStats } from './stats.ts';

export function ledgerRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = routeDefaults({ tags: ['Give ledger'], access: 'user', errors: changeErrors });

  r.get('/api/v1/gives', {
    ...route({
      summary: 'My gives, newest first, with recipients and outcomes; filter by kind, person or period',
      querystring: ListGivesQuery,
      response: { 200: GivesPage },
      errors: listErrors,
    }),
    handler: (req) => svc.listGives(deps, requireUserId(req), req.query),
  });

  r.post('/api/v1/gives', {
    ...route({
      summary: 'Record a give: to whom, when, what, and optionally the need it answered (which can be closed)',
      body: CreateGiveBody,
      response: { 201: Give },
    }),
    handler: async (req, reply) => reply.code(201).send(await svc.createGive(deps, requireUserId(req), req.body)),
  });

  r.get('/api/v1/gives/:id', {
    ...route({ summary: 'One give', params: IdParams, response: { 200: Give }, errors: readErrors }),
    handler: (req) => svc.getGive(deps, requireUserId(req), req.params.id),
  });

  r.patch('/api/v1/gives/:id', {
    ...route({ summary: 'Change a give', params: IdParams, body: UpdateGiveBody, response: { 200: Give } }),
    handler: (req) => svc.updateGive(deps, requireUserId(req), req.params.id, req.body),
  });

  r.delete('/api/v1/gives/:id', {
    ...route({ summary: 'Delete a give and its outcomes', params: IdParams, response: { 200: OkBody } }),
    handler: (req) => okAfter(svc.deleteGive(deps, requireUserId(req), req.params.id)),
  });

  r.post('/api/v1/gives/:id/outcomes', {
    ...route({
      summary: 'Record what came of a give: thanked, a meeting, business closed (with value), the need satisfied',
      description: '`need_satisfied` on a give linked to a need also marks that need satisfied, unless `closeNeed: false`.',
      params: IdParams,
      body: CreateOutcomeBody,
      response: { 201: Outcome },
    }),
    handler: async (req, reply) => reply.code(201).send(await svc.addOutcome(deps, requireUserId(req), req.params.id, req.body)),
  });

  r.delete('/api/v1/outcomes/:id', {
    ...route({ summary: 'Delete an outcome', params: IdParams, response: { 200: OkBody } }),
    handler: (req) => okAfter(svc.deleteOutcome(deps, requireUserId(req), req.params.id)),
  });

  r.get('/api/v1/received', {
    ...route({
      summary: 'Business passed to me, newest first, with who referred it',
      querystring: ListReceivedQuery,
      response: { 200: ReceivedPage },
      errors: listErrors,
    }),
    handler: (req) => svc.listReceived(deps, requireUserId(req), req.query),
  });

  r.post('/api/v1/received', {
    ...route({ summary: 'Record business someone passed to me', body: CreateReceivedBody, response: { 201: Received } }),
    handler: async (req, reply) => reply.code(201).send(await svc.createReceived(deps, requireUserId(req), req.body)),
  });

  r.get('/api/v1/received/:id', {
    ...route({ summary: 'One record of business received', params: IdParams, response: { 200: Received }, errors: readErrors }),
    handler: (req) => svc.getReceived(deps, requireUserId(req), req.params.id),
  });

  r.patch('/api/v1/received/:id', {
    ...route({
      summary: 'Change a record of business received',
      params: IdParams,
      body: UpdateReceivedBody,
      response: { 200: Received },
    }),
    handler: (req) => svc.updateReceived(deps, requireUserId(req), req.params.id, req.body),
  });

  r.delete('/api/v1/received/:id', {
    ...route({ summary: 'Delete a record of business received', params: IdParams, response: { 200: OkBody } }),
    handler: (req) => okAfter(svc.deleteReceived(deps, requireUserId(req), req.params.id)),
  });

  r.get('/api/v1/ledger/stats', {
    ...route({
      summary:
        'Givers gain: gives per month by kind, introductions, outcomes, business for others and for me, top and never-given people',
      querystring: StatsQuery,
      response: { 200: LedgerStats },
      errors: listErrors,
    }),
    handler: (req) => ledgerStats(deps, requireUserId(req), req.query),
  });
}
