import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

/**
 * The security headers of every response, HTML and JSON alike, errors and 404s included: the
 * policy Helmet would send with the options Rete used to give it (a strict Content-Security-Policy
 * for a same-origin single-page app, no referrer, no framing, HSTS behind HTTPS). None of them
 * depends on the request, so they are built once at start-up; a per-request middleware rebuilt
 * them (the CSP string included) on every request.
 */
export function securityHeaders(config: Pick<Config, 'secureCookies'>): Record<string, string> {
  const csp: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  };
  return {
    'content-security-policy': Object.entries(csp)
      .map(([name, values]) => `${name} ${values.join(' ')}`)
      .join(';'),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(config.secureCookies ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    // Disables the legacy XSS auditor, which could itself be abused; the CSP is the protection.
    'x-xss-protection': '0',
  };
}

/**
 * One synchronous hook, first of all: the security headers above on every response, and
 * `Cache-Control: no-store` on every API answer (personal data must not be kept by a browser or a
 * proxy; the two routes that set it themselves set the same value).
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'secureCookies'>): void {
  const headers = Object.entries(securityHeaders(config));
  app.addHook('onRequest', (req, reply, done) => {
    for (const [name, value] of headers) void reply.header(name, value);
    if (req.url.startsWith('/api/v1/')) void reply.header('cache-control', 'no-store');
    done();
  });
}
