import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession, type Deps } from '../features/auth/auth.service.ts';
import { findUserById } from '../features/auth/auth.repo.ts';
import { resolveToken } from '../features/tokens/tokens.service.ts';
import { safeEqual } from '../lib/ids.ts';
import { forbidden, internal, unauthenticated } from '../lib/errors.ts';

/**
 * Who may call a route. Every route declares it in `config.access`; a route without one is
 * refused at start-up (see app.ts), so a new route can never ship unauthenticated by accident.
 */
export type Access = 'public' | 'user' | 'admin';

export interface AuthInfo {
  userId: string;
  via: 'session' | 'token';
  sessionHash: string | null;
  csrfToken: string | null;
  /**
   * The version of the user's network (users.network_version) read in the same query as the
   * credentials, before the handler runs: caches of network data (a person's detail) are checked
   * against it instead of reading it again. Every change bumps it, so data read after it is at
   * least as new as it; a change committed later is seen by the next request.
   */
  networkVersion: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The route is authenticated by a secret in its own URL (an introduction's answer link), not
     * by a session or an API token: those are not read, so no CSRF token is asked for either (a
     * plain HTML form posts it). The cross-site origin check still applies. Public routes only.
     */
    urlToken?: boolean;
  }
  interface FastifyRequest {
    auth: AuthInfo | null;
  }
}

export const sessionCookieName = (secure: boolean): string => (secure ? '__Host-rete_session' : 'rete_session');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originAllowed(req: FastifyRequest, publicBaseUrl: string): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true; // Not a browser form or fetch from another site.
  // A form posted by a page under `Referrer-Policy: no-referrer` (the introduction answer page)
  // says `Origin: null`; the browser's own Sec-Fetch-Site still tells where it came from.
  if (origin === 'null') return fetchSite === 'same-origin';
  if (origin === new URL(publicBaseUrl).origin) return true;
  // Same-origin as the Host the browser talked to (e.g. the dev server's proxy).
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function requireUserId(req: FastifyRequest): string {
  if (!req.auth) throw unauthenticated('Log in or send an API token');
  return req.auth.userId;
}

export function registerAuth(app: FastifyInstance, deps: Deps): void {
  const cookieName = sessionCookieName(deps.config.secureCookies);
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    // routeOptions is a getter that builds a new object on every read: read it once.
    const { access, urlToken } = req.routeOptions.config;
    if (access === undefined) return; // 404s and static files.

    if (!SAFE_METHODS.has(req.method) && !originAllowed(req, deps.config.publicBaseUrl)) {
      throw forbidden('Cross-site request refused');
    }
    if (urlToken) {
      if (access !== 'public') throw internal('urlToken routes must be public');
      return;
    }

    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const t = m?.[1] ? await resolveToken(deps, m[1]) : null;
      if (!t) throw unauthenticated('Invalid or revoked API token');
      req.auth = { userId: t.userId, via: 'token', sessionHash: null, csrfToken: null, networkVersion: t.networkVersion };
    } else {
      const secret = req.cookies[cookieName];
      if (secret) {
        const s = await resolveSession(deps, secret);
        if (s) {
          req.auth = {
            userId: s.userId,
            via: 'session',
            sessionHash: s.idHash,
            csrfToken: s.csrfToken,
            networkVersion: s.networkVersion,
          };
        }
      }
      // A cookie-authenticated change must carry the session's CSRF token.
      if (req.auth && !SAFE_METHODS.has(req.method)) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !req.auth.csrfToken || !safeEqual(sent, req.auth.csrfToken)) {
          throw forbidden('Missing or wrong X-CSRF-Token header');
        }
      }
    }

    if (access === 'public') return;
    if (!req.auth) throw unauthenticated('Log in or send an API token');
    if (access === 'admin') {
      const user = await findUserById(deps.db, req.auth.userId);
      if (!user || user.is_admin !== 1) throw forbidden('Administrators only');
    }
  });
}
