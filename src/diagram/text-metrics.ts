/**
 * Text widths as the browser will draw them, so that diagram boxes fit their labels.
 *
 * Why a table of our own: Graphviz (viz.js) sizes labels with built-in estimates and
 * falls back to Times metrics for a font list it does not recognise (such as
 * "Helvetica,Arial,sans-serif"), while the browser draws a sans-serif face: that is how
 * 9 of 67 state labels overflowed their boxes. Diagrams now name one font, Liberation
 * Sans (`FONT_FAMILY`, with Arial and Helvetica, which share its metrics, as the
 * fallbacks), and every box is sized here from that font's own advance widths
 * (font/liberation-sans.ts, read from the TrueType files). Characters the font lacks are
 * drawn by the browser from some fallback font whose widths we cannot know; they are
 * counted generously (`UNKNOWN_EM`), so a box is never too small, only sometimes roomy.
 * The Chromium test (diagram.browser.test.ts) measures the result.
 */
import { BOLD, CODES, REGULAR } from './font/liberation-sans.ts';

/** The family every statechart label is drawn in (Graphviz lays it out under this name). */
export const FONT_NAME = 'Liberation Sans';
/** What the SVG asks the browser for: the same metrics under each name. */
export const FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, sans-serif";

/** Width of a character the font does not have, in em: wider than any common fallback glyph. */
export const UNKNOWN_EM = 1.3;
/** Code points that fallback fonts draw wider still (em dashes of two and three em, ligatures). */
const EXTRA_WIDE = new Map<number, number>([[0x2e3a, 2.2], [0x2e3b, 3.2], [0xfdfd, 4.5], [0x1242b, 3.5], [0x12219, 3], [0x1241a, 3]]);

const regular = new Map<number, number>();
const bold = new Map<number, number>();
CODES.forEach((c, i) => {
  if (REGULAR[i] >= 0) regular.set(c, REGULAR[i] / 1000);
  if (BOLD[i] >= 0) bold.set(c, BOLD[i] / 1000);
});

export interface FontStyle {
  /** Font size in points (= CSS px at Graphviz's 72 dpi). */
  size: number;
  bold?: boolean;
}

/** Width of `text` in points (no kerning: Liberation Sans' kerning only narrows pairs). */
export function textWidth(text: string, style: FontStyle): number {
  const table = style.bold ? bold : regular;
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += table.get(c) ?? EXTRA_WIDE.get(c) ?? UNKNOWN_EM;
  }
  return em * style.size;
}

/** True when every character of `text` is in the font (the layout engine then measures it exactly too). */
export function fullyKnown(text: string): boolean {
  for (const ch of text) if (!regular.has(ch.codePointAt(0)!)) return false;
  return true;
}

/**
 * Greedy line breaking at spaces, to lines at most `maxWidth` wide. A word wider than a
 * line on its own is cut between characters (graphemes are not split when avoidable).
 */
export function wrapText(text: string, maxWidth: number, style: FontStyle): string[] {
  const lines: string[] = [];
  let line: string | null = null;
  for (const word of text.split(' ')) {
    const candidate: string = line === null ? word : `${line} ${word}`;
    let current = word;
    if (line === null || textWidth(candidate, style) <= maxWidth) {
      current = candidate;
    } else {
      lines.push(line);
    }
    line = current;
    while (textWidth(current, style) > maxWidth) {
      const chars = [...current];
      let k = 1;
      while (k < chars.length && textWidth(chars.slice(0, k + 1).join(''), style) <= maxWidth) k++;
      if (k >= chars.length) break;
      lines.push(chars.slice(0, k).join(''));
      current = chars.slice(k).join('');
      line = current;
    }
  }
  lines.push(line ?? '');
  return lines;
}
