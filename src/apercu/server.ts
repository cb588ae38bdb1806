/**
 * The preview's web server (node:http), on the loopback address only. Every request passes the
 * checks of security.ts first (token, Host, Origin: 403 with a French sentence otherwise); then
 * it serves the page and its files, the state of the session (JSON, and as Server-Sent Events on
 * every change), the PDF of a document, and reads or writes a file of the séance folder — only
 * inside it, never through a link that leads out, never a hidden file, writes atomically.
 *
 * @example
 * const server = await startApercuServer({ session, token, port: 0 });
 * console.log(server.url); // http://127.0.0.1:43127/?jeton=…
 * await server.close();
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, relative, sep } from 'node:path';
import { writeOutputFile } from '../bundle/output-file.ts';
import { DiagnosticError } from '../diagnostics.ts';
import { describeProblem, lexicallyInside, readContained, reallyInside } from '../load/contained.ts';
import { type Asset, pageAssets } from './assets.ts';
import { pageHtml } from './html.ts';
import { refusal, TOKEN_HEADER, TOKEN_PARAMETER } from './security.ts';
import type { ApercuSession } from './session.ts';

/** Largest file the editor reads or saves (a séance file weighs tens of kilobytes). */
export const MAX_EDITED_BYTES = 5 * 1024 * 1024;

export interface ServerOptions {
  readonly session: ApercuSession;
  /** 0: a free port chosen by the system. */
  readonly port: number;
  /** Default: 32 random bytes. */
  readonly token?: string;
  /** Called after a save through the page (the command rebuilds then). */
  readonly onSaved?: () => Promise<void>;
}

export interface ApercuServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Sends the session's current state to every open page. */
  readonly publish: () => void;
  readonly close: () => Promise<void>;
}

/** A random token for the URL (URL-safe). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // CodeMirror adds its style sheet as <style> elements; pdf.js runs its worker from our URL.
  'Content-Security-Policy':
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

function text(res: ServerResponse, status: number, message: string): void {
  send(res, status, 'text/plain; charset=utf-8', `${message}\n`);
}

function json(res: ServerResponse, status: number, data: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolvePromise(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Where a path of the séance folder the page names is, or why it may not be used: relative, inside
 * the folder once links are followed, no hidden component (`.git/…`).
 */
export async function editablePath(folder: string, path: string): Promise<string | { refused: string }> {
  const inside = lexicallyInside(folder, path);
  if (inside === undefined) return { refused: `« ${path} » est hors du dossier de la séance.` };
  if (
    relative(folder, inside)
      .split(sep)
      .some((part) => part.startsWith('.'))
  ) {
    return { refused: `« ${path} » est un fichier caché : l’aperçu ne le lit ni ne l’écrit.` };
  }
  if (!(await reallyInside(folder, dirname(inside))) && dirname(inside) !== folder) {
    return { refused: `« ${path} » est hors du dossier de la séance (un lien mène ailleurs).` };
  }
  return inside;
}

export async function startApercuServer(options: ServerOptions): Promise<ApercuServer> {
  const { session } = options;
  const token = options.token ?? newToken();
  const assets: ReadonlyMap<string, Asset> = await pageAssets();
  const streams = new Set<ServerResponse>();
  let port = options.port;

  const event = () => `event: etat\ndata: ${JSON.stringify(session.state())}\n\n`;
  const publish = () => {
    const data = event();
    for (const res of streams) res.write(data);
  };

  const serveFile = async (res: ServerResponse, path: string) => {
    const place = await editablePath(session.folder, path);
    if (typeof place !== 'string') return text(res, 403, `Accès refusé : ${place.refused}`);
    const read = readContained(session.folder, relative(session.folder, place), {
      maxBytes: MAX_EDITED_BYTES,
    });
    if ('problem' in read)
      return text(res, 404, `${describeProblem(`Le fichier « ${path} »`, read.problem)}.`);
    return send(res, 200, 'text/plain; charset=utf-8', read.bytes);
  };

  const saveFile = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const place = await editablePath(session.folder, path);
    if (typeof place !== 'string') return text(res, 403, `Accès refusé : ${place.refused}`);
    const body = await readBody(req, MAX_EDITED_BYTES);
    if (body === undefined) return text(res, 413, 'Fichier trop volumineux pour l’aperçu (au plus 5 Mo).');
    try {
      await writeOutputFile(place, body, path);
    } catch (error) {
      if (error instanceof DiagnosticError)
        return text(res, 409, error.diagnostics[0]?.message ?? error.message);
      throw error;
    }
    await options.onSaved?.();
    return json(res, 200, session.state());
  };

  const serveDocument = async (res: ServerResponse, id: string) => {
    session.shown = id;
    const result = await session.pdf(id);
    if (result === undefined) return text(res, 404, `Document inconnu « ${id} ».`);
    if ('problems' in result) {
      return text(
        res,
        422,
        result.problems.map((p) => p.message).join('\n') || 'Document impossible à produire.',
      );
    }
    return send(res, 200, 'application/pdf', result.bytes);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const why = refusal(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        url: req.url ?? '/',
        tokenHeader: typeof req.headers[TOKEN_HEADER] === 'string' ? req.headers[TOKEN_HEADER] : undefined,
      },
      { port, token },
    );
    if (why !== undefined) return text(res, 403, why);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = url.pathname;
    const method = req.method ?? 'GET';
    const path = url.searchParams.get('chemin') ?? '';
    if (route === '/api/fichier' && method === 'PUT') return saveFile(req, res, path);
    if (method !== 'GET' && method !== 'HEAD') return text(res, 405, `Méthode ${method} non acceptée ici.`);
    if (route === '/') {
      return send(res, 200, 'text/html; charset=utf-8', pageHtml({ token, title: session.state().file }));
    }
    const asset = assets.get(route.slice(1));
    if (asset) return send(res, 200, asset.type, asset.bytes);
    if (route === '/api/etat') return json(res, 200, session.state());
    if (route === '/api/fichier') return serveFile(res, path);
    const doc = /^\/api\/document\/([a-z0-9-]+)\.pdf$/.exec(route);
    if (doc?.[1]) return serveDocument(res, doc[1]);
    if (route === '/api/evenements') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        Connection: 'keep-alive',
      });
      res.write(event());
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    return text(res, 404, `Rien à l’adresse « ${route} ».`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) text(res, 500, `Erreur interne de l’aperçu (bogue de delib) : ${String(error)}`);
      else res.end();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?${TOKEN_PARAMETER}=${token}`,
    port,
    token,
    publish,
    close: async () => {
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
  };
}
