/// <reference lib="dom" />
/**
 * The preview page (runs in the browser, bundled with esbuild): the documents of the séance in a
 * side list, the pages of the selected one drawn by pdf.js, the séance file in CodeMirror, and
 * the problems; everything follows the server's state, sent as Server-Sent Events.
 */
import { indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic as LintDiagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';

interface Problem {
  readonly code: string;
  readonly severity: 'erreur' | 'avertissement';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint: string;
  readonly excerpt: string;
}

interface DocumentView {
  readonly id: string;
  readonly label: string;
  readonly hash: string;
}

interface State {
  readonly version: number;
  readonly file: string;
  readonly valid: boolean;
  readonly problems: readonly Problem[];
  readonly documents: readonly DocumentView[];
}

const token = new URLSearchParams(location.search).get('jeton') ?? '';
const withToken = (path: string) =>
  `${path}${path.includes('?') ? '&' : '?'}jeton=${encodeURIComponent(token)}`;
GlobalWorkerOptions.workerSrc = withToken('/pdf.worker.min.mjs');

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const statusLine = $<HTMLElement>('#statut');
const saveButton = $<HTMLButtonElement>('#enregistrer');
const documentList = $<HTMLUListElement>('#documents ul');
const pagesPane = $<HTMLElement>('#pages');
const problemList = $<HTMLUListElement>('#problemes ul');

let state: State | undefined;
let editedFile = '';
/** The text last read from or written to the server, to know whether the editor has changes. */
let savedText = '';
let selected = sessionStorage.getItem('delib-apercu-document') ?? '';
/** The document and hash whose pages are shown or being drawn. */
let wanted = '';
let drawing = Promise.resolve();

function setStatus(text: string): void {
  statusLine.textContent = text;
}

/** The Ctrl+S binding: saves, and tells CodeMirror the key is handled. */
function saveNow(): boolean {
  void save();
  return true;
}

const dirty = () => view.state.doc.toString() !== savedText;

const view = new EditorView({
  parent: $<HTMLElement>('#editeur'),
  state: EditorState.create({
    doc: '',
    extensions: [
      keymap.of([{ key: 'Mod-s', preventDefault: true, run: saveNow }, indentWithTab]),
      basicSetup,
      yaml(),
      // Clerks write sentences: long lines wrap rather than scroll sideways.
      EditorView.lineWrapping,
      lintGutter(),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          saveButton.disabled = !dirty();
          if (dirty()) setStatus('Modifications non enregistrées');
        }
      }),
    ],
  }),
});

async function openFile(file: string): Promise<void> {
  const response = await fetch(withToken(`/api/fichier?chemin=${encodeURIComponent(file)}`));
  if (!response.ok) {
    setStatus(await response.text());
    return;
  }
  const text = await response.text();
  editedFile = file;
  savedText = text;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  saveButton.disabled = true;
  $<HTMLElement>('#fichier').textContent = file;
  if (state) showLint(state);
}

async function save(): Promise<void> {
  if (!editedFile) return;
  const text = view.state.doc.toString();
  setStatus('Enregistrement…');
  const response = await fetch(withToken(`/api/fichier?chemin=${encodeURIComponent(editedFile)}`), {
    method: 'PUT',
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: text,
  });
  if (!response.ok) {
    setStatus(`Non enregistré : ${await response.text()}`);
    return;
  }
  savedText = text;
  saveButton.disabled = !dirty();
  setStatus('Enregistré');
  apply((await response.json()) as State);
}
saveButton.addEventListener('click', () => void save());

/** Puts the cursor on a problem's line (and column), opening its file first if needed. */
async function goTo(problem: Problem): Promise<void> {
  if (problem.file !== editedFile && problem.file.endsWith('.yaml')) await openFile(problem.file);
  if (problem.file !== editedFile || problem.line < 1) return;
  const line = view.state.doc.line(Math.min(problem.line, view.state.doc.lines));
  const anchor = Math.min(line.from + Math.max(problem.column - 1, 0), line.to);
  view.dispatch({ selection: { anchor }, scrollIntoView: true });
  view.focus();
}

function showLint(current: State): void {
  const doc = view.state.doc;
  const diagnostics: LintDiagnostic[] = current.problems
    .filter((p) => p.file === editedFile && p.line >= 1 && p.line <= doc.lines)
    .map((p) => {
      const line = doc.line(p.line);
      const from = Math.min(line.from + Math.max(p.column - 1, 0), line.to);
      return {
        from,
        to: line.to,
        severity: p.severity === 'erreur' ? 'error' : 'warning',
        message: p.hint ? `${p.message}\n${p.hint}` : p.message,
      };
    });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

function showProblems(current: State): void {
  problemList.replaceChildren(
    ...current.problems.map((p) => {
      const item = document.createElement('li');
      item.className = p.severity;
      item.dataset.code = p.code;
      item.dataset.file = p.file;
      item.dataset.line = String(p.line);
      const place = document.createElement('span');
      place.className = 'lieu';
      place.textContent = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
      const message = document.createElement('span');
      message.className = 'message';
      message.textContent = `${p.severity === 'erreur' ? 'Erreur' : 'Avertissement'} : ${p.message}`;
      item.append(place, message);
      if (p.excerpt) {
        const excerpt = document.createElement('pre');
        excerpt.textContent = `${String(p.line).padStart(4)} | ${p.excerpt}`;
        item.append(excerpt);
      }
      if (p.hint) {
        const hint = document.createElement('span');
        hint.className = 'conseil';
        hint.textContent = `Conseil : ${p.hint}`;
        item.append(hint);
      }
      item.tabIndex = 0;
      item.title = 'Aller à cette ligne dans l’éditeur';
      item.addEventListener('click', () => void goTo(p));
      item.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') void goTo(p);
      });
      return item;
    }),
  );
  if (current.problems.length === 0) {
    const none = document.createElement('li');
    none.className = 'aucun';
    none.textContent = 'Aucun problème.';
    problemList.append(none);
  }
}

function showDocuments(current: State): void {
  if (!current.documents.some((d) => d.id === selected)) selected = current.documents[0]?.id ?? '';
  documentList.replaceChildren(
    ...current.documents.map((d) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = d.label;
      button.dataset.id = d.id;
      if (d.id === selected) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => {
        selected = d.id;
        sessionStorage.setItem('delib-apercu-document', d.id);
        showDocuments(current);
        pagesPane.scrollTop = 0;
        void showPages(current);
      });
      item.append(button);
      return item;
    }),
  );
}

/** Draws every page of `pdf` into new canvases, then swaps them in at the same scroll place. */
async function draw(pdf: PDFDocumentProxy, hash: string): Promise<void> {
  const width = Math.max(pagesPane.clientWidth - 32, 200);
  const canvases: HTMLCanvasElement[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (width / base.width) * ratio });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.setAttribute('aria-label', `Page ${n} sur ${pdf.numPages}`);
    await page.render({ canvas, viewport }).promise;
    canvases.push(canvas);
  }
  const top = pagesPane.scrollTop;
  pagesPane.replaceChildren(...canvases);
  pagesPane.scrollTop = top;
  pagesPane.dataset.empreinte = hash;
  pagesPane.dataset.pages = String(pdf.numPages);
}

async function showPages(current: State): Promise<void> {
  const doc = current.documents.find((d) => d.id === selected);
  if (!doc || `${doc.id}:${doc.hash}` === wanted) return;
  // The state comes twice after a save (the answer, then the event): draw once.
  wanted = `${doc.id}:${doc.hash}`;
  drawing = drawing.then(async () => {
    if (wanted !== `${doc.id}:${doc.hash}`) return;
    const response = await fetch(withToken(`/api/document/${doc.id}.pdf?empreinte=${doc.hash}`));
    if (!response.ok) {
      wanted = '';
      setStatus(await response.text());
      return;
    }
    const pdf = await getDocument({ data: new Uint8Array(await response.arrayBuffer()) }).promise;
    await draw(pdf, doc.hash);
    await pdf.destroy();
    pagesPane.dataset.document = doc.id;
  });
  await drawing;
}

function apply(next: State): void {
  if (state && next.version < state.version) return;
  state = next;
  document.body.dataset.version = String(next.version);
  const errors = next.problems.filter((p) => p.severity === 'erreur').length;
  if (!dirty()) {
    setStatus(
      errors === 0
        ? 'À jour'
        : `${errors} erreur${errors > 1 ? 's' : ''} : les pages sont celles de la dernière version correcte`,
    );
  }
  showProblems(next);
  showLint(next);
  showDocuments(next);
  void showPages(next);
  // A change made in another editor reaches this one when it has no changes of its own.
  if (editedFile && !dirty()) void refreshEditor();
}

async function refreshEditor(): Promise<void> {
  const response = await fetch(withToken(`/api/fichier?chemin=${encodeURIComponent(editedFile)}`));
  if (!response.ok) return;
  const text = await response.text();
  if (text !== savedText && !dirty()) {
    savedText = text;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  }
}

async function start(): Promise<void> {
  const response = await fetch(withToken('/api/etat'));
  const first = (await response.json()) as State;
  await openFile(first.file);
  apply(first);
  const events = new EventSource(withToken('/api/evenements'));
  events.addEventListener('etat', (e) => apply(JSON.parse((e as MessageEvent<string>).data) as State));
  events.addEventListener('error', () => setStatus('Connexion à delib perdue : l’aperçu est-il arrêté ?'));
}

void start();
