/**
 * A hand-built tree that uses every node type, with the hard parts of French text, for renderer
 * tests that must not depend on templates.
 */
import type { Block, DocumentTree, Inline } from '../../src/tree/types.ts';

const t = (value: string): Inline => ({ type: 'text', value });
const p = (value: string, role: 'body' | 'visa' | 'recital' | 'centered' | 'note' = 'body'): Block => ({
  type: 'paragraph',
  role,
  children: [t(value)],
});

const lorem =
  'La Métropole du Grand Paris déploie auprès des communes membres une straté\u00ADgie d’innovation afin de répondre aux grands enjeux des transitions\u00A0: climatiques, énergé\u00ADtiques et sociales\u202F; la ville de Sceaux, terreau d’innovations déjà nombreuses, s’est portée candidate pour l’appel à manifestation d’intérêt «\u00A0Quartiers Métropolitains d’Innovation\u00A0».';

export function sampleTree(options: { paragraphs?: number } = {}): DocumentTree {
  const extra: Block[] = Array.from({ length: options.paragraphs ?? 0 }, (_, i) => p(`${i + 1}. ${lorem}`));
  return {
    type: 'document',
    meta: {
      kind: 'convention',
      title: 'Convention d’engagement «\u00A0Quartiers Métropolitains d’Innovation\u00A0» & <test>',
      shortTitle: 'Convention – point n°\u00A01',
      subject: 'Convention',
      author: 'Ville de Sceaux',
      keywords: ['convention', 'QMI'],
      language: 'fr-FR',
      date: '2023-03-23',
    },
    header: { collectivite: 'Ville de Sceaux' },
    children: [
      {
        type: 'titleBlock',
        children: [
          { type: 'heading', level: 1, children: [t('CONVENTION D’ENGAGEMENT')] },
          { type: 'paragraph', role: 'centered', children: [t('Séance du 23\u00A0mars 2023')] },
        ],
      },
      { type: 'paragraph', role: 'subject', children: [t('OBJET\u00A0: Signature d’une convention')] },
      { type: 'paragraph', role: 'rapporteur', children: [t('Rapporteur\u00A0: Florence Presson')] },
      p('Vu le Code général des collectivités territoriales\u202F;', 'visa'),
      p('Considérant l’intérêt du programme\u202F;', 'recital'),
      { type: 'paragraph', role: 'decision', children: [t('DÉLIBÈRE')] },
      {
        type: 'paragraph',
        role: 'article',
        children: [
          {
            type: 'strong',
            children: [t('Article 1'), { type: 'superscript', children: [t('er')] }, t(' – ')],
          },
          t(
            'Approuve la convention. Œuvre, cœur, 1\u202F234,56\u00A0€, n°\u00A012, procès-verbal, Mobili’kids.',
          ),
        ],
      },
      { type: 'heading', level: 2, children: [t('Article 2 – Engagements de la Métropole')] },
      p(lorem),
      {
        type: 'paragraph',
        role: 'body',
        children: [
          t('Texte '),
          { type: 'strong', children: [t('gras')] },
          t(', '),
          { type: 'emphasis', children: [t('italique')] },
          t(', '),
          { type: 'strong', children: [{ type: 'emphasis', children: [t('gras italique')] }] },
          t(','),
          { type: 'break' },
          t('après un saut de ligne, et un lien '),
          { type: 'link', url: 'https://www.sceaux.fr', children: [t('www.sceaux.fr')] },
          t('.'),
        ],
      },
      {
        type: 'list',
        ordered: false,
        start: 1,
        children: [
          { type: 'listItem', children: [p('sélectionner les expérimentateurs\u202F;')] },
          { type: 'listItem', children: [p('accompagner la Ville.')] },
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 1,
        children: [
          { type: 'listItem', children: [p('premier point\u202F;')] },
          { type: 'listItem', children: [p('second point.')] },
        ],
      },
      {
        type: 'table',
        align: ['left', 'right'],
        head: {
          type: 'tableRow',
          children: [
            { type: 'tableCell', children: [t('Poste')] },
            { type: 'tableCell', children: [t('Montant')] },
          ],
        },
        body: [
          {
            type: 'tableRow',
            children: [
              { type: 'tableCell', children: [t('Fonctionnement')] },
              { type: 'tableCell', children: [t('12\u202F500,00\u00A0€')] },
            ],
          },
          {
            type: 'tableRow',
            children: [
              { type: 'tableCell', children: [t('Investissement')] },
              { type: 'tableCell', children: [t('−3\u202F000,50\u00A0€')] },
            ],
          },
        ],
      },
      ...extra,
      { type: 'pageBreak' },
      {
        type: 'paragraph',
        role: 'closing',
        children: [t('Fait à Sceaux, le 23\u00A0mars 2023, en 2 exemplaires originaux.')],
      },
      {
        type: 'keepTogether',
        children: [
          {
            type: 'signatures',
            children: [
              {
                type: 'signatory',
                id: 'signature-1',
                heading: 'Pour la Métropole du Grand Paris',
                qualite: 'Le Président',
                nom: 'Patrick Ollier',
              },
              {
                type: 'signatory',
                id: 'signature-2',
                heading: 'Pour la Ville de Sceaux',
                qualite: 'Le Maire',
                nom: 'Philippe Laurent',
              },
            ],
          },
        ],
      },
      p('Acte rendu exécutoire après transmission en préfecture le 24\u00A0mars 2023.', 'note'),
    ],
  };
}
