/**
 * The fault schedule of a real run, as a pure function of the run's shape and a seed:
 * one episode per requested fault kind, in consecutive slots of the middle of the run,
 * each undone before the next begins (kill -> restart, pause -> resume, partition -> heal).
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
  let s = p.seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const start = p.durationMs * 0.15;
  const slot = (p.durationMs * 0.7) / Math.max(1, p.kinds.length);
  const out: FaultAction[] = [];
  p.kinds.forEach((kind, i) => {
    const at = Math.round(start + i * slot);
    const until = Math.round(at + slot * 0.6);
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
