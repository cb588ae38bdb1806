/**
 * Small builders on top of TypeBox so that every property of the séance schema carries a French
 * `title` and `description` (editors show them on hover and completion).
 */
import { type TSchema, type TUnsafe, Type } from '@sinclair/typebox';

/** French documentation attached to a schema node. */
export interface Doc {
  readonly title: string;
  readonly description: string;
}

/**
 * A string restricted to a closed list, emitted as `{type: 'string', enum: […]}` (not an `anyOf`
 * of constants, which gives poor error messages).
 *
 * @example
 * const Nature = StringEnum(['commune', 'departement'], { title: 'Nature', description: '…' });
 */
export function StringEnum<const T extends readonly string[]>(values: T, doc: Doc): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...doc });
}

/**
 * A plain one-line or multi-line text: non-empty.
 *
 * @example
 * const Nom = Text({ title: 'Nom', description: 'Nom de la collectivité.' });
 */
export function Text(doc: Doc, extra: Record<string, unknown> = {}) {
  return Type.String({ minLength: 1, ...doc, ...extra });
}

/**
 * A rich text: the documented Markdown subset (paragraphs, emphasis, lists, tables, line breaks).
 *
 * @example
 * const Expose = RichText({ title: 'Exposé', description: 'Exposé des motifs.' });
 */
export function RichText(doc: Doc) {
  return Type.String({
    minLength: 1,
    ...doc,
    description: `${doc.description} Texte enrichi : paragraphes séparés par une ligne vide, *italique*, **gras**, listes « - », tableaux Markdown, retour à la ligne par « \\ » en fin de ligne.`,
  });
}

/**
 * A calendar date written AAAA-MM-JJ (YAML 1.2 keeps it as a string).
 *
 * @example
 * const Date = DateText({ title: 'Date', description: 'Date de la séance.' });
 */
export function DateText(doc: Doc) {
  return Type.String({ format: 'date', ...doc, description: `${doc.description} Format AAAA-MM-JJ.` });
}

/**
 * Marks a schema node as documented; a helper for nodes built with TypeBox directly.
 *
 * @example
 * const Objet = documented(Type.Object({}), { title: 'Objet', description: '…' });
 */
export function documented<T extends TSchema>(schema: T, doc: Doc): T {
  return { ...schema, ...doc };
}

/**
 * The same schema node with another description (its type stays `T`: a spread object literal
 * would carry TypeBox's symbol keys, which declaration files cannot name).
 *
 * @example
 * const Presences = redescribed(PresencesSchema, 'Présences lors du vote de ce point.');
 */
export function redescribed<T extends TSchema>(schema: T, description: string): T {
  return { ...schema, description };
}
