import { describe, expect, it } from 'vitest';
import { CTES_IDENTIFIER_PATTERN, ctesIdentifierHint, ctesIdentifierProblem } from './ctes-identifier.ts';

// ajv compiles the schema's patterns with the « u » flag.
const pattern = new RegExp(CTES_IDENTIFIER_PATTERN, 'u');

const ACCEPTED = [
  '092-219200714-20230323-2023_03_01-DE',
  '075-287500078-20150708-2015-294-DE',
  // Two hyphens in the local number, as the préfecture returns them.
  '013-211300074-20220106-AR-2022-02-AR-1-1',
  '098-200012345-20250612-2025-06-31-DE',
  '098-200012345-20250612-CP-2025-031-DE',
  '013-211300017-20150629lmc168449-DE-1-1',
  '080-238000038-20150925-lmc100000021135-DE',
  '052-225200013-20160624-II_3-DE',
  '02A-212000046-20240115-2024_01-AR',
  '974-219740115-20241231-A-B-C-D-E-F-G-H-CC',
];

const REFUSED: readonly (readonly [string, string])[] = [
  ['075-287500078-20150708-2015--294-DE', 'deux tirets de suite'],
  ['075-287500078-20150708--2015-294-DE', 'commence ou finit par un tiret'],
  ['075-287500078-20150708-2015-294--DE', 'commence ou finit par un tiret'],
  ['075-287500078-20150708-2015-00294-00001-DE', 'compte 16 caractères, au-delà des 15'],
  ['075-287500078-20150708-2015/294-DE', 'contient « / »'],
  ['075-287500078-20150708-2015 294-DE', 'contient une espace'],
  ['075-287500078-20150708-délib-2-DE', 'contient « é »'],
  ['075-287500078-20150708-2015-294-DL', 'la nature « DL » n’existe pas'],
  ['075-287500078-20150708-2015-294', 'ne finit pas par la nature'],
  ['075-287500078-20151308-2015-294-DE', '« 20151308 » n’est pas la date'],
  ['075-287500078-2015-294-DE', 'n’est pas la date'],
  ['75-287500078-20150708-2015-294-DE', 'au lieu du code du département'],
  ['075-28750007-20150708-2015-294-DE', 'le SIREN « 28750007 » doit compter 9 chiffres'],
  ['075-287500078-20150708-DE', 'il manque le numéro de l’acte'],
  ['075-287500078-201507082015-294-DE', 'il manque un tiret'],
  ['013-211300017-20150629lmcA1-DE', 'doit être « lmc » suivi de 1 à 12 chiffres'],
];

describe('@ctes identifiers', () => {
  it.each(ACCEPTED)('accepts %s (parser and schema pattern)', (id) => {
    expect(ctesIdentifierProblem(id)).toBeUndefined();
    expect(pattern.test(id)).toBe(true);
  });

  it.each(REFUSED)('refuses %s, saying what is wrong (parser and schema pattern)', (id, why) => {
    expect(pattern.test(id)).toBe(false);
    expect(ctesIdentifierProblem(id)).toContain(why);
    expect(ctesIdentifierHint(id)).toMatch(/^Identifiant @ctes : .+ ; recopiez-le tel que l’accusé/u);
  });
});
