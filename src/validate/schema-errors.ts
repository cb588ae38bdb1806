/**
 * ajv errors → located French diagnostics, each with a hint that says how to fix the file.
 */
import type { ErrorObject } from 'ajv';
import { type Diagnostic, type DiagnosticCode, diagnostic } from '../diagnostics.ts';
import { locate, pointerSegments, type SourceMap, sourceText } from '../load/source-map.ts';
import { ctesIdentifierHint } from '../schema/ctes-identifier.ts';
import { pruneAnyOf } from './anyof.ts';
import { closest } from './suggest.ts';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'un texte',
  integer: 'un nombre entier',
  number: 'un nombre',
  boolean: 'true ou false',
  object: 'un dictionnaire (lignes « clé: valeur »)',
  array: 'une liste (lignes « - … »)',
  null: 'vide',
};

/** Hints for `pattern` errors, by property name. */
const PATTERN_HINTS: Readonly<Record<string, string>> = {
  siret: 'Écrivez les 14 chiffres sans espace, entre guillemets : "21920071000016".',
  departement: 'Écrivez le numéro entre guillemets : "92", "2A", "974".',
  heure: 'Écrivez l’heure sur 24 heures avec deux-points, entre guillemets : "19:30".',
  code: 'Écrivez le code @ctes entre guillemets : "8.4", "7.10".',
  numero: 'De 1 à 15 caractères : majuscules sans accent, chiffres et « _ » (par exemple "2023_03_01").',
  objet:
    'L’objet tient sur une ligne : écrivez « objet: >- » puis le texte sur les lignes suivantes, indenté.',
  inclure: 'Donnez le chemin d’un fichier .yaml : « inclure: points/02-budget.yaml ».',
};

/**
 * The ISO date a clerk meant when typing « 12/12/2026 », « 5-3-2024 » or « 2024/06/27 », when it
 * exists; otherwise the general rule.
 */
export function dateHint(value: unknown): string {
  const text = String(value).trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  const [year, month, day] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (year && month && day) {
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const date = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso)) {
      return `Écrivez la date dans l’ordre année-mois-jour : ${iso}.`;
    }
    return `Le ${Number(day)}/${Number(month)}/${year} n’existe pas : vérifiez le jour et le mois, puis écrivez AAAA-MM-JJ.`;
  }
  return 'Écrivez l’année, le mois et le jour séparés par des tirets, par exemple 2024-06-27 ; vérifiez que le jour existe dans le mois.';
}

function patternHint(property: string, data: unknown, pattern: string): string {
  const digits = String(data).replace(/[\s.\u00A0\u202F]/g, '');
  if (property === 'identifiant') return ctesIdentifierHint(String(data));
  if (property === 'siret' && /^\d{14}$/.test(digits)) {
    return `Écrivez les 14 chiffres sans espace ni point, entre guillemets : "${digits}".`;
  }
  return PATTERN_HINTS[property] ?? `Format attendu : ${pattern}.`;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'vide';
  if (Array.isArray(value)) return 'une liste';
  if (typeof value === 'object') return 'un dictionnaire';
  if (typeof value === 'number') return Number.isInteger(value) ? 'un nombre entier' : 'un nombre';
  if (typeof value === 'boolean') return `le booléen ${value}`;
  return 'un texte';
}

/** « objet », « l’élément 2 de « visas » », « le document ». */
export function label(pointer: string): string {
  const segments = pointerSegments(pointer);
  const last = segments.at(-1);
  if (last === undefined) return 'le document';
  if (/^\d+$/.test(last)) {
    const parent = segments.at(-2) ?? '';
    if (parent === 'points' && segments.length === 2) return `le point en position ${Number(last) + 1}`;
    return `l’élément ${Number(last) + 1} de « ${parent} »`;
  }
  return `« ${last} »`;
}

function propertyName(pointer: string): string {
  return pointerSegments(pointer).findLast((s) => !/^\d+$/.test(s)) ?? '';
}

interface Schemaish {
  readonly title?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schemaish>>;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface Described {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint: string;
  /** Place the diagnostic on this key of the map at the instance path. */
  readonly key?: string;
}

function describeError(error: ErrorObject, sources: SourceMap): Described {
  const pointer = error.instancePath;
  const what = label(pointer);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as Schemaish;
  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      const property = parent.properties?.[name];
      const title = property?.title ? ` (${property.title})` : '';
      return {
        code: 'schema.required',
        message: `Il manque la propriété obligatoire « ${name} »${title} dans ${what}.`,
        hint: `Ajoutez « ${name}: … »${property?.description ? ` : ${property.description}` : '.'}`,
      };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      const guess = closest(name, allowed);
      return {
        code: 'schema.unknown-key',
        message: `Propriété inconnue « ${name} » dans ${what}.`,
        hint: guess
          ? `Vouliez-vous dire « ${guess} » ?`
          : `Propriétés permises ici : ${allowed.map((a) => `« ${a} »`).join(', ')}.`,
        key: name,
      };
    }
    case 'type': {
      const expected = String(params.type).split(',');
      const expectedText = expected.map((t) => TYPE_NAMES[t] ?? t).join(' ou ');
      const data = error.data;
      let hint = `Écrivez ${expectedText}.`;
      if (expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
        const raw = sourceText(sources, pointer) ?? String(data);
        hint = `Mettez la valeur entre guillemets : "${raw}".`;
      } else if (data === null) {
        hint = 'Écrivez une valeur après « : » (ou supprimez la ligne si la propriété est facultative).';
      } else if (expected.includes('integer') && typeof data === 'string' && /^\s*\d+\s*$/.test(data)) {
        hint = 'Retirez les guillemets : un nombre s’écrit sans guillemets.';
      } else if (expected.includes('array')) {
        hint = 'Écrivez une liste : un élément par ligne, précédé de « - ».';
      } else if (expected.includes('object')) {
        hint = 'Écrivez les lignes « clé: valeur » en dessous, indentées de deux espaces.';
      }
      return {
        code: 'schema.type',
        message: `${capitalize(what)} doit être ${expectedText}, pas ${describe(data)}.`,
        hint,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as readonly unknown[]).map(String);
      const guess = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      return {
        code: 'schema.enum',
        message: `${capitalize(what)} vaut « ${String(error.data)} » ; valeurs permises : ${allowed.join(', ')}.`,
        hint: guess
          ? `Vouliez-vous dire « ${guess} » ?`
          : 'Choisissez l’une des valeurs permises, en minuscules et sans accent.',
      };
    }
    case 'const': {
      const expected = JSON.stringify(params.allowedValue);
      return {
        code: 'schema.enum',
        message: `${capitalize(what)} doit valoir ${expected}.`,
        hint:
          propertyName(pointer) === 'unanimite'
            ? `${typeof error.data === 'string' ? `« ${error.data} » est un texte, pas un booléen : écrivez` : 'Écrivez'} « unanimite: true », ou remplacez-la par le décompte « pour », « contre », « abstentions ».`
            : `Écrivez ${expected}.`,
      };
    }
    case 'format':
      return {
        code: 'schema.format',
        message: `${capitalize(what)} doit être une date réelle au format AAAA-MM-JJ, pas « ${String(error.data)} ».`,
        hint: dateHint(error.data),
      };
    case 'pattern': {
      const typed = String(error.data).replace(/\s+/g, ' ').trim().slice(0, 60);
      return {
        code: 'schema.pattern',
        message:
          typed === ''
            ? `${capitalize(what)} est vide : écrivez la valeur au format attendu, ou retirez la ligne.`
            : `${capitalize(what)} n’a pas le format attendu (« ${typed} »).`,
        hint: patternHint(propertyName(pointer), error.data, String(params.pattern)),
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        code: 'schema.range',
        message: `${capitalize(what)} ${error.message ?? 'est hors limites'} (valeur : ${String(error.data)}).`,
        hint: 'Corrigez le nombre.',
      };
    case 'minLength':
      return {
        code: 'schema.length',
        message: `${capitalize(what)} est vide.`,
        hint: 'Écrivez un texte, ou supprimez la ligne si la propriété est facultative.',
      };
    case 'maxLength':
      return {
        code: 'schema.length',
        message: `${capitalize(what)} compte ${String(error.data).length} caractères, au-delà de ${String(params.limit)}.`,
        hint: 'Raccourcissez le texte (l’objet est limité à 499 caractères par @ctes).',
      };
    case 'minItems':
      return {
        code: 'schema.length',
        message: `${capitalize(what)} doit contenir au moins ${Number(params.limit) < 2 ? 'un élément' : `${String(params.limit)} éléments`}.`,
        hint: 'Ajoutez un élément : une ligne « - … ».',
      };
    default:
      return {
        code: 'schema.other',
        message: `${capitalize(what)} ${error.message ?? 'n’est pas conforme au schéma'}.`,
        hint: '',
      };
  }
}

/**
 * Turns the errors of the séance validator into diagnostics placed in the file (included point
 * files included). Errors inside points that could not be loaded are dropped: they are reported.
 *
 * @example
 * const diagnostics = schemaDiagnostics(schemaErrors(data), sources);
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], sources: SourceMap): Diagnostic[] {
  const skipped = sources.unresolvedPoints.map((i) => `/points/${i}`);
  const relevant = errors.filter(
    (e) => !skipped.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`)),
  );
  const pruned = pruneAnyOf(relevant);
  // « rapoteur » unknown and « rapporteur » missing in the same map: one mistake, one diagnostic.
  const misspelt = new Set(
    pruned.flatMap((e) => {
      if (e.keyword !== 'additionalProperties') return [];
      const allowed = Object.keys(((e.parentSchema ?? {}) as Schemaish).properties ?? {});
      const guess = closest(String(e.params.additionalProperty), allowed);
      return guess ? [`${e.instancePath}\u0000${guess}`] : [];
    }),
  );
  // « unanimite: oui » is both a text where a boolean is expected and not the one allowed value:
  // one mistake, said once, by the more precise error.
  const constrained = new Set(
    pruned.filter((e) => e.keyword === 'const' || e.keyword === 'enum').map((e) => e.instancePath),
  );
  const kept = pruned.filter(
    (e) =>
      !(
        e.keyword === 'required' && misspelt.has(`${e.instancePath}\u0000${String(e.params.missingProperty)}`)
      ) && !(e.keyword === 'type' && constrained.has(e.instancePath)),
  );
  return kept.map((error) => {
    const described = describeError(error, sources);
    const place = locate(
      sources,
      error.instancePath,
      described.key === undefined ? {} : { key: described.key },
    );
    return diagnostic(described.code, 'erreur', described.message, {
      ...place,
      path: error.instancePath,
      hint: described.hint,
    });
  });
}
