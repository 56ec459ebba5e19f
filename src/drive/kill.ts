/**
 * Mutation kill rate. Each implementation mutant is driven through the path modes in
 * turn (random walks, fast-check schedules, coverage) until one diverges, and if none
 * does, judged by its protocol's trace checkers when the binding offers that; mutants judged
 * on a trace they record (the balancers', listed by the families table, src/families.ts)
 * are killed when the property they name fails. The overall figure counts both. A mutant that differs from the model
 * only in ways the protocol allows (a re-promise) is equivalent: listed, not counted.
 */
import { verifyTrace } from '../../conformance/checkers/run.ts';
import type { TraceLine } from '../../conformance/schema/writer.ts';
import type { ProtocolBinding } from './binding.ts';
import { InProcessAdapter } from './in-process.ts';
import { drive, type DriveReport, type PathMode } from './modes.ts';

export interface MutantResult {
  family: string;
  name: string;
  killed: boolean;
  /** What killed it: a path mode, or the balancer property whose checker failed. */
  by: string | null;
  /** The divergence or violation, in one line. */
  detail: string;
  paths: number;
  /** Differs from the reference only in ways the protocol allows: an equivalent mutant, not counted. */
  equivalent?: boolean;
}

export interface KillReport {
  results: MutantResult[];
  killed: number;
  total: number;
  rate: number;
  /** Equivalent mutants, left out of `total`. */
  equivalent: number;
}

const ORDER: { mode: PathMode; budget?: number }[] = [
  { mode: 'random', budget: 3000 },
  { mode: 'fastcheck', budget: 2000 },
  { mode: 'coverage' },
];

export async function killDriven(binding: ProtocolBinding, mutantNames: string[], seed = 1): Promise<MutantResult[]> {
  const results: MutantResult[] = [];
  for (const name of mutantNames) {
    let paths = 0;
    let hit: DriveReport | null = null;
    const allowed = new Map<string, number>();
    for (const { mode, budget } of binding.outsideModel?.(name) ? [] : ORDER) {
      const r = await drive(binding, new InProcessAdapter(name, binding.factory(name)), { mode, budget, seed, maxSteps: 60 });
      paths += r.paths;
      for (const [k, n] of Object.entries(r.allowed)) allowed.set(k, (allowed.get(k) ?? 0) + n);
      if (r.divergence) { hit = r; break; }
    }
    const d = hit?.divergence;
    if (!d && allowed.size > 0) {
      results.push({
        family: binding.protocol, name, killed: false, equivalent: true, by: null, paths,
        detail: `differs from the model only in ways the protocol allows: ${[...allowed].map(([k, n]) => `${k} x${n}`).join('; ')}`,
      });
      continue;
    }
    if (!d && binding.judge) {
      const j = await binding.judge(name);
      results.push({ family: binding.protocol, name, killed: j.killed, by: j.by === null ? null : `trace: ${j.by}`, paths, detail: j.detail });
      continue;
    }
    results.push({
      family: binding.protocol, name, killed: !!d, by: hit?.mode ?? null, paths,
      detail: d ? `${d.class} ${d.property} at step ${d.step}: ${d.description}: ${d.what} differ` : 'survived every path mode',
    });
  }
  return results;
}

/** A mutant judged on the trace it records: killed when the property it names fails. */
export interface TraceJudgedMutant {
  family: string;
  name: string;
  kills: string;
  trace(): Iterable<TraceLine>;
}

export function killByTrace(mutants: readonly TraceJudgedMutant[]): MutantResult[] {
  return mutants.map((m) => {
    const v = verifyTrace(m.trace()).verdicts.find((x) => x.property === m.kills);
    const killed = v?.status === 'fail';
    return {
      family: m.family, name: m.name, killed, by: killed ? m.kills : null, paths: 1,
      detail: killed ? (v?.violations[0]?.message ?? v?.note ?? m.kills) : `${m.kills} did not fail`,
    };
  });
}

export function summarize(results: MutantResult[]): KillReport {
  const killed = results.filter((r) => r.killed).length;
  const counted = results.filter((r) => !r.equivalent).length;
  return { results, killed, total: counted, rate: counted ? killed / counted : 0, equivalent: results.length - counted };
}
