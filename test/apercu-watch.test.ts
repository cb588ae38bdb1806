/**
 * `delib apercu` follows changes made outside of its page: a save of a file the séance includes,
 * by another editor, rebuilds the preview (not the other points' documents), and its problems
 * point into that file.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Apercu, startApercu } from '../src/apercu/index.ts';
import type { ApercuState } from '../src/apercu/session.ts';
import { ROOT } from './support/cli.ts';

let dir: string;
let apercu: Apercu;
const included = () => join(dir, 'points', '02-subventions.yaml');

/** The state once `ready` holds, rebuilt by the watcher (polled: the watcher has no hook). */
async function stateWhen(ready: (state: ApercuState) => boolean): Promise<ApercuState> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const state = apercu.session.state();
    if (ready(state)) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no rebuild seen: ${JSON.stringify(apercu.session.state().problems)}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'delib-apercu-watch-'));
  mkdirSync(join(dir, 'points'));
  copyFileSync(join(ROOT, 'fixtures/conseil-2024-06-27.yaml'), join(dir, 'seance.yaml'));
  copyFileSync(join(ROOT, 'fixtures/points/02-subventions.yaml'), included());
  apercu = await startApercu({ file: join(dir, 'seance.yaml'), port: 0, creationDate: new Date(0) });
});

afterAll(async () => {
  await apercu?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('delib apercu watching the included files', () => {
  it('rebuilds when another editor saves an included point, rendering only the documents that read it', async () => {
    const first = apercu.session.state();
    expect(first.valid).toBe(true);
    await apercu.session.settled();
    const hashes = new Map(first.documents.map((d) => [d.id, d.hash]));
    const rendersBefore = apercu.session.renders;
    const text = readFileSync(included(), 'utf8');
    // As editors do: a new file renamed over the old one.
    writeFileSync(
      `${included()}.tmp`,
      text.replace('La commission « Vie associative »', 'La commission des associations'),
    );
    renameSync(`${included()}.tmp`, included());
    const next = await stateWhen((s) => s.version > first.version);
    const changed = next.documents.filter((d) => hashes.get(d.id) !== d.hash).map((d) => d.id);
    expect(changed.length).toBeGreaterThan(0);
    // Point 2's documents, and the séance-wide ones (they read every point); not the others'.
    expect(changed.some((id) => id.startsWith('point-02-'))).toBe(true);
    expect(changed.filter((id) => /^point-0[13]-/.test(id))).toEqual([]);
    await apercu.session.settled();
    expect(apercu.session.renders - rendersBefore).toBe(changed.length);
  });

  it('shows a mistake in the included file at its line in that file', async () => {
    const text = readFileSync(included(), 'utf8');
    const bad = text.replace('numero: 2\n', 'numero: deux\n');
    writeFileSync(included(), bad);
    const state = await stateWhen((s) => !s.valid);
    const line = bad.split('\n').indexOf('numero: deux') + 1;
    expect(state.problems).toContainEqual(
      expect.objectContaining({
        file: join('points', '02-subventions.yaml'),
        line,
        severity: 'erreur',
        excerpt: 'numero: deux',
      }),
    );
    writeFileSync(included(), text);
    const fixed = await stateWhen((s) => s.valid);
    expect(fixed.problems.filter((p) => p.severity === 'erreur')).toEqual([]);
  });
});
