/** What the Paxos checkers need to know from a header: roles, quorums, allowed values. */
import type { TraceHeader } from '../../schema/trace.ts';

export type PaxosHeader = Extract<TraceHeader, { protocol: 'paxos' }>;
export type Value = string | number;

export interface PaxosSetup {
  acceptors: ReadonlySet<string>;
  proposers: ReadonlySet<string>;
  values: ReadonlySet<Value>;
  /** Does this set of acceptors contain a quorum? (Quorums are closed under supersets.) */
  containsQuorum(members: ReadonlySet<string>): boolean;
  /**
   * The same question of a set of acceptors kept as bits, acceptor i (in `acceptorAt`
   * order) at bit i % 32 of bits[at + (i >> 5)]: `words` 32-bit words per set (held in
   * narrower integers while the high bits are 0), so a per-ballot record holds its
   * acceptors in a few bytes.
   */
  readonly words: number;
  bitsContainQuorum(bits: ArrayLike<number>, at: number): boolean;
  /** Acceptor index (its bit), or -1 for a node that is not a declared acceptor. */
  acceptorIndex(node: string): number;
  acceptorAt(i: number): string;
}

export function paxosSetup(h: PaxosHeader): PaxosSetup {
  const acceptors = new Set(h.config.acceptors);
  const order = [...acceptors];
  const index = new Map(order.map((a, i) => [a, i]));
  const words = (order.length + 31) >> 5;
  const majority = Math.floor(acceptors.size / 2) + 1;
  // A quorum naming a node that is no acceptor is never contained: members are acceptors.
  const quorums = h.config.quorums
    ?.filter((q) => q.every((a) => index.has(a)))
    .map((q) => { const bits = new Int32Array(words); for (const a of q) setBit(bits, 0, index.get(a) as number); return bits; });
  const bitsContainQuorum = quorums
    ? (bits: ArrayLike<number>, at: number) => quorums.some((q) => q.every((w, i) => (bits[at + i] & w) === w))
    : (bits: ArrayLike<number>, at: number) => {
        let n = 0;
        for (let i = 0; i < words; i++) n += popcount(bits[at + i]);
        return n >= majority;
      };
  const scratch = new Int32Array(words);
  return {
    acceptors,
    proposers: new Set(h.config.proposers),
    values: new Set(h.config.values),
    containsQuorum: (members) => {
      scratch.fill(0);
      for (const a of members) { const i = index.get(a); if (i !== undefined) setBit(scratch, 0, i); }
      return bitsContainQuorum(scratch, 0);
    },
    words,
    bitsContainQuorum,
    acceptorIndex: (node) => index.get(node) ?? -1,
    acceptorAt: (i) => order[i],
  };
}

export function setBit(bits: Int32Array, at: number, i: number): void { bits[at + (i >> 5)] |= 1 << (i & 31); }
export const hasBit = (bits: ArrayLike<number>, at: number, i: number): boolean => (bits[at + (i >> 5)] & (1 << (i & 31))) !== 0;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
