/**
 * The hostile corpus: séance folders broken in every way a clerk (or an attacker opening a pull
 * request) can break them, each with the diagnostics `delib validate` must give.
 *
 * `errors` and `warnings` are `code@line:column` in `seance.yaml` (`other/file:code@line:column`
 * for another file, `@0:0` when the problem has no position). A case without errors must also
 * build. Files are made on demand: the 10 MB string is not held by the module.
 *
 * @example
 * for (const c of HOSTILE_CASES) console.log(c.name, c.errors);
 */
import { BASE, edit, point } from './base.ts';
import { png, pngBadFilter, pngClaiming, pngTruncated } from './images.ts';

/** A file to write: text (UTF-8), bytes, or a symbolic link to `symlink`. */
export type CaseFile = string | Uint8Array | { readonly symlink: string };

export interface HostileCase {
  readonly name: string;
  /** Paths relative to the séance folder (`../dehors/…` lands beside it); `seance.yaml` is checked. */
  readonly files: () => Readonly<Record<string, CaseFile>>;
  readonly errors: readonly string[];
  readonly warnings?: readonly string[];
  /** Templates given with `build --templates` (paths relative to the templates folder). */
  readonly templates?: Readonly<Record<string, CaseFile>>;
  /** Errors `build --templates` must give (the séance itself is valid). */
  readonly buildErrors?: readonly string[];
  /** Texts the DOCX of the note of point 1 must show, spaces folded. */
  readonly shows?: readonly string[];
  /** Why a valid case is not built. */
  readonly noBuild?: string;
}

const seance = (text: string | Uint8Array) => () => ({ 'seance.yaml': text });
const change = (...changes: readonly (readonly [string, string])[]) => seance(edit(BASE, ...changes));
const utf8 = (text: string) => new TextEncoder().encode(text);
const withLogo =
  (logo: string, files: Readonly<Record<string, CaseFile>> = {}) =>
  () => ({
    'seance.yaml': edit(BASE, ['  departement: "92"\n', `  departement: "92"\n  logo: ${logo}\n`]),
    ...files,
  });
const including =
  (target: string, files: Readonly<Record<string, CaseFile>> = {}) =>
  () => ({
    'seance.yaml': `${BASE}  - inclure: ${target}\n`,
    ...files,
  });
const POINT_2 = point(2).replace('  - ', '').replace(/^ {4}/gm, '');

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, !bigEndian);
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), !bigEndian);
  return out;
}

function bytesWith(text: string, marker: string, bytes: readonly number[]): Uint8Array {
  const [before, after] = text.split(marker) as [string, string];
  return Uint8Array.from([...utf8(before), ...bytes, ...utf8(after)]);
}

const unknownKey = (name: string, after: string, indent: string, line: number): HostileCase => ({
  name: `clé inconnue : ${name}`,
  files: change([after, `${after}\n${indent}inconnue: 1`]),
  errors: [`schema.unknown-key@${line}:${indent.length + 1}`],
});

export const HOSTILE_CASES: readonly HostileCase[] = [
  // — YAML syntax —
  {
    name: 'guillemet non fermé',
    files: change(['  lieu: salle du Conseil', '  lieu: "salle du Conseil']),
    errors: ['yaml.syntax@12:26'],
  },
  {
    name: 'crochet non fermé',
    files: change(['        - le Code général des collectivités territoriales', '        [le Code, la loi']),
    errors: ['yaml.syntax@36:7'],
  },
  {
    name: 'accolade non fermée',
    files: change(['    nom: Anne Martin\n    qualite: Maire', '    {nom: Anne Martin, qualite: Maire']),
    errors: ['yaml.syntax@16:3', 'yaml.syntax@17:24'],
  },
  {
    name: 'deux-points manquant',
    files: change(['  lieu: salle du Conseil', '  lieu salle du Conseil']),
    errors: ['yaml.syntax@12:3'],
  },
  {
    name: 'indentation décalée',
    files: change(['    qualite: Maire', '     qualite: Maire']),
    // Named at the misaligned key, not where the parser got lost.
    errors: ['yaml.syntax@16:6'],
  },
  {
    name: 'liste plus indentée que sa clé (acceptée)',
    files: change(['        - le Code général', '          - le Code général']),
    errors: [],
  },
  {
    name: 'tabulation dans l’indentation',
    files: change(['    qualite: Maire', '\tqualite: Maire']),
    errors: ['yaml.tab@16:1'],
  },
  {
    name: 'valeur commençant par @',
    files: change(['  secretaire: Paul Durand', '  secretaire: @Paul']),
    errors: ['yaml.syntax@17:15'],
  },
  {
    name: 'échappement invalide entre guillemets',
    files: change(['  secretaire: Paul Durand', '  secretaire: "Paul \\q Durand"']),
    errors: ['yaml.syntax@17:21'],
  },
  {
    name: 'deux documents',
    files: seance(`${BASE}---\nversion: 1\n`),
    errors: ['yaml.syntax@59:1'],
  },
  {
    name: 'clé complexe',
    files: change(['  secretaire: Paul Durand', '  ? [a, b]\n  : Paul Durand']),
    errors: ['yaml.syntax@17:5'],
  },
  {
    name: 'imbrication de 10 000 crochets',
    files: change(['  secretaire: Paul Durand', `  secretaire: ${'['.repeat(10_000)}${']'.repeat(10_000)}`]),
    errors: ['yaml.syntax@17:271'],
  },
  {
    name: 'imbrication de 200 niveaux',
    files: seance(
      `${BASE}autre:\n${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')} 1\n`,
    ),
    errors: ['schema.unknown-key@59:1'],
  },
  {
    name: '200 listes imbriquées dans un texte',
    files: change(['  secretaire: Paul Durand', `  secretaire: ${'['.repeat(200)}${']'.repeat(200)}`]),
    errors: ['schema.type@17:15'],
  },
  // — Encodings —
  {
    name: 'BOM UTF-8 (accepté)',
    files: seance(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(BASE)])),
    errors: [],
  },
  { name: 'UTF-16 LE avec BOM', files: seance(utf16(BASE, false, true)), errors: ['file.encoding@1:1'] },
  { name: 'UTF-16 BE sans BOM', files: seance(utf16(BASE, true, false)), errors: ['file.encoding@1:1'] },
  {
    name: 'UTF-8 invalide (Latin-1)',
    files: seance(bytesWith(BASE, 'salle du Conseil', [0x73, 0x61, 0x6c, 0x6c, 0x65, 0x20, 0xe9])),
    errors: ['file.encoding@12:15'],
  },
  {
    name: 'UTF-8 trop long (0xC0 0xAF)',
    files: seance(bytesWith(BASE, 'Paul Durand', [0xc0, 0xaf])),
    errors: ['file.encoding@17:15'],
  },
  {
    name: 'UTF-8 coupé en fin de fichier',
    files: seance(Uint8Array.from([...utf8(BASE), 0xe2, 0x82])),
    errors: ['file.encoding@59:1'],
  },
  { name: 'fichier vide', files: seance(''), errors: ['file.empty@1:1'] },
  {
    name: 'seulement des commentaires',
    files: seance('# rien\n\n# encore rien\n'),
    errors: ['file.empty@1:1'],
  },
  { name: 'scalaire seul', files: seance('bonjour\n'), errors: ['yaml.not-mapping@1:1'] },
  { name: 'liste au lieu d’un dictionnaire', files: seance('- a\n- b\n'), errors: ['yaml.not-mapping@1:1'] },
  { name: 'null seul', files: seance('~\n'), errors: ['yaml.not-mapping@1:1'] },
  { name: 'fin de lignes CRLF (accepté)', files: seance(BASE.replace(/\n/g, '\r\n')), errors: [] },
  { name: 'fin de lignes CR seul (accepté)', files: seance(BASE.replace(/\n/g, '\r')), errors: [] },
  {
    name: 'fichier de 10 Mo',
    files: change(['  secretaire: Paul Durand', `  secretaire: ${'a'.repeat(10 * 1024 * 1024)}`]),
    errors: ['file.too-large@0:0'],
  },
  {
    name: 'objet d’un million de caractères',
    files: change([
      "    objet: Subvention à l'association « Les Amis »",
      `    objet: ${'a'.repeat(1_000_000)}`,
    ]),
    errors: ['schema.length@25:12'],
  },
  // — Keys, aliases, directives, tags —
  {
    name: 'clé en double à la racine',
    files: seance(`${BASE}instance: Conseil communautaire\n`),
    errors: ['yaml.duplicate-key@59:1'],
  },
  {
    name: 'clé en double dans un vote',
    files: change(['        abstentions: 0', '        abstentions: 0\n        pour: 4']),
    errors: ['yaml.duplicate-key@44:9'],
  },
  {
    name: 'bombe d’alias',
    files: seance(
      `a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n${BASE}`,
    ),
    errors: ['yaml.alias@2:8'],
  },
  {
    name: 'alias simple (accepté)',
    files: change(
      ['    nom: Anne Martin', '    nom: &maire Anne Martin'],
      ['    rapporteur: Anne Martin', '    rapporteur: *maire'],
    ),
    errors: [],
  },
  {
    name: 'alias inconnu',
    files: change(['    rapporteur: Anne Martin', '    rapporteur: *personne']),
    errors: ['yaml.alias@26:17'],
  },
  {
    name: 'clé de fusion <<',
    files: change(['    nom: Anne Martin\n', '    <<: {nom: Anne Martin}\n']),
    errors: ['schema.required@15:5', 'schema.unknown-key@15:5'],
  },
  { name: 'directive %YAML 1.1', files: seance(`%YAML 1.1\n---\n${BASE}`), errors: ['yaml.directive@1:1'] },
  { name: 'directive %TAG', files: seance(`%TAG !e! tag:exemple.fr,2024:\n---\n${BASE}`), errors: [] },
  {
    name: 'étiquette !!binary',
    files: change(['  secretaire: Paul Durand', '  secretaire: !!binary UGF1bA==']),
    errors: ['schema.type@17:24'],
  },
  {
    name: 'étiquette inconnue (avertissement)',
    files: change(['  secretaire: Paul Durand', '  secretaire: !perso Paul Durand']),
    errors: [],
    warnings: ['yaml.syntax@17:15'],
  },
  {
    name: 'clé __proto__',
    files: change(['version: 1', 'version: 1\n__proto__:\n  pollue: true']),
    errors: ['schema.unknown-key@2:1'],
  },
  {
    name: 'clés constructor et __proto__ dans un point',
    files: change([
      '    rapporteur: Anne Martin',
      '    rapporteur: Anne Martin\n    constructor: x\n    __proto__: {numero: 2}',
    ]),
    errors: ['schema.unknown-key@27:5', 'schema.unknown-key@28:5'],
  },
  // — Types and values —
  {
    name: 'département non cité (06)',
    files: change(['  departement: "92"', '  departement: 06']),
    errors: ['schema.type@7:16'],
  },
  {
    name: 'code postal en nombre (06000)',
    files: change(['  adresse: 1 place de la Mairie, 92330 Essai', '  adresse: 06000']),
    errors: ['schema.type@6:12'],
  },
  {
    name: 'téléphone en nombre (0612345678)',
    files: change(['  secretaire: Paul Durand', '  secretaire: 0612345678']),
    errors: ['schema.type@17:15'],
  },
  {
    name: 'code matière 1.10 en nombre',
    files: change([
      '    rapporteur: Anne Martin',
      '    rapporteur: Anne Martin\n    matiere:\n      code: 1.10',
    ]),
    errors: ['schema.type@28:13'],
  },
  {
    name: 'SIRET en nombre',
    files: change(['  siret: "21920071000016"', '  siret: 21920071000016']),
    errors: ['schema.type@5:10'],
  },
  {
    name: 'date impossible 2023-02-30',
    files: change(['  date: 2023-03-23', '  date: 2023-02-30']),
    errors: ['schema.format@10:9'],
  },
  {
    name: 'mois 13',
    files: change(['  convocation: 2023-03-17', '  convocation: 2023-13-01']),
    errors: ['schema.format@13:16'],
  },
  {
    name: 'heure 24:61',
    files: change(['  heure: "19:30"', '  heure: "24:61"']),
    errors: ['schema.pattern@11:10'],
  },
  {
    name: 'heure non citée 19:30 (acceptée)',
    files: change(['  heure: "19:30"', '  heure: 19:30']),
    errors: [],
  },
  { name: 'version 2', files: change(['version: 1', 'version: 2']), errors: ['schema.enum@1:10'] },
  {
    name: 'aucun point',
    // Allowed (a séance of installation, a convocation before the points are known), and said.
    files: seance(`${BASE.slice(0, BASE.indexOf('points:'))}points: []\n`),
    errors: [],
    warnings: ['rule.no-points@23:9'],
  },
  {
    name: 'vote négatif',
    files: change(['        contre: 1', '        contre: -1']),
    errors: ['schema.range@42:17'],
  },
  {
    name: 'vote absurde (10^29)',
    files: change(['        pour: 3', '        pour: 123456789012345678901234567890']),
    errors: ['schema.range@41:15'],
  },
  {
    name: 'vote infini (.inf)',
    files: change(['        pour: 3', '        pour: .inf']),
    errors: ['schema.type@41:15'],
  },
  {
    name: 'vote décimal',
    files: change(['        pour: 3', '        pour: 2.5']),
    errors: ['schema.type@41:15'],
  },
  {
    name: 'votes qui ne tombent pas juste',
    files: change(['        pour: 3', '        pour: 2']),
    errors: ['rule.vote-sum@41:9'],
  },
  {
    name: 'présences qui ne tombent pas juste',
    files: change(['    absents: 1', '    absents: 3']),
    errors: ['rule.attendance-sum@20:5'],
  },
  {
    name: 'membres en exercice à zéro',
    files: change(['  membres_en_exercice: 5', '  membres_en_exercice: 0']),
    errors: ['schema.range@18:24'],
  },
  // — Unknown keys at every level —
  unknownKey('racine', 'instance: Conseil municipal', '', 9),
  unknownKey('collectivité', '  departement: "92"', '  ', 8),
  unknownKey('séance', '  secretaire: Paul Durand', '  ', 18),
  unknownKey('président', '    qualite: Maire', '    ', 17),
  unknownKey('présences', '    absents: 1', '    ', 23),
  unknownKey('point', '    rapporteur: Anne Martin', '    ', 27),
  unknownKey('note', "        Il est proposé d'attribuer la subvention.", '      ', 32),
  unknownKey('délibération', '      numero: "2023_01"', '      ', 34),
  unknownKey('vote', '        abstentions: 0', '        ', 44),
  unknownKey('convention', '          exemplaires: 2', '          ', 59),
  unknownKey('partie', '              qualite: Maire', '              ', 51),
  unknownKey('article', '              texte: La Ville verse une subvention.', '              ', 57),
  // — Size —
  {
    name: '10 000 points',
    files: seance(`${BASE}${Array.from({ length: 9_999 }, (_, i) => point(i + 2)).join('')}`),
    errors: [],
    noBuild:
      '20 000 documents : le temps de construction est l’affaire des mesures (bench/), pas de ce corpus.',
  },
  {
    name: '3 000 points au même numéro',
    files: seance(`${BASE}${Array.from({ length: 3_000 }, () => point(1)).join('')}`),
    errors: Array.from({ length: 3_000 }, (_, i) => `rule.duplicate-point@${59 + i * 6}:13`),
  },
  // — Included point files —
  { name: 'point inclus absent', files: including('points/absent.yaml'), errors: ['file.not-found@59:14'] },
  {
    name: 'point inclus par chemin absolu',
    files: including('/etc/hostname.yaml'),
    errors: ['file.outside-folder@59:14'],
  },
  {
    name: 'point inclus hors du dossier (../)',
    files: including('../dehors/point.yaml', { '../dehors/point.yaml': POINT_2 }),
    errors: ['file.outside-folder@59:14'],
  },
  {
    name: 'point inclus par un lien qui sort du dossier',
    files: including('points/lien.yaml', {
      '../dehors/point.yaml': POINT_2,
      'points/lien.yaml': { symlink: '../../dehors/point.yaml' },
    }),
    errors: ['file.outside-folder@59:14'],
  },
  {
    name: 'point inclus par un lien interne (accepté)',
    files: including('points/lien.yaml', {
      'points/vrai.yaml': POINT_2,
      'points/lien.yaml': { symlink: 'vrai.yaml' },
    }),
    errors: [],
  },
  {
    name: 'point inclus qui est un dossier',
    files: including('points/dossier.yaml', { 'points/dossier.yaml/x': 'x' }),
    errors: ['file.unreadable@59:14'],
  },
  {
    name: 'point inclus en UTF-16',
    files: including('points/p.yaml', { 'points/p.yaml': utf16(POINT_2, false, true) }),
    errors: ['points/p.yaml:file.encoding@1:1'],
  },
  {
    name: 'point inclus qui en inclut un autre',
    files: including('points/p.yaml', { 'points/p.yaml': 'inclure: q.yaml\n' }),
    errors: [
      // numero and objet: the rapporteur and the note are optional.
      ...Array.from({ length: 2 }, () => 'points/p.yaml:schema.required@1:1'),
      'points/p.yaml:schema.unknown-key@1:1',
    ],
  },
  // — Logo —
  { name: 'logo absent', files: withLogo('logo.png'), errors: ['rule.file-missing@8:9'] },
  { name: 'logo par chemin absolu', files: withLogo('/etc/hostname'), errors: ['file.outside-folder@8:9'] },
  {
    name: 'logo hors du dossier (../)',
    files: withLogo('../dehors/logo.png', { '../dehors/logo.png': png(4, 4) }),
    errors: ['file.outside-folder@8:9'],
  },
  {
    name: 'logo derrière un lien qui sort du dossier',
    files: withLogo('logo.png', {
      '../dehors/logo.png': png(4, 4),
      'logo.png': { symlink: '../dehors/logo.png' },
    }),
    errors: ['file.outside-folder@8:9'],
  },
  {
    name: 'logo qui n’est pas une image',
    files: withLogo('logo.png', { 'logo.png': 'pas une image' }),
    errors: ['rule.image@8:9'],
  },
  {
    name: 'logo de 100 mégapixels (en-tête seul)',
    files: withLogo('logo.png', { 'logo.png': pngClaiming(10_000, 10_000) }),
    errors: ['rule.image@8:9'],
  },
  {
    name: 'logo PNG tronqué',
    files: withLogo('logo.png', { 'logo.png': pngTruncated() }),
    errors: ['rule.image@8:9'],
  },
  {
    name: 'logo qui est un dossier',
    files: withLogo('logo.png', { 'logo.png/x': 'x' }),
    errors: ['file.unreadable@8:9'],
  },
  { name: 'logo valide (accepté)', files: withLogo('logo.png', { 'logo.png': png(40, 20) }), errors: [] },
  // — Characters —
  {
    name: 'caractères de contrôle échappés',
    files: change(['  secretaire: Paul Durand', '  secretaire: "Paul\\x01\\0Durand\\x1b[31m"']),
    errors: ['rule.text@17:15'],
  },
  {
    name: 'caractère de contrôle brut dans un texte enrichi',
    files: change(['        Le conseil est invité', '        Le conseil \u0007est invité']),
    errors: ['rule.text@28:15'],
  },
  {
    name: 'demi-caractère Unicode isolé',
    files: change(['  secretaire: Paul Durand', '  secretaire: "Paul \\uD800 Durand"']),
    errors: ['rule.text@17:15'],
  },
  {
    name: 'émoji et écritures de droite à gauche (avertissement)',
    files: change(["    objet: Subvention à l'association « Les Amis »", '    objet: Fête 🎉 مرحبا שלום']),
    errors: [],
    warnings: ['render.glyph-missing@25:12'],
  },
  {
    name: 'mot insécable de 500 caractères dans une cellule',
    files: change([
      '        Le conseil est invité à voter une subvention de 1 500 €.',
      `        | Bénéficiaire | Montant |\n        | --- | --- |\n        | ${'x'.repeat(500)} | 1 500 € |`,
    ]),
    errors: [],
  },
  {
    name: 'Markdown et Handlebars dans un texte simple',
    files: change([
      "    objet: Subvention à l'association « Les Amis »",
      `    objet: "**gras** # titre [lien](javascript:alert(1)) <b>x</b> {{constructor}} :::note"`,
    ]),
    errors: [],
    shows: ['**gras** # titre [lien](javascript:alert(1)) <b>x</b> {{constructor}} :::note'],
  },
  {
    name: 'HTML brut dans un texte enrichi',
    files: change([
      '        Le conseil est invité',
      '        <script>alert(1)</script> Le conseil est invité',
    ]),
    errors: ['richtext.html@29:9'],
  },
  {
    name: 'lien javascript: dans un texte enrichi',
    files: change([
      '        Le conseil est invité',
      '        [clic](javascript:alert(1)) Le conseil est invité',
    ]),
    errors: ['richtext.link@29:9'],
  },
  {
    name: 'image dans un texte enrichi',
    files: change(['        Le conseil est invité', '        ![x](/etc/passwd) Le conseil est invité']),
    errors: ['richtext.image@29:9'],
  },
  {
    // Headings are part of rich text; an unknown directive is not.
    name: 'titre et directive dans un texte enrichi',
    files: change([
      '        Le conseil est invité',
      '        # Titre\n\n        :::attention\n        x\n        :::\n\n        Le conseil est invité',
    ]),
    errors: ['richtext.unsupported@31:9'],
  },
  {
    name: 'mille listes imbriquées sur une ligne',
    files: change([
      '        Le conseil est invité à voter',
      `        ${'- '.repeat(1_000)}Le conseil est invité à voter`,
    ]),
    errors: ['richtext.unsupported@29:9'],
  },
  {
    name: '300 000 tirets sur une ligne (analyse quadratique)',
    files: change([
      '        Le conseil est invité à voter',
      `        ${'- '.repeat(300_000)}Le conseil est invité à voter`,
    ]),
    errors: ['richtext.unsupported@29:9'],
  },
  {
    name: 'sous-listes indentées sur 40 niveaux',
    files: change([
      '        Le conseil est invité à voter une subvention de 1 500 €.\n',
      Array.from({ length: 40 }, (_, i) => `        ${'  '.repeat(i)}- niveau ${i + 1}\n`).join(''),
    ]),
    errors: ['richtext.unsupported@35:21'],
  },
  {
    name: '200 000 liens ouverts (analyse quadratique)',
    files: change([
      '        Le conseil est invité à voter',
      `        ${'[a]('.repeat(200_000)}Le conseil est invité à voter`,
    ]),
    // Also one word of 200 000 characters: refused before Markdown parsing cost matters.
    errors: ['rule.text@28:15', 'richtext.unsupported@29:4009'],
  },
  {
    name: 'emphases en cascade (accepté)',
    files: change([
      '        Le conseil est invité à voter',
      `        ${'*a **b _c '.repeat(2_000)}Le conseil est invité à voter`,
    ]),
    errors: [],
    noBuild:
      'un paragraphe de 20 000 mots : la construction est l’affaire des mesures, la validation suffit ici.',
  },
  // — Limits and deceptive text (issue 14) —
  {
    name: 'mot insécable de 40 000 caractères dans un exposé',
    files: change(['1 500 €.\n      proposition', `1 500 € ${'x'.repeat(40_000)}.\n      proposition`]),
    errors: ['rule.text@28:15'],
  },
  {
    name: 'exemplaires 10^12',
    files: change(['          exemplaires: 2', '          exemplaires: 1000000000000']),
    errors: ['schema.range@58:24'],
  },
  {
    name: 'logo de 25 000 000 × 1 pixels',
    files: withLogo('logo.png', { 'logo.png': pngClaiming(25_000_000, 1) }),
    errors: ['rule.image@8:9'],
  },
  {
    name: 'logo de 5 000 × 5 000 pixels',
    files: withLogo('logo.png', { 'logo.png': pngClaiming(5_000, 5_000) }),
    errors: ['rule.image@8:9'],
  },
  {
    name: 'logo PNG au filtre de ligne invalide',
    files: withLogo('logo.png', { 'logo.png': pngBadFilter(8, 8) }),
    errors: ['rule.image@8:9'],
  },
  {
    name: 'point inclus par un lien vers /etc/passwd',
    files: including('points/lien.yaml', { 'points/lien.yaml': { symlink: '/etc/passwd' } }),
    errors: ['file.outside-folder@59:14'],
  },
  {
    name: 'point inclus par un lien vers un fichier extérieur absent',
    files: including('points/lien.yaml', { 'points/lien.yaml': { symlink: '../../dehors/absent.yaml' } }),
    errors: ['file.outside-folder@59:14'],
  },
  {
    name: 'tableau de 50 000 lignes',
    files: change([
      '        Le conseil est invité à voter une subvention de 1 500 €.',
      `        | Ligne | Montant |\n        | --- | --- |\n${Array.from({ length: 50_000 }, (_, i) => `        | L${i} | ${i} € |`).join('\n')}`,
    ]),
    errors: ['rule.text@28:15'],
  },
  {
    name: 'inversion bidi U+202E dans un objet',
    files: change([
      "    objet: Subvention à l'association « Les Amis »",
      '    objet: "Subvention de \\u202E1500 €"',
    ]),
    errors: ['rule.text@25:12'],
  },
  {
    name: 'isolat bidi U+2067 dans un considérant',
    files: change([
      "        - que l'association anime le quartier",
      '        - "que l\'association \\u2067anime\\u2069 le quartier"',
    ]),
    errors: ['rule.text@37:11'],
  },
  {
    name: 'séparateur de ligne U+2028 dans un objet',
    files: change([
      "    objet: Subvention à l'association « Les Amis »",
      '    objet: "Subvention\\u2028à l’association"',
    ]),
    errors: ['rule.text@25:12'],
  },
  {
    name: 'année 0000',
    files: change(
      ['  date: 2023-03-23', '  date: 0000-03-23'],
      ['  convocation: 2023-03-17', '  convocation: 0000-03-17'],
    ),
    errors: ['schema.format@10:9', 'schema.format@13:16'],
  },
  // — Templates (build --templates) —
  {
    name: 'modèle au bloc non fermé',
    files: seance(BASE),
    errors: [],
    templates: { 'deliberation.hbs': '{{#if objet}}\nsans fin\n' },
    buildErrors: ['modeles/deliberation.hbs:template.syntax@3:1'],
  },
  {
    name: 'modèle à l’accolade mal fermée',
    files: seance(BASE),
    errors: [],
    templates: { 'note-de-presentation.hbs': '# Note\n\n{{objet}\n' },
    buildErrors: ['modeles/note-de-presentation.hbs:template.syntax@3:1'],
  },
  {
    name: 'fonction inconnue dans un modèle',
    files: seance(BASE),
    errors: [],
    templates: { 'deliberation.hbs': '# Délibération\n\n{{inconnue objet}}\n' },
    buildErrors: ['modeles/deliberation.hbs:template.unknown-helper@3:1'],
  },
  {
    name: 'partiel introuvable',
    files: seance(BASE),
    errors: [],
    templates: { 'ordre-du-jour.hbs': '# Ordre du jour\n\n{{> absent}}\n' },
    buildErrors: ['modeles/ordre-du-jour.hbs:template.missing-partial@3:1'],
  },
  {
    name: 'partiel qui s’appelle lui-même',
    files: seance(BASE),
    errors: [],
    templates: {
      'deliberation.hbs': '# Délibération\n\n{{> boucle}}\n',
      'partials/boucle.hbs': '{{> boucle}}\n',
    },
    buildErrors: ['modeles/deliberation.hbs:template.syntax@0:0'],
  },
  {
    name: 'fonction appelée avec un mauvais argument',
    files: seance(BASE),
    errors: [],
    templates: { 'note-de-presentation.hbs': '# Note\n\n{{montant "abc"}}\n' },
    buildErrors: ['modeles/note-de-presentation.hbs:template.syntax@0:0'],
  },
  {
    name: 'modèle qui est un lien vers /etc/passwd',
    files: seance(BASE),
    errors: [],
    templates: { 'deliberation.hbs': { symlink: '/etc/passwd' } },
    buildErrors: ['modeles/deliberation.hbs:file.outside-folder@0:0'],
  },
  {
    name: 'partiel qui est un lien hors du dossier des modèles',
    files: seance(BASE),
    errors: [],
    templates: { 'partials/signatures.hbs': { symlink: '../../seance/seance.yaml' } },
    buildErrors: ['modeles/partials/signatures.hbs:file.outside-folder@0:0'],
  },
  {
    name: 'modèle qui est un dossier',
    files: seance(BASE),
    errors: [],
    templates: { 'deliberation.hbs/x': 'x' },
    buildErrors: ['modeles/deliberation.hbs:file.unreadable@0:0'],
  },
  {
    name: 'modèle qui est un lien mort',
    files: seance(BASE),
    errors: [],
    templates: { 'deliberation.hbs': { symlink: 'absent.hbs' } },
    buildErrors: ['modeles/deliberation.hbs:file.unreadable@0:0'],
  },
  {
    name: 'partiel défini dans le modèle par {{#*inline}} (accepté)',
    files: seance(BASE),
    errors: [],
    templates: {
      'ordre-du-jour.hbs':
        '{{#*inline "titre"}}# Ordre du jour{{/inline}}\n{{> titre}}\n\n{{#each points}}\n- {{objet}}\n{{/each}}\n',
    },
  },
  {
    name: 'champ sous une valeur simple dans un modèle',
    files: seance(BASE),
    errors: [],
    templates: { 'ordre-du-jour.hbs': '# Ordre du jour\n\n{{seance.date.annee}}\n' },
    buildErrors: ['modeles/ordre-du-jour.hbs:template.missing-field@0:0'],
  },
  {
    name: 'dossier de modèles absent',
    files: seance(BASE),
    errors: [],
    templates: {},
    buildErrors: ['modeles:file.not-found@0:0'],
  },
];
