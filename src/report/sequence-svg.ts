/**
 * A sequence diagram drawn directly as SVG from the same Sequence the Mermaid writer
 * uses, so the report needs no diagram library (and no network) in the browser. A
 * lasso's cycle is framed (`<g class="lasso">`), with an arrow from the frame's foot back
 * up to the cycle's first row, labelled as the way back to the loop start.
 */
import { loopBackText, loopStartIndex, type Sequence, type SequenceItem } from '../diagram/sequence.ts';
import { clip, visible } from '../diagram/escape.ts';
import { esc } from './html.ts';

const COL = 160;
const MARGIN = 20;
const HEAD = 34;
const ROW = 30;
const CHAR = 6.2; // average glyph width at 11px, to fit labels between lifelines

type Message = Extract<SequenceItem, { kind: 'message' }>;
const STROKE: Record<Message['delivery'], { color: string; dash: string; end: string; suffix: string }> = {
  delivered: { color: '#2f4b7c', dash: '', end: 'arrow', suffix: '' },
  sent: { color: '#2f4b7c', dash: '', end: 'arrow', suffix: '' },
  undelivered: { color: '#8a94a6', dash: '5 4', end: 'open', suffix: ' (not delivered)' },
  dropped: { color: '#c62828', dash: '', end: 'cross', suffix: ' (dropped)' },
  duplicate: { color: '#6a4c93', dash: '3 3', end: 'arrow', suffix: ' (duplicate)' },
};
const NOTE_FILL = { plain: '#fff8dc', fault: '#fde0e0', recovery: '#e1f5e6' };
const NOTE_STROKE = { plain: '#d8c47a', fault: '#c62828', recovery: '#2e7d32' };
const LOOP_COLOR = '#6a1b9a';

export function sequenceToSvg(seq: Sequence): string {
  // Half a column of slack on each side, for wide notes over the outer participants.
  const col = new Map(seq.participants.map((p, i) => [p, MARGIN + COL + i * COL]));
  const width = Math.max(1, seq.participants.length) * COL + 2 * MARGIN + COL;
  const loopAt = loopStartIndex(seq);
  // A cycle takes two more rows (its title, and the way back); a lasso without a drawn cycle, one (what it does).
  const loopRows = loopAt >= 0 ? 2 : seq.loop ? 1 : 0;
  const rows = seq.items.length + (seq.omitted > 0 ? 1 : 0) + loopRows;
  const height = HEAD * 2 + rows * ROW + 30;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sequence" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11">`);
  out.push('<defs>',
    '<marker id="seq-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker>',
    '<marker id="seq-open" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10" fill="none" stroke="context-stroke" stroke-width="1.5"/></marker>',
    '<marker id="seq-cross" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="9" markerHeight="9" orient="auto"><path d="M1,1 L9,9 M9,1 L1,9" stroke="#c62828" stroke-width="2"/></marker>',
    `<marker id="seq-back" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${LOOP_COLOR}"/></marker>`,
    '</defs>');
  const bottom = height - HEAD - 6;
  for (const [p, x] of col) {
    out.push(`<line x1="${x}" y1="${HEAD}" x2="${x}" y2="${bottom}" stroke="#c3cad6" stroke-dasharray="4 3"/>`);
    for (const y of [4, bottom]) {
      out.push(`<rect x="${x - COL / 2 + 8}" y="${y}" width="${COL - 16}" height="${HEAD - 8}" rx="5" fill="#eef3fb" stroke="#3b5b92"/>`,
        `<text x="${x}" y="${y + (HEAD - 8) / 2 + 4}" text-anchor="middle" font-weight="600" fill="#1f3357">${text(p, COL - 24)}</text>`);
    }
  }
  let y = HEAD + ROW;
  let loopTop = 0;
  let loopFirstRow = 0;
  seq.items.forEach((it, i) => {
    if (i === loopAt) {
      loopTop = y - ROW / 2;
      out.push(`<text x="${MARGIN + 8}" y="${y + 4}" font-weight="600" fill="${LOOP_COLOR}">${text(`loop ↺ seq ${seq.loop!.startSeq + 1}..${seq.loop!.endSeq} repeat forever (${seq.loop!.cycleSteps} steps)`, width - 2 * MARGIN - 16)}</text>`);
      y += ROW;
      loopFirstRow = y;
    }
    out.push(it.kind === 'message' ? message(it, col, y) : note(it, col, y));
    y += ROW;
  });
  if (loopAt >= 0) out.push(lassoFrame(seq, loopTop, loopFirstRow, y, width));
  else if (seq.loop) {
    const what = seq.loop.cycleSteps === 0 ? loopBackText(seq.loop) : `lasso: the cycle, seq ${seq.loop.startSeq + 1}..${seq.loop.endSeq}, is past the cap`;
    out.push(`<text class="lasso" x="${width / 2}" y="${y}" text-anchor="middle" font-weight="600" fill="${LOOP_COLOR}">${text(`↺ ${what}`, width - 2 * MARGIN)}</text>`);
    y += ROW;
  }
  if (loopAt >= 0) y += ROW;
  if (seq.omitted > 0) {
    out.push(`<text x="${width / 2}" y="${y}" text-anchor="middle" font-style="italic" fill="#6b7380">… ${seq.omitted} more events not shown</text>`);
  }
  out.push('</svg>');
  return out.join('');
}

/**
 * The cycle's frame, from its title row to the row after its last item, where the way back
 * starts: an arrow up the left edge that ends pointing at the cycle's first row.
 */
function lassoFrame(seq: Sequence, top: number, firstRow: number, footRow: number, width: number): string {
  const bottom = footRow + ROW / 2;
  const x = MARGIN + 10;
  return `<g class="lasso">`
    + `<rect class="lasso-frame" x="${MARGIN}" y="${top}" width="${width - 2 * MARGIN}" height="${bottom - top}" rx="6" fill="none" stroke="${LOOP_COLOR}" stroke-width="1.5" stroke-dasharray="6 4"/>`
    + `<path class="lasso-back" data-to-row="${firstRow}" d="M${x + 24},${footRow} H${x} V${firstRow} H${x + 22}" fill="none" stroke="${LOOP_COLOR}" stroke-width="2" marker-end="url(#seq-back)"/>`
    + `<text x="${x + 30}" y="${footRow + 4}" fill="${LOOP_COLOR}" font-weight="600">${text(`↺ ${loopBackText(seq.loop!)}`, width - 2 * MARGIN - 48)}</text>`
    + '</g>';
}

function message(m: Message, col: Map<string, number>, y: number): string {
  const x1 = col.get(m.from)!;
  const x2 = col.get(m.to)!;
  const s = STROKE[m.delivery];
  const label = `${m.seq}. ${m.text}${s.suffix}`;
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
  if (x1 === x2) {
    // A message to itself: a small loop to the right of the lifeline.
    return `<path d="M${x1},${y - 6} h28 v12 h-26" fill="none" stroke="${s.color}" stroke-width="1.4"${dash} marker-end="url(#seq-${s.end})"/>`
      + `<text x="${x1 + 34}" y="${y + 4}" fill="${s.color}">${text(label, COL - 40)}</text>`;
  }
  const mid = (x1 + x2) / 2;
  // Labels sit above their arrow and may run past its ends a little.
  const room = Math.max(Math.abs(x2 - x1), COL) + COL * 0.6;
  return `<line x1="${x1}" y1="${y}" x2="${x2 + (x2 > x1 ? -2 : 2)}" y2="${y}" stroke="${s.color}" stroke-width="1.4"${dash} marker-end="url(#seq-${s.end})"/>`
    + `<text x="${mid}" y="${y - 5}" text-anchor="middle" fill="${s.color}">${text(label, room)}</text>`;
}

function note(n: Extract<SequenceItem, { kind: 'note' }>, col: Map<string, number>, y: number): string {
  const xs = n.over.map((p) => col.get(p)!);
  const label = `${n.seq}. ${n.text}`;
  // As wide as its text needs (up to two and a half columns), centred on its participants.
  const want = Math.min([...label].length * CHAR + 16, COL * 2.5);
  const span = Math.max(...xs) - Math.min(...xs) + COL - 28;
  const w = Math.max(span, want);
  const centre = (Math.min(...xs) + Math.max(...xs)) / 2;
  const left = centre - w / 2;
  const tone = n.tone ?? 'plain';
  return `<rect x="${left}" y="${y - 11}" width="${w}" height="20" rx="3" fill="${NOTE_FILL[tone]}" stroke="${NOTE_STROKE[tone]}"/>`
    + `<text x="${centre}" y="${y + 3}" text-anchor="middle" fill="#333"${n.tone === 'fault' ? ' font-weight="600"' : ''}>${text(label, w - 8)}</text>`;
}

/** Escaped, clipped to the pixels available, with the full text as a tooltip when clipped. */
function text(s: string, px: number): string {
  const shown = clip(visible(s), Math.max(4, Math.floor(px / CHAR)));
  return shown === s ? esc(s) : `<title>${esc(visible(s))}</title>${esc(shown)}`;
}
