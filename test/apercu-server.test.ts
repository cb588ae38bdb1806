/**
 * `delib apercu`'s server, started in this process on a copy of a fixture: every request without
 * the token, with another Host or another Origin is refused in French; only the séance folder is
 * read, only files inside it are written (atomically); one preview per folder; a rebuild renders
 * only the documents whose inputs changed.
 */

import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../src/apercu/browser.ts';
import { type Apercu, startApercu } from '../src/apercu/index.ts';
import { refusal } from '../src/apercu/security.ts';
import { DiagnosticError } from '../src/diagnostics.ts';
import { ROOT, runDelib } from './support/cli.ts';

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A raw HTTP request (fetch cannot set Host): path, method, headers and body as given. */
function ask(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let dir: string;
let outside: string;
let apercu: Apercu;
let q: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'delib-apercu-'));
  outside = mkdtempSync(join(tmpdir(), 'delib-apercu-dehors-'));
  writeFileSync(join(outside, 'secret.txt'), 'CONTENU-SECRET');
  copyFileSync(join(ROOT, 'fixtures/minimale.yaml'), join(dir, 'seance.yaml'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'config'), '[core]\n');
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'lien.txt'));
  symlinkSync(outside, join(dir, 'dehors'));
  apercu = await startApercu({ file: join(dir, 'seance.yaml'), port: 0, creationDate: new Date(0) });
  q = `jeton=${apercu.token}`;
});

afterAll(async () => {
  await apercu?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('refusal (pure)', () => {
  const expected = { port: 4000, token: 'abc' };
  it('accepts the loopback names on the port, with the token', () => {
    expect(refusal({ host: '127.0.0.1:4000', url: '/?jeton=abc' }, expected)).toBeUndefined();
    expect(refusal({ host: 'localhost:4000', url: '/x', tokenHeader: 'abc' }, expected)).toBeUndefined();
    expect(
      refusal({ host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000', url: '/?jeton=abc' }, expected),
    ).toBeUndefined();
  });
  it('refuses another port, another name, another origin, a wrong or missing token', () => {
    expect(refusal({ host: '127.0.0.1:4001', url: '/?jeton=abc' }, expected)).toMatch(/^Accès refusé/);
    expect(refusal({ host: 'attaque.example:4000', url: '/?jeton=abc' }, expected)).toMatch(/Host/);
    expect(refusal({ url: '/?jeton=abc' }, expected)).toMatch(/Host/);
    expect(
      refusal({ host: '127.0.0.1:4000', origin: 'http://attaque.example', url: '/?jeton=abc' }, expected),
    ).toMatch(/autre page/);
    expect(refusal({ host: '127.0.0.1:4000', origin: 'null', url: '/?jeton=abc' }, expected)).toMatch(
      /autre page/,
    );
    expect(refusal({ host: '127.0.0.1:4000', url: '/?jeton=abd' }, expected)).toMatch(/jeton/);
    expect(refusal({ host: '127.0.0.1:4000', url: '/?jeton=ab' }, expected)).toMatch(/jeton/);
    expect(refusal({ host: '127.0.0.1:4000', url: '/' }, expected)).toMatch(/jeton/);
  });
});

describe('browserAvailable', () => {
  it('opens a browser only in a graphical session, never in CI', () => {
    expect(browserAvailable({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(browserAvailable({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(browserAvailable({}, 'linux')).toBe(false);
    expect(browserAvailable({ DISPLAY: '' }, 'linux')).toBe(false);
    expect(browserAvailable({ DISPLAY: ':0', CI: 'true' }, 'linux')).toBe(false);
    expect(browserAvailable({ CI: '1' }, 'darwin')).toBe(false);
    expect(browserAvailable({}, 'darwin')).toBe(true);
  });
});

describe('the server', () => {
  it('listens on 127.0.0.1 only and prints a URL with its token', () => {
    expect(apercu.url).toBe(`http://127.0.0.1:${apercu.port}/?jeton=${apercu.token}`);
    expect(apercu.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the page and its state with the token', async () => {
    const page = await ask(apercu.port, `/?${q}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain(`/app.js?${q}`);
    const state = JSON.parse((await ask(apercu.port, `/api/etat?${q}`)).body) as {
      valid: boolean;
      documents: { id: string }[];
    };
    expect(state.valid).toBe(true);
    expect(state.documents.map((d) => d.id)).toContain('ordre-du-jour');
    const viaLocalhost = await ask(apercu.port, `/api/etat?${q}`, {
      headers: { Host: `localhost:${apercu.port}` },
    });
    expect(viaLocalhost.status).toBe(200);
  });

  it('refuses, in French, a request without the token or with a wrong one', async () => {
    for (const path of ['/', '/api/etat', '/app.js', `/api/etat?jeton=${apercu.token.slice(1)}x`]) {
      const answer = await ask(apercu.port, path);
      expect(answer.status, path).toBe(403);
      expect(answer.body).toMatch(/^Accès refusé : jeton absent ou incorrect/);
    }
  });

  it('refuses another Host (DNS rebinding) and another Origin, even with the token', async () => {
    const rebound = await ask(apercu.port, `/api/etat?${q}`, {
      headers: { Host: `attaque.example:${apercu.port}` },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('l’aperçu ne répond qu’à l’adresse');
    const otherPort = await ask(apercu.port, `/api/etat?${q}`, { headers: { Host: '127.0.0.1:1' } });
    expect(otherPort.status).toBe(403);
    const before = readFileSync(join(dir, 'seance.yaml'), 'utf8');
    const posted = await ask(apercu.port, `/api/fichier?chemin=seance.yaml&${q}`, {
      method: 'PUT',
      headers: { Origin: 'http://attaque.example' },
      body: 'version: 2\n',
    });
    expect(posted.status).toBe(403);
    expect(posted.body).toContain('requête venue d’une autre page');
    expect(readFileSync(join(dir, 'seance.yaml'), 'utf8')).toBe(before);
  });

  it('reads only files of the séance folder', async () => {
    const own = await ask(apercu.port, `/api/fichier?chemin=seance.yaml&${q}`);
    expect(own.status).toBe(200);
    expect(own.body).toBe(readFileSync(join(dir, 'seance.yaml'), 'utf8'));
    for (const path of [
      '../seance.yaml',
      '/etc/passwd',
      `${outside}/secret.txt`,
      'dehors/secret.txt',
      'lien.txt',
      '.git/config',
    ]) {
      const answer = await ask(apercu.port, `/api/fichier?chemin=${encodeURIComponent(path)}&${q}`);
      expect(answer.status, path).toBeGreaterThanOrEqual(403);
      expect(answer.body, path).not.toContain('CONTENU-SECRET');
      expect(answer.body, path).not.toContain('[core]');
    }
  });

  it('writes only inside the séance folder, never through a link or into a hidden folder', async () => {
    for (const path of [
      '../ecrit.yaml',
      `${outside}/ecrit.yaml`,
      'dehors/ecrit.yaml',
      'lien.txt',
      '.git/config',
    ]) {
      const answer = await ask(apercu.port, `/api/fichier?chemin=${encodeURIComponent(path)}&${q}`, {
        method: 'PUT',
        body: 'écrit',
      });
      expect(answer.status, path).toBeGreaterThanOrEqual(403);
      expect(answer.body, path).toMatch(/hors du dossier|caché|lien/);
    }
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('CONTENU-SECRET');
    expect(readFileSync(join(dir, '.git', 'config'), 'utf8')).toBe('[core]\n');
  });

  it('saves the séance file atomically and rebuilds only the documents whose inputs changed', async () => {
    const file = join(dir, 'seance.yaml');
    const text = readFileSync(file, 'utf8').replace(
      'objet: Tarifs de la cantine scolaire',
      'objet: Tarifs de la restauration scolaire',
    );
    const state = async () =>
      JSON.parse((await ask(apercu.port, `/api/etat?${q}`)).body) as {
        documents: { id: string; hash: string }[];
      };
    await apercu.session.settled();
    const rendersBefore = apercu.session.renders;
    const before = new Map((await state()).documents.map((d) => [d.id, d.hash]));
    const saved = await ask(apercu.port, `/api/fichier?chemin=seance.yaml&${q}`, {
      method: 'PUT',
      body: text,
    });
    expect(saved.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(text);
    const after = new Map((await state()).documents.map((d) => [d.id, d.hash]));
    const changed = [...after].filter(([id, hash]) => before.get(id) !== hash).map(([id]) => id);
    // Point 1's documents and the séance-wide ones listing its objet; none of the other points'.
    const point1 = [...after.keys()].filter((id) => id.startsWith('point-01-'));
    expect(point1.length).toBeGreaterThan(0);
    for (const id of point1) expect(changed).toContain(id);
    expect(changed).toContain('ordre-du-jour');
    expect(changed.filter((id) => /^point-0[23]-/.test(id))).toEqual([]);
    expect([...after.keys()].some((id) => id.startsWith('point-02-'))).toBe(true);
    // The watcher sees the save too: its rebuild finds nothing new to render.
    await new Promise((r) => setTimeout(r, 300));
    await apercu.session.settled();
    expect(apercu.session.renders - rendersBefore).toBe(changed.length);
    const pdf = await ask(apercu.port, `/api/document/${point1[0]}.pdf?${q}`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
  });

  it('reports the problems of a broken séance in French, at their line', async () => {
    const file = join(dir, 'seance.yaml');
    const good = readFileSync(file, 'utf8');
    const bad = good.replace('membres_en_exercice: 15', 'membres_en_exercice: quinze');
    const saved = await ask(apercu.port, `/api/fichier?chemin=seance.yaml&${q}`, {
      method: 'PUT',
      body: bad,
    });
    const state = JSON.parse(saved.body) as {
      valid: boolean;
      problems: { code: string; line: number; file: string; message: string; excerpt: string }[];
      documents: unknown[];
    };
    expect(state.valid).toBe(false);
    const line = bad.split('\n').findIndex((l) => l.includes('quinze')) + 1;
    expect(state.problems).toContainEqual(
      expect.objectContaining({
        code: 'schema.type',
        file: 'seance.yaml',
        line,
        excerpt: '  membres_en_exercice: quinze',
      }),
    );
    // The last good documents stay listed.
    expect(state.documents.length).toBeGreaterThan(0);
    await ask(apercu.port, `/api/fichier?chemin=seance.yaml&${q}`, { method: 'PUT', body: good });
  });

  it('says in French that the port asked for is taken (exit 2)', async () => {
    const other = mkdtempSync(join(tmpdir(), 'delib-apercu-port-'));
    try {
      copyFileSync(join(ROOT, 'fixtures/minimale.yaml'), join(other, 'seance.yaml'));
      const r = await runDelib(
        ['apercu', '--port', String(apercu.port), '--pas-de-navigateur', 'seance.yaml'],
        {
          cwd: other,
        },
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Le port ${apercu.port} est déjà utilisé`);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('says in French that a second preview of the same folder is open', async () => {
    const second = startApercu({ file: join(dir, 'seance.yaml'), port: 0, creationDate: new Date(0) });
    await expect(second).rejects.toBeInstanceOf(DiagnosticError);
    const error = (await second.catch((e: unknown) => e)) as DiagnosticError;
    expect(error.diagnostics[0]?.code).toBe('apercu.busy');
    expect(error.diagnostics[0]?.message).toContain('Un aperçu de ce dossier est déjà ouvert');
  });
});
