import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, OkBody } from '#shared/api/common.ts';
import { AnswerForm, CreateIntroBody, Intro, IntrosPage, ListIntrosQuery, UpdateIntroBody } from '#shared/api/intros.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { changeErrors, listErrors, readErrors, routeDefaults } from '../../http/routes.ts';
import { okAfter } from '../../http/ok.ts';
import { renderAnswered, renderAsk, renderAskAnswered, renderAskPage, renderInvalid } from './answer.page.ts';
import * as asks from './asks.service.ts';
import * as svc from './intros.service.ts';

export function introRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = routeDefaults({ tags: ['Introductions'], access: 'user', errors: changeErrors });

  r.get('/api/v1/intros', {
    ...route({
      summary: 'My introductions, newest first; filter by status or by a person on either side',
      querystring: ListIntrosQuery,
      response: { 200: IntrosPage },
      errors: listErrors,
    }),
    handler: (req) => svc.listIntros(deps, requireUserId(req), req.query),
  });

  r.post('/api/v1/intros', {
    ...route({
      summary: 'Propose an introduction: a draft, with a request drafted for each side in their language',
      description:
        'Nothing is sent yet: edit the drafts with PATCH, then `POST /api/v1/intros/{id}/send`. A side may be me (`me` or my own ' +
        'person id): no request goes to me. 409 when a side objected earlier ("do not contact").',
      body: CreateIntroBody,
      response: { 201: Intro },
    }),
    handler: async (req, reply) => {
      const owner = requireUserId(req);
      const id = await svc.createIntro(deps, owner, req.body);
      return reply.code(201).send(await svc.getIntro(deps, owner, id));
    },
  });

  r.get('/api/v1/intros/:id', {
    ...route({
      summary: 'An introduction: status of each side, the drafts, the history and its emails',
      params: IdParams,
      response: { 200: Intro },
      errors: readErrors,
    }),
    handler: (req) => svc.getIntro(deps, requireUserId(req), req.params.id),
  });

  r.patch('/api/v1/intros/:id', {
    ...route({
      summary: 'Edit a draft: note, order, the language or text of each side’s request',
      description:
        'Changing the note or a language re-drafts the requests I have not edited; `redraft: true` re-drafts both. 409 once sent.',
      params: IdParams,
      body: UpdateIntroBody,
      response: { 200: Intro },
    }),
    handler: async (req) => {
      const owner = requireUserId(req);
      await svc.updateIntro(deps, owner, req.params.id, req.body);
      return svc.getIntro(deps, owner, req.params.id);
    },
  });

  r.delete('/api/v1/intros/:id', {
    ...route({
      summary: 'Delete a draft (a sent introduction is cancelled instead)',
      params: IdParams,
      response: { 200: OkBody },
    }),
    handler: (req) => okAfter(svc.deleteIntro(deps, requireUserId(req), req.params.id)),
  });

  r.post('/api/v1/intros/:id/send', {
    ...route({
      summary: 'Send a draft: ask both sides, or A first (order `a_first`)',
      description:
        'Queues the request emails (sent by the job worker) and records the introduction in the give ledger. 400 when a side has ' +
        'no usable email address; 409 when it is not a draft or a side objected; 429 beyond MAIL_MAX_PER_USER_PER_DAY requests ' +
        'a day, or MAIL_MAX_PER_RECIPIENT_PER_DAY to one address.',
      params: IdParams,
      response: { 200: Intro },
      errors: { ...changeErrors, 429: ErrorBody },
    }),
    handler: async (req) => {
      const owner = requireUserId(req);
      await svc.sendIntro(deps, owner, req.params.id);
      return svc.getIntro(deps, owner, req.params.id);
    },
  });

  r.post('/api/v1/intros/:id/cancel', {
    ...route({
      summary: 'Cancel an introduction not yet concluded: its pending emails stop and its links stop working',
      params: IdParams,
      response: { 200: Intro },
    }),
    handler: async (req) => {
      const owner = requireUserId(req);
      await svc.cancelIntro(deps, owner, req.params.id);
      return svc.getIntro(deps, owner, req.params.id);
    },
  });

  void app.register((scope, _opts, done) => {
    answerRoutes(scope, deps);
    done();
  });
}

const TokenParams = z.strictObject({ token: z.string().max(200) });

function html(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .send(body);
}

/**
 * The public answer page, in an encapsulated scope: only here is a form-encoded body parsed
 * (everywhere else only JSON is), and only here does a POST go without a session's CSRF token,
 * because the secret in the URL is the credential (`urlToken`, see http/auth.ts). Wrong, used and
 * expired links get the same page and status. Not part of the API document.
 */
function answerRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: deps.config.intros.linkRateLimitPerMinute, timeWindow: '1 minute' };

  // One family of links for both: an introduction's request (accept / decline) and an ask to a
  // contact to make one (yes / no / no longer in touch). A token is looked up in both; an answer
  // that does not fit its link's kind is refused like a wrong link.
  r.get('/i/:token', {
    config: { access: 'public', urlToken: true, rateLimit },
    schema: { hide: true, params: TokenParams, querystring: z.object({ choice: z.string().max(20).optional() }) },
    handler: async (req, reply) => {
      const c = req.query.choice;
      const v = await svc.viewLink(deps, req.params.token);
      if (v) return html(reply, 200, renderAsk(v, c === 'accept' || c === 'decline' ? c : null));
      const a = await asks.viewAskLink(deps, req.params.token);
      if (a) return html(reply, 200, renderAskPage(a, c === 'yes' || c === 'no' || c === 'gone' ? c : null));
      return html(reply, 404, renderInvalid());
    },
  });

  r.post('/i/:token', {
    config: { access: 'public', urlToken: true, rateLimit },
    schema: { hide: true, params: TokenParams, body: AnswerForm },
    handler: async (req, reply) => {
      const { action } = req.body;
      if (action === 'accept' || action === 'decline' || action === 'object') {
        const done = await svc.answerLink(deps, req.params.token, action);
        if (done) return html(reply, 200, renderAnswered(done.lang, action, done.userName));
      }
      if (action === 'yes' || action === 'no' || action === 'gone' || action === 'object') {
        const done = await asks.answerAskLink(deps, req.params.token, action);
        if (done) return html(reply, 200, renderAskAnswered(done.lang, done.page));
      }
      return html(reply, 404, renderInvalid());
    },
  });
}
