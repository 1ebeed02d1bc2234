import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreatedTokenBody, CreateTokenBody, TokenBody } from '#shared/api/tokens.ts';
import { ErrorBody, IdParams, OkBody } from '#shared/api/common.ts';
import type { AppDeps } from '../../deps.ts';
import { requireUserId } from '../../http/auth.ts';
import * as svc from './tokens.service.ts';
import { okAfter } from '../../http/ok.ts';

const tags = ['API tokens'];

export function tokenRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/tokens', {
    config: { access: 'user' },
    schema: { tags, summary: 'My active API tokens', response: { 200: z.object({ items: z.array(TokenBody) }), 401: ErrorBody } },
    handler: async (req) => ({ items: await svc.listTokens(deps, requireUserId(req)) }),
  });

  r.post('/api/v1/tokens', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Create a personal API token; the secret is shown only in this response',
      body: CreateTokenBody,
      response: { 201: CreatedTokenBody, 400: ErrorBody, 401: ErrorBody },
    },
    handler: async (req, reply) => reply.code(201).send(await svc.createToken(deps, requireUserId(req), req.body.name)),
  });

  r.delete('/api/v1/tokens/:id', {
    config: { access: 'user' },
    schema: { tags, summary: 'Revoke a token', params: IdParams, response: { 200: OkBody, 401: ErrorBody, 404: ErrorBody } },
    handler: (req) => okAfter(svc.revokeToken(deps, requireUserId(req), req.params.id)),
  });
}
