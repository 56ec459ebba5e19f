/**
 * Ballots as (number, node id) pairs, the way most Paxos libraries write them, mapped to
 * the model's integer ballots. Each model ballot is owned by one proposer; its pair is
 * [k, owner] where k counts the owner's ballots from 1, which orders pairs
 * lexicographically (number, then id) exactly as the model orders its integers in the
 * configurations the driver uses (checked, else [ballot, owner]). The mapping is handed
 * to the implementation at reset (`config.ballotPairs`); this adapter translates every
 * message going in and every output and state coming out, so the driver only ever sees
 * the model's integers. "No ballot" is null in pair form.
 */
import type { Adapter, DriveConfig, DriveInput, DriveOutput } from './adapter.ts';
import type { BallotScheme } from './binding.ts';

export type BallotPair = [number, string];

const lexLess = (a: BallotPair, b: BallotPair) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** The pair of each model ballot, given who owns it. */
export function ballotPairs(owners: ReadonlyMap<number, string>): { ballot: number; pair: BallotPair }[] {
  const sorted = [...owners.keys()].sort((a, b) => a - b);
  const counted = new Map<string, number>();
  const pairs = sorted.map((ballot) => {
    const owner = owners.get(ballot)!;
    const k = (counted.get(owner) ?? 0) + 1;
    counted.set(owner, k);
    return { ballot, pair: [k, owner] as BallotPair };
  });
  const ordered = pairs.every((p, i) => i === 0 || lexLess(pairs[i - 1].pair, p.pair));
  return ordered ? pairs : sorted.map((ballot) => ({ ballot, pair: [ballot, owners.get(ballot)!] as BallotPair }));
}

export class BallotPairAdapter implements Adapter {
  readonly name: string;
  private toPair = new Map<number, BallotPair>();
  private toBallot = new Map<string, number>();

  constructor(private readonly inner: Adapter, private readonly scheme: BallotScheme) {
    this.name = inner.name;
  }

  get stepsUnderTest() { return this.inner.stepsUnderTest; }
  observable(node: string) { return this.inner.observable?.(node); }

  /** Model form -> pair form. */
  private out(x: unknown): unknown {
    if (Array.isArray(x)) return x.map((y) => this.out(y));
    if (typeof x !== 'object' || x === null) return x;
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k in this.scheme.fields && typeof v === 'number') o[k] = this.toPair.get(v) ?? null;
      else if (k === 'ballots' && Array.isArray(v) && v.every((b) => typeof b === 'number')) o[k] = v.map((b) => this.toPair.get(b) ?? b);
      else if (this.scheme.keyedFields.includes(k) && typeof v === 'object' && v !== null && !Array.isArray(v)) {
        o[k] = Object.fromEntries(Object.entries(v).map(([key, val]) => {
          const bar = key.indexOf('|');
          const pair = this.toPair.get(Number(key.slice(0, bar)));
          return [pair ? `${pair[0]},${pair[1]}${key.slice(bar)}` : key, val];
        }));
      } else o[k] = this.out(v);
    }
    return o;
  }

  /** Pair form -> model form. */
  private in(x: unknown): unknown {
    if (Array.isArray(x)) return x.map((y) => this.in(y));
    if (typeof x !== 'object' || x === null) return x;
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k in this.scheme.fields && (v === null || Array.isArray(v))) {
        o[k] = v === null ? this.scheme.fields[k] : this.toBallot.get(JSON.stringify(v)) ?? v;
      } else if (this.scheme.keyedFields.includes(k) && typeof v === 'object' && v !== null && !Array.isArray(v)) {
        o[k] = Object.fromEntries(Object.entries(v).map(([key, val]) => {
          const bar = key.indexOf('|');
          const [n, id] = key.slice(0, bar).split(',');
          const b = this.toBallot.get(JSON.stringify([Number(n), id]));
          return [b === undefined ? key : `${b}${key.slice(bar)}`, val];
        }));
      } else o[k] = this.in(v);
    }
    return o;
  }

  async reset(config: DriveConfig): Promise<void> {
    this.toPair = new Map((config.ballotPairs ?? []).map((p) => [p.ballot, p.pair]));
    this.toBallot = new Map((config.ballotPairs ?? []).map((p) => [JSON.stringify(p.pair), p.ballot]));
    const { ballotPairs, ...rest } = config;
    await this.inner.reset({ ...(this.out(rest) as DriveConfig), ballotPairs });
  }

  async step(node: string, input: DriveInput): Promise<DriveOutput[]> {
    return this.in(await this.inner.step(node, this.out(input) as DriveInput)) as DriveOutput[];
  }

  async observe(node: string): Promise<unknown> {
    return this.in(await this.inner.observe(node));
  }

  restart(node: string) { return this.inner.restart(node); }
  close() { return this.inner.close(); }
}
