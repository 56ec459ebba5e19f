/**
 * The search: fast-check generates scenarios inside a library's capabilities, each is
 * driven against the library (drive.ts, in its host) and the resulting trace is judged by
 * every balancer checker (the shared verifyTrace, so properties added there are picked up
 * here), plus the harness's own call-returns and no-crash. The first scenario that fails
 * a property not yet seen failing is shrunk, for that property alone, to the smallest
 * scenario that still fails it (fast-check replays the run by seed and path, then
 * shrinks); the search then goes on for the other properties until the budget is spent.
 *
 * Statistical verdicts are corrected for the number of scenarios the budget allows: each
 * trace's header carries `alpha` and `scenarios` (multipleTesting), and the checkers run
 * each statistical verdict at the Šidák level for that many traces, so the chance of any
 * false alarm on a correct library over the whole run stays at most alpha.
 */
import fc from 'fast-check';
import { multipleTesting } from '../../checkers/balancer/index.ts';
import { verifyTrace } from '../../checkers/run.ts';
import type { Figure, Verdict } from '../../checkers/types.ts';
import type { TraceLine } from '../../schema/writer.ts';
import { driveAsync, driveSync, type DriveOutcome } from './drive.ts';
import { InProcessHost, StdioHost, type Host } from './host.ts';
import type { Capabilities } from './library.ts';
import type { Hello } from './protocol.ts';
import { scenarioArbitrary, type Scenario } from './scenario.ts';

export const HARNESS_PROPERTIES = ['call-returns', 'no-crash'] as const;
/** A time-budgeted run stops at this many scenarios (and corrects for this many). */
export const MAX_SCENARIOS = 10_000;

export interface Target {
  id: string;
  info: Hello;
  /** A host for the library; the search closes it at the end. */
  host(): Host;
}

export interface Budget {
  scenarios?: number;
  seconds?: number;
  /** Time allowed to shrink one failing property, seconds. */
  shrinkSeconds?: number;
}

export interface Evaluation {
  outcome: DriveOutcome;
  verdicts: Verdict[];
  failed: string[];
}

export interface Found {
  scenario: Scenario;
  /** The minimal scenario in words, as the driver applied it. */
  words: string;
  /** The first violation (or incident) on the minimal scenario. */
  message: string;
  /** Its figures on the minimal scenario. */
  figures: Record<string, Figure>;
  lines: TraceLine[];
  shrinkSeconds: number;
}

export interface PropertyResult {
  property: string;
  status: Verdict['status'];
  /** Scenarios in which the property was judged (passed or failed) / failed / skipped. */
  judged: number;
  failed: number;
  skipped: number;
  note?: string;
  found?: Found;
}

export interface LibraryRun {
  target: Target;
  scenarios: number;
  seconds: number;
  properties: PropertyResult[];
}

export async function evaluate(target: Target, host: Host, s: Scenario, m: number): Promise<Evaluation> {
  const caps = target.info.capabilities;
  const meta = { producer: { name: target.info.library, version: target.info.version }, config: multipleTesting(m) };
  const fast = host instanceof StdioHost ? await host.runScenario(s, caps, meta) : null;
  const outcome = host instanceof InProcessHost
    ? driveSync(s, caps, meta, (c) => host.callSync(c))
    : fast ?? await driveAsync(s, caps, meta, (c) => host.call(c));
  let verdicts: Verdict[];
  try {
    // A scenario that recorded no balancer event (it only waited or restarted, or failed at
    // configure) checks nothing: the checkers have no verdict on it, only the harness
    // properties below do.
    const judgeable = outcome.lines.some((l) => 'kind' in l && (l.kind === 'pick' || l.kind === 'done' || l.kind === 'membership'));
    verdicts = judgeable ? verifyTrace(outcome.lines, target.id).verdicts : [];
  } catch (err) {
    // The library answered something no trace can hold (e.g. a backend id that is not a string).
    verdicts = [{ property: 'pick-validity', status: 'fail', note: (err as Error).message, violations: [{ line: 0, message: (err as Error).message }], figures: {} }];
  }
  const incident = outcome.incident;
  for (const property of HARNESS_PROPERTIES) {
    const hit = incident?.property === property ? incident : null;
    verdicts.push(hit
      ? { property, status: 'fail', note: `${hit.message} after: ${outcome.steps.join('; ') || 'configure'}`, violations: [{ line: outcome.lines.length, message: hit.message }], figures: { calls: outcome.calls } }
      : { property, status: 'pass', violations: [], figures: { calls: outcome.calls } });
  }
  return { outcome, verdicts, failed: verdicts.filter((v) => v.status === 'fail').map((v) => v.property) };
}

const firstMessage = (v: Verdict | undefined): string => v?.violations[0]?.message ?? v?.note ?? '';

export interface SearchOptions {
  budget: Budget;
  seed: number;
  progress?: (line: string) => void;
  /** Stop searching once this returns true for the properties seen failing (a mutant caught). */
  stopWhen?: (failing: ReadonlySet<string>) => boolean;
}

export async function searchLibrary(target: Target, o: SearchOptions): Promise<LibraryRun> {
  const caps: Capabilities = target.info.capabilities;
  const arb = scenarioArbitrary(caps);
  const maxScenarios = o.budget.scenarios ?? MAX_SCENARIOS;
  const m = maxScenarios;
  const host = target.host();
  // The budget is search time: the library's process starts first.
  try { await host.hello(); } catch (err) { host.close(); throw err; }
  const started = performance.now();
  const deadline = o.budget.seconds !== undefined ? started + o.budget.seconds * 1000 : Infinity;
  const stats = new Map<string, PropertyResult>();
  const record = (v: Verdict) => {
    const r = stats.get(v.property) ?? { property: v.property, status: 'skip', judged: 0, failed: 0, skipped: 0 };
    if (v.status === 'skip') { r.skipped++; r.note ??= v.note; } else r.judged++;
    if (v.status === 'fail') r.failed++;
    stats.set(v.property, r);
  };
  let scenarios = 0;
  let lastProgress = started;
  const seenFailing = new Set<string>();
  try {
    for (let segment = 0; scenarios < maxScenarios && performance.now() < deadline; segment++) {
      let failure: { failing: string[] } | null = null;
      const seed = (o.seed + segment * 7919) | 0;
      const result = await fc.check(fc.asyncProperty(arb, async (s) => {
        if (scenarios >= maxScenarios || performance.now() >= deadline) return true;
        scenarios++;
        const e = await evaluate(target, host, s, m);
        e.verdicts.forEach(record);
        const now = performance.now();
        if (o.progress && now - lastProgress > 2000) {
          lastProgress = now;
          o.progress(`${target.id}: ${scenarios} scenarios, ${((now - started) / 1000).toFixed(1)} s${seenFailing.size ? `, failing: ${[...seenFailing].join(', ')}` : ''}`);
        }
        const fresh = e.failed.filter((p) => !seenFailing.has(p));
        if (fresh.length === 0) return true;
        failure = { failing: fresh };
        return false;
      // No interruptAfterTimeLimit: it would abandon a running scenario, whose calls would
      // then interleave with the next one's on the same process. Past the deadline the
      // property passes without running.
      }), { seed, numRuns: Math.max(1, maxScenarios - scenarios), endOnFailure: true });
      if (!result.failed || failure === null) break;
      const path = result.counterexamplePath ?? undefined;
      for (const property of (failure as { failing: string[] }).failing) {
        seenFailing.add(property);
        o.progress?.(`${target.id}: ${property} fails; shrinking`);
        const found = await shrink(target, host, arb, seed, path, property, result.counterexample![0], m, o.budget.shrinkSeconds ?? 15);
        const r = stats.get(property)!;
        r.found = found;
        o.progress?.(`${target.id}: ${property}: minimal scenario ${found.words} — ${found.message}`);
      }
      if (o.stopWhen?.(seenFailing)) break;
      // A library that hangs is searched no further: every later scenario that reaches the
      // hang would cost a timeout and a new process.
      if (seenFailing.has('call-returns')) break;
    }
  } finally {
    host.close();
  }
  const properties = [...stats.values()].map((r) => ({ ...r, status: (r.failed > 0 ? 'fail' : r.judged > 0 ? 'pass' : 'skip') as Verdict['status'] }));
  return { target, scenarios, seconds: (performance.now() - started) / 1000, properties };
}

async function shrink(
  target: Target, host: Host, arb: fc.Arbitrary<Scenario>, seed: number, path: string | undefined,
  property: string, original: Scenario, m: number, seconds: number,
): Promise<Found> {
  const started = performance.now();
  let best = original;
  if (path !== undefined) {
    const until = started + seconds * 1000;
    let first = true;
    const result = await fc.check(fc.asyncProperty(arb, async (s) => {
      // The replayed failure itself always runs; past the time limit no candidate is tried.
      if (!first && performance.now() > until) return true;
      first = false;
      const e = await evaluate(target, host, s, m);
      return !e.failed.includes(property);
    }), { seed, path });
    if (result.failed && result.counterexample) best = result.counterexample[0];
  }
  const e = await evaluate(target, host, best, m);
  const v = e.verdicts.find((x) => x.property === property);
  return {
    scenario: best,
    words: describeApplied(best, e.outcome),
    message: v?.status === 'fail' ? firstMessage(v) : `did not fail again when replayed (${firstMessage(v) || 'no violation'})`,
    figures: v?.figures ?? {},
    lines: e.outcome.lines,
    shrinkSeconds: (performance.now() - started) / 1000,
  };
}

/** The scenario in words as the driver applied it: initial backends, then each step. */
export function describeApplied(s: Scenario, outcome: DriveOutcome): string {
  const ws = s.backends.map((b) => b.weight);
  const equal = ws.every((w) => w === ws[0]);
  const weights = equal ? (ws[0] === 1 ? '' : ` of weight ${ws[0]}`) : ` with weights ${ws.join(',')}`;
  const slow = s.slow ? `, ${s.backends[s.slow.which % s.backends.length].id} ${s.slow.factor}× slower` : '';
  const keys = `${s.keys} key${s.keys === 1 ? '' : 's'}`;
  return `${s.backends.length} backend${s.backends.length === 1 ? '' : 's'}${weights}${slow}, ${keys}: ${outcome.steps.join(', ') || 'configure'}`;
}
