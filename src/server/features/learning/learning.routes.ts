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
import * as svc from './learning.service.ts';
import { okAfter } from '../../http/ok.ts';

export function learningRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Value Finder'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

  r.get('/api/v1/feedback', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'My verdicts on suggestions of the Value Finder ("good match", "not relevant"), newest first',
      response: { 200: FeedbackList, 401: ErrorBody },
    },
    handler: async (req) => ({ items: await svc.listFeedback(deps, requireUserId(req)) }),
  });

  r.post('/api/v1/feedback', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Mark a suggestion "good match" or "not relevant"',
      description:
        'The suggestion is a pair: a need or an offer of my network (`itemId`) or a need typed in "I need…" (`ask`), and the person suggested. ' +
        'A pair marked `not_relevant` is never suggested again; both verdicts shift the ranking of similar asks (those sharing concepts) a little. ' +
        'Marking a pair again replaces its verdict. A need, offer or person that is not mine is a 404. Stored in my account only, never shared.',
      body: FeedbackBody,
      response: { 200: Feedback, ...errors },
    },
    handler: async (req) => svc.setFeedback(deps, requireUserId(req), req.body),
  });

  r.delete('/api/v1/feedback/:id', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Take a verdict back: the person may be suggested again',
      params: IdParams,
      response: { 200: OkBody, ...errors },
    },
    handler: (req) => okAfter(svc.deleteFeedback(deps, requireUserId(req), req.params.id)),
  });

  r.get('/api/v1/concepts', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'The concepts the Value Finder knows (professions, services, problems, sectors), to say what my words mean',
      response: { 200: ConceptList, 401: ErrorBody },
    },
    handler: () => ({ items: svc.listConcepts() }),
  });

  r.get('/api/v1/taught-words', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'The words I taught the Value Finder, and what Rete understands of each',
      response: { 200: TaughtWordList, 401: ErrorBody },
    },
    handler: async (req) => ({ items: await svc.listTaught(deps, requireUserId(req)) }),
  });

  r.post('/api/v1/taught-words', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Teach a phrase of mine ("quelli del gestionale") and what it means (concepts and/or words)',
      description:
        'In every ask ("I need…", needs and offers of my network, the people search), the phrase is read as its meaning. ' +
        'Its words are matched whole, ignoring case and accents. A phrase already taught is a 409; an unknown concept a 400. Mine only, never shared.',
      body: TaughtWordBody,
      response: { 201: TaughtWord, 400: ErrorBody, 401: ErrorBody, 409: ErrorBody },
    },
    handler: async (req, reply) => reply.code(201).send((await svc.teach(deps, requireUserId(req), req.body)).word),
  });

  r.patch('/api/v1/taught-words/:id', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Change a taught phrase or its meaning',
      params: IdParams,
      body: UpdateTaughtWordBody,
      response: { 200: TaughtWord, ...errors, 409: ErrorBody },
    },
    handler: async (req) => svc.updateTaught(deps, requireUserId(req), req.params.id, req.body),
  });

  r.delete('/api/v1/taught-words/:id', {
    config: { access: 'user' },
    schema: { tags, summary: 'Forget a taught phrase', params: IdParams, response: { 200: OkBody, ...errors } },
    handler: (req) => okAfter(svc.deleteTaught(deps, requireUserId(req), req.params.id)),
  });
}
