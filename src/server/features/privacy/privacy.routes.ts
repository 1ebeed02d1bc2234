import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams, OkBody } from '#shared/api/common.ts';
import { DeleteAccountBody, SuppressionList } from '#shared/api/privacy.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId, sessionCookieName } from '../../http/auth.ts';
import { deleteAccount, liftSuppression, listSuppressions } from './privacy.service.ts';
import { okAfter } from '../../http/ok.ts';

export function privacyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Privacy'];

  r.get('/api/v1/suppressions', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'People I erased with a suppression entry: imports skip them',
      description: 'Each entry holds only keyed hashes of the erased identifiers, the date and my own reason; never a name.',
      response: { 200: SuppressionList, 401: ErrorBody },
    },
    handler: async (req) => ({ items: await listSuppressions(deps, requireUserId(req)) }),
  });

  r.delete('/api/v1/suppressions/:id', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Lift a suppression entry: imports may bring that person back',
      params: IdParams,
      response: { 200: OkBody, 401: ErrorBody, 404: ErrorBody },
    },
    handler: (req) => okAfter(liftSuppression(deps, requireUserId(req), req.params.id)),
  });

  const cookieName = sessionCookieName(deps.config.secureCookies);
  r.delete('/api/v1/me', {
    config: { access: 'user', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Delete my account and everything it owns (GDPR art. 17); needs the password',
      description:
        'One transaction: every contact, need, offer, timeline entry, relationship, tag, suppression, API token and session of the account, then the account. ' +
        'The password is required with a session and with an API token alike. A wrong password (400 `invalid_credentials`) deletes nothing. ' +
        'The last administrator of an instance with other accounts gets 409: make another administrator first.',
      body: DeleteAccountBody,
      response: { 200: OkBody, 400: ErrorBody, 401: ErrorBody, 409: ErrorBody },
    },
    handler: async (req, reply) => {
      await deleteAccount(deps, requireUserId(req), req.body.password);
      void reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies });
      return { ok: true as const };
    },
  });
}
