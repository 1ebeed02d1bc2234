import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams, OkBody } from '#shared/api/common.ts';
import {
  ConceptList,
  Feedback,
  FeedbackBody,
  FeedbackList,
  TaughtWord,
  TaughtWordBody,
  TaughtWordList,
  UpdateTaughtWordBody,
} from '#shared/api/learning.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { changeErrors, routeDefaults } from '../../http/routes.ts';
import * as svc from './learning.service.ts';
import { okAfter } from '../../http/ok.ts';

export function learningRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = routeDefaults({
    tags: ['Value Finder'],
    access: 'user',
    errors: { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
  });

  r.get('/api/v1/feedback', {
    ...route({
      summary: 'My verdicts on suggestions of the Value Finder ("good match", "not relevant"), newest first',
      response: { 200: FeedbackList },
      errors: { 401: ErrorBody },
    }),
    handler: async (req) => ({ items: await svc.listFeedback(deps, requireUserId(req)) }),
  });

  r.post('/api/v1/feedback', {
    ...route({
      summary: 'Mark a suggestion "good match" or "not relevant"',
      description:
        'The suggestion is a pair: a need or an offer of my network (`itemId`) or a need typed in "I need…" (`ask`), and the person suggested. ' +
        'A pair marked `not_relevant` is never suggested again; both verdicts shift the ranking of similar asks (those sharing concepts) a little. ' +
        'Marking a pair again replaces its verdict. A need, offer or person that is not mine is a 404. Stored in my account only, never shared.',
      body: FeedbackBody,
      response: { 200: Feedback },
    }),
    handler: async (req) => svc.setFeedback(deps, requireUserId(req), req.body),
  });

  r.delete('/api/v1/feedback/:id', {
    ...route({ summary: 'Take a verdict back: the person may be suggested again', params: IdParams, response: { 200: OkBody } }),
    handler: (req) => okAfter(svc.deleteFeedback(deps, requireUserId(req), req.params.id)),
  });

  r.get('/api/v1/concepts', {
    ...route({
      summary: 'The concepts the Value Finder knows (professions, services, problems, sectors), to say what my words mean',
      response: { 200: ConceptList },
      errors: { 401: ErrorBody },
    }),
    handler: () => ({ items: svc.listConcepts() }),
  });

  r.get('/api/v1/taught-words', {
    ...route({
      summary: 'The words I taught the Value Finder, and what Rete understands of each',
      response: { 200: TaughtWordList },
      errors: { 401: ErrorBody },
    }),
    handler: async (req) => ({ items: await svc.listTaught(deps, requireUserId(req)) }),
  });

  r.post('/api/v1/taught-words', {
    ...route({
      summary: 'Teach a phrase of mine ("quelli del gestionale") and what it means (concepts and/or words)',
      description:
        'In every ask ("I need…", needs and offers of my network, the people search), the phrase is read as its meaning. ' +
        'Its words are matched whole, ignoring case and accents. A phrase already taught is a 409; an unknown concept a 400. Mine only, never shared.',
      body: TaughtWordBody,
      response: { 201: TaughtWord },
      errors: { 400: ErrorBody, 401: ErrorBody, 409: ErrorBody },
    }),
    handler: async (req, reply) => reply.code(201).send((await svc.teach(deps, requireUserId(req), req.body)).word),
  });

  r.patch('/api/v1/taught-words/:id', {
    ...route({
      summary: 'Change a taught phrase or its meaning',
      params: IdParams,
      body: UpdateTaughtWordBody,
      response: { 200: TaughtWord },
      errors: changeErrors,
    }),
    handler: async (req) => svc.updateTaught(deps, requireUserId(req), req.params.id, req.body),
  });

  r.delete('/api/v1/taught-words/:id', {
    ...route({ summary: 'Forget a taught phrase', params: IdParams, response: { 200: OkBody } }),
    handler: (req) => okAfter(svc.deleteTaught(deps, requireUserId(req), req.params.id)),
  });
}
