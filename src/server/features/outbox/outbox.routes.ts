import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '#shared/api/common.ts';
import { ListOutboxQuery, OutboxMessageDetail, OutboxPage } from '#shared/api/outbox.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { retryMail } from '../intros/intros.service.ts';
import { getOutboxMessage, listOutbox } from './outbox.service.ts';

/**
 * The outbox: the emails Rete sent or will send for me, one email, and "try again". Whether an
 * email may be tried again depends on what it belongs to (an introduction, an ask), so the retry
 * is the introductions' (`retryMail`).
 */
export function outboxRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ob = ['Outbox'];
  r.get('/api/v1/outbox', {
    config: { access: 'user' },
    schema: {
      tags: ob,
      summary: 'The emails Rete sent or will send for me, newest first',
      description: 'Without an SMTP server configured this is where they go (and as .eml files under the data folder).',
      querystring: ListOutboxQuery,
      response: { 200: OutboxPage, 400: ErrorBody, 401: ErrorBody },
    },
    handler: (req) => listOutbox(deps, requireUserId(req), req.query),
  });

  r.get('/api/v1/outbox/:id', {
    config: { access: 'user' },
    schema: {
      tags: ob,
      summary: 'One email with its text and HTML parts',
      params: IdParams,
      response: { 200: OutboxMessageDetail, 401: ErrorBody, 404: ErrorBody },
    },
    handler: (req) => getOutboxMessage(deps, requireUserId(req), req.params.id),
  });

  r.post('/api/v1/outbox/:id/retry', {
    config: { access: 'user' },
    schema: {
      tags: ob,
      summary: 'Try again to deliver an email that was not delivered',
      description:
        'A `failed` email is queued again and sent within seconds by the job worker (with the From and links configured ' +
        'now, and the same Message-ID); a `queued` one waiting for its next attempt is tried now. 409 when it was ' +
        'delivered, cancelled, or its introduction has ended.',
      params: IdParams,
      response: { 200: OutboxMessageDetail, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (req) => {
      const owner = requireUserId(req);
      await retryMail(deps, owner, req.params.id);
      return getOutboxMessage(deps, owner, req.params.id);
    },
  });
}
