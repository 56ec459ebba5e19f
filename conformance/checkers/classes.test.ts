/** Verdict classes: every verdict carries one, the summary and JUnit name the failing classes. */
import { describe, expect, it } from 'vitest';
import { paxosHeader } from '../schema/arbitraries.ts';
import type { TraceEvent } from '../schema/trace.ts';
import { failedClasses } from './classes.ts';
import { formatJunit, formatSummary, formatText } from './format.ts';
import { verifyRun } from './test-support.ts';

const ev = (seq: number, e: Record<string, unknown>) => ({ seq, ...e } as TraceEvent);

describe('verdict classes', () => {
  it('gives every verdict of a Paxos trace a class: 9 safety, 1 conformance, 1 liveness', async () => {
    const report = await verifyRun({ header: paxosHeader, events: [ev(1, { node: 'p1', kind: 'propose', value: 'x' })] });
    const count = (c: string) => report.verdicts.filter((v) => v.class === c).length;
    expect(report.verdicts.every((v) => v.class !== undefined)).toBe(true);
    expect(count('safety')).toBe(9);
    expect(count('liveness')).toBe(1);
    expect(count('conformance')).toBe(1);
  });

  it('names safety and conformance when two decisions disagree, and none on a clean trace', async () => {
    const bad = await verifyRun({ header: paxosHeader, events: [
      ev(1, { node: 'p1', kind: 'decide', value: 'x' }),
      ev(2, { node: 'p1', kind: 'decide', value: 'y' }),
    ] });
    expect(failedClasses(bad)).toEqual(['safety', 'conformance']);
    expect(formatSummary([bad])).toMatch(/^summary: 1 of 1 trace\(s\) failed: safety \(paxos\.agreement, paxos\.decide-chosen\); conformance \(paxos\.refinement\)$/);
    expect(formatText(bad)).toMatch(/FAIL paxos\.agreement \(safety\)/);
    expect(formatJunit([bad])).toMatch(/classname="memory\.jsonl\.safety" name="paxos\.agreement"/);
    const good = await verifyRun({ header: paxosHeader, events: [ev(1, { node: 'p1', kind: 'propose', value: 'x' })] });
    expect(failedClasses([good])).toEqual([]);
    expect(formatSummary([good])).toBe('summary: 1 trace(s), none failed');
  });
});
