/**
 * The valid séance every hostile case starts from, and `edit` to break it in one place.
 * Line numbers quoted in the cases refer to this text (line 1 is `version: 1`).
 *
 * @example
 * edit(BASE, ['  secretaire: Paul Durand', '  secretaire: 12']) // line 17 becomes a number
 */
export const BASE = `version: 1
collectivite:
  nom: Ville d'Essai
  nature: commune
  siret: "21920071000016"
  adresse: 1 place de la Mairie, 92330 Essai
  departement: "92"
instance: Conseil municipal
seance:
  date: 2023-03-23
  heure: "19:30"
  lieu: salle du Conseil
  convocation: 2023-03-17
  president:
    nom: Anne Martin
    qualite: Maire
  secretaire: Paul Durand
  membres_en_exercice: 5
  presences:
    presents: 4
    representes: []
    absents: 1
points:
  - numero: 1
    objet: Subvention à l'association « Les Amis »
    rapporteur: Anne Martin
    note:
      expose: |
        Le conseil est invité à voter une subvention de 1 500 €.
      proposition: |
        Il est proposé d'attribuer la subvention.
    deliberation:
      numero: "2023_01"
      visas:
        - le Code général des collectivités territoriales
      considerants:
        - que l'association anime le quartier
      articles:
        - Attribue une subvention de 1 500 € à l'association.
      vote:
        pour: 3
        contre: 1
        abstentions: 0
    annexes:
      - convention:
          titre: Convention de partenariat
          parties:
            - nom: Ville d'Essai
              representant: Anne Martin
              qualite: Maire
            - nom: Association Les Amis
              representant: Jeanne Petit
              qualite: Présidente
          articles:
            - titre: Objet
              texte: La Ville verse une subvention.
          fait_a: Essai
          exemplaires: 2
`;

/**
 * Replaces each `[from, to]` once in `text`; throws when `from` is absent, so that a case can
 * never silently test the unbroken file.
 *
 * @example
 * edit('a: 1\n', ['a: 1', 'a: 2']) // 'a: 2\n'
 */
export function edit(text: string, ...changes: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [from, to] of changes) {
    const at = out.indexOf(from);
    if (at < 0) throw new Error(`edit: « ${from} » not found`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/** A point as it appears in BASE, numbered `n` (for séances with many points). */
export function point(n: number): string {
  return `  - numero: ${n}
    objet: Point ${n}
    rapporteur: Anne Martin
    note:
      expose: Exposé ${n}.
      proposition: Proposition ${n}.
`;
}
