/**
 * A minimal document around test blocks, for transform tests that look at the body only.
 *
 * @example
 * documentOf([{ type: 'paragraph', role: 'body', children: [{ type: 'text', value: 'Bonjour' }] }]);
 */
import type { Block, DocumentTree } from '../../src/tree/types.ts';

export function documentOf(children: readonly Block[]): DocumentTree {
  return {
    type: 'document',
    meta: {
      kind: 'note',
      title: 'Objet',
      shortTitle: 'Note',
      subject: 'Note de présentation',
      author: 'Ville de Sceaux',
      keywords: [],
      language: 'fr-FR',
      date: '2023-03-23',
    },
    header: { collectivite: 'Ville de Sceaux' },
    children,
  };
}
