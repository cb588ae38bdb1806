/**
 * The one HTML page of the preview, with the session's token in the URLs of its files (the
 * server serves nothing without it).
 *
 * @example
 * pageHtml({ token: 'abc', title: 'seance.yaml' })
 */
import { TOKEN_PARAMETER } from './security.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function pageHtml(options: { readonly token: string; readonly title: string }): string {
  const q = `?${TOKEN_PARAMETER}=${encodeURIComponent(options.token)}`;
  const title = escapeHtml(options.title);
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Aperçu – ${title}</title>
<link rel="stylesheet" href="/app.css${q}">
<script type="module" src="/app.js${q}"></script>
</head>
<body>
<header>
  <h1>Aperçu de <span id="fichier">${title}</span></h1>
  <span id="statut" role="status">Chargement…</span>
  <button type="button" id="enregistrer" disabled title="Enregistrer (Ctrl+S)">Enregistrer</button>
</header>
<main>
  <nav id="documents" aria-label="Documents de la séance"><h2>Documents</h2><ul></ul></nav>
  <section id="pages" aria-label="Pages du document"><p class="vide">Aucun document pour l’instant.</p></section>
  <section id="edition">
    <div id="editeur" aria-label="Fichier de la séance"></div>
    <section id="problemes" aria-label="Problèmes"><h2>Problèmes</h2><ul></ul></section>
  </section>
</main>
</body>
</html>
`;
}
