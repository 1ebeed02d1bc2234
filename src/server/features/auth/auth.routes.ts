import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdminCreateUserBody,
  AuthState,
  ChangePasswordBody,
  ChangePasswordResult,
  CurrentUser,
  LoginBody,
  SessionBody,
  SIGNUP_MESSAGE,
  SignupBody,
  SignupResult,
  UpdateAccountBody,
} from '#shared/api/auth.ts';
import { ErrorBody, OkBody } from '#shared/api/common.ts';
import { requireUserId, sessionCookieName } from '../../http/auth.ts';
import { invalidCredentials, rateLimited, unauthenticated } from '../../lib/errors.ts';
import type { AppDeps } from '../../app.ts';
import * as svc from './auth.service.ts';
import { findUserById } from './auth.repo.ts';
import { LoginThrottle } from './throttle.ts';

const tags = ['Account'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 429: ErrorBody };

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieName = sessionCookieName(deps.config.secureCookies);
  const throttle = new LoginThrottle(() => deps.now().getTime());

  function setSessionCookie(reply: FastifyReply, secret: string) {
    void reply.setCookie(cookieName, secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      maxAge: Math.floor(deps.config.sessionAbsoluteMs / 1000),
    });
  }

  async function sessionBody(userId: string, csrfToken: string | null) {
    const user = await findUserById(deps.db, userId);
    if (!user) throw unauthenticated('Log in first');
    return { user: await svc.toPublicUser(deps, user), csrfToken };
  }

  r.get('/api/v1/auth/state', {
    config: { access: 'public' },
    schema: { tags, summary: 'Whether the instance has accounts and whether sign-up is open', response: { 200: AuthState } },
    handler: () => svc.authState(deps),
  });

  r.post('/api/v1/auth/signup', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary:
        'Create an account (the first one is the admin), then log in with it. An address that already has an account gets ' +
        'the same answer; nothing is created and its owner is told by email',
      body: SignupBody,
      response: { 201: SignupResult, ...errors },
    },
    handler: async (req, reply) => {
      // The same status and body whether the address is new or not, and no session either way:
      // a session only for new addresses would tell who is registered (docs/ARCHITECTURE.md).
      await svc.signUp(deps, req.body);
      return reply.code(201).send({ ok: true as const, message: SIGNUP_MESSAGE });
    },
  });

  r.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Log in with email and password; sets the session cookie',
      body: LoginBody,
      response: { 200: SessionBody, ...errors },
    },
    handler: async (req, reply) => {
      const keys = [`email:${req.body.email}`, `ip:${req.ip}`];
      const wait = throttle.retryAfterMs(keys);
      if (wait > 0) throw rateLimited('Too many failed log-ins; wait and retry', Math.ceil(wait / 1000));
      const user = await svc.checkCredentials(deps, req.body.email, req.body.password);
      if (!user) {
        throttle.fail(keys);
        throw invalidCredentials('Wrong email or password');
      }
      throttle.succeed(keys[0] as string);
      // A new session id at every log-in: a planted cookie is worth nothing.
      if (req.auth?.sessionHash) await svc.endSession(deps, req.auth.sessionHash);
      const s = await svc.startSession(deps, user.id);
      setSessionCookie(reply, s.secret);
      return sessionBody(user.id, s.csrfToken);
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { access: 'public' },
    schema: { tags, summary: 'End this session', response: { 200: OkBody } },
    handler: async (req, reply) => {
      if (req.auth?.sessionHash) await svc.endSession(deps, req.auth.sessionHash);
      void reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies });
      return { ok: true as const };
    },
  });

  r.get('/api/v1/auth/me', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'The logged-in account and the CSRF token of this session',
      response: { 200: SessionBody, 401: ErrorBody },
    },
    handler: (req) => sessionBody(requireUserId(req), req.auth?.csrfToken ?? null),
  });

  r.patch('/api/v1/auth/me', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Change display name or interface language',
      body: UpdateAccountBody,
      response: { 200: CurrentUser, ...errors },
    },
    handler: async (req) => svc.toPublicUser(deps, await svc.updateAccount(deps, requireUserId(req), req.body)),
  });

  r.post('/api/v1/auth/password', {
    config: { access: 'user', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Change the password; every other session of the account ends, and the API tokens made before it unless kept',
      body: ChangePasswordBody,
      response: { 200: ChangePasswordResult, ...errors },
    },
    handler: async (req) => {
      const { revokedTokens } = await svc.changePassword(
        deps,
        requireUserId(req),
        req.body.currentPassword,
        req.body.newPassword,
        req.auth?.sessionHash ?? null,
        { revokeTokens: req.body.revokeTokens },
      );
      return { ok: true as const, revokedTokens };
    },
  });

  r.post('/api/v1/admin/users', {
    config: { access: 'admin' },
    schema: {
      tags: ['Admin'],
      summary: 'Create an account (the way in when sign-up is closed)',
      body: AdminCreateUserBody,
      response: { 201: z.object({ user: CurrentUser }), ...errors },
    },
    handler: async (req, reply) => {
      const user = await svc.createUser(deps, req.body, 'admin');
      return reply.code(201).send({ user: await svc.toPublicUser(deps, user) });
    },
  });
}
