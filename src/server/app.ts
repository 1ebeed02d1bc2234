import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Db, Dialect } from './db/db.ts';
import { createNetworkCache, type AppDeps } from './deps.ts';
// The contract's schemas are listed in openapi.json in the order their modules load: keep the tokens'
// after the account's, and the outbox's after the introductions' and before the asks'.
import { authRoutes } from './features/auth/auth.routes.ts';
import { tokenRoutes } from './features/tokens/tokens.routes.ts';
import { demoRoutes } from './features/demo/demo.routes.ts';
import { duplicatesRoutes } from './features/duplicates/duplicates.routes.ts';
import { matchingRoutes } from './features/matching/matching.routes.ts';
import { exportRoutes } from './features/export/export.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { importRoutes } from './features/import/import.routes.ts';
import { outboxRoutes } from './features/outbox/outbox.routes.ts';
import { askRoutes } from './features/intros/asks.routes.ts';
import { introRoutes } from './features/intros/intros.routes.ts';
import { learningRoutes } from './features/learning/learning.routes.ts';
import { ledgerRoutes } from './features/ledger/ledger.routes.ts';
import { routineRoutes } from './features/routine/routine.routes.ts';
import { meRoutes } from './features/me/me.routes.ts';
import { peopleRoutes } from './features/people/people.routes.ts';
import { privacyRoutes } from './features/privacy/privacy.routes.ts';
import { registerAuth, type Access } from './http/auth.ts';
import { clientErrorHandler, frameworkErrors, MAX_PARAM_LENGTH, rateLimitError, registerErrorHandling } from './http/errors.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
}

export interface BuildOptions {
  db: Db;
  dialect: Dialect;
  config: Config;
  now?: () => Date;
  /** Pino options, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'];
}

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    // Never log credentials, session ids, tokens or request bodies (notes are personal data).
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      remove: true,
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        // The secret of an introduction's answer link is its path: never logged.
        path: (req.url.split('?')[0] ?? '').replace(/^\/i\/[^/]+/, '/i/[token]'),
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export async function buildApp(opts: BuildOptions): Promise<{ app: FastifyInstance; deps: AppDeps; routes: RouteInfo[] }> {
  const { config } = opts;
  const now = opts.now ?? (() => new Date());
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Every error in the API's one shape, also those met before a route (errors.ts).
    clientErrorHandler,
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a cross-site form (text/plain, urlencoded) can never reach a route.
  app.removeContentTypeParser(['text/plain']);

  const network = createNetworkCache(opts.db);
  const deps: AppDeps = { db: opts.db, dialect: opts.dialect, config, now, network };

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: 'public' };
    }
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (url.startsWith('/api/') || url === '/healthz' || url.startsWith('/i/')) {
      if (!access) throw new Error(`Route ${methods.join(',')} ${url} declares no access policy`);
      for (const m of methods) if (m !== 'HEAD') routes.push({ method: m, url, access });
    }
  });

  registerErrorHandling(app, routes);
  await app.register(fastifyCookie);
  registerSecurityHeaders(app, config);
  registerAuth(app, deps);
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    hook: 'preHandler',
    keyGenerator: (req) => (req.auth ? `u:${req.auth.userId}` : `ip:${req.ip}`),
    errorResponseBuilder: rateLimitError,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rete API',
        version: '1',
        description:
          'The REST API of Rete, a give-first networking system. Authenticate with the session cookie (web app; changes need the `X-CSRF-Token` header) or with a personal API token: `Authorization: Bearer rete_...`.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal API token created in Settings or with `rete token create`.',
          },
          cookie: { type: 'apiKey', in: 'cookie', name: 'rete_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // No staticCSP: the docs page keeps the app's policy above (its own default allows framing by 'self').
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  healthRoutes(app, deps);
  authRoutes(app, deps);
  tokenRoutes(app, deps);
  meRoutes(app, deps);
  peopleRoutes(app, deps);
  demoRoutes(app, deps);
  matchingRoutes(app, deps);
  learningRoutes(app, deps);
  importRoutes(app, deps);
  exportRoutes(app, deps);
  introRoutes(app, deps);
  outboxRoutes(app, deps);
  askRoutes(app, deps);
  ledgerRoutes(app, deps);
  routineRoutes(app, deps);
  duplicatesRoutes(app, deps);
  privacyRoutes(app, deps);

  if (fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
    // The web app routes on the client: unknown non-API paths get its page.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      // An API path no route took answers as it would without the web app (404, 405 or 414).
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }

  await app.ready();
  return { app, deps, routes };
}
