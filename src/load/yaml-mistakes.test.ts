import { describe, expect, it } from 'vitest';
import { explainYamlMistake } from './yaml-mistakes.ts';

const at = (text: string, marker: string) => text.indexOf(marker);

describe('explainYamlMistake', () => {
  it('names an unquoted colon in a value and gives the quoted line', () => {
    const text = 'points:\n  - objet: Budget : DM\n    rapporteur: A\n';
    const m = explainYamlMistake(text, { code: 'BLOCK_AS_IMPLICIT_KEY', offset: at(text, 'Budget') });
    expect(m).toMatchObject({ kind: 'unquoted-colon', line: 2, column: 12 });
    expect(m?.hint).toBe('Mettez le texte entre guillemets : objet: "Budget : DM"');
  });

  it('escapes quotes and backslashes in the suggested value', () => {
    const text = 'objet: Le "plan" : C:\\dossier\n';
    const m = explainYamlMistake(text, { code: 'BLOCK_AS_IMPLICIT_KEY', offset: 7 });
    expect(m?.hint).toBe('Mettez le texte entre guillemets : objet: "Le \\"plan\\" : C:\\\\dossier"');
  });

  it('finds a tab in the indentation of a block scalar line', () => {
    const text = 'note:\n  expose: |\n    Un.\n\tDeux.\n';
    const m = explainYamlMistake(text, { code: 'BAD_INDENT', offset: at(text, '\tDeux') });
    expect(m).toMatchObject({ kind: 'tab', line: 4, column: 1 });
    expect(m?.message).toContain('« expose »');
  });

  it('blames the over-indented key below a plain value, not the value', () => {
    const text = 'seance:\n  lieu: salle\n   heure: "19:00"\n';
    const m = explainYamlMistake(text, { code: 'BLOCK_AS_IMPLICIT_KEY', offset: at(text, 'salle') });
    expect(m).toMatchObject({ kind: 'indent', line: 3, column: 4 });
    expect(m?.hint).toContain('colonne 3');
  });

  it('finds a dash one column left of its siblings, and covers the rest of its block', () => {
    const text = 'parties:\n  - nom: A\n    qualite: Maire\n - nom: B\n    qualite: X\nvisas: []\n';
    const m = explainYamlMistake(text, { code: 'BLOCK_AS_IMPLICIT_KEY', offset: at(text, ' - nom: B') });
    expect(m).toMatchObject({ kind: 'indent', line: 4, column: 2 });
    expect(m?.coversUntilLine).toBe(5);
  });

  it('says nothing when no known mistake fits (the parser’s message is kept)', () => {
    const text = 'a: [1, 2\nb: 3\n';
    expect(explainYamlMistake(text, { code: 'MISSING_CHAR', offset: 8 })).toBeUndefined();
  });
});
