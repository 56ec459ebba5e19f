/**
 * Generated balancer scenarios: what the harness does to a library, as plain data that
 * fast-check generates, shrinks and prints, and that a file can hold for a repro.
 *
 * A scenario is an initial backend list, one backend that may be k× slower than the
 * others, and a list of operations: bursts of picks (each request lasting some ticks, so
 * that in-flight load is real), time passing, membership operations (add, remove,
 * replace in one change, re-add a removed id, add an existing id again, change a weight,
 * remove the last backend) and restarts (a fresh instance, or a fresh process, with the
 * same configuration). Operations name backends by position (modulo the current count), so
 * every shrunk scenario is still meaningful. `scenarioArbitrary` generates only what the
 * library's capabilities allow.
 */
import fc from 'fast-check';
import { balancerConfig } from '../../schema/trace.ts';
import type { Backend, Capabilities } from './library.ts';

export type Op =
  /** `count` picks; each request lasts `duration` ticks (× the slow factor on the slow backend). */
  | { op: 'picks'; count: number; duration: number }
  /** `ticks` ticks pass without a pick: requests finish. */
  | { op: 'wait'; ticks: number }
  | { op: 'add'; weight: number }
  | { op: 'remove'; which: number }
  | { op: 'replace'; which: number; weight: number }
  | { op: 'readd'; which: number }
  | { op: 'add-again'; which: number }
  | { op: 'reweight'; which: number; weight: number }
  /** A fresh instance with the current configuration; `process`: in a fresh process. */
  | { op: 'restart'; process: boolean };

export interface Scenario {
  /** Seeds the key stream and the library's randomness. */
  seed: number;
  /** Keys are k0 .. k{keys-1}, drawn uniformly per pick. */
  keys: number;
  backends: Backend[];
  /** The initial backend at this position is `factor`× slower. */
  slow: { which: number; factor: number } | null;
  ops: Op[];
}

/** Whether the trace format accepts weight 0 (the harness generates it only if so). */
export function formatAcceptsZeroWeight(): boolean {
  return balancerConfig.safeParse({ policy: 'round-robin', backends: [{ id: 'a', weight: 0 }, { id: 'b', weight: 1 }] }).success;
}

/** Restarts are generated only for policies whose behaviour a restart must not change:
 * a fresh round robin rightly starts its rotation over, a fresh hash must map alike. */
export const restartJudged = (c: Capabilities): boolean => c.policy === 'hash' || c.policy === 'consistent-hash';

const LARGE = [1e6, 1e9, 2 ** 31 - 1];
const FRACTIONS = [0.1, 0.3, 0.5, 2.5];

/** One weight drawn the way the capabilities allow. */
export function weightArbitrary(c: Capabilities): fc.Arbitrary<number> {
  if (c.weights === 'none') return fc.constant(1);
  const parts: fc.WeightedArbitrary<number>[] = [
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 10 }) },
    { weight: 1, arbitrary: fc.constantFrom(...LARGE) },
  ];
  if (c.weights === 'any') parts.push({ weight: 2, arbitrary: fc.constantFrom(...FRACTIONS) });
  if (c.zeroWeight && formatAcceptsZeroWeight()) parts.push({ weight: 1, arbitrary: fc.constant(0) });
  const max = c.maxWeight;
  return max === undefined ? fc.oneof(...parts) : fc.oneof(...parts).filter((w) => w <= max);
}

/** Initial weights (1 to max backends): all equal (1 or another value), or each drawn on its own. */
function weightsArbitrary(c: Capabilities, max: number): fc.Arbitrary<number[]> {
  const w = weightArbitrary(c);
  const n = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: Math.min(8, max) }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max }) });
  if (c.weights === 'none') return n.map((k) => Array.from({ length: k }, () => 1));
  return fc.oneof(
    n.map((k) => Array.from({ length: k }, () => 1)),
    fc.tuple(n, w).map(([k, x]) => Array.from({ length: k }, () => (x === 0 ? 1 : x))),
    fc.array(w, { minLength: 1, maxLength: max }),
  );
}

/** Picks per burst: mostly short, sometimes long enough for a statistical test to see a bias. */
const PICKS = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 41, max: 1500 }) });

function opArbitrary(c: Capabilities): fc.Arbitrary<Op> {
  const which = fc.nat({ max: 63 });
  const w = weightArbitrary(c);
  const ops: fc.WeightedArbitrary<Op>[] = [
    { weight: 12, arbitrary: fc.record({ op: fc.constant('picks' as const), count: PICKS, duration: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('wait' as const), ticks: fc.integer({ min: 1, max: 100 }) }) },
  ];
  if (c.membership !== 'none') {
    ops.push(
      { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), weight: w }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), which }) },
    );
  }
  if (c.membership === 'any') {
    ops.push(
      { weight: 1, arbitrary: fc.record({ op: fc.constant('replace' as const), which, weight: w }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('readd' as const), which }) },
    );
    if (!c.duplicates) ops.push({ weight: 1, arbitrary: fc.record({ op: fc.constant('add-again' as const), which }) });
    if (c.reweight && c.weights !== 'none') ops.push({ weight: 1, arbitrary: fc.record({ op: fc.constant('reweight' as const), which, weight: w }) });
  }
  if (restartJudged(c)) ops.push({ weight: 1, arbitrary: fc.record({ op: fc.constant('restart' as const), process: fc.boolean() }) });
  return fc.oneof(...ops);
}

export function scenarioArbitrary(c: Capabilities): fc.Arbitrary<Scenario> {
  const max = Math.min(64, c.maxBackends ?? 64);
  return fc.record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    keys: fc.integer({ min: 1, max: 500 }),
    backends: weightsArbitrary(c, max).map((ws) => ws.map((weight, i) => ({ id: `b${i + 1}`, weight }))),
    slow: c.completions
      ? fc.option(fc.record({ which: fc.nat({ max: 63 }), factor: fc.integer({ min: 2, max: 20 }) }), { nil: null })
      : fc.constant(null),
    ops: fc.array(opArbitrary(c), { minLength: 1, maxLength: 10 }),
  });
}

/** The scenario in words, for the table and progress lines. */
export function describeScenario(s: Scenario): string {
  const ws = s.backends.map((b) => b.weight);
  const equal = ws.every((w) => w === ws[0]);
  const weights = equal ? (ws[0] === 1 ? '' : ` of weight ${ws[0]}`) : ` with weights ${ws.join(',')}`;
  const head = `${s.backends.length} backend${s.backends.length === 1 ? '' : 's'}${weights}`;
  const slow = s.slow ? `, ${s.backends[s.slow.which % s.backends.length].id} ${s.slow.factor}× slower` : '';
  return `${head}${slow}, ${s.keys} key${s.keys === 1 ? '' : 's'}: ${s.ops.map(describeOp).join('; ')}`;
}

export function describeOp(o: Op): string {
  switch (o.op) {
    case 'picks': return `${o.count} pick${o.count === 1 ? '' : 's'} (${o.duration} tick${o.duration === 1 ? '' : 's'} each)`;
    case 'wait': return `wait ${o.ticks} ticks`;
    case 'add': return `add a backend of weight ${o.weight}`;
    case 'remove': return `remove backend #${o.which}`;
    case 'replace': return `replace backend #${o.which} by a new one of weight ${o.weight}`;
    case 'readd': return `re-add removed backend #${o.which}`;
    case 'add-again': return `add backend #${o.which} again`;
    case 'reweight': return `set backend #${o.which}'s weight to ${o.weight}`;
    case 'restart': return o.process ? 'restart in a fresh process' : 'restart (fresh instance)';
  }
}
