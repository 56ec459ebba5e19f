/**
 * The runner's rule that a verdict is never PASS when nothing was checked: a trace with
 * no events, or only environment events, is refused; a report whose every property
 * skipped is 'unchecked'; JUnit shows both kinds of unjudged trace as errors.
 */
import { describe, expect, it } from 'vitest';
import { paxosHeader } from '../schema/arbitraries.ts';
import type { TraceEvent } from '../schema/trace.ts';
import { UserError } from '../schema/user-error.ts';
import { formatJunit } from './format.ts';
import { outcomeOf, verifyTrace, type TraceReport } from './run.ts';
import type { Verdict } from './types.ts';

const verdict = (status: Verdict['status']): Verdict => ({ property: `p-${status}`, status, violations: [], figures: {} });
const report = (...statuses: Verdict['status'][]): TraceReport => ({ file: 'r.jsonl', protocol: 'paxos', events: 5, verdicts: statuses.map(verdict) });

describe('nothing checked is never a pass', () => {
  it('a header with 0 events is a UserError at line 1, not 9 passes', () => {
    expect(() => verifyTrace({ header: paxosHeader, events: [] }, 'e.jsonl')).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^no events: nothing was checked/), where: { file: 'e.jsonl', line: 1 } }),
    );
  });

  it('3 fault and tick events and no paxos event are a UserError naming the 3 events', () => {
    const events = [
      { seq: 1, node: 'a1', kind: 'crash' },
      { seq: 2, node: 'a1', kind: 'tick', tick: 1 },
      { seq: 3, node: 'a1', kind: 'restart' },
    ] as TraceEvent[];
    let err: unknown;
    try {
      verifyTrace({ header: paxosHeader, events }, 'f.jsonl');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/^no paxos events: nothing was checked \(the 3 event\(s\)/);
  });

  it('a lone proposal gives every property nothing to judge: each verdict is a skip naming what is missing', () => {
    const r = verifyTrace({ header: paxosHeader, events: [{ seq: 1, node: 'p1', kind: 'propose', value: 'x' }] });
    expect(r.verdicts.filter((v) => v.status !== 'skip')).toEqual([]);
    expect(r.verdicts.find((v) => v.property === 'paxos.accept-respects-promise')?.note).toBe('nothing to judge: no accepted sent by an acceptor');
    expect(outcomeOf(r)).toBe('unchecked');
  });

  it('one judged instance is enough: a single accepted makes accept-respects-promise pass while promise-monotonic skips', () => {
    const r = verifyTrace({ header: paxosHeader, events: [{ seq: 1, node: 'a1', kind: 'send', to: ['p1'], msg: { type: 'accepted', ballot: 1, value: 'x' } }] });
    const status = (p: string) => r.verdicts.find((v) => v.property === p)?.status;
    expect([status('paxos.accept-respects-promise'), status('paxos.promise-monotonic')]).toEqual(['pass', 'skip']);
    expect(r.verdicts.find((v) => v.property === 'paxos.accept-respects-promise')?.figures).toMatchObject({ judged: 1, violations: 0 });
  });

  it('outcome: any fail is fail, all skipped (or no verdict) is unchecked, else pass', () => {
    expect(outcomeOf(report('pass', 'fail', 'skip'))).toBe('fail');
    expect(outcomeOf(report('skip', 'skip'))).toBe('unchecked');
    expect(outcomeOf(report())).toBe('unchecked');
    expect(outcomeOf(report('skip', 'pass'))).toBe('pass');
  });

  it('JUnit: an all-skipped trace and a malformed one are each 1 error testcase; 3 suites in all', () => {
    const xml = formatJunit([report('pass'), report('skip', 'skip'), { file: 'bad.jsonl', error: 'bad.jsonl:1: config.quorums: no quorums' }]);
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml.match(/<error message=/g)).toHaveLength(2);
    expect(xml).toMatch(/name="nothing-checked"><error message="every property was skipped/);
    expect(xml).toMatch(/name="malformed"><error message="bad\.jsonl:1: config\.quorums: no quorums"/);
    expect(formatJunit([report('pass')])).not.toMatch(/<error/);
  });
});
