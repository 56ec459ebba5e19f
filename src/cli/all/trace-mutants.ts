/**
 * Implementation mutants for the main job (the balancers': their fairness is judged on
 * traces, not by the explorer). Each records its trace in memory and is judged by the
 * same checkers as a trace file; it is caught when the property it names fails.
 */
import { verifyTrace } from '../../../conformance/checkers/run.ts';
import type { Verdict } from '../../../conformance/checkers/types.ts';
import type { Protocol } from '../../../conformance/schema/trace.ts';
import type { TraceMutant } from '../../families.ts';
import { shortName } from './expectations.ts';

export interface TraceMutantOutcome {
  family: Protocol;
  mutant: { name: string; description: string; kills: string };
  label: string;
  events: number;
  verdicts: Verdict[];
  /** Short names of the failing properties. */
  failed: string[];
  asExpected: boolean;
  detail: string;
  elapsedMs: number;
}

export function catchTraceMutant(family: Protocol, mutant: TraceMutant): TraceMutantOutcome {
  const started = performance.now();
  const report = verifyTrace(mutant.trace(), `<mutant ${mutant.name}>`);
  const failed = report.verdicts.filter((v) => v.status === 'fail').map((v) => shortName(v.property, report.protocol));
  const caught = failed.includes(mutant.kills);
  return {
    family, mutant: { name: mutant.name, description: mutant.description, kills: mutant.kills }, label: mutant.label,
    events: report.events, verdicts: report.verdicts, failed, asExpected: caught,
    detail: caught
      ? `caught: ${failed.join(', ')} failed`
      : `not caught: ${mutant.kills} holds${failed.length > 0 ? ` (failed: ${failed.join(', ')})` : ''}`,
    elapsedMs: performance.now() - started,
  };
}
