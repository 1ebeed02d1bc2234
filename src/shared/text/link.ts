/**
 * Web addresses as people type them. Isomorphic and free of zod, so that the web app checks a link
 * exactly as the API does without carrying the contract into its bundle.
 */

/** The longest link stored. */
export const MAX_LINK = 500;

// A host name with at least one dot and a top-level domain of letters (as zod's `z.regexes.domain`).
const DOMAIN = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
// What reads as a host name, maybe with a port and a path, but no scheme: "www.example.it/chi-siamo".
const BARE_HOST = /^[\p{L}\p{N}_-]+(\.[\p{L}\p{N}_-]+)+(:\d+)?([/?#].*)?$/u;

/** "www.example.it" → "https://www.example.it"; anything else (a scheme, a plain word) is left as it is. */
export function withWebScheme(value: string): string {
  const v = value.trim();
  return BARE_HOST.test(v) ? `https://${v}` : v;
}

/** Whether Rete stores this as a link: an http(s) address of a named host, once `withWebScheme` ran. */
export function isWebAddress(value: string): boolean {
  if (value.length > MAX_LINK) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && DOMAIN.test(url.hostname);
}
