/**
 * The Handlebars environment of delib: its own instance (never the global one), strict (a missing
 * field is an error naming the template file, line, column and data path), unknown helpers and
 * missing partials rejected when the templates are compiled, prototype access off, and values
 * escaped for Markdown instead of HTML. Templates are compiled once per process and folder;
 * diagnostics name template files by absolute path (the CLI shows them relative to its folder).
 *
 * @example
 * const env = templateEnv({ templatesDir: 'ma-ville/modeles' });
 * const markdown = env.render('note-de-presentation', context);
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { type Diagnostic, DiagnosticError, diagnostic } from '../diagnostics.ts';
import { readTemplatesFolder, type TemplateSources } from '../load/templates-folder.ts';
import { closest } from '../validate/suggest.ts';
import { escapeMarkdownText } from './escape.ts';
import { templateHelpers } from './register-helpers.ts';

/** The document templates every folder must provide (after falling back on the defaults). */
export const TEMPLATE_NAMES = [
  'note-de-presentation',
  'deliberation',
  'convention',
  'ordre-du-jour',
  'liste-des-deliberations',
  'convocation',
  'proces-verbal',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Folder of the default templates shipped with delib. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

const EXTENSION = '.hbs';
const ESCAPE_HELPER = '__escapeMarkdown';

export interface TemplateFile {
  readonly name: string;
  /** Absolute path. */
  readonly path: string;
  readonly partial: boolean;
}

export interface TemplateEnv {
  /** Renders a document template to Markdown; throws DiagnosticError on a template error. */
  render(name: TemplateName, data: object): string;
  /** The files in use, defaults and overrides merged (what `delib templates export` copies). */
  readonly files: readonly TemplateFile[];
}

type Hb = typeof Handlebars;
type TemplateFn = Handlebars.TemplateDelegate;

function newHandlebars(): Hb {
  const hb = Handlebars.create();
  // Route `{{value}}` through our Markdown escaper; the subclass must also be used for nested
  // programs (`{{#each}}` bodies), hence `prototype.compiler`. Helpers are wrapped by the runtime,
  // which writes into their last argument (the options): hence the `{}` passed after the value.
  const internals = hb as unknown as HandlebarsInternals;
  class MarkdownCompiler extends internals.JavaScriptCompiler {}
  const proto = MarkdownCompiler.prototype as unknown as {
    compiler: unknown;
    appendEscaped(this: CompilerThis): void;
  };
  proto.compiler = MarkdownCompiler;
  proto.appendEscaped = function appendEscaped(this: CompilerThis) {
    this.pushSource(
      this.appendToBuffer([
        this.aliasable(`container.helpers.${ESCAPE_HELPER}`),
        '(',
        this.popStack(),
        ', {})',
      ]),
    );
  };
  internals.JavaScriptCompiler = MarkdownCompiler;
  hb.registerHelper(ESCAPE_HELPER, (value: unknown) => {
    if (value instanceof hb.SafeString) return value.toString();
    if (value === null || value === undefined) return '';
    return escapeMarkdownText(String(value));
  });
  for (const [name, fn] of Object.entries(templateHelpers(hb))) hb.registerHelper(name, fn);
  return hb;
}

/** What @types/handlebars does not declare: the compiler class an environment uses. */
interface HandlebarsInternals {
  JavaScriptCompiler: new () => object;
  template(spec: unknown): Handlebars.TemplateDelegate;
}

/** The internal API of Handlebars' JavaScript compiler used by `appendEscaped`. */
interface CompilerThis {
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  aliasable(name: string): unknown;
  popStack(): unknown;
}

function listFolder(dir: string, partial: boolean): TemplateFile[] {
  const folder = partial ? join(dir, 'partials') : dir;
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => extname(f) === EXTENSION)
    .sort()
    .map((f) => ({ name: basename(f, EXTENSION), path: join(folder, f), partial }));
}

/** Default files, each replaced by a file of the same name among the overrides (read once). */
function templateFiles(overrides: TemplateSources | undefined): { file: TemplateFile; source?: string }[] {
  const byKey = new Map<string, { file: TemplateFile; source?: string }>();
  for (const file of [
    ...listFolder(DEFAULT_TEMPLATES_DIR, false),
    ...listFolder(DEFAULT_TEMPLATES_DIR, true),
  ]) {
    byKey.set(`${file.partial ? 'partial' : 'template'}:${file.name}`, { file });
  }
  for (const o of overrides?.files ?? []) {
    byKey.set(`${o.partial ? 'partial' : 'template'}:${o.name}`, {
      file: { name: o.name, path: o.path, partial: o.partial },
      source: o.source,
    });
  }
  return [...byKey.values()];
}

interface HbError {
  message: string;
  lineNumber?: number;
  column?: number;
}

function asHbError(error: unknown): HbError {
  if (error instanceof Error) return error as HbError;
  return { message: String(error) };
}

/** The data path of the expression at a template position (`point.deliberation.vote`). */
function expressionAt(source: string, line: number, column: number): string {
  const text = source.split('\n')[line - 1] ?? '';
  const match = /[@\w./[\]-]+/.exec(text.slice(column));
  return match?.[0] ?? '';
}

function compileError(file: TemplateFile, error: unknown): Diagnostic {
  const e = asHbError(error);
  const line = e.lineNumber ?? 0;
  const column = e.column === undefined ? 0 : e.column + 1;
  const known =
    /"(\w[\w-]*)" is not a known helper|You specified knownHelpersOnly, but used the unknown helper (\S+)/.exec(
      e.message,
    );
  if (known) {
    const name = known[1] ?? known[2] ?? '';
    return diagnostic('template.unknown-helper', 'erreur', `Fonction inconnue « ${name} » dans le modèle.`, {
      file: file.path,
      line,
      column,
      hint: `Fonctions disponibles : ${Object.keys(templateHelpers(Handlebars)).join(', ')}.`,
    });
  }
  const position = /line (\d+)/.exec(e.message);
  const at = line || Number(position?.[1] ?? 0);
  return diagnostic(
    'template.syntax',
    'erreur',
    `Erreur de syntaxe dans le modèle : ${parseErrorText(e.message)}`,
    {
      file: file.path,
      line: at,
      // Handlebars' parse errors give a line only: the diagnostic points at its start.
      column: at > 0 ? Math.max(column, 1) : 0,
      hint: 'Vérifiez que chaque {{#bloc}} est fermé par {{/bloc}} et que les accolades sont doublées.',
    },
  );
}

/** Handlebars' English parse error, said in French. */
function parseErrorText(message: string): string {
  if (!message.startsWith('Parse error')) return firstLine(message);
  if (/got 'EOF'/.test(message)) return 'un bloc {{#…}} n’est pas fermé avant la fin du fichier.';
  const got = /got '(\w+)'/.exec(message)?.[1];
  return `expression {{…}} mal formée${got ? ` (élément inattendu ${got})` : ''}.`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * Finds `{{> name}}` partial calls in a template's AST, with their positions, and the names of
 * the partials the template defines itself with `{{#*inline "name"}}`.
 */
function partialCalls(
  hb: Hb,
  source: string,
): { calls: { name: string; line: number; column: number }[]; inline: Set<string> } {
  const found: { name: string; line: number; column: number }[] = [];
  const inline = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as {
      type?: string;
      name?: { original?: unknown };
      path?: { original?: unknown };
      params?: { value?: unknown }[];
      loc?: { start: { line: number; column: number } };
    };
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.loc) {
      const name = n.name?.original;
      if (typeof name === 'string')
        found.push({ name, line: n.loc.start.line, column: n.loc.start.column + 1 });
    }
    if (n.type === 'DecoratorBlock' && n.path?.original === 'inline') {
      const name = n.params?.[0]?.value;
      if (typeof name === 'string') inline.add(name);
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') visit(value);
  };
  visit(hb.parse(source));
  return { calls: found, inline };
}

function compileOptions(hb: Hb) {
  return {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(
      [...Object.keys(templateHelpers(hb)), ESCAPE_HELPER].map((name) => [name, true]),
    ) as Record<string, true>,
    noEscape: false,
    preventIndent: true,
  };
}

/** A template compiled ahead: Handlebars' precompiled code and the partials it calls. */
interface Precompiled {
  readonly spec: string;
  readonly calls: readonly { name: string; line: number; column: number }[];
  readonly inline: readonly string[];
}

/** The default templates compiled at build time (bin/build-dist.js writes it into dist/). */
const PRECOMPILED = new URL('./precompiled-templates.json', import.meta.url);
/**
 * Compiled templates by compileKey: those of dist/, then each one compiled in this process, so
 * that an environment for other overrides (another folder, a template edited under `apercu`)
 * compiles only the texts not seen before. Grows by one small entry per new text.
 */
let precompiled: Map<string, Precompiled> | undefined;

function precompiledTemplates(): Map<string, Precompiled> {
  if (precompiled === undefined) {
    try {
      precompiled = new Map(Object.entries(JSON.parse(readFileSync(PRECOMPILED, 'utf8'))));
    } catch {
      precompiled = new Map(); // the sources, or a dist/ built without it
    }
  }
  return precompiled;
}

/** A template's text and the compiler's options, hashed: the same key, the same compiled code. */
function compileKey(source: string, options: object): string {
  return createHash('sha256').update(JSON.stringify(options)).update('\0').update(source).digest('hex');
}

function compileAhead(hb: Hb, source: string, options: object): Precompiled {
  const { calls, inline } = partialCalls(hb, source);
  return { spec: hb.precompile(source, options) as string, calls, inline: [...inline] };
}

/**
 * The default templates compiled, by key: what bin/build-dist.js writes for buildEnv to read
 * instead of parsing and compiling them at every start (same code as compiled at run time).
 */
export function precompileDefaultTemplates(): Record<string, Precompiled> {
  const hb = newHandlebars();
  const options = compileOptions(hb);
  const out: Record<string, Precompiled> = {};
  for (const { file } of templateFiles(undefined)) {
    const source = readFileSync(file.path, 'utf8');
    out[compileKey(source, options)] = compileAhead(hb, source, options);
  }
  return out;
}

function buildEnv(overrides: TemplateSources | undefined): TemplateEnv {
  const hb = newHandlebars();
  const entries = templateFiles(overrides);
  const files = entries.map((e) => e.file);
  const options = compileOptions(hb);
  const problems: Diagnostic[] = [];
  const compiled = new Map<string, TemplateFn>();
  const sources = new Map<string, { file: TemplateFile; source: string }>();
  const partialNames = new Set(files.filter((f) => f.partial).map((f) => f.name));

  for (const { file, source: given } of entries) {
    const source = given ?? readFileSync(file.path, 'utf8');
    sources.set(`${file.partial}:${file.name}`, { file, source });
    try {
      const key = compileKey(source, options);
      const ready = precompiledTemplates().get(key);
      const { calls, inline } = ready
        ? { calls: ready.calls, inline: new Set(ready.inline) }
        : partialCalls(hb, source);
      for (const call of calls) {
        if (!partialNames.has(call.name) && !inline.has(call.name)) {
          problems.push(
            diagnostic('template.missing-partial', 'erreur', `Partiel introuvable « ${call.name} ».`, {
              file: file.path,
              line: call.line,
              column: call.column,
              hint: `Créez le fichier partials/${call.name}${EXTENSION} ou corrigez le nom. Partiels disponibles : ${[...partialNames].join(', ')}.`,
            }),
          );
        }
      }
      // One compilation per text and process (or at build time): the spec, then instantiated.
      let spec = ready?.spec;
      if (spec === undefined) {
        spec = hb.precompile(source, options) as string;
        precompiledTemplates().set(key, { spec, calls, inline: [...inline] });
      }
      const fn = (hb as unknown as HandlebarsInternals).template(new Function(`return ${spec}`)());
      compiled.set(`${file.partial}:${file.name}`, fn);
      if (file.partial) hb.registerPartial(file.name, fn);
    } catch (error) {
      problems.push(compileError(file, error));
    }
  }
  for (const name of TEMPLATE_NAMES) {
    if (!compiled.has(`false:${name}`) && !problems.some((p) => p.file.endsWith(`${name}${EXTENSION}`))) {
      problems.push(
        diagnostic('template.syntax', 'erreur', `Modèle « ${name} » introuvable.`, {
          hint: `Ajoutez ${name}${EXTENSION} au dossier des modèles ou retirez l’option --templates.`,
        }),
      );
    }
  }
  if (problems.length > 0) throw new DiagnosticError(problems);

  return {
    files,
    render(name, data) {
      const key = `false:${name}`;
      const fn = compiled.get(key);
      const entry = sources.get(key);
      if (!fn || !entry) throw new Error(`template ${name} not compiled`);
      const options = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
      try {
        return fn(data, options);
      } catch (error) {
        const first = runtimeError(entry.file, entry.source, error, data);
        throw new DiagnosticError(furtherMissingFields(first, (probe) => fn(probe, options), entry, data));
      }
    },
  };
}

/** How many further missing fields one render reports after the first. */
const MAX_MISSING_FIELDS = 20;

/**
 * Strict Handlebars stops at the first missing field; a clerk editing a template wants them all.
 * Each missing field whose path starts at the data's root is filled with an empty text in a copy
 * of the data and the template rendered again, until it renders or the next missing field cannot
 * be placed (a path relative to an `{{#each}}` item).
 */
function furtherMissingFields(
  first: Diagnostic,
  render: (data: object) => string,
  entry: { readonly file: TemplateFile; readonly source: string },
  data: object,
): Diagnostic[] {
  const found = [first];
  if (first.code !== 'template.missing-field') return found;
  let probe: Record<string, unknown>;
  try {
    probe = structuredClone(data) as Record<string, unknown>;
  } catch {
    return found; // data that cannot be copied (a function in it): the first error is enough
  }
  for (let last = first; found.length <= MAX_MISSING_FIELDS; ) {
    const segments = (last.path ?? '').split('/').filter((s) => s !== '');
    if (!placeEmpty(probe, segments)) break;
    try {
      render(probe);
      break;
    } catch (error) {
      const next = runtimeError(entry.file, entry.source, error, data);
      if (next.code !== 'template.missing-field' || found.some((d) => d.path === next.path)) break;
      found.push(next);
      last = next;
    }
  }
  return found;
}

/** Sets `segments` to '' in `data` when every parent exists as an object; false otherwise. */
function placeEmpty(data: Record<string, unknown>, segments: readonly string[]): boolean {
  let node: unknown = data;
  for (const segment of segments.slice(0, -1)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  const last = segments.at(-1);
  if (last === undefined || typeof node !== 'object' || node === null || Array.isArray(node)) return false;
  (node as Record<string, unknown>)[last] = '';
  return true;
}

/** Every key name in the template data (a few levels deep), for « vouliez-vous dire ». */
function missingFieldHint(path: string, data: object): string {
  const name = path.split('.').at(-1) ?? path;
  const guess = closest(
    name,
    [...dataKeys(data)].filter((k) => k !== name),
  );
  const optional =
    'Entourez ce champ facultatif de {{#if …}} … {{/if}}, ou ajoutez-le au fichier de la séance.';
  return guess
    ? `Vouliez-vous dire « ${path.slice(0, path.length - name.length)}${guess} » ? Sinon : ${optional.charAt(0).toLowerCase()}${optional.slice(1)}`
    : optional;
}

function dataKeys(data: unknown, depth = 0, out = new Set<string>()): Set<string> {
  if (depth > 6 || typeof data !== 'object' || data === null) return out;
  if (Array.isArray(data)) {
    for (const item of data.slice(0, 3)) dataKeys(item, depth + 1, out);
    return out;
  }
  for (const [key, value] of Object.entries(data)) {
    out.add(key);
    dataKeys(value, depth + 1, out);
  }
  return out;
}

function runtimeError(file: TemplateFile, source: string, error: unknown, data: object): Diagnostic {
  if (error instanceof DiagnosticError) return error.diagnostics[0]!;
  const e = asHbError(error);
  const line = e.lineNumber ?? 0;
  const column = e.column === undefined ? 0 : e.column + 1;
  const missing = /^"([^"]+)" not defined in/.exec(e.message);
  if (missing) {
    const path = expressionAt(source, line, Math.max(0, column - 1));
    return diagnostic(
      'template.missing-field',
      'erreur',
      `Le champ « ${path || missing[1]} » est absent des données du modèle « ${basename(file.path)} ».`,
      {
        file: file.path,
        line,
        column,
        path: `/${(path || missing[1] || '').replace(/^[@.]+/, '').replaceAll('.', '/')}`,
        hint: missingFieldHint(path || missing[1] || '', data),
      },
    );
  }
  const inOperator = /^Cannot use 'in' operator to search for '([^']*)' in (.*)$/.exec(firstLine(e.message));
  if (inOperator) {
    const path = expressionAt(source, line, Math.max(0, column - 1));
    return diagnostic(
      'template.missing-field',
      'erreur',
      `Le champ « ${path || inOperator[1]} » n’existe pas dans le modèle « ${basename(file.path)} » : la valeur qui le précède est un texte ou un nombre, pas un ensemble de champs.`,
      {
        file: file.path,
        line,
        column,
        hint: 'Retirez la dernière partie du chemin ({{seance.date}} plutôt que {{seance.date.annee}}) ou utilisez une fonction (dateLongue…).',
      },
    );
  }
  const partial = /The partial (.+?) could not be found/.exec(e.message);
  if (partial) {
    return diagnostic('template.missing-partial', 'erreur', `Partiel introuvable « ${partial[1]} ».`, {
      file: file.path,
      line,
      column,
      hint: 'Créez ce partiel dans le dossier partials/ des modèles.',
    });
  }
  if (error instanceof RangeError) {
    return diagnostic(
      'template.syntax',
      'erreur',
      'Le modèle s’appelle lui-même sans fin (un partiel qui s’inclut, directement ou par un autre).',
      {
        file: file.path,
        line,
        column,
        hint: 'Retirez l’appel {{> …}} qui ramène au même partiel.',
      },
    );
  }
  return diagnostic('template.syntax', 'erreur', `Erreur dans le modèle : ${firstLine(e.message)}`, {
    file: file.path,
    line,
    column,
    hint: 'Vérifiez les arguments des fonctions utilisées à cet endroit.',
  });
}

const cache = new Map<string, TemplateEnv>();

/** Overrides as a cache key: their folder and a hash of their texts. */
function overridesKey(overrides: TemplateSources): string {
  const hash = createHash('sha256');
  for (const f of overrides.files) hash.update(`${f.partial}:${f.name}\0${f.source}\0`);
  return `${overrides.dir}\0${hash.digest('hex')}`;
}

/**
 * The template environment for overrides (a folder, read by `readTemplatesFolder`, or its texts
 * already read) or the defaults alone, compiled once per process. Throws DiagnosticError when a
 * template cannot be read or does not compile.
 */
export function templateEnv(
  options: { readonly templatesDir?: string; readonly templates?: TemplateSources } = {},
): TemplateEnv {
  const overrides =
    options.templates ??
    (options.templatesDir === undefined ? undefined : readTemplatesFolder(options.templatesDir));
  const key = overrides === undefined ? '' : overridesKey(overrides);
  let env = cache.get(key);
  if (!env) {
    env = buildEnv(overrides);
    cache.set(key, env);
  }
  return env;
}
