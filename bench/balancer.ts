/** Balancer checker throughput: events/s per policy over 1,000,000-event traces generated
 * by the implementations and streamed through the checkers (nothing kept in memory). */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { balancerCheckers } from '../conformance/checkers/balancer/index.ts';
import type { HeaderOf } from '../conformance/schema/header.ts';
import type { TraceEvent } from '../conformance/schema/trace.ts';
import { policies } from '../src/impl/balancer/index.ts';
import { recordTrace } from '../src/impl/balancer/record.ts';
import type { Policy } from '../src/impl/balancer/types.ts';
import { backendsOf, standardChanges } from '../src/impl/balancer/workload.ts';

export async function run(): Promise<void> {
  const picks = 500_000; // about 1M events with completions
  for (const policy of Object.keys(policies) as Policy[]) {
    const backends = backendsOf(8, policy === 'weighted-round-robin' || policy === 'random' ? [5, 1, 3, 1, 2, 2, 1, 4] : []);
    const spec = { backends, picks, keys: 10_000, maxInflight: 32, changes: standardChanges(backends, picks), seed: 1 };
    // Pre-generate so that only checking is timed.
    const lines = [...recordTrace(policies[policy](backends, 1), spec, { policy, producer: { name: 'bench' } })];
    const header = lines[0] as HeaderOf<'balancer'>;
    const t0 = performance.now();
    const checkers = balancerCheckers(header);
    for (let i = 1; i < lines.length; i++) for (const c of checkers) c.event(lines[i] as TraceEvent, i + 1);
    const verdicts = checkers.flatMap((c) => c.end());
    const s = (performance.now() - t0) / 1000;
    const failed = verdicts.filter((v) => v.status === 'fail').length;
    console.log(`${policy.padEnd(22)} ${(lines.length - 1).toLocaleString()} events  ${Math.round((lines.length - 1) / s).toLocaleString()} events/s  (${failed} failing properties)`);
  }
}

// Run directly: node bin/run-ts.mjs bench/balancer.ts
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await run();
