/**
 * The séance format: the single source of truth. The JSON Schema (`schema/seance.schema.json`,
 * written by `npm run schema`) and the TypeScript types are both derived from these definitions.
 *
 * Two roots share every piece: `SeanceFileSchema` describes a file as the clerk writes it (a point
 * may be `{inclure: "points/02.yaml"}`), `SeanceSchema` the séance once included points are
 * resolved, which is what validation checks and what later stages receive.
 *
 * @example
 * import type { Seance } from './seance.ts';
 * const firstObjet = (s: Seance) => s.points[0]?.objet;
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { FORMULES, type FormulaKey, PAGE_FORMULAS } from '../facts/formules.ts';
import { CTES_IDENTIFIER_PATTERN } from './ctes-identifier.ts';
import { DateText, RichText, redescribed, StringEnum, Text } from './helpers.ts';
import { CLE_PATTERN } from './patterns.ts';

/** Stable identifier of the schema (also used by editors to cache it). */
export const SCHEMA_ID = 'https://delib.example/schema/seance-1.schema.json';

/** The kinds of collectivité delib knows. */
export const NATURES = [
  'commune',
  'departement',
  'region',
  'epci',
  'metropole',
  'syndicat',
  'autre',
] as const;

/**
 * Where a point stands: `projet` before the vote, `adopte` once voted (whatever the result), or an
 * outcome without a vote.
 */
export const STATUTS = ['projet', 'adopte', 'retire', 'ajourne', 'prend_acte', 'examine'] as const;

const Nom = (description: string) => Text({ title: 'Nom', description });

/** Civilities an élu may be given. */
export const CIVILITES = ['M.', 'Mme', 'Mlle', 'Monsieur', 'Madame', 'Mademoiselle'] as const;

/** How a vote by name prints its names (collectivité, séance or délibération; the nearest wins). */
const VotesNominatifs = (where: string) =>
  Type.Optional(
    StringEnum(['tableau', 'lignes', 'aucun'] as const, {
      title: 'Votes nominatifs',
      description: `${where} Comment s’impriment les noms d’un vote nominatif (pour, contre, abstentions donnés en listes) : tableau (un tableau sens / nombre / noms), lignes (une ligne par sens, formules « vote_lignes », « vote_ligne_pour »… : « Abstention : 1 – M. … ») ou aucun. Sans elle : un tableau dans le procès-verbal, rien dans la délibération ; donnée, elle vaut pour les deux.`,
    }),
  );

/** A member named in full, or by the key of an élu declared under `elus`. */
const MembreRef = (title: string, description: string) =>
  Text({
    title,
    description: `${description} Prénom et nom, ou clé d’un élu déclaré sous « elus » (« jdupont »).`,
  });

/** An élu declared once for the séance, referred to by key everywhere else. */
export const EluSchema = Type.Object(
  {
    cle: Type.String({
      pattern: CLE_PATTERN,
      title: 'Clé',
      description:
        'Clé courte de l’élu, unique, en minuscules sans espace ni accent (« jdupont », « m-leroy ») : on l’écrit à la place du nom dans les présences, les pouvoirs, les votes et les interventions.',
    }),
    nom: Nom('Prénom et nom de l’élu, tels qu’ils s’impriment (« Jeanne Dupont »).'),
    civilite: Type.Optional(
      StringEnum(CIVILITES, {
        title: 'Civilité',
        description:
          'Civilité de l’élu, imprimée telle qu’écrite devant son nom : « M. », « Mme », « Mlle », « Monsieur », « Madame » ou « Mademoiselle » (elle donne aussi son genre).',
      }),
    ),
    genre: Type.Optional(
      StringEnum(['f', 'm'] as const, {
        title: 'Genre',
        description:
          'Genre grammatical de l’élu, pour l’accord (« présente », « désignée ») quand la civilité n’est pas écrite : f ou m. Par défaut, celui de la civilité.',
      }),
    ),
    qualite: Type.Optional(
      Text({ title: 'Qualité', description: 'Qualité de l’élu (« Maire », « Adjointe aux finances »).' }),
    ),
    groupe: Type.Optional(
      Text({ title: 'Groupe', description: 'Groupe politique de l’élu (« Val-Fleuri demain »).' }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Élu',
    description: 'Un membre de l’assemblée, déclaré une fois et désigné ailleurs par sa clé.',
  },
);

/** Numbers of members, or their names (the count is then the length of the list). */
const Effectif = (title: string, description: string) =>
  Type.Union(
    [
      Type.Integer({ minimum: 0, maximum: 100_000, title, description: `${description} Nombre de membres.` }),
      Type.Array(MembreRef('Membre', 'Le membre.'), {
        title,
        description: `${description} Liste des noms.`,
      }),
    ],
    { title, description: `${description} Un nombre, ou la liste des noms.` },
  );

/** A proxy: a member absent from the séance who gave a written proxy (pouvoir) to a present one. */
export const PouvoirSchema = Type.Object(
  {
    mandant: MembreRef('Mandant', 'Membre absent qui a donné pouvoir.'),
    mandataire: MembreRef('Mandataire', 'Membre présent qui a reçu le pouvoir et vote pour lui.'),
  },
  {
    additionalProperties: false,
    title: 'Pouvoir',
    description: 'Pouvoir écrit donné par un membre absent à un membre présent (un seul pouvoir par membre).',
  },
);

/** Attendance: présents, représentés (with their proxies) and absents. */
export const PresencesSchema = Type.Object(
  {
    presents: Effectif('Présents', 'Membres présents.'),
    representes: Type.Union(
      [
        Type.Integer({
          minimum: 0,
          maximum: 100_000,
          title: 'Représentés',
          description:
            'Nombre de pouvoirs seulement (« Pouvoirs : 1 »), quand l’acte ne nomme ni mandants ni mandataires : aucune ligne de noms n’est imprimée.',
        }),
        Type.Array(PouvoirSchema, {
          title: 'Représentés',
          description:
            'Membres absents représentés, avec le nom de leur mandataire. Liste vide « [] » si aucun.',
        }),
      ],
      {
        title: 'Représentés',
        description:
          'Membres absents représentés : la liste des pouvoirs (mandant, mandataire), « [] » si aucun, ou leur nombre seul quand l’acte ne les nomme pas.',
      },
    ),
    presents_texte: Type.Optional(
      Text({
        title: 'Présents, tels qu’écrits',
        description:
          'La liste des présents telle que la collectivité l’a écrite (« Monsieur A – Monsieur B - Madame C »), imprimée à la place des noms de « presents » joints par leurs séparateurs ; « presents » reste la liste qui compte, et chacun de ses noms doit s’y lire, dans son ordre, sans autre élu (rule.attendance-text).',
      }),
    ),
    absents: Effectif('Absents', 'Membres absents et non représentés.'),
    excuses: Type.Optional(
      Type.Array(MembreRef('Excusé', 'Le membre excusé.'), {
        title: 'Excusés',
        description:
          'Membres absents excusés, non représentés, listés à part (« Excusés : … ») : comptés parmi les absents, ils ne figurent pas aussi sous « absents ».',
      }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Présences',
    description:
      'Présents, représentés, absents (et excusés). Présents + représentés + absents + excusés = membres en exercice ; présents + représentés = votants.',
  },
);

const FichierPolice = (title: string) =>
  Text({
    title,
    description: `${title} : fichier TTF, OTF ou WOFF (pas WOFF2), chemin relatif au fichier de la séance et situé dans son dossier.`,
  });

/** The collectivité's own typeface, instead of Source Sans 3: four faces of one family. */
export const PolicesSchema = Type.Object(
  {
    nom: Text({
      title: 'Nom de la famille',
      description: 'Nom de la police, écrit dans les styles du DOCX (« Marianne »).',
    }),
    normal: FichierPolice('Romain'),
    gras: FichierPolice('Gras'),
    italique: FichierPolice('Italique'),
    gras_italique: FichierPolice('Gras italique'),
  },
  {
    additionalProperties: false,
    title: 'Polices',
    description:
      'Police de la collectivité pour les PDF et DOCX (incorporée dans les deux), au lieu de Source Sans 3 : ses quatre styles.',
  },
);

/** One formula of the collectivité, as its schema describes it. */
const formulaProperty = (key: FormulaKey) => {
  const f = FORMULES[key];
  return Type.Optional(
    Type.String({
      title: key,
      description: `${f.role}. Par défaut : « ${f.defaut} ».${f.valeurs.length > 0 ? ` Valeurs : ${f.valeurs.map((v) => `{${v}}`).join(', ')}.` : ''} Vide : la phrase n’est pas imprimée.`,
    }),
  );
};

/** The collectivité's own wording of delib's fixed formulas (see src/facts/formules.ts). */
export const FormulesSchema = Type.Object(
  Object.fromEntries((Object.keys(FORMULES) as FormulaKey[]).map((key) => [key, formulaProperty(key)])),
  {
    additionalProperties: false,
    title: 'Formules',
    description:
      'Les formules de la collectivité, à la place de celles de delib (chacune facultative) : texte simple, {nom} marquant une valeur de la séance.',
  },
);

/** A convention's own running page lines, over the collectivité's. */
export const FormulesPageSchema = Type.Object(
  Object.fromEntries(PAGE_FORMULAS.map((key) => [key, formulaProperty(key)])),
  {
    additionalProperties: false,
    title: 'Lignes de page de la convention',
    description:
      'En-tête et pied de chaque page de la convention, à la place de ceux de la collectivité (mêmes clés que sous collectivite.formules : entete_page_gauche… pied_page_droite).',
  },
);

/** Number of a document's first page, when it continues the pages of a recueil. */
const PremierePage = (what: string) =>
  Type.Integer({
    minimum: 1,
    maximum: 100_000,
    title: 'Numéro de la première page',
    description: `Numéro imprimé sur la première page ${what}, quand elle suit la pagination d’un recueil (« 26 ») ; les pages suivantes continuent (27, 28…) et {pages} reste le nombre de pages du document. 1 par défaut.`,
  });

export const CollectiviteSchema = Type.Object(
  {
    nom: Nom('Nom de la collectivité tel qu’il figure en tête des actes (« Ville de Sceaux »).'),
    nature: StringEnum(NATURES, {
      title: 'Nature',
      description:
        'Nature de la collectivité : commune, departement, region, epci, metropole, syndicat ou autre.',
    }),
    siret: Type.Optional(
      Type.String({
        pattern: '^\\d{14}$',
        title: 'SIRET',
        description:
          'Numéro SIRET de la collectivité : 14 chiffres sans espace, entre guillemets. Obligatoire pour l’export open data (SCDL) et @ctes.',
      }),
    ),
    adresse: Text({ title: 'Adresse', description: 'Adresse postale de la collectivité.' }),
    departement: Type.String({
      pattern: '^(\\d{2,3}|2A|2B)$',
      title: 'Département',
      description: 'Numéro du département (« 92 », « 2A », « 974 »), entre guillemets.',
    }),
    population: Type.Optional(
      Type.Integer({
        minimum: 0,
        title: 'Population',
        description:
          'Nombre d’habitants (population municipale). Facultatif : dans une commune de 3 500 habitants et plus, la convocation mentionne la note explicative de synthèse jointe (CGCT L. 2121-12) ; sans population, rien n’est dit.',
      }),
    ),
    logo: Type.Optional(
      Text({
        title: 'Logo',
        description:
          'Image PNG ou JPEG du logo, chemin relatif au fichier de la séance et situé dans son dossier.',
      }),
    ),
    position_logo: Type.Optional(
      StringEnum(['gauche', 'dessus'] as const, {
        title: 'Place du logo',
        description:
          'Où la première page de chaque document place le logo : gauche (par défaut) en haut à gauche, le nom de la collectivité à sa droite ; dessus : le logo centré, le nom centré sous lui.',
      }),
    ),
    position_nom: Type.Optional(
      StringEnum(['haut', 'apres_accuse_reception', 'aucune'] as const, {
        title: 'Place du nom de la collectivité',
        description:
          'Où s’imprime le bloc du nom de la collectivité : haut (par défaut) en tête de la première page de chaque document, avec le logo ; apres_accuse_reception : dans la délibération (et son projet), en tête du texte, après le tampon de l’accusé de réception placé en haut, avant les lignes de « en_tete » (les autres documents le gardent en haut) ; aucune : nulle part (la collectivité écrit son nom dans ses propres lignes : « en_tete », « entete_page_… »), le logo restant seul en haut.',
      }),
    ),
    polices: Type.Optional(PolicesSchema),
    formules: Type.Optional(FormulesSchema),
    en_tete: Type.Optional(
      Type.Array(Text({ title: 'Ligne', description: 'Une ligne de l’en-tête, telle qu’imprimée.' }), {
        title: 'En-tête des actes',
        description:
          'Lignes imprimées en tête de chaque délibération, dans l’ordre et telles qu’écrites (« RÉPUBLIQUE FRANÇAISE », « Département de la Lozère », « Arrondissement de Mende ») ; sans elles, aucune.',
      }),
    ),
    departements: Type.Optional(
      Type.Array(
        Type.Object(
          {
            numero: Type.Optional(
              Type.String({
                pattern: '^(\\d{2,3}|2A|2B)$',
                title: 'Numéro',
                description:
                  'Numéro du département (« 01 », « 2A »), entre guillemets : valeur {numero} de la formule.',
              }),
            ),
            nom: Text({
              title: 'Nom',
              description:
                'Le département tel que l’en-tête l’imprime (« Département de l’Ain ») : valeur {nom}.',
            }),
            arrondissement: Type.Optional(
              Text({
                title: 'Arrondissement',
                description:
                  'L’arrondissement tel qu’imprimé (« Arrondissement de Belley ») : valeur {arrondissement}.',
              }),
            ),
          },
          {
            additionalProperties: false,
            title: 'Département de l’en-tête',
            description: 'Un département de la collectivité, tel que l’en-tête des actes l’imprime.',
          },
        ),
        {
          minItems: 1,
          title: 'Départements de l’en-tête',
          description:
            'Les départements sur lesquels s’étend la collectivité (un syndicat sur deux départements), imprimés après les lignes de « en_tete », chacun par les formules « en_tete_departement » (« {nom} ») puis « en_tete_arrondissement » (« {arrondissement} », s’il est donné) ; sans eux, aucun.',
        },
      ),
    ),
    objet_en_tete: Type.Optional(
      Type.Boolean({
        title: 'Objet en tête',
        description:
          'true : la ligne de l’objet s’imprime sous le titre de la délibération, avant la formule du registre et les présences ; sans lui, après les présences.',
      }),
    ),
    position_accuse_reception: Type.Optional(
      StringEnum(['haut', 'bas'] as const, {
        title: 'Place de l’accusé de réception',
        description:
          'Où la délibération imprime le tampon de l’accusé de réception de la préfecture : haut (en tête, avant tout le reste) ou bas (après les signatures) ; sans elle, à la place de la mention exécutoire (position_executoire).',
      }),
    ),
    seuils_scrutin: Type.Optional(
      Type.Object(
        {
          public: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 100,
              title: 'Scrutin public',
              description:
                'Le scrutin public a lieu à la demande d’une part des membres présents : 4 pour le quart (par défaut, CGCT L. 2121-21), 6 pour le sixième (départements, régions).',
            }),
          ),
          secret: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: 100,
              title: 'Scrutin secret',
              description:
                'Le scrutin secret a lieu à la demande d’une part des membres présents : 3 pour le tiers (par défaut, CGCT L. 2121-21).',
            }),
          ),
        },
        {
          additionalProperties: false,
          title: 'Seuils des demandes de scrutin',
          description:
            'La part des membres présents qui doit demander un scrutin public ou secret (« demandes_scrutin »), que « delib validate » vérifie : le dénominateur de la fraction.',
        },
      ),
    ),
    sommaire_pv: Type.Optional(
      Type.Boolean({
        title: 'Sommaire du procès-verbal',
        description:
          'true : le procès-verbal s’ouvre sur un sommaire des points (et de leurs sections), chacun avec la page où il commence dans ce procès-verbal (formules « pv_sommaire_… ») ; « deroulement.sommaire » le décide pour une séance.',
      }),
    ),
    signatures_pv: Type.Optional(
      Type.Boolean({
        title: 'Signatures du procès-verbal',
        description:
          'false : le procès-verbal (ou le compte rendu) s’imprime sans le bloc des signatures du président et des secrétaires (ni champs de signature), la mention « pv_arrete » restant à sa place ; true ou absent : signé ; « deroulement.signatures » le décide pour une séance.',
      }),
    ),
    signatures_liste: Type.Optional(
      Type.Boolean({
        title: 'Signature de la liste des délibérations',
        description:
          'false : la liste des délibérations (ou le sommaire du recueil) s’imprime sans le bloc de signature du président (ni champ de signature) ; true ou absent : signée.',
      }),
    ),
    dispositif_pv: Type.Optional(
      StringEnum(['aucun', 'decision', 'complet'] as const, {
        title: 'Dispositif des actes dans le procès-verbal',
        description:
          'Ce que le procès-verbal (ou le compte rendu) imprime de l’acte adopté sur chaque point, après les débats et avant le vote : aucun (par défaut : le renvoi « pv_deliberation » seul) ; decision : la formule « pv_dispositif » (« Après en avoir délibéré, »), le verbe « decision » (« DÉLIBÈRE », ou « decision_prend_acte ») et les articles de l’acte avec leurs libellés, comme la délibération les imprime ; complet : aussi ses visas, ses considérants et son « avant_decision ».',
      }),
    ),
    position_ordre_du_jour_pv: Type.Optional(
      StringEnum(['debut'] as const, {
        title: 'Place de l’ordre du jour dans le procès-verbal',
        description:
          'debut : le procès-verbal imprime l’ordre du jour (son titre et ses points) en tête, après « mentions.debut » et avant la phrase de réunion et les présences, comme un procès-verbal qui s’ouvre sur sa convocation ; absent : après les présences et l’approbation du procès-verbal précédent.',
      }),
    ),
    position_approbation_pv: Type.Optional(
      StringEnum(['avant_ordre_du_jour', 'apres_ordre_du_jour'] as const, {
        title: 'Place de l’approbation du procès-verbal précédent',
        description:
          'Où le procès-verbal imprime l’approbation du procès-verbal de la séance précédente (« deroulement.pv_precedent ») : avant_ordre_du_jour (par défaut) ou apres_ordre_du_jour (après la liste des points, avant leur examen).',
      }),
    ),
    position_executoire: Type.Optional(
      StringEnum(['haut', 'bas'] as const, {
        title: 'Place de la mention exécutoire',
        description:
          'Où la délibération imprime sa transmission en préfecture, sa publication et son identifiant : haut (en tête, avant le titre) ou bas (après les signatures, par défaut).',
      }),
    ),
    position_direction: Type.Optional(
      StringEnum(['haut', 'titre'] as const, {
        title: 'Place de la ligne de la direction',
        description:
          'Où la délibération imprime sa direction ou son service (`direction`) : haut (en tête, avant le titre, par défaut) ou titre (dans le titre, juste avant le numéro de l’acte).',
      }),
    ),
    votes_nominatifs: VotesNominatifs('Pour toutes les séances de la collectivité.'),
    signataires_deliberation: Type.Optional(
      Type.Array(
        StringEnum(['president', 'secretaire', 'secretaires'] as const, {
          title: 'Signataire',
          description:
            'president, secretaire (celui de « secretaire ») ou secretaires (tous les secrétaires de séance).',
        }),
        {
          uniqueItems: true,
          title: 'Signataires de la délibération',
          description:
            'Qui signe l’extrait de la délibération, dans l’ordre de la liste : president (« Le Maire », son nom), secretaire (le secrétaire de séance « secretaire »), secretaires (tous les secrétaires de séance, chacun avec sa qualité). Sans lui : [president, secretaire] ; [president] pour la seule signature du maire.',
        },
      ),
    ),
    puces: Type.Optional(
      Type.Array(
        Type.String({
          maxLength: 3,
          title: 'Puce',
          description: 'Le signe d’un niveau de liste (« • », « - », « o ») ; vide : aucun.',
        }),
        {
          minItems: 1,
          maxItems: 6,
          title: 'Puces des listes',
          description:
            'Les puces des listes à puces, du premier niveau au plus profond (au-delà, la liste recommence), en PDF et en DOCX : [•, •] garde « • » au deuxième niveau, [-, o] imite une liste de Word, [""] n’imprime aucune puce. Par défaut : •, –, ◦.',
        },
      ),
    ),
    signatures_convocation: Type.Optional(
      Type.Boolean({
        title: 'Signature de la convocation',
        description:
          'false : la convocation s’imprime sans le bloc de signature du président, ni qualité ni nom (la transcription d’une source coupée avant sa signature) ; true ou absent : signée.',
      }),
    ),
    signatures_ordre_du_jour: Type.Optional(
      Type.Boolean({
        title: 'Signature de l’ordre du jour',
        description:
          'false : l’ordre du jour s’imprime sans le bloc de signature du président, ni qualité ni nom ; true ou absent : signé.',
      }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Collectivité',
    description: 'La collectivité qui tient la séance.',
  },
);

export const PresidentSchema = Type.Object(
  {
    nom: MembreRef('Nom', 'Le président de séance.'),
    qualite: Text({
      title: 'Qualité',
      description: 'Qualité du président de séance (« Maire », « Président »).',
    }),
  },
  { additionalProperties: false, title: 'Président', description: 'Président de la séance.' },
);

/** One more secrétaire de séance: a member, or an agent (secrétaire auxiliaire), with a qualité. */
export const SecretaireSchema = Type.Object(
  {
    nom: MembreRef('Nom', 'Le secrétaire.'),
    qualite: Type.Optional(
      Text({
        title: 'Qualité',
        description:
          'Libellé imprimé devant son nom (« Secrétaire adjointe », « Secrétaire auxiliaire ») ; sans lui, la formule « secretaires ».',
      }),
    ),
  },
  { additionalProperties: false, title: 'Secrétaire', description: 'Un secrétaire de séance.' },
);

/** People attending who are not members (director, agents, guests), as the collectivité names them. */
const Invites = (when: string) =>
  Type.Array(
    Text({
      title: 'Invité',
      description:
        'Une personne présente qui n’est pas membre, telle que le procès-verbal la nomme (« Madame Lise Aubry, Directrice »).',
    }),
    {
      title: 'Autres invités',
      description: `Personnes présentes ${when} sans être membres, écrites comme la collectivité les nomme (« Madame Lise Aubry, Directrice du syndicat ») : le procès-verbal les liste après les présences (formule « pv_invites ») ; elles ne comptent ni parmi les présents ni pour le quorum.`,
    },
  );

/** A later day of a séance held over several days, with the attendance of that day. */
/** A time of day, HH:MM on 24 hours. */
const HEURE_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';

export const JourSuivantSchema = Type.Object(
  {
    date: DateText({ title: 'Date', description: 'Date de ce jour de la séance.' }),
    heure: Type.Optional(
      Type.String({
        pattern: HEURE_PATTERN,
        title: 'Heure',
        description:
          'Heure de reprise ce jour-là, HH:MM : les délibérations de ce jour l’écrivent dans leur ouverture ; sans elle, elles n’écrivent aucune heure (jamais celle du premier jour).',
      }),
    ),
    premier_point: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        title: 'Premier point',
        description:
          'Numéro du premier point examiné ce jour-là : à partir de lui, les points ont les présences de ce jour (sauf leurs propres présences) ; sans lui, les présences du jour ne sont que celles du procès-verbal.',
      }),
    ),
    presences: Type.Optional(
      redescribed(
        PresencesSchema,
        'Présences de ce jour : le procès-verbal les imprime sous le titre du jour (formule « pv_jour »).',
      ),
    ),
    invites: Type.Optional(Invites('ce jour-là')),
  },
  {
    additionalProperties: false,
    title: 'Jour suivant',
    description: 'Un autre jour de la séance, avec ses propres présences.',
  },
);

export const SeanceDetailsSchema = Type.Object(
  {
    date: DateText({ title: 'Date', description: 'Date de la séance.' }),
    heure: Type.Optional(
      Type.String({
        pattern: HEURE_PATTERN,
        title: 'Heure',
        description:
          'Heure d’ouverture de la séance, HH:MM (« 19:30 »). Facultative : sans elle, aucune heure n’est écrite.',
      }),
    ),
    lieu: Type.Optional(
      Text({
        title: 'Lieu',
        description:
          'Lieu de la séance (« salle du Conseil de l’hôtel de ville »). Facultatif : sans lui, aucun lieu n’est écrit.',
      }),
    ),
    convocation: Type.Optional(
      DateText({
        title: 'Convocation',
        description:
          'Date d’envoi de la convocation. Facultative : sans elle, aucune date de convocation n’est écrite.',
      }),
    ),
    publique: Type.Optional(
      Type.Boolean({
        title: 'Séance publique',
        description:
          'true si la séance s’est tenue en public (« en séance publique »), false si l’assemblée a décidé le huis clos (« à huis clos », CGCT L. 2121-18). Facultatif : sans lui, le registre ne dit ni l’un ni l’autre.',
      }),
    ),
    seconde_convocation: Type.Optional(
      Type.Boolean({
        title: 'Seconde convocation',
        description:
          'true si la séance se tient sur seconde convocation, faute de quorum à la première : le quorum n’est alors pas exigé (CGCT L. 2121-17).',
      }),
    ),
    quorum: Type.Optional(
      Type.Integer({
        minimum: 1,
        title: 'Quorum',
        description:
          'Nombre de membres dont la présence fait le quorum, tel que l’acte l’écrit (« Quorum : 18 », formule « quorum », après la liste des présents). Facultatif : sans lui, aucune ligne.',
      }),
    ),
    votes_nominatifs: VotesNominatifs('Pour cette séance, à la place de celle de la collectivité.'),
    jours_suivants: Type.Optional(
      Type.Array(
        Type.Union(
          [
            DateText({ title: 'Jour suivant', description: 'Un autre jour de la séance.' }),
            JourSuivantSchema,
          ],
          {
            title: 'Jour suivant',
            description:
              'Un autre jour de la séance : sa date, ou sa date avec ses propres présences (« date », « presences », « invites », « premier_point »).',
          },
        ),
        {
          title: 'Jours suivants',
          description:
            'Autres jours d’une séance tenue sur plusieurs jours, après « date » et dans l’ordre (« Séance des 28 et 29 janvier 2025 »).',
        },
      ),
    ),
    invites: Type.Optional(Invites('le premier jour')),
    session: Type.Optional(
      Text({
        title: 'Session',
        description:
          'Libellé de la session, imprimé sous l’instance tel qu’écrit (« Session ordinaire », « Séance de mars 2025 ») ; sans lui, aucun.',
      }),
    ),
    urgences: Type.Optional(
      Type.Boolean({
        title: 'Affaires urgentes',
        description:
          'true : l’ordre du jour (convocation et ordre du jour) se termine par une entrée pour les affaires urgentes, libellée par la formule « urgences » ; sans lui, aucune.',
      }),
    ),
    questions_diverses: Type.Optional(
      Type.Boolean({
        title: 'Questions diverses',
        description:
          'true : l’ordre du jour (convocation et ordre du jour) se termine par « Questions diverses » (formule « questions_diverses »), après les affaires urgentes ; sans lui, aucune.',
      }),
    ),
    documents: Type.Optional(
      Type.Object(
        {
          convocation: Type.Optional(
            Type.Literal(false, { title: 'Convocation', description: 'false : pas de convocation.' }),
          ),
          ordre_du_jour: Type.Optional(
            Type.Literal(false, { title: 'Ordre du jour', description: 'false : pas d’ordre du jour.' }),
          ),
          liste: Type.Optional(
            Type.Literal(false, {
              title: 'Liste des délibérations',
              description: 'false : pas de liste des délibérations.',
            }),
          ),
        },
        {
          additionalProperties: false,
          title: 'Documents de la séance',
          description:
            'Les documents de toute la séance que la collectivité ne produit pas avec ce fichier (une séance transcrite pour son seul procès-verbal, une convention ou un recueil) : « convocation: false », « ordre_du_jour: false », « liste: false » ; ils ne sont ni écrits ni joints au dossier de séance. Sans elle, chacun est produit quand la séance a de quoi le remplir.',
        },
      ),
    ),
    premieres_pages: Type.Optional(
      Type.Object(
        {
          convocation: Type.Optional(PremierePage('de la convocation')),
          ordre_du_jour: Type.Optional(PremierePage('de l’ordre du jour')),
          liste: Type.Optional(PremierePage('de la liste des délibérations')),
          proces_verbal: Type.Optional(PremierePage('du procès-verbal')),
        },
        {
          additionalProperties: false,
          title: 'Premières pages des documents de la séance',
          description:
            'Le numéro de la première page de chaque document de toute la séance imprimé dans un recueil (« proces_verbal: 12 »), comme « premiere_page » d’une délibération : pied de page et numéros des pages du PDF, « w:pgNumType » du DOCX ; {pages} reste le nombre de pages du document (écrivez « pied_page_droite: "p. {page}" » pour ne pas l’imprimer). Les numéros du sommaire du procès-verbal suivent.',
        },
      ),
    ),
    president: PresidentSchema,
    secretaire: Type.Optional(
      MembreRef('Secrétaire de séance', 'Le secrétaire de séance, désigné en début de séance.'),
    ),
    secretaires: Type.Optional(
      Type.Array(SecretaireSchema, {
        title: 'Autres secrétaires',
        description:
          'Autres secrétaires de séance, après « secretaire » (ou sans lui) : chacun avec sa qualité s’il en a une (« Secrétaire adjoint », « Secrétaire auxiliaire ») ; sans qualité, il est secrétaire de séance comme « secretaire ».',
      }),
    ),
    membres_en_exercice: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      title: 'Membres en exercice',
      description: 'Nombre de membres en exercice de l’assemblée.',
    }),
    presences: Type.Optional(
      redescribed(
        PresencesSchema,
        'Présences à l’ouverture de la séance ; un point peut les remplacer par ses propres présences.',
      ),
    ),
  },
  {
    additionalProperties: false,
    title: 'Séance',
    description: 'Date, lieu, présidence et présences de la séance.',
  },
);

export const MatiereSchema = Type.Object(
  {
    code: Type.String({
      pattern: '^\\d\\.\\d{1,2}$',
      title: 'Code matière',
      description: 'Code de la classification @ctes (« 8.4 », « 7.10 »), entre guillemets.',
    }),
    libelle: Type.Optional(
      Text({ title: 'Libellé', description: 'Libellé de la matière (« Finances locales/Subventions »).' }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Matière',
    description:
      'Matière de l’acte selon la classification @ctes (utile pour la transmission et l’open data).',
  },
);

export const NoteSchema = Type.Object(
  {
    expose: Type.Optional(
      RichText({ title: 'Exposé', description: 'Exposé des motifs de la note de présentation.' }),
    ),
    proposition: Type.Optional(
      RichText({
        title: 'Proposition',
        description: 'Proposition faite à l’assemblée (« Il est proposé … »).',
      }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Note de présentation',
    description: 'Note explicative de synthèse du point.',
  },
);

const Compte = (title: string, description: string) =>
  Type.Integer({ minimum: 0, maximum: 100_000, title, description });

/** Ways a vote is taken (CGCT L. 2121-21). */
export const SCRUTINS = ['main_levee', 'public', 'secret'] as const;

const Scrutin = StringEnum(SCRUTINS, {
  title: 'Scrutin',
  description:
    'Mode de scrutin : main_levee, public (chaque votant nommé avec le sens de son vote) ou secret.',
});

/** A number of votes, or the members who voted so (the count is then the length of the list). */
const Voix = (title: string, description: string) =>
  Type.Union(
    [
      Compte(title, `${description} Nombre de membres.`),
      Type.Array(MembreRef('Membre', 'Le votant.'), {
        title,
        description: `${description} Liste des votants (scrutin public).`,
      }),
    ],
    {
      title,
      description: `${description} Un nombre, ou la liste des votants (clés ou noms) pour un scrutin public.`,
    },
  );

export const VoteUnanimeSchema = Type.Object(
  {
    unanimite: Type.Literal(true, {
      title: 'Unanimité',
      description: 'Adoptée à l’unanimité : écrivez « true ».',
    }),

    scrutin: Type.Optional(Scrutin),
  },
  {
    additionalProperties: false,
    title: 'Vote à l’unanimité',
    description: 'Délibération adoptée à l’unanimité.',
  },
);

export const VoteDetailleSchema = Type.Object(
  {
    pour: Voix('Pour', 'Voix pour.'),
    contre: Voix('Contre', 'Voix contre.'),
    abstentions: Voix('Abstentions', 'Abstentions.'),
    ne_prend_pas_part: Type.Optional(Voix('Ne prend pas part', 'Membres ne prenant pas part au vote.')),
    scrutin: Type.Optional(Scrutin),
  },
  {
    additionalProperties: false,
    title: 'Vote détaillé',
    description: 'Décompte des voix : pour + contre + abstentions (+ ne prend pas part) = votants.',
  },
);

export const VoteSchema = Type.Union([VoteUnanimeSchema, VoteDetailleSchema], {
  title: 'Vote',
  description: 'Résultat du vote : « unanimite: true », ou le décompte pour, contre, abstentions.',
});

export const TransmissionSchema = Type.Object(
  {
    prefecture: Type.Optional(
      DateText({
        title: 'Transmission en préfecture',
        description: 'Date de transmission au contrôle de légalité.',
      }),
    ),
    publication: Type.Optional(
      DateText({ title: 'Publication', description: 'Date de publication de l’acte.' }),
    ),
    signature: Type.Optional(
      DateText({
        title: 'Date de signature',
        description:
          'Date de signature de l’acte, quand la collectivité l’imprime dans sa mention exécutoire (valeur {signature} de la formule « executoire »).',
      }),
    ),
    a_remplir: Type.Optional(
      Type.Literal(true, {
        title: 'À remplir à la main',
        description:
          'true pour imprimer « Transmise en préfecture le : … – Publiée le : … » avec des pointillés à la place des dates inconnues ; sans lui, seules les dates données sont écrites.',
      }),
    ),
    reception: Type.Optional(
      DateText({
        title: 'Réception en préfecture',
        description:
          'Date de l’accusé de réception de la préfecture (réception au contrôle de légalité) : le tampon « accusé de réception » n’est imprimé qu’avec elle (formule « accuse_reception »).',
      }),
    ),
    heure_reception: Type.Optional(
      Type.String({
        pattern: '^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?$',
        title: 'Heure de réception',
        description: 'Heure de l’accusé de réception, telle que la préfecture la donne : HH:MM ou HH:MM:SS.',
      }),
    ),
    affichage: Type.Optional(
      DateText({ title: 'Affichage', description: 'Date d’affichage de l’acte (« Affiché le … »).' }),
    ),
    executoire: Type.Optional(
      DateText({
        title: 'Certifié exécutoire',
        description: 'Date à laquelle l’acte est certifié exécutoire (« Certifié exécutoire le … »).',
      }),
    ),
    identifiant: Type.Optional(
      Type.String({
        pattern: CTES_IDENTIFIER_PATTERN,
        title: 'Identifiant @ctes',
        description:
          'Identifiant de l’acte attribué par @ctes, tel que la préfecture le renvoie (« 092-219200714-20230323-2023_03_01-DE », « 013-211300017-20150629lmc168449-DE-1-1 », « 075-287500078-20150708-2015-294-DE », « 013-211300074-20220106-AR-2022-02-AR-1-1 ») : le numéro de l’acte y compte 1 à 15 caractères (lettres sans accent, chiffres, « _ », et des tirets simples entre ses parties).',
      }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Caractère exécutoire',
    description: 'Transmission en préfecture et publication de la délibération.',
  },
);

export const DeliberationSchema = Type.Object(
  {
    numero: Type.Optional(
      Text({
        title: 'Numéro de l’acte',
        description:
          'Numéro de l’acte tel que la collectivité l’écrit (« 2019/18 », « DL.2015-306 », « II - 3 », « DE_2016_021 »), unique dans la collectivité, entre guillemets. Pour @ctes, il est repris en majuscules, chaque suite d’autres caractères que A-Z et 0-9 devenant « _ », sauf si numero_ctes est donné. Facultatif pour un projet.',
      }),
    ),
    numero_ctes: Type.Optional(
      Type.String({
        pattern: '^[A-Z0-9_]{1,15}$',
        title: 'Numéro @ctes',
        description:
          'Numéro de l’acte pour @ctes, quand il diffère du numéro imprimé : 1 à 15 caractères parmi A-Z, 0-9 et « _ ». Vérifié seulement avec --ctes.',
      }),
    ),
    visas: Type.Optional(
      Type.Array(Text({ title: 'Visa', description: 'Texte qui suit « Vu » (sans « Vu »).' }), {
        title: 'Visas',
        description: 'Textes visés, chacun écrit sans le « Vu » initial, ajouté à la mise en page.',
      }),
    ),
    considerants: Type.Optional(
      Type.Array(
        Text({ title: 'Considérant', description: 'Texte qui suit « Considérant » (sans « Considérant »).' }),
        {
          title: 'Considérants',
          description: 'Motifs, chacun écrit sans le « Considérant » initial, ajouté à la mise en page.',
        },
      ),
    ),
    direction: Type.Optional(
      Text({
        title: 'Direction',
        description:
          'Direction ou service à l’origine de l’acte, imprimé en tête tel qu’écrit (« Direction des finances – Service du budget »).',
      }),
    ),
    expose: Type.Optional(
      RichText({
        title: 'Exposé',
        description:
          'Exposé imprimé dans la délibération, après l’objet et avant les visas (« Mes chers collègues, … »).',
      }),
    ),
    avant_decision: Type.Optional(
      RichText({
        title: 'Avant la décision',
        description:
          'Texte entre les considérants et le dispositif (« Entendu l’exposé du rapporteur, », « La commission des finances consultée, »).',
      }),
    ),
    apres_articles: Type.Optional(
      RichText({
        title: 'Après les articles',
        description: 'Texte imprimé après le dernier article, avant le résultat du vote.',
      }),
    ),
    premiere_page: Type.Optional(PremierePage('de la délibération')),
    articles: Type.Array(RichText({ title: 'Article', description: 'Dispositif d’un article.' }), {
      title: 'Articles',
      description:
        'Articles du dispositif, numérotés automatiquement (« Article 1er », « Article 2 »…). « [] » : aucun article (un « prend acte » dit sa décision par son verbe ; la transcription d’un acte coupé avant son dispositif) : rien n’est imprimé à leur place, et « delib validate » le signale pour un acte qui n’est pas un « prend acte » (rule.dispositif).',
    }),
    presences: Type.Optional(
      redescribed(
        PresencesSchema,
        'Présences lors du vote de ce point, si elles diffèrent de celles de la séance.',
      ),
    ),
    vote: Type.Optional(VoteSchema),
    votes_nominatifs: VotesNominatifs('Pour cette délibération, à la place de celle de la séance.'),
    transmission: Type.Optional(TransmissionSchema),
  },
  {
    additionalProperties: false,
    title: 'Délibération',
    description: 'Projet ou texte adopté de la délibération.',
  },
);

/** One of several people signing for the same party (« le Président et le Trésorier »). */
export const SignataireSchema = Type.Object(
  {
    nom: Nom('Prénom et nom du signataire (« Mme Odile Vasseur »).'),
    qualite: Type.Optional(
      Text({ title: 'Qualité', description: 'Qualité du signataire (« Présidente », « Trésorier »).' }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Signataire',
    description: 'Une des personnes qui signent pour la partie.',
  },
);

/** The délibération that empowers a party's signatory (« dûment habilité par délibération n° … du … »). */
export const HabilitationSchema = Type.Object(
  {
    instance: Type.Optional(
      Text({
        title: 'Instance',
        description:
          'Instance qui a délibéré, telle qu’elle s’écrit après « délibération du » (« conseil municipal »).',
      }),
    ),
    numero: Type.Optional(
      Text({ title: 'Numéro', description: 'Numéro de la délibération (« 2025/041 »).' }, { maxLength: 60 }),
    ),
    date: Type.Optional(DateText({ title: 'Date', description: 'Date de la délibération.' })),
  },
  {
    additionalProperties: false,
    title: 'Habilitation',
    description:
      'Délibération qui habilite le signataire (formule « habilitation ») ; un numéro ou une date absents restent en pointillés si la convention est « a_remplir », sinon disparaissent.',
  },
);

export const PartieSchema = Type.Object(
  {
    nom: Nom('Nom de la partie (« Métropole du Grand Paris »).'),
    adresse: Type.Optional(Text({ title: 'Adresse', description: 'Adresse du siège de la partie.' })),
    siret: Type.Optional(
      Type.String({
        pattern: '^\\d{14}$',
        title: 'SIRET',
        description: '14 chiffres sans espace, entre guillemets.',
      }),
    ),
    representant: Type.Optional(
      Text({
        title: 'Représentant',
        description: 'Prénom et nom du signataire pour cette partie (ou plusieurs sous « signataires »).',
      }),
    ),
    signataires: Type.Optional(
      Type.Array(SignataireSchema, {
        minItems: 1,
        title: 'Signataires',
        description:
          'Plusieurs signataires pour cette partie, à la place de « representant » et « qualite » : chacun signe dans sa colonne.',
      }),
    ),
    habilitation: Type.Optional(HabilitationSchema),
    formule: Type.Optional(
      Text({
        title: 'Formule de la partie',
        description:
          'Phrase de cette partie seulement, à la place de la formule « partie » de la collectivité (mêmes valeurs : {nom}, {represente}, {representant}, {qualite}, {habilitation}, {mandat}, {ci_apres}, {adresse}, {siret}, {e}).',
      }),
    ),
    qualite: Type.Optional(
      Text({ title: 'Qualité', description: 'Qualité du signataire (« Maire », « Président »).' }),
    ),
    mandat: Type.Optional(
      Text({
        title: 'Mandat',
        description: 'Habilitation du signataire (« agissant en vertu de la délibération du … »).',
      }),
    ),
    genre: Type.Optional(
      StringEnum(['f', 'm'] as const, {
        title: 'Genre',
        description:
          'Genre grammatical de la partie, pour l’accord (« représentée », « dénommée ») : f ou m. Par défaut, l’article ou le premier nom de la dénomination (« la Commune », « le Département », « l’Établissement »), sinon le premier nom de la partie (« Syndicat mixte … », « Région … », « SIVU … »), sinon masculin.',
      }),
    ),
    nombre: Type.Optional(
      StringEnum(['singulier', 'pluriel'] as const, {
        title: 'Nombre',
        description:
          'Nombre grammatical de la partie, pour l’accord (« représentés », « dénommés » : {s} des formules) : singulier ou pluriel. Par défaut, pluriel quand la dénomination ou le nom commence par « Les » (« Les Amis du Moulin »), sinon singulier.',
      }),
    ),
    denomination: Type.Optional(
      Text({
        title: 'Dénomination',
        description: 'Nom court utilisé dans la convention (« ci-après dénommée … »).',
      }),
    ),
  },
  { additionalProperties: false, title: 'Partie', description: 'Partie signataire de la convention.' },
);

/** A numbered sub-article (« 1.1 », « 1.2 ») of a convention's article. */
export const SousArticleSchema = Type.Object(
  {
    titre: Type.Optional(
      Text({ title: 'Titre', description: 'Titre du sous-article (« Durée initiale »).' }),
    ),
    texte: RichText({ title: 'Texte', description: 'Texte du sous-article.' }),
  },
  {
    additionalProperties: false,
    title: 'Sous-article',
    description: 'Sous-article numéroté d’après son article (« 2.1 », « 2.2 » ; formule « sous_article »).',
  },
);

export const ArticleConventionSchema = Type.Object(
  {
    titre: Type.Optional(Text({ title: 'Titre', description: 'Titre de l’article (« Objet », « Durée »).' })),
    texte: Type.Optional(
      RichText({ title: 'Texte', description: 'Texte de l’article (avant ses sous-articles s’il en a).' }),
    ),
    sous_articles: Type.Optional(
      Type.Array(SousArticleSchema, {
        minItems: 1,
        title: 'Sous-articles',
        description: 'Sous-articles numérotés « 1.1 », « 1.2 »… après le texte de l’article.',
      }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Article',
    description:
      'Article de la convention, numéroté automatiquement : un texte, des sous-articles, ou les deux.',
  },
);

/** A TITRE heading above the articles that follow it (their numbering goes on across titres). */
export const DivisionConventionSchema = Type.Object(
  {
    division: Text({
      title: 'Titre de la division',
      description: 'Intitulé du TITRE qui regroupe les articles suivants (« Dispositions générales »).',
    }),
    numero: Type.Optional(
      Text(
        {
          title: 'Numéro',
          description: 'Numéro du titre tel qu’il s’imprime (« I », « 2 ») ; par défaut son rang.',
        },
        { maxLength: 20 },
      ),
    ),
  },
  {
    additionalProperties: false,
    title: 'Titre (division)',
    description:
      'Division de la convention (« TITRE I – Dispositions générales », formule « titre_division ») placée parmi les articles, avant ceux qu’elle regroupe.',
  },
);

/** A chapitre heading inside a TITRE (or alone), above the articles that follow it. */
export const ChapitreConventionSchema = Type.Object(
  {
    chapitre: Text({
      title: 'Titre du chapitre',
      description: 'Intitulé du chapitre qui regroupe les articles suivants (« Objet et durée »).',
    }),
    numero: Type.Optional(
      Text(
        {
          title: 'Numéro',
          description:
            'Numéro du chapitre tel qu’il s’imprime (« 1 », « II ») ; par défaut son rang dans son TITRE (ou dans la convention sans TITRE).',
        },
        { maxLength: 20 },
      ),
    ),
  },
  {
    additionalProperties: false,
    title: 'Chapitre',
    description:
      'Chapitre de la convention (« Chapitre 1 – Objet et durée », formule « chapitre_division ») placé parmi les articles, sous le TITRE qui le précède, avant les articles qu’il regroupe.',
  },
);

/** A convention's own annex: listed at its end, and joined as a file when one is given. */
export const AnnexeDeConventionSchema = Type.Object(
  {
    titre: Text(
      { title: 'Titre', description: 'Intitulé de l’annexe (« Budget prévisionnel »).' },
      { maxLength: 250 },
    ),
    numero: Type.Optional(
      Text(
        { title: 'Numéro', description: 'Numéro affiché (« 2 », « 2 bis ») ; par défaut son rang.' },
        { maxLength: 20 },
      ),
    ),
    fichier: Type.Optional(
      Type.String({
        minLength: 1,
        pattern: '\\.(pdf|PDF|png|PNG|jpe?g|JPE?G)$',
        title: 'Fichier',
        description:
          'Fichier PDF, PNG ou JPEG de l’annexe, relatif au fichier de la séance et situé dans son dossier ; copié dans le dossier produit. Sans fichier, l’annexe est seulement listée.',
      }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Annexe de la convention',
    description: 'Annexe propre à la convention, listée à sa fin (formule « annexe_convention »).',
  },
);

export const ConventionSchema = Type.Object(
  {
    titre: Text({ title: 'Titre', description: 'Intitulé de la convention.' }),
    sous_titre: Type.Optional(
      Text({ title: 'Sous-titre', description: 'Ligne sous le titre (« Années 2025 – 2027 »).' }),
    ),
    parties: Type.Array(PartieSchema, {
      title: 'Parties',
      description: 'Parties à la convention, au moins deux, chacune avec son signataire.',
    }),
    denomination_parties: Type.Optional(
      Text({
        title: 'Dénomination des parties',
        description:
          'Nom donné à l’ensemble des parties (« les Parties »), imprimé par la formule « ensemble ».',
      }),
    ),
    partenaires: Type.Optional(
      Type.Array(Text({ title: 'Partenaire', description: 'Nom du partenaire, tel qu’il s’imprime.' }), {
        minItems: 1,
        title: 'Partenaires',
        description:
          'Partenaires nommés qui ne signent pas (formule « partenaires » : « En partenariat avec … »).',
      }),
    ),
    visas: Type.Optional(
      Type.Array(Text({ title: 'Visa', description: 'Texte qui suit « Vu » (sans « Vu »).' }), {
        title: 'Visas',
        description: 'Textes visés par la convention.',
      }),
    ),
    expose: Type.Optional(
      RichText({
        title: 'Exposé',
        description:
          'Exposé des parties, sous la formule « exposent » (« EXPOSENT », « IL A ÉTÉ EXPOSÉ CE QUI SUIT : »).',
      }),
    ),
    preambule: Type.Optional(RichText({ title: 'Préambule', description: 'Préambule de la convention.' })),
    place_preambule: Type.Optional(
      StringEnum(['avant_parties', 'apres_parties', 'apres_convenu'] as const, {
        title: 'Place du préambule',
        description:
          'Où s’imprime le préambule (et l’exposé) : avant_parties (sous le titre), apres_parties (par défaut, avant « Il a été convenu ce qui suit : ») ou apres_convenu (après cette formule, avant les articles).',
      }),
    ),
    articles: Type.Array(
      Type.Union([ArticleConventionSchema, DivisionConventionSchema, ChapitreConventionSchema], {
        title: 'Article, titre ou chapitre',
        description:
          'Un article, un titre (« division: … ») ou un chapitre (« chapitre: … ») qui regroupe les articles suivants.',
      }),
      {
        title: 'Articles',
        description:
          'Articles de la convention, numérotés à la suite ; un élément « division: … » ouvre un TITRE, un élément « chapitre: … » un chapitre de ce TITRE, qui regroupent les articles suivants. « [] » : aucun article (la transcription d’une convention coupée avant ses articles) : rien n’est imprimé à leur place, et « delib validate » le signale (rule.dispositif).',
      },
    ),
    annexes: Type.Optional(
      Type.Array(AnnexeDeConventionSchema, {
        minItems: 1,
        title: 'Annexes de la convention',
        description: 'Annexes propres à la convention, listées à sa fin ; un fichier donné est joint.',
      }),
    ),
    fait_a: Type.Optional(Text({ title: 'Fait à', description: 'Lieu de signature (« Sceaux »).' })),
    date: Type.Optional(
      DateText({ title: 'Date de signature', description: 'Date de signature, si elle est connue.' }),
    ),
    exemplaires: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000,
        title: 'Exemplaires',
        description: 'Nombre d’exemplaires originaux.',
      }),
    ),
    signatures: Type.Optional(
      Type.Literal(false, {
        title: 'Signatures',
        description:
          'false : aucun bloc de signature à la fin de la convention (ni champ de signature dans le PDF) : une convention transcrite d’une source coupée avant ses signatures, ou signée sur un autre exemplaire ; sans lui, un bloc par signataire de chaque partie.',
      }),
    ),
    formules_page: Type.Optional(FormulesPageSchema),
    premiere_page: Type.Optional(PremierePage('de la convention')),
    a_remplir: Type.Optional(
      Type.Literal(true, {
        title: 'À remplir à la main',
        description:
          'true pour imprimer « Fait à …, le …, en … exemplaires originaux » avec des pointillés à la place du lieu, de la date ou du nombre d’exemplaires inconnus (convention à signer) ; sans lui, seul ce qui est donné est écrit.',
      }),
    ),
  },
  { additionalProperties: false, title: 'Convention', description: 'Convention annexée à la délibération.' },
);

export const AnnexeConventionSchema = Type.Object(
  { convention: ConventionSchema },
  {
    additionalProperties: false,
    title: 'Annexe convention',
    description: 'Convention rédigée dans la séance.',
  },
);

export const AnnexeFichierSchema = Type.Object(
  {
    fichier: Type.String({
      minLength: 1,
      pattern: '\\.(pdf|PDF|png|PNG|jpe?g|JPE?G)$',
      title: 'Fichier',
      description:
        'Chemin d’un fichier PDF, PNG ou JPEG, relatif au fichier de la séance et situé dans son dossier (« annexes/plan.pdf »).',
    }),
    titre: Text(
      { title: 'Titre', description: 'Intitulé de l’annexe (« Plan de situation »).' },
      { maxLength: 250 },
    ),
    numero: Type.Optional(
      Type.Union(
        [
          Type.Integer({ minimum: 1, title: 'Numéro', description: 'Numéro de l’annexe (« 2 »).' }),
          Text(
            { title: 'Numéro', description: 'Numéro de l’annexe en texte (« 2 bis »).' },
            { maxLength: 20 },
          ),
        ],
        {
          title: 'Numéro',
          description:
            'Numéro affiché de l’annexe (« 2 », « 2 bis ») ; par défaut son rang parmi les annexes du point.',
        },
      ),
    ),
  },
  {
    additionalProperties: false,
    title: 'Annexe fichier',
    description: 'Fichier joint au point (PDF, ou image PNG ou JPEG).',
  },
);

export const AnnexeSchema = Type.Union([AnnexeConventionSchema, AnnexeFichierSchema], {
  title: 'Annexe',
  description: 'Document annexé au point : une convention, ou un fichier (« fichier: annexes/plan.pdf »).',
});

// ---------------------------------------------------------------------------------------------
// The séance record (procès-verbal, CGCT L. 2121-15): what happened, all optional.

const Heure = (title: string, description: string) =>
  Type.String({ pattern: HEURE_PATTERN, title, description: `${description} HH:MM.` });

export const ArriveeSchema = Type.Object(
  {
    elu: MembreRef('Élu', 'Le membre qui arrive.'),
    heure: Type.Optional(Heure('Heure', 'Heure d’arrivée.')),
  },
  {
    additionalProperties: false,
    title: 'Arrivée',
    description: 'Un membre absent (ou représenté) qui rejoint la séance avant ce point.',
  },
);

export const DepartSchema = Type.Object(
  {
    elu: MembreRef('Élu', 'Le membre qui quitte la séance.'),
    heure: Type.Optional(Heure('Heure', 'Heure du départ.')),
    pouvoir_a: Type.Optional(MembreRef('Pouvoir à', 'Le membre présent à qui il donne pouvoir en partant.')),
    excuse: Type.Optional(
      Type.Boolean({
        title: 'Excusé',
        description:
          'true : sans pouvoir, le membre compte parmi les excusés des points suivants (« excusée pour les points 5 à 9 » : départ avant le point 5, arrivée avant le point 10), non parmi les absents. Avec « pouvoir_a » (« excusé, donne pouvoir à … »), il est représenté : son pouvoir vote pour lui ; le procès-verbal peut dire « excusé » (formule « pv_excuse », valeur {excuse} de « pv_depart »).',
      }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Départ',
    description: 'Un membre présent qui quitte la séance avant ce point (avec ou sans pouvoir).',
  },
);

export const InterventionSchema = Type.Object(
  {
    elu: MembreRef('Intervenant', 'Qui prend la parole.'),
    qualite: Type.Optional(
      Text({ title: 'Qualité', description: 'À quel titre (« au nom du groupe Val-Fleuri demain »).' }),
    ),
    resume: Type.Optional(RichText({ title: 'Résumé', description: 'Résumé de l’intervention.' })),
    verbatim: Type.Optional(
      RichText({ title: 'Verbatim', description: 'Texte intégral de l’intervention, tel que prononcé.' }),
    ),
  },
  { additionalProperties: false, title: 'Intervention', description: 'Une prise de parole sur le point.' },
);

export const AmendementSchema = Type.Object(
  {
    numero: Text({
      title: 'Numéro',
      description: 'Numéro de l’amendement (« 1 », « 12 bis »), entre guillemets.',
    }),
    groupe: Type.Optional(Text({ title: 'Groupe', description: 'Groupe qui dépose l’amendement.' })),
    auteur: Type.Optional(MembreRef('Auteur', 'L’élu qui dépose l’amendement.')),
    texte: RichText({ title: 'Texte', description: 'Texte de l’amendement.' }),
    vote: Type.Optional(VoteSchema),
  },
  {
    additionalProperties: false,
    title: 'Amendement',
    description: 'Amendement déposé sur le projet ; adopté ou rejeté selon son vote.',
  },
);

export const DemandeScrutinSchema = Type.Object(
  {
    scrutin: StringEnum(['public', 'secret'] as const, {
      title: 'Scrutin demandé',
      description: 'public ou secret (CGCT L. 2121-21).',
    }),
    par: Type.Optional(
      Type.Array(MembreRef('Demandeur', 'Un membre qui fait la demande.'), {
        title: 'Demandé par',
        description: 'Les membres qui demandent ce scrutin.',
      }),
    ),
    groupe: Type.Optional(Text({ title: 'Groupe', description: 'Groupe qui fait la demande.' })),
  },
  {
    additionalProperties: false,
    title: 'Demande de scrutin',
    description: 'Demande d’un scrutin public ou secret sur le point.',
  },
);

export const SuspensionSchema = Type.Object(
  {
    debut: Heure('Début', 'Heure de la suspension.'),
    reprise: Type.Optional(Heure('Reprise', 'Heure de reprise de la séance.')),
    motif: Type.Optional(Text({ title: 'Motif', description: 'Motif de la suspension.' })),
  },
  { additionalProperties: false, title: 'Suspension', description: 'Suspension de séance.' },
);

export const IncidentSchema = Type.Object(
  {
    heure: Type.Optional(Heure('Heure', 'Heure de l’incident.')),
    texte: RichText({ title: 'Texte', description: 'Ce qui s’est passé.' }),
  },
  { additionalProperties: false, title: 'Incident', description: 'Incident de séance.' },
);

/** Where a séance event not tied to a point happened: after the point of that number. */
const ApresPoint = Type.Optional(
  Type.Integer({
    minimum: 1,
    maximum: 100_000,
    title: 'Après le point',
    description:
      'Numéro du point après lequel c’est arrivé ; sans lui, le procès-verbal le place avant les points.',
  }),
);

export const SuspensionSeanceSchema = Type.Object(
  { ...SuspensionSchema.properties, apres_point: ApresPoint },
  {
    additionalProperties: false,
    title: 'Suspension',
    description: 'Suspension de séance hors de l’examen d’un point.',
  },
);

export const IncidentSeanceSchema = Type.Object(
  { ...IncidentSchema.properties, apres_point: ApresPoint },
  {
    additionalProperties: false,
    title: 'Incident',
    description: 'Incident de séance hors de l’examen d’un point.',
  },
);

const Liste = <T extends TSchema>(item: T, title: string, description: string) =>
  Type.Optional(Type.Array(item, { title, description }));

export const DeroulementPointSchema = Type.Object(
  {
    mentions: Type.Optional(
      Type.Object(
        {
          avant: Type.Optional(
            RichText({
              title: 'Avant les débats',
              description: 'Sous le titre du point, avant le rapporteur.',
            }),
          ),
          apres: Type.Optional(
            RichText({
              title: 'Après le vote',
              description: 'Après le vote et le renvoi à la délibération.',
            }),
          ),
        },
        {
          additionalProperties: false,
          title: 'Mentions du point',
          description:
            'Paragraphes du secrétariat imprimés tels quels dans le chapitre du point, au procès-verbal.',
        },
      ),
    ),
    ajoute: Type.Optional(
      Type.Boolean({
        title: 'Ajouté',
        description: 'true si le point a été ajouté à l’ordre du jour en séance.',
      }),
    ),
    retire: Type.Optional(
      Type.Boolean({
        title: 'Retiré (ancienne écriture)',
        description:
          'Ancienne écriture de « statut: retire » sous le point, encore acceptée avec un avertissement : écrivez plutôt « statut: retire ».',
        deprecated: true,
      }),
    ),
    motif_retrait: Type.Optional(
      Text({
        title: 'Motif du retrait',
        description: 'Pourquoi le point est retiré (avec « statut: retire » sous le point).',
      }),
    ),
    arrivees: Liste(ArriveeSchema, 'Arrivées', 'Membres arrivés avant l’examen de ce point.'),
    departs: Liste(DepartSchema, 'Départs', 'Membres partis avant l’examen de ce point.'),
    presentation: Type.Optional(
      RichText({ title: 'Présentation', description: 'Résumé de la présentation du rapporteur.' }),
    ),
    interventions: Liste(InterventionSchema, 'Interventions', 'Prises de parole, dans l’ordre.'),
    amendements: Liste(AmendementSchema, 'Amendements', 'Amendements déposés, dans l’ordre de leur vote.'),
    demandes_scrutin: Liste(
      DemandeScrutinSchema,
      'Demandes de scrutin',
      'Demandes de scrutin public ou secret.',
    ),
    suspensions: Liste(SuspensionSchema, 'Suspensions', 'Suspensions de séance pendant ce point.'),
    incidents: Liste(IncidentSchema, 'Incidents', 'Incidents pendant ce point.'),
  },
  {
    additionalProperties: false,
    title: 'Déroulement du point',
    description: 'Ce qui s’est passé en séance sur ce point, pour le procès-verbal.',
  },
);

export const CorrectionSchema = Type.Object(
  {
    par: Type.Optional(MembreRef('Demandée par', 'Le membre qui demande la correction.')),
    texte: RichText({ title: 'Texte', description: 'La correction demandée.' }),
  },
  { additionalProperties: false, title: 'Correction', description: 'Correction demandée au procès-verbal.' },
);

export const ApprobationPvSchema = Type.Object(
  {
    date: Type.Optional(
      DateText({
        title: 'Date',
        description:
          'Date de la séance dont le procès-verbal est approuvé ; sans elle, la phrase ne la cite pas (les crochets de la formule « pv_approbation »).',
      }),
    ),
    vote: Type.Optional(VoteSchema),
    point: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        title: 'Point',
        description:
          'Numéro du point de l’ordre du jour où le procès-verbal précédent est approuvé (« 1. Approbation du procès-verbal ») : le procès-verbal imprime l’approbation dans le chapitre de ce point ; sans lui, avant ou après l’ordre du jour (« position_approbation_pv »).',
      }),
    ),
    corrections: Liste(CorrectionSchema, 'Corrections', 'Corrections demandées avant l’approbation.'),
  },
  {
    additionalProperties: false,
    title: 'Procès-verbal précédent',
    description: 'Approbation du procès-verbal de la séance précédente.',
  },
);

export const DecisionDelegationSchema = Type.Object(
  {
    numero: Type.Optional(Text({ title: 'Numéro', description: 'Numéro de la décision.' })),
    date: Type.Optional(DateText({ title: 'Date', description: 'Date de la décision.' })),
    objet: Text({ title: 'Objet', description: 'Objet de la décision.' }),
  },
  {
    additionalProperties: false,
    title: 'Décision',
    description: 'Décision prise par délégation de l’assemblée (CGCT L. 2122-22 et L. 2122-23).',
  },
);

export const CommunicationSchema = Type.Object(
  {
    objet: Text({ title: 'Objet', description: 'Objet de la communication.' }),
    texte: Type.Optional(RichText({ title: 'Texte', description: 'Résumé de la communication.' })),
  },
  { additionalProperties: false, title: 'Communication', description: 'Communication du président.' },
);

export const QuestionOraleSchema = Type.Object(
  {
    auteur: MembreRef('Auteur', 'Le membre qui pose la question.'),
    groupe: Type.Optional(Text({ title: 'Groupe', description: 'Au nom de quel groupe.' })),
    question: RichText({ title: 'Question', description: 'La question posée.' }),
    repondant: Type.Optional(MembreRef('Répondant', 'Le membre qui répond.')),
    reponse: Type.Optional(RichText({ title: 'Réponse', description: 'La réponse apportée.' })),
  },
  { additionalProperties: false, title: 'Question orale', description: 'Question orale (CGCT L. 2121-19).' },
);

// The PV's own parts and annexes, and the range of the séance's act numbers (v18, session 7).
export const PartiePvSchema = Type.Object(
  {
    titre: Text(
      {
        title: 'Intitulé',
        description:
          'Intertitre de la partie, tel que le secrétariat l’écrit (« Désignation d’un secrétaire de séance », « Hommage aux victimes… »).',
      },
      { maxLength: 499, pattern: '^[^\\n\\r]*$' },
    ),
    texte: Type.Optional(
      RichText({ title: 'Texte', description: 'Ce que le procès-verbal écrit sous l’intertitre.' }),
    ),
    interventions: Liste(
      InterventionSchema,
      'Interventions',
      'Prises de parole, dans l’ordre, sous l’intertitre.',
    ),
    apres_point: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        title: 'Après le point',
        description: 'Numéro du point après le chapitre duquel la partie vient ; sans lui, avant les points.',
      }),
    ),
    suite_de: Type.Optional(
      Type.Union(
        [
          Type.Integer({
            minimum: 1,
            maximum: 100_000,
            title: 'Numéro du point continué',
            description: 'Le numéro du point dont cette partie est la suite.',
          }),
          Type.String({
            minLength: 1,
            maxLength: 499,
            pattern: '^[^\\n\\r]*$',
            title: 'Intitulé de la partie continuée',
            description:
              'L’intitulé exact (« titre ») d’une partie précédente de la liste dont celle-ci est la suite.',
          }),
        ],
        {
          title: 'Suite de',
          description:
            'Cette partie continue un point (son numéro) ou une partie précédente de la liste (son intitulé exact) : un débat qui reprend plus loin. Elle s’imprime à sa place, sous son propre intertitre, sans entrée au sommaire : l’entrée du point ou de la partie qu’elle continue donne ses deux pages (« p. 10, 89 », séparées par « pv_sommaire_pages_separateur »).',
        },
      ),
    ),
  },
  {
    additionalProperties: false,
    title: 'Partie du procès-verbal',
    description:
      'Partie du procès-verbal qui n’est pas un point (présidence, appel nominal, pouvoirs, hommage), sous son intertitre, listée au sommaire avec sa page (formule « pv_sommaire_partie »).',
  },
);

const PartieAnnexePvSchema = Type.Object(
  {
    titre: Text({
      title: 'Intitulé',
      description: 'Intitulé de la partie de l’annexe (« Amendements du groupe X »).',
    }),
    texte: Type.Optional(RichText({ title: 'Texte', description: 'Texte de cette partie.' })),
  },
  {
    additionalProperties: false,
    title: 'Partie d’annexe',
    description: 'Partie d’une annexe du procès-verbal, listée au sommaire avec sa page.',
  },
);

export const AnnexePvSchema = Type.Object(
  {
    titre: Text({
      title: 'Intitulé',
      description: 'Intitulé de l’annexe (« Documents projetés en séance »).',
    }),
    numero: Type.Optional(
      Text(
        { title: 'Numéro', description: 'Numéro affiché de l’annexe (« 2 bis ») ; par défaut son rang.' },
        { maxLength: 20 },
      ),
    ),
    texte: Type.Optional(
      RichText({ title: 'Texte', description: 'Texte de l’annexe, imprimé à la fin du procès-verbal.' }),
    ),
    parties: Type.Optional(
      Type.Array(PartieAnnexePvSchema, {
        minItems: 1,
        title: 'Parties',
        description: 'Parties de l’annexe, chacune sous son intitulé et listée au sommaire avec sa page.',
      }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Annexe du procès-verbal',
    description:
      'Annexe du procès-verbal lui-même, imprimée après les signatures sous son titre (formule « pv_annexe ») et listée au sommaire avec sa page.',
  },
);

export const PlageActesSchema = Type.Object(
  {
    premier: Text(
      { title: 'Premier acte', description: 'Numéro du premier acte de la séance (« 2021/1018 »).' },
      { maxLength: 60 },
    ),
    dernier: Text(
      { title: 'Dernier acte', description: 'Numéro du dernier acte de la séance (« 2021/1183 »).' },
      { maxLength: 60 },
    ),
  },
  {
    additionalProperties: false,
    title: 'Numéros des actes',
    description:
      'Premier et dernier numéros des actes de la séance, quand le fichier ne les porte pas tous (« {actes} » des formules) ; sans elle, ils se lisent dans les numéros des délibérations des points.',
  },
);

export const DeroulementSeanceSchema = Type.Object(
  {
    ouverture: Type.Optional(Heure('Ouverture', 'Heure à laquelle la séance est ouverte.')),
    cloture: Type.Optional(Heure('Clôture', 'Heure à laquelle la séance est levée.')),
    appel: Type.Optional(
      Type.Boolean({ title: 'Appel', description: 'true si l’appel nominal des membres a été fait.' }),
    ),
    election_secretaire: Type.Optional(
      Type.Object(
        { vote: Type.Optional(VoteSchema) },
        {
          additionalProperties: false,
          title: 'Désignation du secrétaire',
          description: 'Désignation du secrétaire de séance (CGCT L. 2121-15), avec son vote.',
        },
      ),
    ),
    pv_precedent: Type.Optional(ApprobationPvSchema),
    sommaire: Type.Optional(
      Type.Boolean({
        title: 'Sommaire',
        description:
          'true : le procès-verbal de cette séance s’ouvre sur un sommaire des points avec leurs pages ; false : sans sommaire ; absent : « collectivite.sommaire_pv ».',
      }),
    ),
    signatures: Type.Optional(
      Type.Boolean({
        title: 'Signatures',
        description:
          'false : le procès-verbal de cette séance s’imprime sans le bloc des signatures ; true : avec ; absent : « collectivite.signatures_pv ».',
      }),
    ),
    dispositif: Type.Optional(
      StringEnum(['aucun', 'decision', 'complet'] as const, {
        title: 'Dispositif des actes',
        description:
          'Pour le procès-verbal de cette séance, ce qu’il imprime de chaque acte adopté (voir « collectivite.dispositif_pv », qu’il remplace) : aucun, decision ou complet.',
      }),
    ),
    mentions: Type.Optional(
      Type.Object(
        {
          debut: Type.Optional(
            RichText({
              title: 'Au début',
              description: 'Après le titre (et le sommaire), avant la réunion.',
            }),
          ),
          apres_presences: Type.Optional(
            RichText({ title: 'Après les présences', description: 'Après les présences et le quorum.' }),
          ),
          avant_ordre_du_jour: Type.Optional(
            RichText({ title: 'Avant l’ordre du jour', description: 'Juste avant la liste des points.' }),
          ),
          fin: Type.Optional(
            RichText({ title: 'À la fin', description: 'Après la clôture, avant les signatures.' }),
          ),
        },
        {
          additionalProperties: false,
          title: 'Mentions du procès-verbal',
          description:
            'Paragraphes du secrétariat imprimés tels quels dans le procès-verbal, à leur place (« Les délibérations ont été publiées au recueil des actes administratifs n° 7. »).',
        },
      ),
    ),
    decisions_delegation: Liste(
      DecisionDelegationSchema,
      'Décisions prises par délégation',
      'Décisions dont le président rend compte (CGCT L. 2122-22 et L. 2122-23).',
    ),
    communications: Liste(CommunicationSchema, 'Communications', 'Communications du président.'),
    parties: Liste(
      PartiePvSchema,
      'Parties du procès-verbal',
      'Parties du procès-verbal qui ne sont pas des points, chacune sous son intertitre, dans l’ordre de la séance : avant les points, ou après celui que nomme « apres_point ».',
    ),
    annexes: Liste(
      AnnexePvSchema,
      'Annexes du procès-verbal',
      'Annexes du procès-verbal, après les signatures, listées au sommaire.',
    ),
    actes: Type.Optional(PlageActesSchema),
    questions_orales: Liste(QuestionOraleSchema, 'Questions orales', 'Questions orales, après les points.'),
    suspensions: Liste(
      SuspensionSeanceSchema,
      'Suspensions',
      'Suspensions de séance hors de l’examen d’un point, à leur place (« apres_point »).',
    ),
    incidents: Liste(
      IncidentSeanceSchema,
      'Incidents',
      'Incidents de séance hors de l’examen d’un point, à leur place (« apres_point »).',
    ),
    arrete_le: Type.Optional(
      DateText({
        title: 'Arrêté le',
        description:
          'Date de la séance où ce procès-verbal a été arrêté (« Procès-verbal arrêté en séance du … »).',
      }),
    ),
  },
  {
    additionalProperties: false,
    title: 'Déroulement de la séance',
    description:
      'Ce qui s’est passé en séance, pour le procès-verbal (CGCT L. 2121-15) : tout est facultatif, rien n’est inventé.',
  },
);

export const PointSchema = Type.Object(
  {
    numero: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      title: 'Numéro',
      description: 'Numéro du point à l’ordre du jour, unique.',
    }),
    objet: Text(
      {
        title: 'Objet',
        description: 'Objet du point, sur une ligne, 499 caractères au plus (limite @ctes).',
      },
      { maxLength: 499, pattern: '^[^\\n\\r]*$' },
    ),
    objet_ordre_du_jour: Type.Optional(
      Text(
        {
          title: 'Objet à l’ordre du jour',
          description:
            'Intitulé du point tel que l’ordre du jour l’écrit (convocation, ordre du jour, liste des points du procès-verbal), quand il diffère de l’objet de l’acte ; par défaut « objet ».',
        },
        { maxLength: 499, pattern: '^[^\\n\\r]*$' },
      ),
    ),
    sous_points: Type.Optional(
      Type.Array(
        Text(
          {
            title: 'Sous-point',
            description: 'Un sous-point, tel qu’écrit, sans sa lettre (formule « sous_point »).',
          },
          { maxLength: 499, pattern: '^[^\\n\\r]*$' },
        ),
        {
          minItems: 1,
          title: 'Sous-points',
          description:
            'Les sous-points de ce point à l’ordre du jour (« a) … », « b) … »), imprimés sous lui dans la convocation, l’ordre du jour et la liste des points du procès-verbal, chacun par la formule « sous_point » ; sans eux, aucun.',
        },
      ),
    ),
    objet_pv: Type.Optional(
      Text(
        {
          title: 'Objet dans le procès-verbal',
          description:
            'Intitulé du point en tête de son chapitre du procès-verbal (formule « pv_point »), quand il diffère de l’objet de l’acte ; par défaut « objet ».',
        },
        { maxLength: 499, pattern: '^[^\\n\\r]*$' },
      ),
    ),
    suite_sommaire: Type.Optional(
      Text(
        {
          title: 'Suite au sommaire',
          description:
            'Texte ajouté à l’entrée du point dans le sommaire du procès-verbal (« {suite} » de la formule « pv_sommaire_point » : « Présentation et vote des amendements »).',
        },
        { maxLength: 499, pattern: '^[^\\n\\r]*$' },
      ),
    ),
    numero_affiche: Type.Optional(
      Text(
        {
          title: 'Numéro affiché',
          description:
            'Numéro du point tel que la collectivité l’écrit à l’ordre du jour (« 1-1 », « IV », « 2 bis ») ; par défaut « numero ».',
        },
        { maxLength: 20 },
      ),
    ),
    section: Type.Optional(
      Text({
        title: 'Section',
        description:
          'Rubrique de l’ordre du jour (« I – FINANCES », « Commission des affaires scolaires »), imprimée en intertitre avant le premier point d’une suite de points de la même rubrique.',
      }),
    ),
    rapporteur: Type.Optional(MembreRef('Rapporteur', 'L’élu qui présente le point.')),
    statut: Type.Optional(
      StringEnum(STATUTS, {
        title: 'Statut',
        description:
          'Où en est le point. Sans statut, il se déduit des données : un vote enregistré fait une délibération adoptée, sinon c’est un projet. projet ou adopte l’imposent (adopte fait vérifier ce qu’il manque à l’acte) ; retire (retiré de l’ordre du jour), ajourne (ajourné) et prend_acte (l’assemblée prend acte, sans vote) sont des issues sans vote.',
      }),
    ),
    matiere: Type.Optional(MatiereSchema),
    note: Type.Optional(NoteSchema),
    deliberation: Type.Optional(DeliberationSchema),
    annexes: Type.Optional(
      Type.Array(AnnexeSchema, {
        title: 'Annexes',
        description: 'Documents annexés (conventions, fichiers).',
      }),
    ),
    deroulement: Type.Optional(DeroulementPointSchema),
  },
  { additionalProperties: false, title: 'Point', description: 'Point inscrit à l’ordre du jour.' },
);

export const InclusionSchema = Type.Object(
  {
    inclure: Type.String({
      minLength: 1,
      pattern: '\\.ya?ml$',
      title: 'Inclure',
      description:
        'Chemin d’un fichier YAML contenant un point, relatif au fichier de la séance et situé dans son dossier (« points/02-budget.yaml »).',
    }),
  },
  {
    additionalProperties: false,
    title: 'Point dans un autre fichier',
    description: 'Point écrit dans son propre fichier.',
  },
);

const seanceProperties = {
  version: Type.Literal(1, { title: 'Version', description: 'Version du format de fichier : 1.' }),
  collectivite: CollectiviteSchema,
  instance: Text({ title: 'Instance', description: 'Assemblée délibérante (« Conseil municipal »).' }),
  genre_instance: Type.Optional(
    StringEnum(['f', 'm'] as const, {
      title: 'Genre de l’instance',
      description:
        'Genre du nom de l’instance, pour l’article et l’accord des formules (« la Commission permanente […] s’est réunie ») ; sans lui, il se déduit du premier mot (Commission, Assemblée, Conférence… au féminin ; sinon masculin).',
    }),
  ),
  elus: Type.Optional(
    Type.Array(EluSchema, {
      title: 'Élus',
      description:
        'Les membres de l’assemblée, déclarés une fois (clé, nom, civilité, qualité, groupe) : ailleurs, écrivez leur clé au lieu de leur nom.',
    }),
  ),
  seance: SeanceDetailsSchema,
  deroulement: Type.Optional(DeroulementSeanceSchema),
};

const pointsDoc = {
  title: 'Points',
  description: 'Points à l’ordre du jour, dans l’ordre.',
};

/** The séance once included points are resolved: what validation checks and later stages read. */
export const SeanceSchema = Type.Object(
  { ...seanceProperties, points: Type.Array(PointSchema, pointsDoc) },
  { additionalProperties: false, title: 'Séance', description: 'Une séance d’assemblée délibérante.' },
);

/** A séance file as written: a point may be `{inclure: "points/02.yaml"}`. Published as JSON Schema. */
export const SeanceFileSchema = Type.Object(
  {
    ...seanceProperties,
    points: Type.Array(
      Type.Union([PointSchema, InclusionSchema], {
        title: 'Point',
        description: 'Un point, ou « inclure: fichier.yaml ».',
      }),
      pointsDoc,
    ),
  },
  {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    additionalProperties: false,
    title: 'Séance (delib)',
    description:
      'Fichier de séance de delib : collectivité, séance, points à l’ordre du jour avec notes, délibérations et conventions.',
  },
);

export type Seance = Static<typeof SeanceSchema>;
export type SeanceFile = Static<typeof SeanceFileSchema>;
export type Elu = Static<typeof EluSchema>;
export type DeroulementSeance = Static<typeof DeroulementSeanceSchema>;
export type DeroulementPoint = Static<typeof DeroulementPointSchema>;
export type Amendement = Static<typeof AmendementSchema>;
export type Intervention = Static<typeof InterventionSchema>;
export type Scrutin = (typeof SCRUTINS)[number];
export type Collectivite = Static<typeof CollectiviteSchema>;
export type Polices = Static<typeof PolicesSchema>;
export type Nature = (typeof NATURES)[number];
export type Statut = (typeof STATUTS)[number];
export type SeanceDetails = Static<typeof SeanceDetailsSchema>;
export type JourSuivant = Static<typeof JourSuivantSchema>;
export type President = Static<typeof PresidentSchema>;
export type Presences = Static<typeof PresencesSchema>;
export type Secretaire = Static<typeof SecretaireSchema>;
export type Pouvoir = Static<typeof PouvoirSchema>;
export type Point = Static<typeof PointSchema>;
export type Matiere = Static<typeof MatiereSchema>;
export type Note = Static<typeof NoteSchema>;
export type Deliberation = Static<typeof DeliberationSchema>;
export type Vote = Static<typeof VoteSchema>;
export type VoteUnanime = Static<typeof VoteUnanimeSchema>;
export type VoteDetaille = Static<typeof VoteDetailleSchema>;
export type Transmission = Static<typeof TransmissionSchema>;
export type Annexe = Static<typeof AnnexeSchema>;
export type AnnexeFichier = Static<typeof AnnexeFichierSchema>;
export type Convention = Static<typeof ConventionSchema>;
export type Partie = Static<typeof PartieSchema>;
export type ArticleConvention = Static<typeof ArticleConventionSchema>;
export type DivisionConvention = Static<typeof DivisionConventionSchema>;
export type AnnexeDeConvention = Static<typeof AnnexeDeConventionSchema>;
export type Inclusion = Static<typeof InclusionSchema>;
