import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { describeExpectation, expectationFor, judge, shortName } from './expectations.ts';

const property = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);
const properties = fc.uniqueArray(property, { minLength: 1, maxLength: 5 });

describe('expectationFor', () => {
  test.prop([fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), properties])('NAME.fail.P+Q.jsonl expects exactly P and Q', (name, props) => {
    const e = expectationFor(`traces/paxos/${name}.fail.${props.join('+')}.jsonl`);
    expect(e).toMatchObject({ kind: 'fail-exactly', properties: [...props].sort() });
  });

  it('reads .pass, fail/ and pass/ directories, and treats unmarked runs as passing', () => {
    expect(expectationFor('traces/cluster/x.pass.jsonl').kind).toBe('pass');
    expect(expectationFor('traces/balancer/fail/hash-stable.hash-drifts.jsonl')).toMatchObject({ kind: 'fail-includes', property: 'hash-stable' });
    expect(expectationFor('traces/balancer/pass/hash.jsonl')).toMatchObject({ kind: 'pass', why: 'in a pass/ directory' });
    expect(expectationFor('traces/zookeeper/run-1.jsonl')).toMatchObject({ kind: 'pass', why: 'unmarked recorded run' });
  });

  it('prefers what verdicts.json records over the name', () => {
    const recorded = new Map([['lib.jsonl', ['round-robin-order']], ['ok.pass.jsonl', []]]);
    expect(expectationFor('traces/third-party/lib.jsonl', recorded)).toMatchObject({ kind: 'fail-exactly', properties: ['round-robin-order'] });
    expect(expectationFor('traces/third-party/ok.pass.jsonl', recorded).kind).toBe('pass');
    expect(expectationFor('traces/third-party/other.jsonl', recorded).kind).toBe('pass');
  });
});

describe('judge', () => {
  test.prop([properties, fc.integer({ min: 0, max: 1000 })])('fail-exactly accepts the same set in any order, with repeats', (props, seed) => {
    const shuffled = [...props, props[0]].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
    expect(judge({ kind: 'fail-exactly', properties: [...props].sort(), why: '' }, shuffled).asExpected).toBe(true);
  });

  test.prop([properties, property])('fail-exactly rejects a missing or an extra failure', (props, extra) => {
    const e = { kind: 'fail-exactly' as const, properties: [...props].sort(), why: '' };
    const missing = judge(e, props.slice(1));
    expect(missing.asExpected).toBe(false);
    expect(missing.detail).toContain(`does not fail ${props[0]}`);
    if (!props.includes(extra)) {
      const more = judge(e, [...props, extra]);
      expect(more.asExpected).toBe(false);
      expect(more.detail).toContain(`also fails ${extra}`);
    }
  });

  test.prop([property, fc.uniqueArray(property, { maxLength: 4 })])('fail-includes needs its property among the failures, others allowed', (p, others) => {
    const e = { kind: 'fail-includes' as const, property: p, why: '' };
    expect(judge(e, [...others, p]).asExpected).toBe(true);
    expect(judge(e, others.filter((o) => o !== p)).asExpected).toBe(false);
  });

  it('pass means no failure at all', () => {
    expect(judge({ kind: 'pass', why: '' }, []).asExpected).toBe(true);
    expect(judge({ kind: 'pass', why: '' }, ['agreement'])).toEqual({ asExpected: false, detail: 'expected to pass, but fails agreement' });
  });

  it('names properties without their protocol prefix and describes expectations', () => {
    expect(shortName('paxos.agreement', 'paxos')).toBe('agreement');
    expect(shortName('pick-validity', 'balancer')).toBe('pick-validity');
    expect(describeExpectation({ kind: 'fail-exactly', properties: ['a', 'b'], why: '' })).toBe('fail exactly a+b');
  });
});
