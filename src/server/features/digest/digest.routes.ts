import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '#shared/api/common.ts';
import { DigestPreview } from '#shared/api/routine.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import { routeDefaults } from '../../http/routes.ts';
import { renderInvalidUnsubscribe, renderUnsubscribe, renderUnsubscribed } from './digest.page.ts';
import * as svc from './digest.service.ts';

export function digestRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const route = routeDefaults({ tags: ['Today'], access: 'user', errors: { 401: ErrorBody } });

  r.get('/api/v1/digest/preview', {
    ...route({
      summary: 'My weekly digest as it would leave now: subject, text and HTML',
      description:
        "The same content as Today (this look does not count as a visit), as links, in the user's language. The " +
        'unsubscribe link of a real digest is made when it leaves; here it is shown without its secret.',
      response: { 200: DigestPreview },
    }),
    handler: (req) => svc.previewDigest(deps, requireUserId(req)),
  });

  void app.register((scope, _opts, done) => {
    unsubscribeRoutes(scope, deps);
    done();
  });
}

function html(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .send(body);
}

const TokenParams = z.strictObject({ token: z.string() });

/**
 * The one-click unsubscribe link of a digest (RFC 8058), in an encapsulated scope: only here (and
 * on the introductions' answer page) is a form body read, and it is not needed: the secret in the
 * path is the credential (`urlToken`: no session, no CSRF token; cross-site browser posts are still
 * refused). A mail provider posts `List-Unsubscribe=One-Click` as a form, urlencoded or multipart.
 * Rate-limited per address like the other links. Not part of the API document.
 */
function unsubscribeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const ignore = (_req: unknown, _body: unknown, done: (err: null, body: undefined) => void) => done(null, undefined);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, ignore);
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, ignore);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = {
    access: 'public' as const,
    urlToken: true,
    rateLimit: { max: deps.config.intros.linkRateLimitPerMinute, timeWindow: '1 minute' },
  };

  r.get('/u/:token', {
    config,
    schema: { hide: true, params: TokenParams },
    handler: async (req, reply) => {
      const v = await svc.viewUnsubscribe(deps, req.params.token);
      return v ? html(reply, 200, renderUnsubscribe(v.lang)) : html(reply, 404, renderInvalidUnsubscribe());
    },
  });

  r.post('/u/:token', {
    config,
    schema: { hide: true, params: TokenParams },
    handler: async (req, reply) => {
      const done = await svc.unsubscribe(deps, req.params.token);
      return done ? html(reply, 200, renderUnsubscribed(done.lang)) : html(reply, 404, renderInvalidUnsubscribe());
    },
  });
}
