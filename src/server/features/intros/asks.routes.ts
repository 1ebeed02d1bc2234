import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '#shared/api/common.ts';
import { AskDraft, AsksPage, CreateAskBody, DraftAskBody, IntroAsk, ListAsksQuery } from '#shared/api/asks.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { changeErrors, listErrors, readErrors, routeDefaults } from '../../http/routes.ts';
import * as svc from './asks.service.ts';

/** Asks through a contact: "would you introduce me (or Laura) to Stefano?". */
export function askRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = routeDefaults({ tags: ['Asks through a contact'], access: 'user', errors: changeErrors });

  r.get('/api/v1/intro-asks', {
    ...route({
      summary: 'My asks to contacts to make an introduction, newest first; filter by status or by a person',
      querystring: ListAsksQuery,
      response: { 200: AsksPage },
      errors: listErrors,
    }),
    handler: (req) => svc.listAsks(deps, requireUserId(req), req.query),
  });

  r.post('/api/v1/intro-asks/draft', {
    ...route({
      summary: 'The email an ask would send to the intermediary, drafted in their language (nothing is stored or sent)',
      description:
        'Says too whether the ask can go: the intermediary’s address (`to.email` null when they have none), whether they objected ' +
        'earlier, or said they are no longer in touch with the helper.',
      body: DraftAskBody,
      response: { 200: AskDraft },
      errors: listErrors,
    }),
    handler: (req) => svc.draftAskMessage(deps, requireUserId(req), req.body),
  });

  r.post('/api/v1/intro-asks', {
    ...route({
      summary: 'Ask a contact to make an introduction: one email to them, answered with one click',
      description:
        'Queues the email to the intermediary (sent by the job worker; with no SMTP server it goes to the outbox). `subject` ' +
        'and `body` replace the drafted ones (`POST /api/v1/intro-asks/draft`). 400 when the intermediary has no usable ' +
        'address; 409 when they objected, said they are no longer in touch with the helper, or the same ask still waits; ' +
        '429 beyond MAIL_MAX_PER_USER_PER_DAY introduction requests a day, or MAIL_MAX_PER_RECIPIENT_PER_DAY to one address.',
      body: CreateAskBody,
      response: { 201: IntroAsk },
      errors: { ...changeErrors, 429: ErrorBody },
    }),
    handler: async (req, reply) => {
      const owner = requireUserId(req);
      const id = await svc.createAsk(deps, owner, req.body);
      return reply.code(201).send(await svc.getAsk(deps, owner, id));
    },
  });

  r.get('/api/v1/intro-asks/:id', {
    ...route({
      summary: 'An ask: where it stands, its email, and the introduction it led to',
      params: IdParams,
      response: { 200: IntroAsk },
      errors: readErrors,
    }),
    handler: (req) => svc.getAsk(deps, requireUserId(req), req.params.id),
  });

  r.post('/api/v1/intro-asks/:id/cancel', {
    ...route({
      summary: 'Cancel an ask still waiting for its answer: its pending emails stop and its links stop working',
      params: IdParams,
      response: { 200: IntroAsk },
    }),
    handler: async (req) => {
      const owner = requireUserId(req);
      await svc.cancelAsk(deps, owner, req.params.id);
      return svc.getAsk(deps, owner, req.params.id);
    },
  });
}
