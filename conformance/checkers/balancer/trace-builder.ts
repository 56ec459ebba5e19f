/**
 * Test support: hand-written balancer traces in a few lines (header config, then events in
 * shorthand), and the verdict of one property over them. Used by the checker tests to
 * state a correct case and a violation side by side.
 */
import { traceHeader, type ConfigOf } from '../../schema/header.ts';
import type { TraceLine } from '../../schema/writer.ts';
import type { Verdict } from '../types.ts';
import { verifyTrace } from '../run.ts';

export type Shorthand =
  | { pick: string; key?: string; request?: string; candidates?: string[]; instance?: string }
  | { done: string; backend: string }
  | { membership: Record<string, number> };

/** A trace with the given config; backends are given as {id: weight}. */
export function balancerTrace(
  config: Omit<ConfigOf<'balancer'>, 'backends'> & { backends: Record<string, number> },
  events: Shorthand[],
): TraceLine[] {
  const backends = Object.entries(config.backends).map(([id, weight]) => ({ id, weight }));
  const lines: TraceLine[] = [traceHeader('balancer', { ...config, backends }, { name: 'test' })];
  let r = 0;
  events.forEach((e, seq) => {
    if ('pick' in e) {
      lines.push({
        seq, node: 'lb', kind: 'pick', request: e.request ?? `r${r++}`, backend: e.pick,
        ...(e.key !== undefined ? { key: e.key } : {}), ...(e.candidates ? { candidates: e.candidates } : {}),
        ...(e.instance ? { instance: e.instance } : {}),
      });
    } else if ('done' in e) {
      lines.push({ seq, node: 'lb', kind: 'done', request: e.done, backend: e.backend });
    } else {
      lines.push({ seq, node: 'lb', kind: 'membership', backends: Object.entries(e.membership).map(([id, weight]) => ({ id, weight })) });
    }
  });
  return lines;
}

/** Picks of the given backends, one after another. */
export const picksOf = (ids: string[]): Shorthand[] => ids.map((pick) => ({ pick }));

export function verdictOn(lines: Iterable<TraceLine>, property: string): Verdict {
  const v = verifyTrace(lines).verdicts.find((x) => x.property === property);
  if (!v) throw new Error(`no verdict for ${property}`);
  return v;
}
