/**
 * Judges a cluster variant by its trace: runs the standard simulation (./sim.ts) and the
 * cluster trace checkers over it. This is how mutants of what the model leaves out
 * (sessions) are killed.
 */
import { verifyItems } from '../../../conformance/checkers/run.ts';
import { readTraceText } from '../../../conformance/schema/reader.ts';
import type { TraceJudgement } from '../../drive/binding.ts';
import { clusterMutants } from './mutants.ts';
import { simulate, standardSimPlan } from './sim.ts';
import { traceToJsonl } from '../../../conformance/schema/writer.ts';

export async function judgeByTrace(variant: string): Promise<TraceJudgement> {
  const m = variant === 'reference' ? undefined : clusterMutants.find((x) => x.name === variant);
  if (variant !== 'reference' && !m) throw new Error(`no cluster implementation '${variant}'`);
  const report = await verifyItems(readTraceText(traceToJsonl(simulate(standardSimPlan(m?.variant))), `${variant}.sim.jsonl`), `${variant}.sim.jsonl`);
  const failed = report.verdicts.filter((v) => v.status === 'fail');
  if (failed.length === 0) return { killed: false, by: null, detail: `all ${report.verdicts.length} cluster checkers pass on the simulated run` };
  const first = failed[0];
  return { killed: true, by: failed.map((v) => v.property).join('+'), detail: first.violations[0]?.message ?? first.note ?? first.property };
}
