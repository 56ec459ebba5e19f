/**
 * The fault schedule of a real run, as a pure function of the run's shape and a seed:
 * one episode per requested fault kind, in consecutive slots of the middle of the run,
 * each undone before the next begins (kill -> restart, pause -> resume, partition -> heal).
 * The seed picks the victims, the partition's sides, and when in its slot each episode
 * starts and how long it lasts; it is mixed (a murmur3 finalizer) before it seeds the
 * generator, since xorshift fed a small seed directly starts with near-zero outputs
 * (which once made node 1 the kill victim for every seed from 0 to 200).
 */
export type FaultKind = 'kill' | 'pause' | 'partition';
export const FAULT_KINDS: readonly FaultKind[] = ['kill', 'pause', 'partition'];

export type FaultAction =
  | { at: number; kind: 'kill' | 'restart' | 'pause' | 'resume'; node: string }
  | { at: number; kind: 'partition'; groups: string[][] }
  | { at: number; kind: 'heal' };

export interface FaultPlanInput {
  kinds: readonly FaultKind[];
  durationMs: number;
  /** Nodes a kill or pause may hit (e.g. acceptors, or servers). */
  victims: readonly string[];
  /** Every node, for partitions. */
  nodes: readonly string[];
  seed: number;
}

export function planFaults(p: FaultPlanInput): FaultAction[] {
  let s = mix32(p.seed) || 1;
  const rand = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const start = p.durationMs * 0.15;
  const slot = (p.durationMs * 0.7) / Math.max(1, p.kinds.length);
  const out: FaultAction[] = [];
  p.kinds.forEach((kind, i) => {
    // Starts in the first 30% of its slot, lasts 30-60% of it: undone before the next slot.
    const at = Math.round(start + i * slot + rand() * slot * 0.3);
    const until = Math.round(at + slot * (0.3 + rand() * 0.3));
    if (kind === 'partition') {
      const minority = p.nodes.filter(() => rand() < 0.4);
      const side = minority.length > 0 && minority.length < p.nodes.length ? minority : [pick(p.nodes)];
      out.push({ at, kind: 'partition', groups: [p.nodes.filter((n) => !side.includes(n)), side] }, { at: until, kind: 'heal' });
    } else {
      const node = pick(p.victims);
      out.push({ at, kind, node }, { at: until, kind: kind === 'kill' ? 'restart' : 'resume', node });
    }
  });
  return out;
}

/** murmur3's 32-bit finalizer: nearby seeds give unrelated generator states. */
function mix32(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
