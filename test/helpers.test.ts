import { describe, expect, it } from 'vitest';
import {
  accord,
  anneeEnLettres,
  dateAvecJour,
  dateCourte,
  dateEnLettres,
  dateLongue,
  frenchHelpers,
  HELPERS_WITH_OPTIONS,
  heure,
  heureEnLettres,
  jourMoisEnLettres,
  listeNoms,
  majuscule,
  montant,
  montantEnLettres,
  nombre,
  nombreEnLettres,
  ordinal,
  pluriel,
} from '../src/template/helpers/index.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const MINUS = '\u2212';

describe('dateLongue', () => {
  it.each([
    ['2023-03-23', '23 mars 2023'],
    ['2023-03-01', '1er mars 2023'],
    ['2023-12-31', '31 décembre 2023'],
    ['2024-02-29', '29 février 2024'],
    ['2000-02-29', '29 février 2000'],
    ['2023-08-02', '2 août 2023'],
    ['2023-01-10', '10 janvier 2023'],
  ])('%s → %s', (iso, expected) => {
    expect(dateLongue(iso)).toBe(expected);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '2023-03-00',
    '23/03/2023',
    '2023-3-23',
    ' 2023-03-23',
    '',
  ])('rejects %j with a French message naming the value', (iso) => {
    expect(() => dateLongue(iso)).toThrow(`dateLongue : date invalide « ${iso} »`);
  });

  it('rejects values that are not strings', () => {
    expect(() => dateLongue(undefined as unknown as string)).toThrow('date invalide une valeur absente');
    expect(() => dateLongue(new Date(0) as unknown as string)).toThrow('la date JavaScript 1970-01-01');
  });
});

describe('dateEnLettres and its parts', () => {
  it('spells the registre date', () => {
    expect(dateEnLettres('2023-03-23')).toBe('vingt-trois mars deux mille vingt-trois');
    expect(dateEnLettres('2023-03-01')).toBe('premier mars deux mille vingt-trois');
    expect(dateEnLettres('2021-12-31')).toBe('trente et un décembre deux mille vingt et un');
    expect(dateEnLettres('1999-10-21')).toBe('vingt et un octobre mille neuf cent quatre-vingt-dix-neuf');
    expect(dateEnLettres('2080-07-11')).toBe('onze juillet deux mille quatre-vingts');
  });

  it('gives the day and month, and the year, apart', () => {
    expect(jourMoisEnLettres('2023-03-23')).toBe('vingt-trois mars');
    expect(jourMoisEnLettres('2023-05-01')).toBe('premier mai');
    expect(anneeEnLettres('2023-03-23')).toBe('deux mille vingt-trois');
  });

  it('names the helper and the value on invalid dates', () => {
    expect(() => dateEnLettres('2023-02-30')).toThrow('dateEnLettres : date invalide « 2023-02-30 »');
    expect(() => jourMoisEnLettres('x')).toThrow('jourMoisEnLettres : date invalide « x »');
    expect(() => anneeEnLettres('2023')).toThrow('anneeEnLettres : date invalide « 2023 »');
  });
});

describe('dateCourte and dateAvecJour', () => {
  it('writes dates in figures, day first', () => {
    expect(dateCourte('2023-03-23')).toBe('23/03/2023');
    expect(dateCourte('2023-03-01')).toBe('01/03/2023');
    expect(() => dateCourte('2023-02-29')).toThrow('dateCourte : date invalide « 2023-02-29 »');
  });

  it('adds the weekday', () => {
    expect(dateAvecJour('2023-03-23')).toBe('jeudi 23 mars 2023');
    expect(dateAvecJour('2023-03-01')).toBe('mercredi 1er mars 2023');
    expect(dateAvecJour('2024-02-29')).toBe('jeudi 29 février 2024');
    expect(dateAvecJour('2023-12-31')).toBe('dimanche 31 décembre 2023');
    expect(() => dateAvecJour('2023-12-32')).toThrow('dateAvecJour : date invalide « 2023-12-32 »');
  });
});

describe('nombreEnLettres', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [20, 'vingt'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [32, 'trente-deux'],
    [61, 'soixante et un'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [72, 'soixante-douze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [90, 'quatre-vingt-dix'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [180, 'cent quatre-vingts'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [280, 'deux cent quatre-vingts'],
    [1000, 'mille'],
    [1001, 'mille un'],
    [1100, 'mille cent'],
    [2000, 'deux mille'],
    [2023, 'deux mille vingt-trois'],
    [21_000, 'vingt et un mille'],
    [80_000, 'quatre-vingt mille'],
    [200_000, 'deux cent mille'],
    [280_080, 'deux cent quatre-vingt mille quatre-vingts'],
    [1_000_000, 'un million'],
    [2_000_000, 'deux millions'],
    [80_000_000, 'quatre-vingts millions'],
    [200_000_000, 'deux cents millions'],
    [1_000_001, 'un million un'],
    [
      999_999_999,
      'neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf',
    ],
    [1_000_000_000, 'un milliard'],
    [3_200_000_000, 'trois milliards deux cents millions'],
    [-1, 'moins un'],
    [-201, 'moins deux cent un'],
  ])('%d → %s', (n, words) => {
    expect(nombreEnLettres(n)).toBe(words);
  });

  it('has a feminine for a final « un »', () => {
    expect(nombreEnLettres(1, { feminin: true })).toBe('une');
    expect(nombreEnLettres(21, { feminin: true })).toBe('vingt et une');
    expect(nombreEnLettres(81, { feminin: true })).toBe('quatre-vingt-une');
    expect(nombreEnLettres(1001, { feminin: true })).toBe('mille une');
    expect(nombreEnLettres(11, { feminin: true })).toBe('onze');
    expect(nombreEnLettres(2, { feminin: true })).toBe('deux');
  });

  it('rejects what it cannot spell', () => {
    expect(() => nombreEnLettres(1.5)).toThrow('nombreEnLettres : nombre invalide « 1.5 »');
    expect(() => nombreEnLettres(Number.NaN)).toThrow('« NaN »');
    expect(() => nombreEnLettres(1e12)).toThrow('nombre invalide');
    expect(() => nombreEnLettres('12' as unknown as number)).toThrow('« 12 »');
  });
});

describe('heureEnLettres and heure', () => {
  it.each([
    ['19:30', 'dix-neuf heures trente'],
    ['01:00', 'une heure'],
    ['1:00', 'une heure'],
    ['02:00', 'deux heures'],
    ['21:00', 'vingt et une heures'],
    ['21:05', 'vingt et une heures cinq'],
    ['21:01', 'vingt et une heures une'],
    ['18:45', 'dix-huit heures quarante-cinq'],
    ['12:00', 'midi'],
    ['12:30', 'midi trente'],
    ['00:00', 'minuit'],
    ['00:15', 'minuit quinze'],
    ['23:59', 'vingt-trois heures cinquante-neuf'],
  ])('%s → %s', (time, words) => {
    expect(heureEnLettres(time)).toBe(words);
  });

  it('can say 0 h and 12 h with numbers', () => {
    expect(heureEnLettres('12:00', { midiMinuit: false })).toBe('douze heures');
    expect(heureEnLettres('00:00', { midiMinuit: false })).toBe('zéro heure');
  });

  it.each(['24:61', '24:00', '12:60', '1930', '19h30', '19:3', ''])('rejects %j', (time) => {
    expect(() => heureEnLettres(time)).toThrow(`heureEnLettres : heure invalide « ${time} »`);
  });

  it('writes times in figures the French way', () => {
    expect(heure('19:30')).toBe(`19${NBSP}h${NBSP}30`);
    expect(heure('09:05')).toBe(`9${NBSP}h${NBSP}05`);
    expect(heure('09:00')).toBe(`9${NBSP}h`);
    expect(() => heure('25:00')).toThrow('heure : heure invalide « 25:00 »');
  });
});

describe('montant and nombre', () => {
  it.each([
    [1234.56, `1${NNBSP}234,56${NBSP}€`],
    [0, `0,00${NBSP}€`],
    [-0, `0,00${NBSP}€`],
    [-0.001, `0,00${NBSP}€`],
    [12, `12,00${NBSP}€`],
    [0.5, `0,50${NBSP}€`],
    [1_000_000, `1${NNBSP}000${NNBSP}000,00${NBSP}€`],
    [-3000.5, `${MINUS}3${NNBSP}000,50${NBSP}€`],
    [-0.01, `${MINUS}0,01${NBSP}€`],
    [2.005, `2,01${NBSP}€`],
  ])('%d → %j', (n, text) => {
    expect(montant(n)).toBe(text);
  });

  it('rounds to the euro without cents', () => {
    expect(montant(12_500.4, { centimes: false })).toBe(`12${NNBSP}500${NBSP}€`);
  });

  it('rejects non-numbers', () => {
    expect(() => montant(Number.NaN)).toThrow('montant : nombre invalide « NaN »');
    expect(() => montant(Number.POSITIVE_INFINITY)).toThrow('« Infinity »');
    expect(() => montant('12' as unknown as number)).toThrow('« 12 »');
  });

  it('formats plain numbers', () => {
    expect(nombre(1234.5)).toBe(`1${NNBSP}234,5`);
    expect(nombre(33)).toBe('33');
    expect(nombre(-3)).toBe(`${MINUS}3`);
    expect(nombre(1.23456)).toBe('1,235');
    expect(nombre(2, { decimales: 2 })).toBe('2,00');
    expect(() => nombre(Number.NaN)).toThrow('nombre : nombre invalide');
  });
});

describe('montantEnLettres', () => {
  it.each([
    [1234.56, 'mille deux cent trente-quatre euros et cinquante-six centimes'],
    [1, 'un euro'],
    [0, 'zéro euro'],
    [0.01, 'un centime'],
    [0.5, 'cinquante centimes'],
    [200, 'deux cents euros'],
    [1_000_000, 'un million d’euros'],
    [2_000_000.1, 'deux millions d’euros et dix centimes'],
    [-80, 'moins quatre-vingts euros'],
  ])('%d → %s', (n, words) => {
    expect(montantEnLettres(n)).toBe(words);
  });

  it('rejects non-numbers', () => {
    expect(() => montantEnLettres(Number.NaN)).toThrow('montantEnLettres : montant invalide « NaN »');
  });
});

describe('ordinal', () => {
  it('abbreviates ordinals', () => {
    expect(ordinal(1)).toBe('1er');
    expect(ordinal(1, 'f')).toBe('1re');
    expect(ordinal(2)).toBe('2e');
    expect(ordinal(2, 'f')).toBe('2e');
    expect(ordinal(21)).toBe('21e');
  });

  it('rejects what is not a rank', () => {
    expect(() => ordinal(0)).toThrow('ordinal : rang invalide « 0 »');
    expect(() => ordinal(-1)).toThrow('rang invalide');
    expect(() => ordinal(1.5)).toThrow('rang invalide');
    expect(() => ordinal(1, 'x' as 'm')).toThrow('ordinal : genre invalide « x »');
  });
});

describe('pluriel and accord', () => {
  it('agrees with the count, 0 and 1 singular', () => {
    expect(pluriel(1, 'abstention')).toBe(`1${NBSP}abstention`);
    expect(pluriel(3, 'abstention')).toBe(`3${NBSP}abstentions`);
    expect(pluriel(0, 'abstention')).toBe(`0${NBSP}abstention`);
    expect(pluriel(2, 'voix', 'voix')).toBe(`2${NBSP}voix`);
    expect(pluriel(1000, 'habitant')).toBe(`1${NNBSP}000${NBSP}habitants`);
    expect(pluriel(1.5, 'heure')).toBe(`1,5${NBSP}heure`);
    expect(pluriel(2, 'conseiller municipal', 'conseillers municipaux')).toBe(
      `2${NBSP}conseillers municipaux`,
    );
  });

  it('gives the noun alone', () => {
    expect(accord(0, 'membre présent', 'membres présents')).toBe('membre présent');
    expect(accord(29, 'membre présent', 'membres présents')).toBe('membres présents');
    expect(accord(2, 'pouvoir')).toBe('pouvoirs');
  });

  it('rejects non-numbers', () => {
    expect(() => pluriel(Number.NaN, 'x')).toThrow('pluriel : nombre invalide « NaN »');
    expect(() => accord('3' as unknown as number, 'x')).toThrow('accord : nombre invalide « 3 »');
  });
});

describe('listeNoms', () => {
  it('joins names the French way', () => {
    expect(listeNoms(['A', 'B', 'C'])).toBe('A, B et C');
    expect(listeNoms(['A', 'B'])).toBe('A et B');
    expect(listeNoms(['A'])).toBe('A');
    expect(listeNoms([])).toBe('');
    expect(listeNoms(['A', 'B', 'C'], { conjonction: 'ou' })).toBe('A, B ou C');
  });

  it('rejects what is not a list of names', () => {
    expect(() => listeNoms('A' as unknown as string[])).toThrow('listeNoms : liste invalide « A »');
    expect(() => listeNoms([1] as unknown as string[])).toThrow('listeNoms : liste invalide');
  });
});

describe('majuscule', () => {
  it('capitalises the first letter only', () => {
    expect(majuscule('à l’unanimité')).toBe('À l’unanimité');
    expect(majuscule('état civil')).toBe('État civil');
    expect(majuscule('œuvre')).toBe('Œuvre');
    expect(majuscule('déjà Majuscule')).toBe('Déjà Majuscule');
    expect(majuscule('')).toBe('');
    expect(() => majuscule(3 as unknown as string)).toThrow('majuscule : texte invalide « 3 »');
  });
});

describe('frenchHelpers', () => {
  it('lists every helper by its template name', () => {
    expect(Object.keys(frenchHelpers).sort()).toEqual(
      [
        'accord',
        'anneeEnLettres',
        'dateAvecJour',
        'dateCourte',
        'dateEnLettres',
        'dateLongue',
        'heure',
        'heureEnLettres',
        'jourMoisEnLettres',
        'listeNoms',
        'majuscule',
        'montant',
        'montantEnLettres',
        'nombre',
        'nombreEnLettres',
        'ordinal',
        'pluriel',
      ].sort(),
    );
    expect(frenchHelpers.dateLongue).toBe(dateLongue);
  });

  it('names the helpers whose last parameter is an options object', () => {
    expect([...HELPERS_WITH_OPTIONS].sort()).toEqual([
      'heureEnLettres',
      'listeNoms',
      'montant',
      'nombre',
      'nombreEnLettres',
    ]);
    expect(frenchHelpers.montant(1, { centimes: false })).toBe(`1${NBSP}€`);
    expect(frenchHelpers.listeNoms(['A', 'B'], { conjonction: 'ou' })).toBe('A ou B');
  });
});
