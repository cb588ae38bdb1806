/**
 * The rules of French typography, as edits over the text of a run of inlines. Each rule leaves
 * alone what is already right, so applying the rules twice gives the same text as once.
 *
 * @example
 * typographyEdits('OBJET: x', new Array(8).fill(false))[0]
 * // { kind: 'replace', start: 5, end: 5, text: '\u00A0', ownerAt: 5 }
 */
import type { Edit, Run } from './inline-run.ts';

export const NBSP = '\u00A0';
export const NNBSP = '\u202F';
const THIN = '\u2009';

/** Characters after which no space is added before « : ; ! ? » (the clerk chose this spacing). */
const FIXED_SPACES = new Set([NBSP, NNBSP, THIN]);

const isWhite = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/**
 * Spans that typography never touches: URLs (http, https, ftp, mailto, www.), e-mail addresses,
 * times and ratios written with a colon (19:30, 1:2).
 */
export function protectedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  const mark = (re: RegExp, trimEnd: boolean): void => {
    for (const m of text.matchAll(re)) {
      let end = m.index + m[0].length;
      // Sentence punctuation after a URL is not part of it (« voir https://x.fr/a ; puis »).
      if (trimEnd) while (end > m.index && /[.,;:!?)\]’'»"]/.test(text[end - 1] ?? '')) end--;
      mask.fill(true, m.index, end);
    }
  };
  // Cheap tests first: most paragraphs have none of these, and the regexes cost.
  if (/:\/\/|mailto:|www\./i.test(text)) mark(/\b(?:(?:https?|ftp):\/\/|mailto:|www\.)[^\s<>«»"]*/giu, true);
  if (text.includes('@')) mark(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, false);
  if (text.includes(':')) mark(/\p{N}+:\p{N}+/gu, false);
  return mask;
}

type Rule = (text: string, mask: readonly boolean[], run: Run) => Edit[];

/**
 * Calls `at` with each index of `mark` (one character) in `text` from `from` on, in order: the
 * rules look for a few marks in long paragraphs, and indexOf finds them faster than a loop does.
 */
function eachIndex(text: string, mark: string, from: number, at: (i: number) => void): void {
  for (let i = text.indexOf(mark, from); i >= 0; i = text.indexOf(mark, i + 1)) at(i);
}

const insertBefore = (at: number, text: string): Edit => ({
  kind: 'replace',
  start: at,
  end: at,
  text,
  ownerAt: at,
});
const insertAfter = (at: number, text: string): Edit => ({
  kind: 'replace',
  start: at + 1,
  end: at + 1,
  text,
  ownerAt: at,
});
const replaceAt = (at: number, text: string): Edit => ({
  kind: 'replace',
  start: at,
  end: at + 1,
  text,
  ownerAt: at,
});

/** ' after a letter and before a letter or a quote → ’ (aujourd'hui, l'an, l'"Atelier"). */
const apostrophe: Rule = (text, mask) => {
  const edits: Edit[] = [];
  eachIndex(text, "'", 1, (i) => {
    const next = text[i + 1];
    if (
      i < text.length - 1 &&
      !mask[i] &&
      isLetter(text[i - 1]) &&
      (isLetter(next) || next === '"' || next === '«')
    )
      edits.push(replaceAt(i, '’'));
  });
  return edits;
};

/** Characters after which a straight double quote opens a quotation. */
const OPENS_AFTER = new Set(['(', '[', '{', '«', '’', "'", '—', '–', '-', '/', '\n']);

/**
 * Straight double quotes typed in the YAML → « » (the rules after this one add the no-break
 * spaces inside). A quote at the start, after a space or an opening mark opens; any other closes.
 */
const straightQuotes: Rule = (text, mask) => {
  const edits: Edit[] = [];
  eachIndex(text, '"', 0, (i) => {
    if (mask[i]) return;
    const prev = text[i - 1];
    const opens = prev === undefined || isWhite(prev) || OPENS_AFTER.has(prev);
    edits.push(replaceAt(i, opens ? '«' : '»'));
  });
  return edits;
};

/**
 * Civilities before a name: « M. Dupont », « Mme Martin », « MM. », « Mmes », « Dr », and written
 * in full before a capital (« Monsieur GAUCHER », « Madame Aubel », not « Madame la Maire »).
 */
const civilities: Rule = (text, mask) => {
  const edits: Edit[] = [];
  if (!/M|Dr|Pr/.test(text)) return edits;
  for (const m of text.matchAll(
    /(?<![\p{L}\p{N}.])(?:(?:MM?\.|Mmes?|Mlles?)(?= \p{L})|(?:Dr|Pr|Mgr|Monsieur|Madame|Mademoiselle)(?= \p{Lu})) /gu,
  )) {
    const space = m.index + m[0].length - 1;
    if (!mask[space]) edits.push(replaceAt(space, NBSP));
  }
  return edits;
};

const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';

/** A day and its month stay on one line: « 28 janvier », « 1er mars ». */
const DAY_MONTH = new RegExp(
  `(?<![\\p{L}\\p{N}])\\p{N}{1,2}(?:er)? (?=(?:${MONTHS})(?![\\p{L}\\p{N}]))`,
  'giu',
);
/** A digit, as the rules' `\p{N}` sees one: most runs have none, and their rules then find nothing. */
const DIGIT = /\p{N}/u;

const dayMonth: Rule = (text, mask) => {
  const edits: Edit[] = [];
  if (!DIGIT.test(text)) return edits;
  for (const m of text.matchAll(DAY_MONTH)) {
    const space = m.index + m[0].length - 1;
    if (!mask[space]) edits.push(replaceAt(space, NBSP));
  }
  return edits;
};

/**
 * Amounts typed without grouping (« 3500 € », « 12500,50 euros ») are grouped by three with the
 * narrow no-break space of French numbers. Only numbers of four digits or more followed by « € »,
 * « euro(s) » or « EUR »; plain numbers (years, counts) are left as typed.
 */
const amounts: Rule = (text, mask) => {
  const edits: Edit[] = [];
  if (!text.includes('€')) return edits;
  for (const m of text.matchAll(
    /(?<![\p{N}.,\u202F\u00A0])\p{N}{4,}(?=(?:,\p{N}+)? ?(?:€|euros?(?!\p{L})|EUR(?!\p{L})))/gu,
  )) {
    const digits = m[0];
    if (mask[m.index]) continue;
    for (let k = digits.length - 3; k > 0; k -= 3) edits.push(insertBefore(m.index + k, NNBSP));
  }
  return edits;
};

/**
 * A no-break space `space` before the marks `marks`: an ordinary space before them becomes
 * `space`; none after a word is inserted when the mark ends a word (followed by a space, the
 * end, or closing punctuation), so « Note:important » and « 10:30 » stay.
 */
function spaceBefore(marks: string, space: string): Rule {
  const found = new RegExp(`[${marks}]`, 'g');
  return (text, mask) => {
    const edits: Edit[] = [];
    found.lastIndex = 1;
    for (let m = found.exec(text); m !== null; m = found.exec(text)) {
      const i = m.index;
      if (mask[i]) continue;
      const prev = text[i - 1];
      const next = text[i + 1];
      if (prev === ' ') {
        if (i >= 2 && !isWhite(text[i - 2])) edits.push(replaceAt(i - 1, space));
      } else if (
        prev !== undefined &&
        !isWhite(prev) &&
        !FIXED_SPACES.has(prev) &&
        !':;!?«([{'.includes(prev) &&
        (next === undefined || isWhite(next) || '!?»)]'.includes(next))
      ) {
        edits.push(insertBefore(i, space));
      }
    }
    return edits;
  };
}

/** « text » with no-break spaces inside, replacing ordinary spaces or inserting them. */
const openingQuote: Rule = (text, mask) => {
  const edits: Edit[] = [];
  eachIndex(text, '«', 0, (i) => {
    if (i >= text.length - 1 || mask[i]) return;
    const next = text[i + 1];
    if (next === ' ') edits.push(replaceAt(i + 1, NBSP));
    else if (next !== undefined && !isWhite(next) && !FIXED_SPACES.has(next))
      edits.push(insertAfter(i, NBSP));
  });
  return edits;
};

const closingQuote: Rule = (text, mask) => {
  const edits: Edit[] = [];
  eachIndex(text, '»', 1, (i) => {
    if (mask[i]) return;
    const prev = text[i - 1];
    if (prev === ' ') edits.push(replaceAt(i - 1, NBSP));
    else if (prev !== undefined && !isWhite(prev) && !FIXED_SPACES.has(prev) && prev !== '«') {
      edits.push(insertBefore(i, NBSP));
    }
  });
  return edits;
};

/**
 * « 1er », « 1re », « 2e », « 2nde », « XXe », « Ier »: the letters are raised into a
 * superscript. Letters already in a superscript are left alone.
 */
const ordinals: Rule = (text, mask, run) => {
  const edits: Edit[] = [];
  const re =
    /(?<![\p{L}\p{N}])(?:\p{N}+(?:ers?|res?|es?|nde?s?)|[IVXLC]{2,}(?:es?)|I(?:ers?|res?)|[VX]es?)(?![\p{L}\p{N}])/gu;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const suffix = m[0].search(/[a-z]/);
    if (suffix < 0) continue;
    let ok = true;
    for (let i = start; i < end; i++) if (mask[i] || run.flags[i]) ok = false;
    if (ok) edits.push({ kind: 'raise', start: start + suffix, end });
  }
  return edits;
};

/** « n° 12 », « n°12 » → « n°\u00A012 ». */
const numero: Rule = (text, mask) => {
  const edits: Edit[] = [];
  if (!text.includes('°')) return edits;
  for (const m of text.matchAll(/(?<!\p{L})[nN]°( ?)(?=[\p{L}\p{N}])/gu)) {
    const degree = m.index + 1;
    if (mask[degree]) continue;
    edits.push(m[1] === ' ' ? replaceAt(degree + 1, NBSP) : insertAfter(degree, NBSP));
  }
  return edits;
};

/** « 12 € », « 12€ », « 5 % » → a no-break space between the number and the sign. */
const units: Rule = (text, mask) => {
  const edits: Edit[] = [];
  if (!text.includes('€') && !text.includes('%')) return edits;
  for (const m of text.matchAll(/\p{N}( ?)[€%]/gu)) {
    const sign = m.index + m[0].length - 1;
    if (mask[sign]) continue;
    edits.push(m[1] === ' ' ? replaceAt(sign - 1, NBSP) : insertBefore(sign, NBSP));
  }
  return edits;
};

/**
 * « 86 450 € », « 12 000 habitants »: an ordinary space between groups of three digits becomes the
 * narrow no-break space of French numbers, so a number never breaks across lines. Only a group of
 * one to three digits followed by exact groups of three counts (« en 2023 12 dossiers » stays).
 */
const thousands: Rule = (text, mask) => {
  const edits: Edit[] = [];
  if (!DIGIT.test(text)) return edits;
  for (const m of text.matchAll(/(?<![\p{N}.,\u202F\u00A0])\p{N}{1,3}(?: \p{N}{3})+(?![\p{N}])/gu)) {
    for (let i = m.index; i < m.index + m[0].length; i++) {
      if (text[i] === ' ' && !mask[i]) edits.push(replaceAt(i, NNBSP));
    }
  }
  return edits;
};

/** The rules in the order they run; each sees the text left by the previous ones. */
export const TYPOGRAPHY_RULES: readonly Rule[] = [
  apostrophe,
  straightQuotes,
  civilities,
  dayMonth,
  amounts,
  openingQuote,
  closingQuote,
  spaceBefore(':', NBSP),
  spaceBefore(';!?', NNBSP),
  numero,
  thousands,
  units,
  ordinals,
];
