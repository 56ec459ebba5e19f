import { describe, expect, it } from 'vitest';
import { traceHeader } from '../../conformance/schema/header.ts';
import type { TraceEvent } from '../../conformance/schema/trace.ts';
import type { Trace } from '../../conformance/schema/writer.ts';
import { UserError } from '../../conformance/schema/user-error.ts';
import twoPhaseCommit from '../../examples/two-phase-commit/system.ts';
import leaseLock from '../../examples/lease-lock/system.ts';
import { check, type CounterexampleTrace } from './check.ts';
import { pingPong } from './testing/ping-pong.ts';
import { verifyTrace, type TraceVerdict } from './verify.ts';
import type { SystemSpec } from '../explore/spec.ts';
import { assign, setup } from 'xstate';
import { defineSystem, invariant } from './define-system.ts';

const statusOf = (v: TraceVerdict) => Object.fromEntries(v.verdicts.map((x) => [x.property, x.status]));
const asTrace = (cx: CounterexampleTrace): Trace => ({ header: cx.header, events: cx.events });

/** The counterexample of `property`; `all` searches on after the first violation (for liveness, judged after a complete search). */
async function counterexample(system: SystemSpec, property: string, all = true): Promise<Trace> {
  const r = await check(system, { continueAfterViolation: all });
  return asTrace(r.counterexamples.find((c) => c.property === property)!);
}

describe('verifying a custom trace against its system', () => {
  it("fails the 2PC lasso (13 events, cycle after seq 10) on all-decide, with refinement and both safety properties passing", async () => {
    const system = twoPhaseCommit();
    const trace = await counterexample(system, 'all-decide');
    expect(trace.header.loop).toEqual({ afterSeq: 10 });
    const v = await verifyTrace({ lines: trace }, { system });
    expect(statusOf(v)).toEqual({ refinement: 'pass', agreement: 'pass', 'commit-needs-all-yes': 'pass', 'all-decide': 'fail' });
    expect(v.outcome).toBe('fail');
    const live = v.verdicts.find((x) => x.property === 'all-decide')!;
    expect(live.class).toBe('liveness');
    expect(live.violations[0].message).toMatch(/fair cycle after seq 10 repeats forever/);
  }, 60_000);

  it('fails the lease-lock counterexample on mutual-exclusion at its last line (24), and passes the run before the violating step', async () => {
    const system = leaseLock();
    const trace = await counterexample(system, 'mutual-exclusion', false);
    const v = await verifyTrace({ lines: trace }, { system });
    expect(statusOf(v)).toEqual({ refinement: 'pass', 'mutual-exclusion': 'fail', 'skew-bounded': 'pass' });
    expect(v.verdicts.find((x) => x.property === 'mutual-exclusion')!.violations[0]).toMatchObject({ line: trace.events.length + 1 });
    // The last step is c2 entering: drop it (its state event) and nothing is violated.
    const before = { header: trace.header, events: trace.events.slice(0, -1) };
    const ok = await verifyTrace({ lines: before }, { system });
    expect(statusOf(ok)).toEqual({ refinement: 'pass', 'mutual-exclusion': 'pass', 'skew-bounded': 'pass' });
    expect(ok.outcome).toBe('pass');
  }, 120_000);

  it('fails refinement at the line of an edited step (p1 votes no, then claims to be prepared), leaving the properties unjudged after it', async () => {
    const system = twoPhaseCommit();
    const trace = await counterexample(system, 'all-decide');
    const events = trace.events.map((e): TraceEvent => (e.seq === 5 && e.kind === 'send' ? { ...e, msg: { type: 'vote', yes: false } } as unknown as TraceEvent : e));
    const v = await verifyTrace({ lines: { header: trace.header, events } }, { system });
    expect(statusOf(v)).toEqual({ refinement: 'fail', agreement: 'skip', 'commit-needs-all-yes': 'skip', 'all-decide': 'skip' });
    const refinement = v.verdicts[0];
    expect(refinement.class).toBe('conformance');
    expect(refinement.violations[0].line).toBe(7);
    expect(refinement.violations[0].message).toMatch(/records p1 state .* here; it could record: p1 decide \{"value":"abort"\}/);
  }, 60_000);

  it('judges a liveness lasso under the declared fairness: a cycle that leaves a fair step waiting shows nothing, an unfair-free one fails', async () => {
    // The explorer's lasso when `go` is not fair: a toggles forever.
    const trace = await counterexample(pingPong({ offers: [] }), 'first-ping');
    expect(trace.events).toHaveLength(2);
    expect(statusOf(await verifyTrace({ lines: trace }, { system: pingPong({ offers: [] }) }))['first-ping']).toBe('fail');
    // With go and tick fair, the clock's tick stays enabled through the cycle and is never taken.
    const fair = await verifyTrace({ lines: trace }, { system: pingPong() });
    const live = fair.verdicts.find((x) => x.property === 'first-ping')!;
    expect(live.status).toBe('pass');
    expect(live.note).toMatch(/not fair: a fair step \(clock takes tick\(\)\) stays enabled/);
  }, 60_000);

  it('judges leadsTo on a lasso from the premise on: a ping left undelivered while a toggles forever fails unless delivery is fair', async () => {
    const unfairDelivery = { deliver: false, offers: ['go', 'tick'] };
    const trace = await counterexample(pingPong(unfairDelivery), 'ping-arrives');
    const v = await verifyTrace({ lines: trace }, { system: pingPong(unfairDelivery) });
    const live = v.verdicts.find((x) => x.property === 'ping-arrives')!;
    expect(live.status).toBe('fail');
    expect(live.violations[0].message).toMatch(/^ping-arrives violated: from line \d+, the goal never holds/);
    const fair = (await verifyTrace({ lines: trace }, { system: pingPong() })).verdicts.find((x) => x.property === 'ping-arrives')!;
    expect(fair.status).toBe('pass');
    expect(fair.note).toMatch(/not fair: a fair step \(b receives ping\(n=1\) from a\) stays enabled/);
  }, 60_000);

  it('fails refinement when the cycle does not return to where it starts, refuses a loop after a seq the trace lacks, and skips liveness on a finite trace', async () => {
    const system = pingPong({ offers: [] });
    const trace = await counterexample(system, 'first-ping');
    const open = { header: trace.header, events: trace.events.slice(0, 1) };
    const v = await verifyTrace({ lines: open }, { system });
    expect(v.verdicts[0].status).toBe('fail');
    expect(v.verdicts[0].violations[0].message).toMatch(/does not bring the model back to the state it starts from/);
    const nowhere = { header: { ...trace.header, loop: { afterSeq: 7 } }, events: trace.events };
    await expect(verifyTrace({ lines: nowhere }, { system, name: 'n.jsonl' })).rejects.toThrow(/the loop starts after seq 7, which is not the seq of an event/);
    const finite = await verifyTrace({ lines: { header: { ...trace.header, loop: undefined }, events: trace.events } }, { system });
    expect(statusOf(finite)).toEqual({ refinement: 'pass', 'at-most-one': 'pass', 'first-ping': 'skip', 'ping-arrives': 'skip' });
  }, 60_000);

  it('judges a 0-step lasso (no events, loop after seq 0: the initial state stutters forever) instead of refusing it as empty', async () => {
    const trace = await counterexample(pingPong({ offers: [] }), 'first-ping');
    const stutter = { header: { ...trace.header, loop: { afterSeq: 0 } }, events: [] };
    const v = await verifyTrace({ lines: stutter }, { system: pingPong({ offers: [] }) });
    expect(statusOf(v)).toEqual({ refinement: 'pass', 'at-most-one': 'pass', 'first-ping': 'fail', 'ping-arrives': 'pass' });
    expect(v.verdicts.find((x) => x.property === 'first-ping')!.violations[0].message).toMatch(/fair cycle after seq 0 repeats forever/);
    // With tick fair, stuttering in the initial state leaves the clock's tick waiting: not a fair behaviour.
    const fair = await verifyTrace({ lines: stutter }, { system: pingPong() });
    expect(statusOf(fair)['first-ping']).toBe('pass');
    // Without a loop, a trace with no events still says nothing and is refused.
    const empty = { header: { ...trace.header, loop: undefined }, events: [] };
    await expect(verifyTrace({ lines: empty }, { system: pingPong(), name: 'e.jsonl' })).rejects.toThrow(/no events: nothing was checked/);
  }, 60_000);

  it('records a context field initialised from the input once it changes (a balance 2 -> 1), and the replay checks it', async () => {
    const account = setup({
      types: { input: {} as { amount: number }, context: {} as { amount: number }, events: {} as { type: 'spend' } },
    }).createMachine({
      id: 'account', context: ({ input }) => ({ amount: input.amount }), initial: 'open',
      states: { open: { on: { spend: { guard: ({ context }) => context.amount > 0, actions: assign({ amount: ({ context }) => context.amount - 1 }) } } } },
    });
    const system = defineSystem({
      name: 'account', actors: [{ id: 'x', role: 'account', machine: account, input: { amount: 2 } }],
      offers: (ctx) => ctx.offer('spend', () => ({ type: 'spend' })),
      properties: [invariant('keeps-one', 'the balance stays above 0', (v) => (v.actor('x').snapshot.context as { amount: number }).amount > 0 || 'spent out')],
    });
    const trace = await counterexample(system, 'keeps-one', false);
    expect(trace.events.map((e) => (e as { state?: unknown }).state)).toEqual([{ state: 'open', amount: 1 }, { state: 'open', amount: 0 }]);
    expect(statusOf(await verifyTrace({ lines: trace }, { system }))).toEqual({ refinement: 'pass', 'keeps-one': 'fail' });
    // A recorded balance the model cannot have is now a divergence.
    const wrong = { header: trace.header, events: trace.events.map((e, i) => (i === 0 ? { ...e, state: { state: 'open', amount: 2 } } as TraceEvent : e)) };
    expect(statusOf(await verifyTrace({ lines: wrong }, { system })).refinement).toBe('fail');
  }, 60_000);

  it('refuses a trace of another system, a node the system lacks, and a custom trace without its system, each naming line 1 and the field', async () => {
    const trace = await counterexample(pingPong(), 'at-most-one');
    const where = async (t: Trace, system?: SystemSpec) => {
      const err = await verifyTrace({ lines: t }, { system, name: 't.jsonl' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      return (err as UserError).format();
    };
    expect(await where(trace, twoPhaseCommit())).toMatch(/^t\.jsonl:1: config\.system: the trace is of system 'ping-pong', but the system given is 'two-phase-commit/);
    // A header that records the --param values names them: the usual cause is forgetting one.
    const withParams = { ...trace, header: { ...trace.header, config: { ...trace.header.config, params: { crashes: '0', participants: '3' } } } } as Trace;
    expect(await where(withParams, twoPhaseCommit())).toMatch(/but the system given is 'two-phase-commit\(participants=2, crashes=1\)' \(the trace was checked with --param crashes=0 --param participants=3\)$/);
    const stranger = { ...trace, header: traceHeader('custom', { system: 'ping-pong', nodes: ['a', 'b', 'z'] }, { name: 'test' }) };
    expect(await where(stranger, pingPong())).toMatch(/^t\.jsonl:1: config\.nodes\.2: node 'z' is not an actor/);
    expect(await where(trace)).toMatch(/^t\.jsonl:1: protocol: a trace of the custom system 'ping-pong' is judged by replaying it/);
  }, 60_000);
});
