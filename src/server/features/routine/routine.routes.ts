import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, OkBody } from '#shared/api/common.ts';
import {
  Cadence,
  CadenceList,
  CreateFollowUpBody,
  CreateOneToOneBody,
  FollowUp,
  FollowUpList,
  FollowUpsQuery,
  LogInteractionBody,
  LoggedInteraction,
  OneToOneProposal,
  OneToOneProposalBody,
  OneToOneResult,
  RoutineSettings,
  SetCadenceBody,
  SetTodayStateBody,
  Today,
  TodayQuery,
  UpdateFollowUpBody,
  UpdateRoutineSettingsBody,
} from '#shared/api/routine.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { okAfter } from '../../http/ok.ts';
import { changeErrors, listErrors, readErrors, routeDefaults } from '../../http/routes.ts';
import * as svc from './routine.service.ts';
import { getToday } from './today.service.ts';

export function routineRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = routeDefaults({ tags: ['Today'], access: 'user', errors: changeErrors });

  r.get('/api/v1/today', {
    ...route({
      summary: 'Today: ways to give, introductions waiting, follow-ups due, keep-in-touch, birthdays, the giving goal',
      description:
        "Computed from the network at each request, in the user's time zone; items marked done, not relevant or snoozed " +
        '(until their day) are left out. Counts as a visit: needs changed since the previous visit are `isNew`.',
      querystring: TodayQuery,
      response: { 200: Today },
      errors: listErrors,
    }),
    handler: (req) => getToday(deps, requireUserId(req), { limit: req.query.limit, markSeen: true }),
  });

  r.post('/api/v1/today/states', {
    ...route({
      summary: 'Mark an item of Today: done, not relevant, snoozed until a day, or open again',
      description: "A follow-up's `done` marks the follow-up done. Other marks hold for the item's occasion (its key).",
      body: SetTodayStateBody,
      response: { 200: OkBody },
    }),
    handler: (req) => okAfter(svc.setTodayState(deps, requireUserId(req), req.body)),
  });

  r.get('/api/v1/settings/routine', {
    ...route({
      summary: "The routine's settings: time zone, week start, weekly digest, giving goal",
      response: { 200: RoutineSettings },
      errors: readErrors,
    }),
    handler: (req) => svc.getSettings(deps, requireUserId(req)),
  });

  r.patch('/api/v1/settings/routine', {
    ...route({ summary: "Change the routine's settings", body: UpdateRoutineSettingsBody, response: { 200: RoutineSettings } }),
    handler: (req) => svc.updateSettings(deps, requireUserId(req), req.body),
  });

  r.get('/api/v1/cadences', {
    ...route({ summary: 'Keep-in-touch cadences, of tags and of people', response: { 200: CadenceList }, errors: readErrors }),
    handler: (req) => svc.listCadences(deps, requireUserId(req)),
  });

  r.put('/api/v1/cadences', {
    ...route({
      summary: 'Keep in touch every N days with a person or with everyone of a tag (replaces the one there was)',
      description: "A person's own cadence wins over their tags'; among tags, the shortest applies. Any interaction resets it.",
      body: SetCadenceBody,
      response: { 200: Cadence },
    }),
    handler: (req) => svc.setCadence(deps, requireUserId(req), req.body),
  });

  r.delete('/api/v1/cadences/:id', {
    ...route({ summary: 'Remove a cadence', params: IdParams, response: { 200: OkBody } }),
    handler: (req) => okAfter(svc.deleteCadence(deps, requireUserId(req), req.params.id)),
  });

  r.get('/api/v1/follow-ups', {
    ...route({
      summary: 'Follow-ups, soonest first: open, done or all; of one person',
      querystring: FollowUpsQuery,
      response: { 200: FollowUpList },
      errors: listErrors,
    }),
    handler: (req) => svc.listFollowUps(deps, requireUserId(req), req.query),
  });

  r.post('/api/v1/follow-ups', {
    ...route({
      summary: 'A next step with a date, about a person, a timeline entry, an introduction or a give',
      body: CreateFollowUpBody,
      response: { 201: FollowUp },
    }),
    handler: async (req, reply) => reply.code(201).send(await svc.createFollowUp(deps, requireUserId(req), req.body)),
  });

  r.get('/api/v1/follow-ups/:id', {
    ...route({ summary: 'One follow-up', params: IdParams, response: { 200: FollowUp }, errors: readErrors }),
    handler: (req) => svc.getFollowUp(deps, requireUserId(req), req.params.id),
  });

  r.patch('/api/v1/follow-ups/:id', {
    ...route({
      summary: 'Change a follow-up, or mark it done',
      params: IdParams,
      body: UpdateFollowUpBody,
      response: { 200: FollowUp },
    }),
    handler: (req) => svc.updateFollowUp(deps, requireUserId(req), req.params.id, req.body),
  });

  r.delete('/api/v1/follow-ups/:id', {
    ...route({ summary: 'Delete a follow-up', params: IdParams, response: { 200: OkBody } }),
    handler: (req) => okAfter(svc.deleteFollowUp(deps, requireUserId(req), req.params.id)),
  });

  r.post('/api/v1/people/:id/log', {
    ...route({
      summary: 'Log an interaction (a call today by default), with an optional next step; it resets keep-in-touch',
      params: IdParams,
      body: LogInteractionBody,
      response: { 201: LoggedInteraction },
    }),
    handler: async (req, reply) =>
      reply.code(201).send(await svc.logInteraction(deps, requireUserId(req), req.params.id, req.body)),
  });

  r.post('/api/v1/one-to-ones/proposal', {
    ...route({
      summary: "What a one-to-one's answers propose: the person's needs and offers (language detected) and a next step",
      body: OneToOneProposalBody,
      response: { 200: OneToOneProposal },
      errors: listErrors,
    }),
    handler: (req) => svc.proposeOneToOne(deps, requireUserId(req), req.body.answers),
  });

  r.post('/api/v1/people/:id/one-to-ones', {
    ...route({
      summary: 'Save a one-to-one: the answers as a timeline entry, the needs and offers as edited, the next step',
      params: IdParams,
      body: CreateOneToOneBody,
      response: { 201: OneToOneResult },
    }),
    handler: async (req, reply) =>
      reply.code(201).send(await svc.createOneToOne(deps, requireUserId(req), req.params.id, req.body)),
  });
}
