/**
 * Judges a cluster variant by its trace: runs the standard simulation (src/impl/cluster/sim.ts) and the
 * cluster trace checkers over it. This is how mutants of what the model leaves out
 * (sessions) are killed.
 */
import { verifyTrace } from '../../conformance/checkers/run.ts';
import type { TraceJudgement } from './binding.ts';
import { clusterMutants } from '../impl/cluster/mutants.ts';
import { simulate, standardSimPlan } from '../impl/cluster/sim.ts';

export async function judgeByTrace(variant: string): Promise<TraceJudgement> {
  const m = variant === 'reference' ? undefined : clusterMutants.find((x) => x.name === variant);
  if (variant !== 'reference' && !m) throw new Error(`no cluster implementation '${variant}'`);
  const report = verifyTrace(simulate(standardSimPlan(m?.variant)), `${variant}.sim.jsonl`);
  const failed = report.verdicts.filter((v) => v.status === 'fail');
  if (failed.length === 0) return { killed: false, by: null, detail: `all ${report.verdicts.length} cluster checkers pass on the simulated run` };
  const first = failed[0];
  return { killed: true, by: failed.map((v) => v.property).join('+'), detail: first.violations[0]?.message ?? first.note ?? first.property };
}
