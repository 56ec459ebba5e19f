import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../conformance/schema/trace.ts';
import { paxosHeader, prepare, promise } from '../diagram/testing/fixture-trace.ts';
import { buildSequence } from '../diagram/sequence.ts';
import { sequenceToSvg } from './sequence-svg.ts';

const header = paxosHeader;
const trace: TraceEvent[] = [
  { seq: 1, node: 'p1', kind: 'send', to: ['a1'], msg: prepare, id: 'm1' },
  { seq: 2, node: 'a1', kind: 'receive', from: 'p1', msg: prepare, id: 'm1' },
  { seq: 3, node: 'a1', kind: 'send', to: 'p1', msg: promise },
  { seq: 4, node: 'p1', kind: 'receive', from: 'a1', msg: promise },
  { seq: 5, node: 'a2', kind: 'crash' },
];
const lasso = (note: string) => buildSequence({ ...header, description: `model counterexample; ${note}` }, trace);

describe('sequence SVG of a lasso', () => {
  it('frames the cycle and draws one arrow from its foot back to the cycle\'s first row, labelled', () => {
    const svg = sequenceToSvg(lasso('lasso for p: loop after seq 2: events seq 3..5 (2 steps) repeat forever'));
    expect(svg.match(/<g class="lasso">/g)).toHaveLength(1);
    const back = /<path class="lasso-back" data-to-row="(\d+)" d="M[\d.]+,([\d.]+) H[\d.]+ V(\d+) H[\d.]+"[^>]*marker-end="url\(#seq-back\)"/.exec(svg);
    expect(back).not.toBeNull();
    const [, toRow, fromY, endY] = back!.map(Number);
    expect(endY).toBe(toRow);
    expect(fromY).toBeGreaterThan(toRow);
    // The first row of the cycle is the message received at seq 4 (its send, seq 3, is in the cycle too).
    expect(svg).toMatch(new RegExp(`<line [^>]*y1="${toRow}"[^>]*/><text [^>]*>(<title>[^<]*</title>)?4\\. promise`));
    expect(svg).toContain('↺ back to loop start (the state after seq 2): seq 3..5 repeat forever');
    expect(svg).toContain('loop ↺ seq 3..5 repeat forever (2 steps)');
    // The frame encloses the back arrow's path.
    const frame = /<rect class="lasso-frame" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    expect(frame[0]).toBeLessThan(toRow);
    expect(frame[0] + frame[1]).toBeGreaterThan(fromY);
  });

  it('a stuttering lasso gets one closing line and no frame; a plain trace neither', () => {
    const svg = sequenceToSvg(lasso('lasso for p: after event seq 5 the last state repeats forever (stuttering: no fair step enabled)'));
    expect(svg).not.toContain('lasso-frame');
    expect(svg).toContain('↺ after seq 5 the last state repeats forever');
    expect(sequenceToSvg(buildSequence(header, trace))).not.toMatch(/lasso|↺/);
  });
});
