/**
 * The preview's state, kept between rebuilds in one process: the last load of the séance (its
 * problems, its documents and their input hashes), and the PDF of each document rendered for its
 * hash. Templates and fonts stay loaded in the process (their caches are per process), and a
 * rebuild renders only the documents whose hash changed. When the séance has errors, the last
 * good documents stay listed and rendered, beside the problems.
 *
 * @example
 * const session = new ApercuSession({ file: '/srv/seance/seance.yaml', creationDate: new Date() });
 * await session.rebuild();
 * const pdf = await session.pdf('ordre-du-jour');
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { RenderJob } from '../bundle/render-documents.ts';
import { renderDocument } from '../bundle/render-documents.ts';
import { type LoadedSeance, loadForRendering } from '../cli/options.ts';
import { type DocumentRef, listDocuments } from '../compose/documents.ts';
import { kindSpec } from '../compose/kinds.ts';
import { type Diagnostic, DiagnosticError } from '../diagnostics.ts';
import { readTemplatesFolder, type TemplateSources } from '../load/templates-folder.ts';
import { documentHash, environmentKey } from './inputs.ts';
import { type ProblemView, problemViews } from './problems.ts';

export interface SessionOptions {
  /** Absolute path of the séance file. */
  readonly file: string;
  /** The collectivité's templates folder (absolute), when given. */
  readonly templatesDir?: string;
  readonly creationDate: Date;
  /** Called when the state changes after `rebuild` returned (a render raised problems, or stopped). */
  readonly onChange?: () => void;
}

export interface DocumentView {
  readonly id: string;
  readonly kind: string;
  readonly point: number | null;
  /** What the side list shows, in French (« Point n° 1 – Note de présentation »). */
  readonly label: string;
  /** Hash of the document's inputs: the page asks again for its pages when it changes. */
  readonly hash: string;
}

/** What the page receives after each rebuild. */
export interface ApercuState {
  readonly version: number;
  /** The séance file, relative to its folder (the file the editor opens first). */
  readonly file: string;
  /** Whether the last load had no error (the documents are those of the last good load otherwise). */
  readonly valid: boolean;
  readonly problems: readonly ProblemView[];
  readonly documents: readonly DocumentView[];
}

interface Rendered {
  readonly hash: string;
  readonly result: Promise<
    { readonly bytes: Uint8Array; readonly pages: number } | { readonly problems: readonly Diagnostic[] }
  >;
}

interface Good {
  readonly job: RenderJob;
  readonly refs: readonly { readonly ref: DocumentRef; readonly hash: string }[];
}

function label(ref: DocumentRef): string {
  const subject = kindSpec(ref.kind).subject;
  const what = ref.annex === null ? subject : `${subject} (annexe ${ref.annex + 1})`;
  return ref.point === null ? what : `Point n°\u00A0${ref.point} – ${what}`;
}

export class ApercuSession {
  readonly folder: string;
  private readonly options: SessionOptions;
  private version = 0;
  private good: Good | undefined;
  private problems: readonly ProblemView[] = [];
  private valid = false;
  private readonly rendered = new Map<string, Rendered>();
  /** Files the séance read or refers to (absolute), the last time it loaded. */
  private inputFiles = new Set<string>();
  /** What the input files looked like just before the last load (size, times, inode). */
  private seen = '';
  /** Problems raised by rendering a document, by its id, for the hash it was rendered for. */
  private readonly renderIssues = new Map<
    string,
    { readonly hash: string; readonly problems: readonly ProblemView[] }
  >();
  private rendering: Promise<void> = Promise.resolve();
  /** The document the page asked for last (rendered first after a change). */
  shown = '';
  /** How many documents this session rendered (the benchmark and tests count re-renders). */
  renders = 0;

  constructor(options: SessionOptions) {
    this.options = options;
    this.folder = dirname(options.file);
  }

  /** Every file whose change calls for a rebuild (absolute paths), and the templates folder. */
  inputs(): { readonly files: ReadonlySet<string>; readonly folders: readonly string[] } {
    const dir = this.options.templatesDir;
    return { files: this.inputFiles, folders: dir === undefined ? [] : [dir, join(dir, 'partials')] };
  }

  state(): ApercuState {
    const documents = (this.good?.refs ?? []).map(({ ref, hash }) => ({
      id: ref.id,
      kind: ref.kind,
      point: ref.point,
      label: label(ref),
      hash,
    }));
    const issues = (this.good?.refs ?? []).flatMap(({ ref, hash }) => {
      const issue = this.renderIssues.get(ref.id);
      return issue?.hash === hash ? issue.problems : [];
    });
    return {
      version: this.version,
      file: this.options.file.slice(this.folder.length + 1),
      valid: this.valid && issues.length === 0,
      problems: [...this.problems, ...issues],
      documents,
    };
  }

  private absolute(path: string): string {
    return isAbsolute(path) ? path : resolve(this.folder, path);
  }

  private remember(files: Iterable<string>): void {
    for (const f of files) if (f !== '') this.inputFiles.add(this.absolute(f));
  }

  private templates(): TemplateSources | undefined {
    const dir = this.options.templatesDir;
    return dir === undefined ? undefined : readTemplatesFolder(dir);
  }

  /**
   * Loads and validates the séance again, then starts rendering (in this thread, one after the
   * other) the documents whose inputs changed; returns once the new state is known, before the
   * renders end (`settled` waits for them).
   */
  /** The input files' sizes, times and inodes, to tell whether any changed since the last load. */
  private fingerprint(): string {
    return [...this.inputFiles]
      .map((f) => {
        const info = statSync(f, { throwIfNoEntry: false, bigint: true });
        return info ? `${f}:${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}` : `${f}:-`;
      })
      .join('\n');
  }

  /**
   * Whether a file the séance reads changed since the last load (the watcher also sees the
   * saves the page made, which were rebuilt at once). The templates folder is not looked at.
   */
  inputsChanged(): boolean {
    return this.fingerprint() !== this.seen;
  }

  async rebuild(): Promise<ApercuState> {
    this.inputFiles.add(this.options.file);
    // Taken before reading: a file saved during the load differs, and the next event rebuilds.
    this.seen = this.fingerprint();
    let loaded: LoadedSeance;
    let templates: TemplateSources | undefined;
    try {
      templates = this.templates();
      loaded = await loadForRendering(this.options.file, this.folder);
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      this.remember(error.sources.keys());
      this.remember(error.diagnostics.map((d) => d.file));
      this.valid = false;
      this.problems = problemViews(this.folder, error.diagnostics, error.sources);
      this.version++;
      return this.state();
    }
    const { seance } = loaded;
    this.remember(loaded.texts.keys());
    this.remember(loaded.assets.keys());
    this.remember(loaded.annexes.keys());
    if (loaded.fonts) {
      const f = loaded.fonts;
      this.remember([f.regular, f.bold, f.italic, f.boldItalic]);
    }
    const job: RenderJob = {
      seance,
      formats: ['pdf'],
      ...(templates ? { templates } : {}),
      pdfa: false,
      source: { name: this.options.file.split(/[\\/]/).pop() ?? 'seance.yaml', data: loaded.bytes },
      assets: loaded.assets,
      creationDate: this.options.creationDate,
      ...(loaded.fonts ? { fonts: loaded.fonts } : {}),
    };
    const faces: [string, Uint8Array][] = Object.entries(loaded.fonts?.data ?? {}).map(([face, bytes]) => [
      `police:${face}`,
      bytes,
    ]);
    const environment = environmentKey(templates, new Map([...loaded.assets, ...faces]), {
      family: loaded.fonts?.family ?? null,
    });
    const refs = listDocuments(seance).map((ref) => ({ ref, hash: documentHash(seance, ref, environment) }));
    this.good = { job, refs };
    this.valid = true;
    this.problems = problemViews(this.folder, loaded.warnings, loaded.texts);
    this.version++;
    this.renderChanged();
    return this.state();
  }

  /** Renders, one after the other, the documents not rendered for their current hash. */
  private renderChanged(): void {
    const good = this.good;
    if (!good) return;
    const issuesBefore = JSON.stringify([...this.renderIssues]);
    // The document the page shows first: its new pages are what the clerk waits for.
    const order = [...good.refs].sort(
      (a, b) => Number(b.ref.id === this.shown) - Number(a.ref.id === this.shown),
    );
    this.rendering = (async () => {
      for (const { ref } of order) {
        if (this.good !== good) return;
        await this.pdf(ref.id)?.catch(() => undefined);
      }
      if (JSON.stringify([...this.renderIssues]) !== issuesBefore) {
        this.version++;
        this.options.onChange?.();
      }
    })();
  }

  /** Stops rendering after the document being rendered (Ctrl-C does not wait for the others). */
  close(): void {
    this.good = undefined;
  }

  /** Resolves once every document of the last rebuild is rendered (benchmark, tests). */
  settled(): Promise<void> {
    return this.rendering;
  }

  /**
   * The PDF of a document for its current inputs, rendered now if it was not yet; or the
   * problems its rendering raised (a template of the collectivité that fails, a character the
   * font lacks); undefined for a document the séance does not have.
   */
  pdf(
    id: string,
  ):
    | Promise<
        { readonly bytes: Uint8Array; readonly pages: number } | { readonly problems: readonly Diagnostic[] }
      >
    | undefined {
    const good = this.good;
    const entry = good?.refs.find((r) => r.ref.id === id);
    if (!good || !entry) return undefined;
    const cached = this.rendered.get(id);
    if (cached?.hash === entry.hash) return cached.result;
    const result = (async () => {
      // Let the pending request or rebuild go first: one render at a time, in order of asking.
      await new Promise((r) => setImmediate(r));
      this.renders++;
      try {
        const out = await renderDocument(good.job, entry.ref);
        if (!out.pdf) throw new Error('a preview render without its PDF');
        this.renderIssues.delete(id);
        return out.pdf;
      } catch (error) {
        if (!(error instanceof DiagnosticError)) throw error;
        const problems = problemViews(this.folder, error.diagnostics, error.sources);
        this.renderIssues.set(id, { hash: entry.hash, problems });
        return { problems: error.diagnostics };
      }
    })();
    this.rendered.set(id, { hash: entry.hash, result });
    return result;
  }
}
