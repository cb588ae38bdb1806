/**
 * The checks every request to the preview server passes before anything else: the random token
 * of the session, a `Host` naming the loopback address and port the server listens on (a page of
 * another site that rebinds its DNS name to 127.0.0.1 sends its own name), and, when the browser
 * sends one, an `Origin` of the preview itself (another site's page posting to it). Pure: the
 * server hands it the request's headers and URL.
 *
 * @example
 * refusal({ host: '127.0.0.1:4000', url: '/?jeton=abc' }, { port: 4000, token: 'abc' }) // undefined
 */
import { timingSafeEqual } from 'node:crypto';

/** Name of the URL parameter (and of the `X-Delib-Jeton` header) that carries the token. */
export const TOKEN_PARAMETER = 'jeton';
export const TOKEN_HEADER = 'x-delib-jeton';

export interface RequestFacts {
  readonly host?: string | undefined;
  readonly origin?: string | undefined;
  /** The request target (`/api/etat?jeton=…`). */
  readonly url: string;
  /** The token header, when the page sends it. */
  readonly tokenHeader?: string | undefined;
}

export interface Expected {
  readonly port: number;
  readonly token: string;
}

/** The names the preview answers to: the loopback address and `localhost`, on its port. */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries, in its URL or its header. */
export function requestToken(facts: RequestFacts): string | undefined {
  if (facts.tokenHeader) return facts.tokenHeader;
  const query = facts.url.indexOf('?');
  if (query < 0) return undefined;
  return new URLSearchParams(facts.url.slice(query + 1)).get(TOKEN_PARAMETER) ?? undefined;
}

/**
 * Why the request is refused, in French, or undefined when it may be served. Every refusal is
 * answered 403 with that sentence.
 */
export function refusal(facts: RequestFacts, expected: Expected): string | undefined {
  const hosts = allowedHosts(expected.port);
  const host = facts.host?.toLowerCase();
  if (host === undefined || !hosts.includes(host)) {
    return `Accès refusé : l’aperçu ne répond qu’à l’adresse http://127.0.0.1:${expected.port}/ (en-tête Host « ${facts.host ?? ''} »).`;
  }
  if (facts.origin !== undefined && !hosts.some((h) => facts.origin?.toLowerCase() === `http://${h}`)) {
    return `Accès refusé : requête venue d’une autre page (« ${facts.origin} »).`;
  }
  const token = requestToken(facts);
  if (token === undefined || !sameToken(token, expected.token)) {
    return 'Accès refusé : jeton absent ou incorrect. Ouvrez l’adresse complète affichée par « delib apercu ».';
  }
  return undefined;
}
