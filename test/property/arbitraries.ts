/**
 * fast-check arbitraries shaped like the séance schema (src/schema/seance.ts): random French
 * texts with accents, « », €, numbers and Markdown-looking characters in plain fields, rich texts
 * with paragraphs, lists and emphasis, every optional part present or absent, and counts that
 * satisfy the business rules (attendance, quorum, votes, dates, unique numbers).
 *
 * @example
 * fc.sample(seanceArbitrary, 1)[0] // { version: 1, collectivite: {…}, points: [ … ] }
 */
import fc from 'fast-check';
import { NATURES } from '../../src/schema/seance.ts';

const WORDS = [
  'conseil',
  'municipal',
  'délibération',
  'élu',
  'subvention',
  'école',
  'marché',
  'crèche',
  'façade',
  'œuvre',
  'Noël',
  'hôtel',
  'à',
  'où',
  'été',
  'déjà',
  'naïf',
  'maïs',
  'garçon',
  'cœur',
  'Ève',
  'Île-de-France',
  'l’association',
  'd’intérêt',
  'aujourd’hui',
  'budget',
  'investissement',
  'travaux',
  'voirie',
  'gymnase',
  'médiathèque',
  'convention',
  'partenariat',
  'Métropole',
  'Saint-Étienne',
  'Çà',
  'ÉCOLE',
  'année',
];
/** Numbers, currency, quotes and characters that mean something in Markdown or Handlebars. */
const SPECIALS = [
  '1 500 €',
  '12,5 %',
  '2023',
  'n° 3',
  '«',
  '»',
  '« Quartiers »',
  '€',
  '1er',
  '42',
  '3,14',
  '(art. L. 2121-29)',
  '*',
  '**',
  '_',
  '#',
  '[x]',
  '<b>',
  '&',
  '{{x}}',
  '\\',
  '`code`',
  '~',
  '|',
  ':',
  ';',
  '!',
  '?',
];
const RICH_SAFE = SPECIALS.filter((s) => !/[*_#[\]<>&{}\\`~|]/.test(s));

const word = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, fc.constantFrom(...SPECIALS));
const richWord = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, fc.constantFrom(...RICH_SAFE));

/** A one-line plain text (escaped by the templates: any character must come out as written). */
export const plainText = (max = 12) =>
  fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' '));

const sentence = fc.array(richWord, { minLength: 1, maxLength: 14 }).chain((w) =>
  fc.constantFrom('plain', 'bold', 'italic').map((style) => {
    const text = w.join(' ');
    return style === 'bold' ? `**${text}**` : style === 'italic' ? `*${text}*` : text;
  }),
);

/** A rich text: paragraphs of sentences, sometimes a list. */
export const richText = fc
  .array(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => `${s.join(' ')}.`),
      },
      fc
        .array(sentence, { minLength: 1, maxLength: 4 })
        .map((items) => items.map((i) => `- ${i}`).join('\n')),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((blocks) => `${blocks.join('\n\n')}\n`);

const name = fc
  .tuple(
    fc.constantFrom('Anne', 'Élodie', 'François', 'Zoé', 'Jean-Noël', 'Loïc'),
    fc.constantFrom('Martin', 'Lefèvre', 'Dupré', 'N’Diaye', 'Œhmichen'),
  )
  .map(([first, last]) => `${first} ${last}`);

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Drops the keys whose value is undefined (absent optional parts). */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const attendance = fc.integer({ min: 1, max: 45 }).chain((membres) =>
  fc.integer({ min: Math.floor(membres / 2) + 1, max: membres }).chain((presents) =>
    fc.integer({ min: 0, max: Math.min(4, membres - presents) }).map((proxies) => ({
      membres,
      presents,
      representes: Array.from({ length: proxies }, (_, i) => ({
        mandant: `Mandant ${String.fromCharCode(65 + i)}`,
        mandataire: `Mandataire ${String.fromCharCode(65 + i)}`,
      })),
      absents: membres - presents - proxies,
    })),
  ),
);

type Attendance = { membres: number; presents: number; representes: unknown[]; absents: number };

const vote = (votants: number) =>
  fc.oneof(
    fc.constant({ unanimite: true }),
    fc
      .tuple(fc.nat({ max: votants }), fc.nat({ max: votants }), fc.nat({ max: votants }), fc.boolean())
      .map(([a, b, c, npp]) => {
        const contre = Math.min(a, votants);
        const abstentions = Math.min(b, votants - contre);
        const nePrendPasPart = npp ? Math.min(c, votants - contre - abstentions) : 0;
        const pour = votants - contre - abstentions - nePrendPasPart;
        return compact({ pour, contre, abstentions, ne_prend_pas_part: npp ? nePrendPasPart : undefined });
      }),
  );

const partie = fc.record(
  {
    nom: plainText(5),
    adresse: plainText(6),
    siret: fc.constant('21920071000016'),
    representant: name,
    qualite: fc.constantFrom('Maire', 'Président', 'Directrice générale'),
    mandat: plainText(8),
    denomination: plainText(3),
  },
  { requiredKeys: ['nom', 'representant', 'qualite'] },
);

const convention = fc.record(
  {
    titre: plainText(8),
    parties: fc.array(partie, { minLength: 2, maxLength: 3 }),
    visas: fc.array(plainText(8), { maxLength: 2 }),
    preambule: richText,
    articles: fc.array(fc.record({ titre: plainText(4), texte: richText }), { minLength: 1, maxLength: 3 }),
    fait_a: plainText(2),
    exemplaires: fc.integer({ min: 1, max: 4 }),
  },
  { requiredKeys: ['titre', 'parties', 'articles', 'fait_a', 'exemplaires'] },
);

const deliberation = (votants: number, numero: string) =>
  fc.record(
    {
      numero: fc.constant(numero),
      visas: fc.array(plainText(10), { maxLength: 3 }),
      considerants: fc.array(plainText(10), { maxLength: 3 }),
      articles: fc.array(richText, { minLength: 1, maxLength: 3 }),
      vote: vote(votants),
    },
    { requiredKeys: ['numero', 'visas', 'considerants', 'articles', 'vote'] },
  );

const pointAt = (numero: number, votants: number) =>
  fc.record(
    {
      numero: fc.constant(numero),
      objet: plainText(14),
      rapporteur: name,
      matiere: fc.record(
        { code: fc.constantFrom('7.5', '8.4', '1.10'), libelle: plainText(4) },
        { requiredKeys: ['code'] },
      ),
      note: fc.record({ expose: richText, proposition: richText }),
      deliberation: deliberation(votants, `ACTE_${numero}`),
      annexes: fc.array(fc.record({ convention }), { maxLength: 1 }),
    },
    { requiredKeys: ['numero', 'objet', 'rapporteur', 'note'] },
  );

/** A whole valid séance, as the data a clerk would write (before YAML). */
export const seanceArbitrary = fc
  .tuple(
    attendance,
    fc.date({
      min: new Date('2015-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.integer({ min: 4, max: 30 }),
    fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }),
  )
  .chain(([presences, date, gap, numeros]: [Attendance, Date, number, number[]]) => {
    const votants = presences.presents + presences.representes.length;
    const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
    return fc.record({
      version: fc.constant(1),
      collectivite: fc.record(
        {
          nom: plainText(5),
          nature: fc.constantFrom(...NATURES),
          siret: fc.constant('21920071000016'),
          adresse: plainText(8),
          departement: fc.constantFrom('92', '2A', '974', '06'),
        },
        { requiredKeys: ['nom', 'nature', 'adresse', 'departement'] },
      ),
      instance: plainText(4),
      seance: fc.record(
        {
          date: fc.constant(isoDate(day)),
          heure: fc.constantFrom('09:00', '18:30', '20:05', '00:00', '23:59'),
          lieu: plainText(6),
          convocation: fc.constant(isoDate(new Date(day.getTime() - gap * 86_400_000))),
          president: fc.record({ nom: name, qualite: fc.constantFrom('Maire', 'Présidente') }),
          secretaire: name,
          membres_en_exercice: fc.constant(presences.membres),
          presences: fc.constant({
            presents: presences.presents,
            representes: presences.representes,
            absents: presences.absents,
          }),
        },
        {
          requiredKeys: [
            'date',
            'heure',
            'lieu',
            'convocation',
            'president',
            'secretaire',
            'membres_en_exercice',
            'presences',
          ],
        },
      ),
      points: fc.tuple(...numeros.sort((a, b) => a - b).map((n) => pointAt(n, votants))),
    });
  });
