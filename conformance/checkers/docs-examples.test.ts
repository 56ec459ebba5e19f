/**
 * The minimal traces in docs/trace-format.md are judged as the doc says: the Paxos and
 * cluster ones pass every property, and one edit to each (a value decided that was never
 * chosen, a live follower suspected) makes verify fail, so they are not vacuous; the
 * balancer one passes what it can judge and skips aggregate below its minimum sample.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTraceTextSync } from '../schema/reader.ts';
import { verifyTrace } from './run.ts';

const doc = readFileSync(fileURLToPath(new URL('../../docs/trace-format.md', import.meta.url)), 'utf8');

/** The fenced block right after `<!-- example: NAME ... -->`. */
function example(name: string): string {
  const at = doc.indexOf(`<!-- example: ${name}`);
  if (at < 0) throw new Error(`no example ${name} in docs/trace-format.md`);
  const m = /```jsonl\n([\s\S]*?)```/.exec(doc.slice(at));
  if (!m) throw new Error(`example ${name} has no jsonl block`);
  return m[1];
}

const judge = (text: string) => verifyTrace(readTraceTextSync(text, 'trace-format.md').map((i) => (i.kind === 'header' ? i.header : i.event)));
const statuses = (text: string) => [...new Set(judge(text).verdicts.map((v) => v.status))];

describe('docs/trace-format.md minimal examples', () => {
  it('the Paxos example (16 events) passes all 11 Paxos properties', () => {
    const r = judge(example('paxos-minimal'));
    expect(r.events).toBe(16);
    expect(r.verdicts).toHaveLength(11);
    expect(statuses(example('paxos-minimal'))).toEqual(['pass']);
  });

  it('the Paxos example fails decide-chosen once l1 decides y instead', () => {
    const bad = example('paxos-minimal').replace('"kind":"decide","value":"x"', '"kind":"decide","value":"y"');
    const failed = judge(bad).verdicts.filter((v) => v.status === 'fail').map((v) => v.property);
    expect(failed).toContain('paxos.decide-chosen');
  });

  it('the cluster example (15 events) passes all 7 cluster properties', () => {
    const r = judge(example('cluster-minimal'));
    expect(r.events).toBe(15);
    expect(r.verdicts).toHaveLength(7);
    expect(statuses(example('cluster-minimal'))).toEqual(['pass']);
  });

  it('the cluster example fails fd-accuracy once s1 suspects the live s2 instead', () => {
    const bad = example('cluster-minimal').replace('"peer":"s3"', '"peer":"s2"');
    const failed = judge(bad).verdicts.filter((v) => v.status === 'fail').map((v) => v.property);
    expect(failed).toContain('cluster.fd-accuracy');
  });

  it('the balancer example passes its 4 judged properties and skips aggregate for the minimum sample', () => {
    const r = judge(example('balancer-minimal'));
    const by = Object.fromEntries(r.verdicts.map((v) => [v.property, v.status]));
    expect(by).toEqual({
      'pick-validity': 'pass', 'zero-weight-never-picked': 'pass', 'round-robin-order': 'pass',
      'round-robin-membership': 'pass', aggregate: 'skip',
    });
    expect(r.events).toBe(8);
  });
});
