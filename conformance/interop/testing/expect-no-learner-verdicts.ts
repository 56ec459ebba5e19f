import { expect } from 'vitest';
import type { TraceReport } from '../../checkers/run.ts';

/**
 * Paxos.tla has no learners: a trace of it has no decision, so decide-chosen and
 * learner-liveness have nothing to judge (skip), and the other 9 properties pass.
 */
export function expectNoLearnerVerdicts(report: Pick<TraceReport, 'verdicts'>): void {
  expect(report.verdicts).toHaveLength(11);
  expect(report.verdicts.filter((v) => v.status !== 'pass').map((v) => [v.property, v.status]))
    .toEqual([['paxos.decide-chosen', 'skip'], ['paxos.learner-liveness', 'skip']]);
}
