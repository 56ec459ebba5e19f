/** Stepper: the enabled steps, replaying a counterexample by step positions, and paths that stay valid across systems. */
import { describe, expect, it } from 'vitest';
import { paxosTlaSystem } from '../../models/paxos/system.ts';
import { findPaxosMutant } from '../../models/paxos/mutants.ts';
import { ComposedSystem } from './compose.ts';
import { search } from './search.ts';
import { Stepper } from './stepper.ts';
import { describeMessage, describeStep, type Message } from './step.ts';

const mutant = findPaxosMutant('phase2a-any-value')!;
const spec = () => paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2, machines: { [mutant.role]: mutant.machine } });

describe('Stepper', () => {
  it('lists as many steps as the system has successors, each leading where successors() leads', () => {
    const system = new ComposedSystem(spec());
    const stepper = new Stepper(system);
    const init = stepper.initial();
    const codes: number[] = [];
    system.successors(init, (code) => codes.push(code));
    const steps = stepper.enabled(init);
    expect(steps.map((s) => s.code).sort()).toEqual([...codes].sort());
    expect(steps.map((s) => s.index)).toEqual(steps.map((_, i) => i));
    for (const s of steps) expect(s.action).not.toBe('');
    expect(() => stepper.next(init, steps.length)).toThrow(RangeError);
    expect(stepper.follow([steps.length])).toBeUndefined();
  });

  it('replays the mutant\'s 8-step agreement counterexample: violated after step 8, not after step 7', () => {
    const system = new ComposedSystem(spec());
    const result = search(system, { strategy: 'bfs' });
    const agreement = result.properties.find((p) => p.name === 'agreement')!;
    expect(agreement.status).toBe('violated');
    const stepper = new Stepper(system);
    const tour = stepper.positions(agreement.path!.slice(1).map((i) => result.store.action(i)));
    expect(tour).toHaveLength(8);
    const states = stepper.follow(tour)!;
    expect(stepper.report(states[7]).violated).toEqual([]);
    expect(stepper.report(states[8]).violated.map((v) => v.name)).toEqual(['agreement']);
    // Each actor's active state nodes name its state value.
    for (const a of stepper.report(states[8]).actors) expect(a.active.length).toBeGreaterThan(0);
    // Steps and messages are described as step.ts describes them.
    const first = stepper.enabled(states[0])[tour[0]];
    expect(first.action).toBe(describeStep(system.decodeStep(first.code)));
    const { messages } = stepper.report(states[8]);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.text).toBe(describeMessage(m.msg as Message));
    expect(messages.map((m) => m.text)).toContain('accept(ballot=1, value="v2")');
  });

  it('a shared path names the same steps: a fresh system and one that searched 18,769 states depth-first list them alike', () => {
    const searched = new ComposedSystem(spec());
    // Depth-first interns messages in another order than stepping from the initial state does.
    expect(search(searched, { strategy: 'dfs', continueAfterViolation: true }).states).toBe(18_769);
    const a = new Stepper(searched);
    const b = new Stepper(new ComposedSystem(spec()));
    let sa = a.initial();
    let sb = b.initial();
    // Always the last step: away from the order in which the depth-first search went.
    for (let k = 0; k < 10; k++) {
      const la = a.enabled(sa).map((s) => `${s.actor}: ${s.action}`);
      const lb = b.enabled(sb).map((s) => `${s.actor}: ${s.action}`);
      expect(la).toEqual(lb);
      if (la.length === 0) break;
      sa = a.next(sa, la.length - 1);
      sb = b.next(sb, lb.length - 1);
    }
  });
});
