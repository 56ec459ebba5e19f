/** Text widths from the Liberation Sans table and line wrapping, as the statechart boxes use them. */
import { describe, expect, it } from 'vitest';
import { fullyKnown, textWidth, UNKNOWN_EM, wrapText } from './text-metrics.ts';

describe('text metrics of Liberation Sans', () => {
  it('measures "looking" at 10 pt as 31.68 pt regular and 35.56 pt bold (the font\'s advance widths, rounded up)', () => {
    const regular = textWidth('looking', { size: 10 });
    const bold = textWidth('looking', { size: 10, bold: true });
    expect(regular).toBeGreaterThanOrEqual(31.68);
    expect(regular).toBeLessThan(31.68 + 0.1);
    expect(bold).toBeGreaterThanOrEqual(35.56);
    expect(bold).toBeLessThan(35.56 + 0.1);
  });

  it('counts a character the font lacks generously (1.3 em), and says the text is not fully known', () => {
    expect(textWidth('㛼', { size: 10 })).toBeCloseTo(UNKNOWN_EM * 10, 5);
    expect(textWidth('⸻', { size: 10 })).toBeGreaterThan(30);
    expect(fullyKnown('a:b{c} «fin» …')).toBe(true);
    expect(fullyKnown('π')).toBe(false);
  });

  it('wraps at spaces to lines no wider than asked, and cuts a word longer than a line', () => {
    const style = { size: 9 };
    const text = '/ proposeEpoch, noteProposal, noteEpochs, sendNewEpochToFollowers, announceLeading';
    const lines = wrapText(text, 120, style);
    expect(lines.length).toBe(4);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(textWidth(l, style)).toBeLessThanOrEqual(120);
    const long = wrapText('x'.repeat(100), 60, style);
    expect(long.join('')).toBe('x'.repeat(100));
    for (const l of long) expect(textWidth(l, style)).toBeLessThanOrEqual(60);
    expect(wrapText(' lead', 100, style)).toEqual([' lead']);
  });
});
