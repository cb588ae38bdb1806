// The law's list of contents of the procès-verbal (CGCT L. 2121-15) as a checklist: each element
// removed from the full fixture's YAML removes exactly its sentence (or part of a sentence) from
// the PV, and nothing else. The PV alone is composed, in-process. The full PV is also rendered and
// read back by pdf.js, which must read the same text as the tree; the 40 variants compare the
// tree's text (rendering and reading each back cost ≈ 240 ms, 10 s for the file: the PDF's text is
// that of its tree for every document, test/property.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../src/compose/compose.ts';
import { listDocuments } from '../src/compose/documents.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import { templateEnv } from '../src/template/env.ts';
import { treeText } from '../src/tree/text.ts';
import type { DocumentTree } from '../src/tree/types.ts';
import { loadAndValidate } from '../src/validate/index.ts';
import { pvDiagnostics } from '../src/validate/pv-checklist.ts';
import { readPdf } from './support/pdf.ts';
import { withSignatureBands } from './support/signature-bands.ts';

const FIXTURE = 'fixtures/valmorin-2024-09-26.yaml';
const base = readFileSync(FIXTURE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'delib-pv-checklist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = templateEnv();

// pdf.js returns justified, hyphenated lines in pieces: compare without spaces nor hyphens, nor
// the bullets the renderers draw before list items (the tree has none).
const squash = (s: string) => s.replace(/[\s\u00a0\u202f\u00ad•-]/g, '');

let built = 0;
/** The procès-verbal composed from this YAML (its words not hyphenated unless told). */
async function pvTree(yaml: string, hyphenate = false): Promise<DocumentTree> {
  const file = join(dir, `pv-${built++}.yaml`);
  writeFileSync(file, yaml);
  const { seance, diagnostics } = await loadAndValidate(file);
  expect(diagnostics.filter((d) => d.severity === 'erreur')).toEqual([]);
  if (!seance) throw new Error('invalid');
  const ref = listDocuments(seance).find((r) => r.id === 'proces-verbal');
  if (!ref) throw new Error('no procès-verbal');
  return composeDocument(seance, ref, { env, hyphenate });
}

/**
 * The PV's text as the PDF reads: side-by-side signatures row by row (their headings and
 * qualités, then their names), page headers and footers left out.
 */
const textOf = (tree: DocumentTree) =>
  squash(treeText({ ...tree, children: withSignatureBands(tree.children) }));

/** The body text pdf.js reads in the PV's PDF (page headers and footers left out). */
async function pdfText(tree: DocumentTree): Promise<string> {
  const pdf = await readPdf((await renderPdf(tree, { creationDate: new Date(0) })).bytes);
  return squash(pdf.pages.flatMap((p) => p.items.filter((i) => !i.artifact).map((i) => i.str)).join(''));
}

/** The body text of the PV built from this YAML, from its tree or, with `pdf`, read in its PDF. */
async function pvText(yaml: string, read: 'tree' | 'pdf' = 'tree'): Promise<string> {
  return read === 'pdf' ? pdfText(await pvTree(yaml, true)) : textOf(await pvTree(yaml));
}

/** The text without each of `parts`, taken in order. */
function without(text: string, parts: readonly string[]): string {
  let rest = text;
  let kept = '';
  for (const part of parts) {
    const at = rest.indexOf(squash(part));
    expect(at, `« ${part} » is in the full PV`).toBeGreaterThanOrEqual(0);
    kept += rest.slice(0, at);
    rest = rest.slice(at + squash(part).length);
  }
  return kept + rest;
}

/** One element of the law's list: what is taken out of the YAML, what the PV must lose. */
interface Element {
  readonly element: string;
  readonly from: string;
  readonly to: string;
  readonly loses: readonly string[];
}

const ELEMENTS: readonly Element[] = [
  {
    element: 'heure de la séance',
    from: '  heure: "20:00"\n',
    to: '',
    loses: ['à 20 h'],
  },
  {
    element: 'date de convocation',
    from: '  convocation: 2024-09-19\n',
    to: '',
    loses: [', légalement convoqué le 19 septembre 2024,'],
  },
  {
    element: 'lieu',
    from: '  lieu: salle du Conseil de la mairie\n',
    to: '',
    loses: [', salle du Conseil de la mairie'],
  },
  {
    element: 'heure d’ouverture',
    from: '  ouverture: "20:02"\n',
    to: '',
    loses: ['La séance est ouverte à 20 h 02.'],
  },
  {
    element: 'appel nominal',
    from: '  appel: true\n',
    to: '',
    loses: ['Il est procédé à l’appel nominal des membres.'],
  },
  {
    element: 'noms des membres présents',
    from: '    presents: [amorel, bfaure, cnguyen, dlaurent, egarnier, fbrun, hmercier, ileclerc, jroussel, kbenard, lfontaine, oduval]\n',
    to: '    presents: 12\n',
    loses: [
      'Présents : Mme Agathe Morel, M. Bastien Faure, Mme Camille Nguyen, M. Denis Laurent-Roy, Mme Élise Garnier, M. Fabien Brun, M. Hugo Mercier, Mme Inès Leclerc, M. Julien Roussel, Mme Karine Bénard, M. Léo Fontaine et Mme Océane Duval-Sarr.',
    ],
  },
  {
    element: 'noms des absents',
    from: '    absents: [nperrot]\n',
    to: '    absents: 1\n',
    loses: ['Absents : M. Nicolas Perrot.'],
  },
  {
    element: 'secrétaire de séance',
    from: '  secretaire: ileclerc\n',
    to: '',
    loses: [
      'Secrétaire de séance : Mme Inès Leclerc',
      'Mme Inès Leclerc est désignée secrétaire de séance à l’unanimité.',
      'Secrétaire de séance',
      'Inès Leclerc',
    ],
  },
  {
    element: 'désignation du secrétaire',
    from: '  election_secretaire:\n    vote: { unanimite: true }\n',
    to: '',
    loses: ['Mme Inès Leclerc est désignée secrétaire de séance à l’unanimité.'],
  },
  {
    element: 'approbation du procès-verbal précédent',
    from: base.slice(base.indexOf('  pv_precedent:\n'), base.indexOf('  decisions_delegation:\n')),
    to: '',
    loses: [
      'Le procès-verbal de la séance du 20 juin 2024 est approuvé à l’unanimité, avec les corrections suivantes.',
      'Correction demandée par Mme Karine Bénard : Au point 3, la subvention versée au club de tennis de table est de 2 500 € et non de 2 050 €.',
    ],
  },
  {
    element: 'corrections au procès-verbal précédent',
    from: base.slice(base.indexOf('    corrections:\n'), base.indexOf('  decisions_delegation:\n')),
    to: '',
    loses: [
      ', avec les corrections suivantes',
      'Correction demandée par Mme Karine Bénard : Au point 3, la subvention versée au club de tennis de table est de 2 500 € et non de 2 050 €.',
    ],
  },
  {
    element: 'décisions prises par délégation',
    from: base.slice(base.indexOf('  decisions_delegation:\n'), base.indexOf('  communications:\n')),
    to: '',
    loses: [
      'Mme Agathe Morel rend compte des décisions prises par délégation du Conseil municipal (articles L. 2122-22 et L. 2122-23 du code général des collectivités territoriales) :',
      '• Décision n° 2024-D-031 du 8 juillet 2024 : Contrat d’entretien des chaudières des bâtiments communaux avec une entreprise locale',
      '• Décision n° 2024-D-034 du 29 août 2024 : Louage de la salle polyvalente à l’association des parents d’élèves',
    ],
  },
  {
    element: 'communications du président',
    from: base.slice(base.indexOf('  communications:\n'), base.indexOf('  questions_orales:\n')),
    to: '',
    loses: [
      'Communication : Rentrée scolaire 2024 – Madame le Maire indique que les effectifs de l’école des Tilleuls sont stables et que la cantine sert désormais deux repas végétariens par semaine.',
    ],
  },
  {
    element: 'rapport du point (rapporteur)',
    from: '    rapporteur: egarnier\n',
    to: '',
    loses: ['Rapporteure : Mme Élise Garnier'],
  },
  {
    element: 'présentation du rapport',
    from: '      presentation: Madame Garnier présente le diagnostic thermique de l’école et le calendrier des travaux, prévus pendant l’été 2025.\n',
    to: '',
    loses: [
      'Madame Garnier présente le diagnostic thermique de l’école et le calendrier des travaux, prévus pendant l’été 2025.',
    ],
  },
  {
    element: 'teneur des discussions (une intervention)',
    from: '        - elu: bfaure\n          resume: Monsieur Faure répond que l’éclairage du stade figurera au budget 2025.\n',
    to: '',
    loses: ['M. Bastien Faure : Monsieur Faure répond que l’éclairage du stade figurera au budget 2025.'],
  },
  {
    element: 'demande de scrutin public',
    from: base.slice(
      base.indexOf('    deroulement:\n      demandes_scrutin:\n'),
      base.indexOf('  - numero: 4\n'),
    ),
    to: '',
    loses: [
      'Un scrutin public est demandé par le groupe Valmorin autrement : M. Julien Roussel, Mme Karine Bénard, M. Léo Fontaine et M. Nicolas Perrot.',
    ],
  },
  {
    element: 'résultat du vote d’une délibération',
    from: '      vote: { unanimite: true }\n    deroulement:\n      arrivees:',
    to: '    deroulement:\n      arrivees:',
    loses: [
      'Votants : 15 (13 présents, 2 représentés).',
      'Délibération n° 2024_09_02 : Adoptée à l’unanimité.',
      // Without its vote the point took no act: no act title either.
      'Délibération n° 2024_09_02 – Tarifs de la restauration scolaire pour l’année 2024-2025',
    ],
  },
  {
    element: 'résultat du vote d’un amendement',
    from: '          vote: { pour: 3, contre: 11, abstentions: 0 }\n',
    to: '',
    loses: ['L’amendement n° 1 est rejeté par 3 voix pour et 11 voix contre.'],
  },
  {
    element: 'nom des votants d’un scrutin public',
    from: base.slice(
      base.indexOf('        pour: [amorel, bfaure'),
      base.indexOf('    deroulement:\n      demandes_scrutin:'),
    ),
    to: '        pour: 11\n        contre: 0\n        abstentions: 3\n        ne_prend_pas_part: 1\n',
    loses: [
      'Vote Nombre Membres',
      'Pour 11 Mme Agathe Morel, M. Bastien Faure, Mme Camille Nguyen, M. Denis Laurent-Roy, Mme Élise Garnier, M. Fabien Brun, Mme Gisèle Picard, M. Hugo Mercier, Mme Inès Leclerc, Mme Mathilde Colin et M. Nicolas Perrot',
      'Abstention 3 M. Julien Roussel, Mme Karine Bénard et M. Léo Fontaine',
      'Ne prend pas part au vote 1 Mme Océane Duval-Sarr',
    ],
  },
  {
    element: 'suspension de séance',
    from: base.slice(base.indexOf('      suspensions:\n'), base.indexOf('  - numero: 2\n')),
    to: '\n',
    loses: [
      'La séance est suspendue à 20 h 41, à la demande du groupe Valmorin autrement, avant le vote des amendements ; elle reprend à 20 h 49.',
    ],
  },
  {
    element: 'incident de séance',
    from: base.slice(base.indexOf('  incidents:\n'), base.indexOf('  arrete_le:')),
    to: '',
    loses: [
      'À 21 h 40 : Une coupure de courant interrompt la séance quelques minutes ; les débats reprennent à la lumière de secours.',
    ],
  },
  {
    element: 'motif du retrait d’un point',
    from: '    deroulement:\n      motif_retrait: l’avis du service du Domaine n’est pas encore parvenu en mairie\n',
    to: '',
    loses: [': l’avis du service du Domaine n’est pas encore parvenu en mairie'],
  },
  {
    element: 'point ajouté en séance',
    from: '    deroulement:\n      ajoute: true\n',
    to: '',
    loses: [' (ajouté en séance)', 'Ce point est ajouté à l’ordre du jour en séance.'],
  },
  {
    element: 'questions orales',
    from: base.slice(base.indexOf('  questions_orales:\n'), base.indexOf('  incidents:\n')),
    to: '',
    loses: [
      'Questions orales',
      'Question de M. Léo Fontaine, pour le groupe Valmorin autrement : Quand les travaux de la passerelle sur l’Orvine doivent-ils reprendre ?',
      'Réponse de Mme Agathe Morel : Le chantier reprendra à la mi-octobre, après la période de frai imposée par l’arrêté préfectoral.',
    ],
  },
  {
    element: 'heure de clôture',
    from: '  cloture: "22:14"\n',
    to: '',
    loses: ['La séance est levée à 22 h 14.'],
  },
  {
    element: 'mention d’arrêté',
    from: '  arrete_le: 2024-11-14\n',
    to: '',
    loses: ['Procès-verbal arrêté en séance du 14 novembre 2024.'],
  },
];

let full = '';
beforeAll(async () => {
  full = await pvText(base);
}, 60_000);

describe('the procès-verbal’s checklist (CGCT L. 2121-15)', () => {
  it('reads in the full PV’s PDF as in its tree', async () => {
    expect(await pvText(base, 'pdf')).toBe(full);
  }, 60_000);

  it.each(ELEMENTS)(
    'without « $element », the PV loses exactly its words',
    async ({ from, to, loses }) => {
      expect(from, 'the element is in the fixture').not.toBe('');
      expect(base.split(from)).toHaveLength(2);
      expect(await pvText(base.replace(from, to))).toBe(without(full, loses));
    },
    60_000,
  );
});

describe('several secrétaires de séance', () => {
  it('names each, agrees with them, and gives each a signature block', async () => {
    const from = '  secretaire: ileclerc\n';
    const text = await pvText(
      base.replace(
        from,
        `${from}  secretaires:\n    - nom: hmercier\n    - nom: Paul Sirven\n      qualite: Secrétaire auxiliaire\n`,
      ),
      'pdf',
    );
    const inOrder = [
      'Secrétaires de séance : Mme Inès Leclerc et M. Hugo Mercier',
      'Secrétaire auxiliaire : Paul Sirven',
      'Mme Inès Leclerc, M. Hugo Mercier et Paul Sirven sont désignés secrétaires de séance à l’unanimité.',
      // One signature block each, read row by row as the DOCX's table: a row's qualités, then its names.
      'La Maire Secrétaire de séance Secrétaire de séance Agathe Morel Inès Leclerc Hugo Mercier Secrétaire auxiliaire Paul Sirven',
    ];
    let at = 0;
    for (const expected of inOrder) {
      at = text.indexOf(squash(expected), at);
      expect(at, expected).toBeGreaterThanOrEqual(0);
    }
  }, 60_000);

  it('names the members excusés apart from the absents', async () => {
    const text = await pvText(
      base.replace('    absents: [nperrot]\n', '    absents: []\n    excuses: [nperrot]\n'),
    );
    expect(text).toBe(
      without(full, ['Absents : M. Nicolas Perrot.']).replace(
        squash('Secrétaire de séance :'),
        squash('Excusés : M. Nicolas Perrot.Secrétaire de séance :'),
      ),
    );
  }, 60_000);

  it('agrees in the feminine when every secrétaire is a woman', async () => {
    const from = '  secretaire: ileclerc\n';
    const text = await pvText(base.replace(from, `${from}  secretaires: [{ nom: kbenard }]\n`));
    expect(text).toContain(
      squash('Mme Inès Leclerc et Mme Karine Bénard sont désignées secrétaires de séance à l’unanimité.'),
    );
  }, 60_000);
});

describe('delib validate --pv: one located warning per missing legal element', () => {
  async function warnings(yaml: string): Promise<string[]> {
    const file = join(dir, `pv-${built++}.yaml`);
    writeFileSync(file, yaml);
    const { seance, sources } = await loadAndValidate(file);
    if (!seance || !sources) throw new Error('invalid');
    return pvDiagnostics(seance, sources).map((d) => {
      expect(d.line, d.message).toBeGreaterThan(0);
      return `${d.path} ${d.message}`;
    });
  }
  /** The full fixture's warnings, validated once for every case that compares against them. */
  let fullWarnings: Promise<Set<string>> | undefined;
  const warningsOfBase = () => {
    fullWarnings ??= warnings(base).then((list) => new Set(list));
    return fullWarnings;
  };
  const between = (start: string, end: string) => base.slice(base.indexOf(start), base.indexOf(end));
  const cases: [string, string, string, string][] = [
    ['  secretaire: ileclerc\n', '', '/seance', 'nommer le ou les secrétaires'],
    ['  ouverture: "20:02"\n', '', '/deroulement', 'l’heure d’ouverture'],
    [
      between('  pv_precedent:\n', '  decisions_delegation:\n'),
      '',
      '/deroulement',
      'procès-verbal de la séance précédente',
    ],
    [
      '    presents: [amorel, bfaure, cnguyen, dlaurent, egarnier, fbrun, hmercier, ileclerc, jroussel, kbenard, lfontaine, oduval]\n',
      '    presents: 12\n',
      '/seance/presences/presents',
      'nommer les membres présents',
    ],
    [
      '          vote: { pour: 3, contre: 11, abstentions: 0 }\n',
      '',
      '/points/0/deroulement/amendements/0',
      'amendement n° 1',
    ],
    [
      '      vote: { unanimite: true }\n    deroulement:\n      arrivees:',
      '    deroulement:\n      arrivees:',
      '/points/1/deliberation',
      'résultat du vote',
    ],
    [
      between('    deroulement:\n      demandes_scrutin:\n', '  - numero: 4\n'),
      '',
      '/points/2/deliberation/vote/scrutin',
      'qui a demandé le scrutin public',
    ],
    [
      between('        pour: [amorel, bfaure', '    deroulement:\n      demandes_scrutin:'),
      '        pour: 11\n        contre: 0\n        abstentions: 3\n        ne_prend_pas_part: 1\n',
      '/points/2/deliberation/vote',
      'nommer chaque votant',
    ],
    [
      between(
        '    note:\n      expose: |\n        Le remplacement',
        '    deliberation:\n      numero: "2024_09_05"',
      ),
      '',
      '/points/4',
      'le rapport',
    ],
  ];

  it('warns only about the discussions of three points on the full fixture', async () => {
    expect(await warnings(base)).toEqual([
      '/points/1 Point 2 : le procès-verbal doit rendre compte de la teneur des discussions.',
      '/points/2 Point 3 : le procès-verbal doit rendre compte de la teneur des discussions.',
      '/points/5 Point 6 : le procès-verbal doit rendre compte de la teneur des discussions.',
    ]);
  });

  it('asks no vote of a point examined whose result the YAML states unknown (« statut: examine »)', async () => {
    const full = await warningsOfBase();
    const [from, to] = cases[5] ?? ['', ''];
    const withoutVote = base.replace(from, to);
    const examined = withoutVote.replace('  - numero: 2\n', '  - numero: 2\n    statut: examine\n');
    expect(examined).not.toBe(withoutVote);
    expect((await warnings(withoutVote)).filter((w) => !full.has(w))).toHaveLength(1);
    expect((await warnings(examined)).filter((w) => !full.has(w))).toEqual([]);
  });

  it.each(cases)('warns at its place when an element is taken out (%#)', async (from, to, path, words) => {
    expect(from).not.toBe('');
    expect(base.split(from)).toHaveLength(2);
    const full = await warningsOfBase();
    const added = (await warnings(base.replace(from, to))).filter((w) => !full.has(w));
    expect(added).toHaveLength(1);
    expect(added[0]?.startsWith(`${path} `), added[0]).toBe(true);
    expect(added[0]).toContain(words);
  });
});
