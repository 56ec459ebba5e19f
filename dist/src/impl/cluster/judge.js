/**
 * Judges a cluster variant by its trace: runs the standard simulation (./sim.ts) and the
 * cluster trace checkers over it. This is how mutants of what the model leaves out
 * (sessions) are killed.
 */
import { verifyItems } from '../../../conformance/checkers/run.js';
import { readTraceText } from '../../../conformance/schema/reader.js';
import { clusterMutants } from './mutants.js';
import { simulate, standardSimPlan } from './sim.js';
import { traceToJsonl } from '../../../conformance/schema/writer.js';
export async function judgeByTrace(variant) {
    const m = variant === 'reference' ? undefined : clusterMutants.find((x) => x.name === variant);
    if (variant !== 'reference' && !m)
        throw new Error(`no cluster implementation '${variant}'`);
    const report = await verifyItems(readTraceText(traceToJsonl(simulate(standardSimPlan(m?.variant))), `${variant}.sim.jsonl`), `${variant}.sim.jsonl`);
    const failed = report.verdicts.filter((v) => v.status === 'fail');
    if (failed.length === 0)
        return { killed: false, by: null, detail: `all ${report.verdicts.length} cluster checkers pass on the simulated run` };
    const first = failed[0];
    return { killed: true, by: failed.map((v) => v.property).join('+'), detail: first.violations[0]?.message ?? first.note ?? first.property };
}
