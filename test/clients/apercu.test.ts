/**
 * `delib apercu` as a clerk uses it: the real process on a copy of a fixture, the page in headless
 * Chromium (Debian's `chromium`, driven by playwright-core; no browser downloaded). The documents
 * are listed and a page is drawn; a mistake typed in the editor and saved shows its French problem
 * at its line, a click on it puts the cursor there; once fixed the problem goes and the page
 * changes. A request with another Host is refused; Ctrl-C stops the process (exit 130).
 *
 * With UPDATE_GOLDEN=1 the screenshot is written to docs/apercu.png (the README shows it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../support/cli.ts';

const CHROMIUM = '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'delib-apercu-client-'));
const seanceFile = join(dir, 'seance.yaml');
let child: ChildProcess;
let output = '';
let url = '';
let browser: Browser;
let page: Page;

function firstUrl(): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 90_000);
    const look = () => {
      const found = /http:\/\/127\.0\.0\.1:\d+\/\?jeton=[\w-]+/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolvePromise(found[0]);
      }
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      look();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('exit', (code) => reject(new Error(`delib apercu exited (${code}):\n${output}`)));
  });
}

beforeAll(async () => {
  copyFileSync(join(ROOT, 'fixtures/sceaux-2023-03-23.yaml'), seanceFile);
  child = spawn(process.execPath, [BIN, 'apercu', seanceFile, '--pas-de-navigateur'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await firstUrl();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1500, height: 900 }, locale: 'fr-FR' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** The first page's pixels, to see that it changed. */
const firstCanvas = () =>
  page.evaluate(
    () => (document.querySelector('#pages canvas') as HTMLCanvasElement | null)?.toDataURL() ?? '',
  );

/** Replaces the editor line that reads `from` (trimmed) by `to`, typed as a clerk types it. */
async function retype(from: string, to: string): Promise<void> {
  const line = page.locator('.cm-line', { hasText: from }).first();
  await line.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(to);
  await page.keyboard.press('Control+s');
}

describe.skipIf(!existsSync(CHROMIUM))('delib apercu in Chromium', () => {
  it('prints its URL in French, with a token', () => {
    expect(output).toContain('Aperçu de « ');
    expect(output).toContain('ouvert à l’adresse');
    expect(url).toMatch(/jeton=[\w-]{32,}/);
  });

  it('lists the documents and draws the pages of the selected one', async () => {
    await page.goto(url);
    await page.locator('#documents button').first().waitFor();
    const labels = await page.locator('#documents button').allTextContents();
    expect(labels).toEqual(
      expect.arrayContaining(['Convocation', 'Ordre du jour', 'Point n°\u00A01 – Délibération']),
    );
    await page.locator('#pages[data-empreinte] canvas').first().waitFor();
    expect(await page.locator('#pages canvas').count()).toBeGreaterThanOrEqual(1);
    await page.locator('#problemes li.aucun').waitFor();
    expect(await page.locator('#statut').textContent()).toBe('À jour');
  });

  it('shows a mistake saved from the editor in French at its line, and goes to it on a click', async () => {
    const before = await firstCanvas();
    const shown = await page.locator('#pages').getAttribute('data-empreinte');
    const line =
      readFileSync(seanceFile, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('heure: "19:30"')) + 1;
    await retype('heure: "19:30"', 'heure: "19h30"');
    const problem = page.locator(`#problemes li[data-code="schema.pattern"][data-line="${line}"]`);
    await problem.waitFor();
    expect(readFileSync(seanceFile, 'utf8')).toContain('  heure: "19h30"\n');
    const text = await problem.textContent();
    expect(text).toContain(`seance.yaml:${line}:10`);
    expect(text).toContain('« heure » n’a pas le format attendu');
    expect(text).toContain('heure: "19h30"');
    expect(text).toContain('Conseil : Écrivez l’heure sur 24 heures');
    expect(await page.locator('#statut').textContent()).toMatch(/^1 erreur/);
    // The pages stay those of the last good séance.
    expect(await page.locator('#pages').getAttribute('data-empreinte')).toBe(shown);
    expect(await firstCanvas()).toBe(before);
    // Elsewhere first, then a click on the problem puts the cursor on its line.
    await page.locator('.cm-line', { hasText: 'version: 1' }).first().click();
    await problem.click();
    expect(await page.locator('.cm-activeLine').textContent()).toBe('  heure: "19h30"');
    await page.screenshot({
      path: process.env.UPDATE_GOLDEN === '1' ? join(ROOT, 'docs/apercu.png') : join(dir, 'apercu.png'),
    });
  });

  it('once fixed, the problem goes and the page changes', async () => {
    const before = await firstCanvas();
    const shown = await page.locator('#pages').getAttribute('data-empreinte');
    // The pages stay where the clerk was reading them.
    const scrolled = await page.evaluate(() => {
      const pane = document.querySelector('#pages') as HTMLElement;
      pane.scrollTop = 30;
      return pane.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(0);
    await retype('heure: "19h30"', 'heure: "20:00"');
    await page.locator('#problemes li.aucun').waitFor();
    await page.waitForFunction((old) => {
      const pane = document.querySelector('#pages') as HTMLElement;
      return pane.dataset.empreinte !== old;
    }, shown);
    expect(await page.locator('#problemes li[data-code]').count()).toBe(0);
    expect(await firstCanvas()).not.toBe(before);
    expect(await page.evaluate(() => (document.querySelector('#pages') as HTMLElement).scrollTop)).toBe(
      scrolled,
    );
    expect(readFileSync(seanceFile, 'utf8')).toContain('  heure: "20:00"\n');
  });

  it('refuses a request with another Host', async () => {
    const { port, pathname, search } = new URL(url);
    const answer = await new Promise<{ status: number; body: string }>((resolvePromise, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: pathname + search, headers: { Host: `attaque.example:${port}` } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => {
            body += c.toString('utf8');
          });
          res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/^Accès refusé/);
  });

  it('stops on Ctrl-C, in French, with exit code 130', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(output).toContain('Aperçu arrêté.');
  });
});
