import { describe, expect, it } from 'vitest';
import { paxosTlaSystem } from '../../models/paxos/system.ts';
import { ComposedSystem } from './compose.ts';
import { PropertyEvaluator } from './property-evaluator.ts';

describe('PropertyEvaluator', () => {
  it('shares one projection among properties that read the same words of this system', () => {
    const system = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 }));
    const props = system.spec.properties;
    // Four properties, three distinct `reads`: the learner role reads nothing here (Paxos.tla has no learners).
    expect(new Set(props.map((p) => JSON.stringify(p.reads))).size).toBe(3);
    expect(new PropertyEvaluator(system, props).projections).toBe(2);
  });

  it('keeps projections apart that read different message types', () => {
    const system = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 }));
    const [agreement] = system.spec.properties;
    const other = { ...agreement, name: 'other', reads: { messageTypes: ['promise'], roles: [] } };
    expect(new PropertyEvaluator(system, [agreement, other]).projections).toBe(2);
    expect(new PropertyEvaluator(system, [agreement, { ...agreement, name: 'again' }]).projections).toBe(1);
  });
});
