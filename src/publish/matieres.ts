/**
 * The classification of acts by matière used by @ctes and the SCDL (« 7.5 » → « Finances
 * locales/Subventions »). A séance may give its own label (`matiere.libelle`), which wins.
 *
 * @example
 * matiereNom('7.5') // 'Finances locales/Subventions'
 */

/** Level 1 of the classification. */
export const MATIERES_NIVEAU_1: Readonly<Record<string, string>> = {
  '1': 'Commande publique',
  '2': 'Urbanisme',
  '3': 'Domaine et patrimoine',
  '4': 'Fonction publique',
  '5': 'Institutions et vie politique',
  '6': 'Libertés publiques et pouvoirs de police',
  '7': 'Finances locales',
  '8': 'Domaines de compétences par thèmes',
  '9': 'Autres domaines',
};

/** Level 2 of the classification, as the nomenclature of the prefectures names it. */
export const MATIERES_NIVEAU_2: Readonly<Record<string, string>> = {
  '1.1': 'Marchés publics',
  '1.2': 'Délégation de service public',
  '1.3': 'Conventions de mandat',
  '1.4': 'Autres types de contrats',
  '1.5': 'Transactions / protocole d’accord transactionnel',
  '1.6': 'Maîtrise d’œuvre',
  '1.7': 'Actes spéciaux et divers',
  '2.1': 'Documents d’urbanisme',
  '2.2': 'Actes relatifs au droit d’occupation ou d’utilisation des sols',
  '2.3': 'Droit de préemption urbain',
  '3.1': 'Acquisitions',
  '3.2': 'Aliénations',
  '3.3': 'Locations',
  '3.4': 'Limites territoriales',
  '3.5': 'Actes de gestion du domaine public',
  '3.6': 'Actes de gestion du domaine privé',
  '4.1': 'Personnel titulaire et stagiaire de la fonction publique territoriale',
  '4.2': 'Personnel contractuel',
  '4.3': 'Fonction publique hospitalière',
  '4.4': 'Autres catégories de personnels',
  '4.5': 'Régime indemnitaire',
  '5.1': 'Élection exécutif',
  '5.2': 'Fonctionnement des assemblées',
  '5.3': 'Désignation de représentants',
  '5.4': 'Délégation de fonctions',
  '5.5': 'Délégation de signature',
  '5.6': 'Exercice des mandats locaux',
  '5.7': 'Intercommunalité',
  '5.8': 'Décision d’ester en justice',
  '6.1': 'Police municipale',
  '6.2': 'Pouvoirs du président du conseil départemental',
  '6.3': 'Pouvoirs du président du conseil régional',
  '6.4': 'Autres actes réglementaires',
  '6.5': 'Actes pris au nom de l’État',
  '7.1': 'Décisions budgétaires',
  '7.2': 'Fiscalité',
  '7.3': 'Emprunts',
  '7.4': 'Interventions économiques',
  '7.5': 'Subventions',
  '7.6': 'Contributions budgétaires',
  '7.7': 'Avances',
  '7.8': 'Fonds de concours',
  '7.9': 'Prises de participation',
  '7.10': 'Divers',
  '8.1': 'Enseignement',
  '8.2': 'Aide sociale',
  '8.3': 'Voirie',
  '8.4': 'Aménagement du territoire',
  '8.5': 'Politique de la ville, habitat, logement',
  '8.6': 'Emploi, formation professionnelle',
  '8.7': 'Transports',
  '8.8': 'Environnement',
  '8.9': 'Culture',
  '9.1': 'Autres domaines de compétences des communes',
  '9.2': 'Autres domaines de compétences des départements',
  '9.3': 'Autres domaines de compétences des régions',
  '9.4': 'Vœux et motions',
};

/** « niveau1/niveau2 » for a code, or undefined when the code is not in the classification. */
export function matiereNom(code: string): string | undefined {
  const level1 = MATIERES_NIVEAU_1[code.split('.')[0] ?? ''];
  const level2 = MATIERES_NIVEAU_2[code];
  return level1 && level2 ? `${level1}/${level2}` : undefined;
}
