/**
 * Texts the layout completes: visas are written without « Vu », considérants without
 * « Considérant » (the documents add them).
 */
import type { Diagnostic } from '../../diagnostics.ts';
import { at, type Rule } from './context.ts';

/** Warns about a visa starting with « Vu » or a considérant starting with « Considérant ». */
export const textsRule: Rule = (context) => {
  const out: Diagnostic[] = [];
  for (const { index, point } of context.points) {
    const deliberation = point.deliberation;
    if (!deliberation) continue;
    (deliberation.visas ?? []).forEach((visa, j) => {
      if (/^vu\b/i.test(visa.trim())) {
        out.push(
          at(
            context,
            `/points/${index}/deliberation/visas/${j}`,
            'rule.text',
            'avertissement',
            'Ce visa commence par « Vu », que delib ajoute déjà.',
            'Retirez « Vu » au début : écrivez « le Code général des collectivités territoriales ».',
          ),
        );
      }
    });
    (deliberation.considerants ?? []).forEach((text, j) => {
      if (/^consid[ée]rant\b/i.test(text.trim())) {
        out.push(
          at(
            context,
            `/points/${index}/deliberation/considerants/${j}`,
            'rule.text',
            'avertissement',
            'Ce considérant commence par « Considérant », que delib ajoute déjà.',
            'Retirez « Considérant » au début : écrivez « que … ».',
          ),
        );
      }
    });
  }
  return out;
};
