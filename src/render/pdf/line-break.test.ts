// The line breaker on its own, with a fixed-pitch measurer (every character 1 unit wide at size
// 1, bold 1.5): where lines break, what is drawn at a break, and where pieces are placed.
import { describe, expect, it } from 'vitest';
import { PLAIN, type Run, type RunStyle } from './inlines.ts';
import { breakLines, type Line, type LineFormat } from './line-break.ts';
import type { Measurer } from './measure.ts';

const fixedPitch: Measurer = {
  width: (text, face, size) => [...text].length * size * (face === 'bold' || face === 'boldItalic' ? 1.5 : 1),
};

const text = (value: string, style: RunStyle = PLAIN): Run => ({ kind: 'text', text: value, style });
const format = (width: number, align: LineFormat['align'] = 'left'): LineFormat => ({
  width,
  size: 1,
  bold: false,
  align,
});

/** Each line as the text a reader extracts: pieces, with a space where one follows. */
function texts(lines: readonly Line[]): string[] {
  return lines.map((line) => line.pieces.map((p) => p.text + (p.space ? ' ' : '')).join(''));
}

const lineEnd = (line: Line) => {
  const last = line.pieces[line.pieces.length - 1];
  return last ? last.x + last.width : 0;
};

describe('breakLines', () => {
  it('keeps a paragraph that fits on one line, from the left edge', () => {
    const lines = breakLines([text('un deux trois')], format(40), fixedPitch);
    expect(texts(lines)).toEqual(['un deux trois']);
    expect(lines[0]?.pieces[0]?.x).toBe(0);
  });

  it('breaks at plain spaces, as late as the width allows', () => {
    const lines = breakLines([text('aaa bbb ccc ddd')], format(7), fixedPitch);
    expect(texts(lines)).toEqual(['aaa bbb', 'ccc ddd']);
    for (const line of lines) expect(lineEnd(line)).toBeLessThanOrEqual(7);
  });

  it('never breaks at a no-break space, a narrow no-break space or a no-break hyphen', () => {
    for (const glue of ['\u00A0', '\u202F', '\u2011']) {
      const lines = breakLines([text(`aa bb${glue}cc dd`)], format(6), fixedPitch);
      expect(texts(lines), JSON.stringify(glue)).toEqual(['aa', `bb${glue}cc`, 'dd']);
    }
  });

  it('breaks at a soft hyphen, drawing « - » only at the line end', () => {
    const broken = breakLines([text('xx anti\u00ADconstitution')], format(12), fixedPitch);
    expect(texts(broken)).toEqual(['xx anti-', 'constitution']);
    const whole = breakLines([text('xx anti\u00ADconstitution')], format(40), fixedPitch);
    expect(texts(whole)).toEqual(['xx anticonstitution']);
  });

  it('breaks after a hyphen between letters, not after a leading or trailing one', () => {
    expect(texts(breakLines([text('vu Saint-Germain')], format(9), fixedPitch))).toEqual([
      'vu Saint-',
      'Germain',
    ]);
    expect(texts(breakLines([text('aa -bbbbbb')], format(7), fixedPitch))).toEqual(['aa', '-bbbbbb']);
  });

  it('justifies every line but the last, stretching only the spaces', () => {
    const lines = breakLines([text('aa b cc dddd e')], format(8, 'justify'), fixedPitch);
    expect(texts(lines)).toEqual(['aa b cc', 'dddd e']);
    expect(lineEnd(lines[0] as Line)).toBeCloseTo(8);
    expect(lines[0]?.pieces.map((p) => p.width)).toEqual([2, 1, 2]);
    expect(lineEnd(lines[1] as Line)).toBe(6);
  });

  it('centres and right-aligns with the slack of each line', () => {
    expect(breakLines([text('abcd')], format(10, 'center'), fixedPitch)[0]?.pieces[0]?.x).toBe(3);
    expect(breakLines([text('abcd')], format(10, 'right'), fixedPitch)[0]?.pieces[0]?.x).toBe(6);
  });

  it('cuts a word wider than the line by characters rather than overflowing', () => {
    const lines = breakLines([text('abcdefghij')], format(4), fixedPitch);
    expect(texts(lines)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('starts a line at each hard break, an empty line for each extra one', () => {
    const lines = breakLines(
      [text('un'), { kind: 'newline' }, { kind: 'newline' }, text('deux')],
      format(20),
      fixedPitch,
    );
    expect(texts(lines)).toEqual(['un', '', 'deux']);
  });

  it('measures bold runs in the bold face and keeps their style on the pieces', () => {
    const bold = { ...PLAIN, bold: true };
    const lines = breakLines([text('aa '), text('bb', bold), text(' cc')], format(7), fixedPitch);
    expect(texts(lines)).toEqual(['aa bb', 'cc']);
    expect(lines[0]?.pieces.map((p) => [p.text, p.face, p.width])).toEqual([
      ['aa', 'regular', 2],
      ['bb', 'bold', 3],
    ]);
  });

  it('gives one empty line for an empty paragraph', () => {
    expect(breakLines([], format(10), fixedPitch)).toEqual([{ pieces: [] }]);
  });
});
