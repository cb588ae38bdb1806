// The CI recipes the README shows are the files of .ci/recipes/, and they work: their YAML parses
// into the jobs GitHub and GitLab expect, and their shell steps run on copies of the fixtures with
// `npx delib` standing for this checkout's delib (one bash process per step: the shell is under test).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT } from './support/cli.ts';

const run = promisify(execFile);
const recipe = (name: string) => readFileSync(join(ROOT, '.ci/recipes', name), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'delib-recettes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A séances repository holding copies of fixtures (and their point files); git for SOURCE_DATE_EPOCH. */
async function seancesRepo(name: string, seances: readonly string[]): Promise<string> {
  const repo = join(work, name);
  mkdirSync(join(repo, 'seances'), { recursive: true });
  for (const seance of seances)
    cpSync(join(ROOT, 'fixtures', `${seance}.yaml`), join(repo, 'seances', `${seance}.yaml`));
  cpSync(join(ROOT, 'fixtures/points'), join(repo, 'seances/points'), { recursive: true });
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.org', ...args], { cwd: repo });
  await git('init', '-q');
  await git('add', '.');
  await git('commit', '-qm', 'séances', '--date', '2024-07-01T12:00:00Z');
  return repo;
}

/** Runs a recipe's shell step with `npx` resolving `delib` to this checkout. */
async function step(script: string, cwd: string): Promise<void> {
  const shim = `npx() { if [ "$1" = delib ]; then shift; node ${JSON.stringify(BIN)} "$@"; else command npx "$@"; fi; }\n`;
  await run('bash', ['-e', '-o', 'pipefail', '-c', shim + script], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', GIT_COMMITTER_DATE: '2024-07-01T12:00:00Z' },
  });
}

describe('CI recipes', () => {
  it('the README shows each recipe file verbatim', () => {
    for (const name of ['github-actions.yml', 'gitlab-ci.yml', 'Containerfile']) {
      expect(readme, name).toContain(recipe(name));
    }
  });

  it('GitHub Actions: a workflow on a maintained Node line whose run steps build every séance', async () => {
    const workflow = parse(recipe('github-actions.yml')) as {
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
    };
    const steps = workflow.jobs.documents?.steps ?? [];
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node'));
    expect([22, 24]).toContain(Number(node?.with?.['node-version']));
    const repo = await seancesRepo('github', ['sceaux-2023-03-23']);
    for (const s of steps) if (s.run && !s.run.startsWith('npm ci')) await step(s.run, repo);
    expect(existsSync(join(repo, 'dist', 'sceaux-2023-03-23', 'manifest.json'))).toBe(true);
    expect(steps.at(-1)?.with?.path).toBe('dist/');
  });

  it('GitLab CI: one job whose script validates into a Code Quality report, builds, and keeps both', async () => {
    const pipeline = parse(recipe('gitlab-ci.yml')) as Record<
      string,
      {
        image: string;
        script: string[];
        artifacts: { when: string; reports: Record<string, string>; paths: string[] };
      }
    >;
    const job = pipeline.seance;
    expect(job?.image).toMatch(/^node:(22|24)/);
    expect(job?.artifacts.reports.codequality).toBe('gl-code-quality-report.json');
    expect(job?.artifacts.paths).toEqual(['dist/']);
    expect(job?.artifacts.when).toBe('always');
    const repo = await seancesRepo('gitlab', ['conseil-2024-06-27']);
    await step((job?.script ?? []).filter((line) => !line.startsWith('npm ci')).join('\n'), repo);
    expect(JSON.parse(readFileSync(join(repo, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);
    expect(existsSync(join(repo, 'dist', 'conseil-2024-06-27', 'dossier-de-seance.pdf'))).toBe(true);
  });

  it('Containerfile: builds the package, installs only it on a maintained Node image, runs delib', () => {
    const lines = recipe('Containerfile')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    const from = lines.filter((l) => l.startsWith('FROM '));
    expect(from).toHaveLength(2);
    for (const f of from) expect(f).toMatch(/node:(22|24)-/);
    expect(lines.join('\n')).toContain('npm pack');
    expect(lines.join('\n')).toContain('--omit=dev');
    expect(lines).toContain('USER node');
    expect(lines).toContain('ENTRYPOINT ["delib"]');
  });
});
