// The editor speaks delib's French: yaml-language-server (the engine of VS Code's YAML extension),
// run headless over stdio with the published schema through the file's modeline, gives delib's own
// diagnostics, hovers and completions, not its generic English ones.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.ts';
import { LspClient } from './support/lsp.ts';

const server = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');
const work = mkdtempSync(join(tmpdir(), 'delib-lsp-'));
cpSync(join(ROOT, 'schema/seance.schema.json'), join(work, 'seance.schema.json'));
const uri = pathToFileURL(join(work, 'seance.yaml')).href;

interface Diagnostic {
  readonly message: string;
  readonly range: { start: { line: number; character: number } };
}
interface Published {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly Diagnostic[];
}

const TEXT = `# yaml-language-server: $schema=./seance.schema.json
version: 1
collectivite:
  nom: Commune de Val-Fleuri
  nature: comune
  siret: "2199909990001"
instance: Conseil municipal
seance:
  date: 2024-06-27
  heure: "7h30"
  presidnet: Hélène Marchand
  membres_en_exercice: vingt
points:
  - numero: 1
    objet: Budget
    rapporteur: Noé Duval
    note:
      expose: Exposé.
    deliberation:
      numero: "2024_06_01"
      articles: [Approuve.]
      vote:
        pour: 1
        contre: 0
        abstentions: 0

`;

let lsp: LspClient;
let version = 1;

beforeAll(async () => {
  lsp = new LspClient(process.execPath, [server, '--stdio'], (method, params) => {
    if (method === 'workspace/configuration') {
      const items = (params as { items: { section?: string }[] }).items;
      return items.map((item) =>
        item.section === 'yaml'
          ? { validate: true, hover: true, completion: true, format: { enable: false } }
          : {},
      );
    }
    return null;
  });
  await lsp.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(work).href,
    capabilities: {
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
        publishDiagnostics: {},
      },
      workspace: { configuration: true },
    },
  });
  lsp.notify('initialized', {});
  lsp.notify('workspace/didChangeConfiguration', {
    settings: { yaml: { validate: true, hover: true, completion: true } },
  });
  lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: TEXT } });
});

afterAll(async () => {
  await lsp?.close();
  rmSync(work, { recursive: true, force: true });
});

async function diagnostics(): Promise<readonly Diagnostic[]> {
  const published = await lsp.waitFor<Published>(
    'textDocument/publishDiagnostics',
    (p) => p.uri === uri && p.diagnostics.length > 0,
  );
  return published.diagnostics;
}

function at(all: readonly Diagnostic[], line: number): string[] {
  return all.filter((d) => d.range.start.line === line).map((d) => d.message);
}

describe('yaml-language-server with delib’s schema', () => {
  it('reports pattern, type, enum and required-key mistakes in delib’s French', async () => {
    const all = await diagnostics();
    const lines = TEXT.split('\n');
    const line = (start: string) => lines.findIndex((l) => l.startsWith(start));
    expect(at(all, line('  nature:')).join(' ')).toContain('« nature » vaut l’une de ces valeurs : commune,');
    expect(at(all, line('  siret:')).join(' ')).toContain(
      '« siret » n’a pas le format attendu : 14 chiffres',
    );
    expect(at(all, line('  heure:')).join(' ')).toContain(
      '« heure » n’a pas le format attendu : l’heure sur 24 heures',
    );
    expect(at(all, line('  membres_en_exercice:')).join(' ')).toContain(
      '« membres_en_exercice » est un nombre entier',
    );
    // An unknown key in « seance »: reported at the key, with the keys allowed there.
    const unknown = at(all, line('  presidnet:')).join(' ');
    expect(unknown).toContain('« seance » est un dictionnaire de lignes « clé: valeur »');
    expect(unknown).toMatch(/Clés permises : .*president/);
    for (const d of all)
      expect(d.message).not.toMatch(/Incorrect type|does not match|Missing property|Value is not accepted/);
  });

  it('shows the French description and its example on hover', async () => {
    const hover = await lsp.request<{ contents: { value: string } | string }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 9, character: 3 },
    });
    const text = typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
    expect(text).toContain('Heure d’ouverture de la séance');
    expect(text).toContain('Exemple');
    expect(text).toContain('heure: "19:30"');
  });

  it('offers French completions and the snippet of a new point', async () => {
    const lines = TEXT.split('\n');
    const blank = lines.length - 2;
    version += 1;
    const text = `${lines.slice(0, blank).join('\n')}\n  - \n`;
    lsp.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    const list = await lsp.request<{
      items: { label: string; documentation?: unknown; insertText?: string }[];
    }>('textDocument/completion', { textDocument: { uri }, position: { line: blank, character: 4 } });
    const labels = list.items.map((i) => i.label);
    expect(labels).toContain('Point de l’ordre du jour');
    expect(labels).toContain('rapporteur');
    const rapporteur = list.items.find((i) => i.label === 'rapporteur');
    expect(JSON.stringify(rapporteur?.documentation)).toContain('Exemple');
    expect(JSON.stringify(rapporteur?.documentation)).toContain('rapporteur: ');
  });
});
