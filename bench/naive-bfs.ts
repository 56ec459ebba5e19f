/**
 * The baseline the explorer is measured against: Lamport's Paxos.tla written the
 * obvious way, straight from its definitions (not from coordkit's explorer or models).
 * A state is a plain object of the TLA+ variables maxBal, maxVBal, maxVal and msgs;
 * visited states are kept as JSON.stringify keys in a JS Set; breadth-first.
 *
 *   Phase1a(b)    send [type |-> "1a", bal |-> b]
 *   Phase1b(a)    on a 1a with bal > maxBal[a]: maxBal[a] := bal,
 *                 send [type |-> "1b", acc |-> a, bal, mbal |-> maxVBal[a], mval |-> maxVal[a]]
 *   Phase2a(b,v)  no 2a for b yet; some quorum Q all sent 1b for b; v is free (no 1b in Q
 *                 voted) or the value of the highest-ballot vote among them; send 2a
 *   Phase2b(a)    on a 2a with bal >= maxBal[a]: maxBal[a] := maxVBal[a] := bal,
 *                 maxVal[a] := val, send [type |-> "2b", acc |-> a, bal, val]
 */

type Msg =
  | { type: '1a'; bal: number }
  | { type: '1b'; acc: number; bal: number; mbal: number; mval: string | null }
  | { type: '2a'; bal: number; val: string }
  | { type: '2b'; acc: number; bal: number; val: string };

interface State {
  maxBal: number[];
  maxVBal: number[];
  maxVal: (string | null)[];
  /** A set: kept sorted by each message's JSON, so equal sets stringify equally. */
  msgs: Msg[];
}

export interface NaiveConfig {
  acceptors: number;
  values: number;
  /** Ballots 0 .. ballots-1. */
  ballots: number;
}

export interface NaiveResult {
  states: number;
  transitions: number;
  elapsedMs: number;
}

/** All subsets of acceptors with more than half of them (for 3 acceptors: the pairs and the triple). */
function majorities(n: number): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    const q = Array.from({ length: n }, (_, i) => i).filter((i) => (mask >> i) & 1);
    if (q.length * 2 > n) out.push(q);
  }
  return out;
}

/** msgs \cup {m}, keeping the sorted order. */
function send(s: State, m: Msg): State {
  const key = JSON.stringify(m);
  let at = 0;
  for (; at < s.msgs.length; at++) {
    const other = JSON.stringify(s.msgs[at]);
    if (other === key) return s;
    if (other > key) break;
  }
  return { ...s, msgs: [...s.msgs.slice(0, at), m, ...s.msgs.slice(at)] };
}

function set<T>(xs: T[], i: number, x: T): T[] {
  const out = [...xs];
  out[i] = x;
  return out;
}

function next(s: State, cfg: NaiveConfig, quorums: number[][], values: string[]): State[] {
  const out: State[] = [];
  for (let b = 0; b < cfg.ballots; b++) {
    out.push(send(s, { type: '1a', bal: b }));
    if (s.msgs.some((m) => m.type === '2a' && m.bal === b)) continue;
    for (const v of values) {
      const allowed = quorums.some((q) => {
        const q1b = s.msgs.filter((m): m is Extract<Msg, { type: '1b' }> => m.type === '1b' && m.bal === b && q.includes(m.acc));
        if (!q.every((a) => q1b.some((m) => m.acc === a))) return false;
        const voted = q1b.filter((m) => m.mbal >= 0);
        if (voted.length === 0) return true;
        return voted.some((m) => m.mval === v && voted.every((mm) => m.mbal >= mm.mbal));
      });
      if (allowed) out.push(send(s, { type: '2a', bal: b, val: v }));
    }
  }
  for (let a = 0; a < cfg.acceptors; a++) {
    for (const m of s.msgs) {
      if (m.type === '1a' && m.bal > s.maxBal[a]) {
        const t = { ...s, maxBal: set(s.maxBal, a, m.bal) };
        out.push(send(t, { type: '1b', acc: a, bal: m.bal, mbal: s.maxVBal[a], mval: s.maxVal[a] }));
      }
      if (m.type === '2a' && m.bal >= s.maxBal[a]) {
        const t = { ...s, maxBal: set(s.maxBal, a, m.bal), maxVBal: set(s.maxVBal, a, m.bal), maxVal: set(s.maxVal, a, m.val) };
        out.push(send(t, { type: '2b', acc: a, bal: m.bal, val: m.val }));
      }
    }
  }
  return out;
}

export function naiveBfs(cfg: NaiveConfig): NaiveResult {
  const started = performance.now();
  const quorums = majorities(cfg.acceptors);
  const values = Array.from({ length: cfg.values }, (_, i) => `v${i + 1}`);
  const init: State = {
    maxBal: Array(cfg.acceptors).fill(-1),
    maxVBal: Array(cfg.acceptors).fill(-1),
    maxVal: Array(cfg.acceptors).fill(null),
    msgs: [],
  };
  const seen = new Set<string>([JSON.stringify(init)]);
  let frontier: State[] = [init];
  let transitions = 0;
  while (frontier.length > 0) {
    const following: State[] = [];
    for (const s of frontier) {
      for (const t of next(s, cfg, quorums, values)) {
        transitions++;
        const key = JSON.stringify(t);
        if (seen.has(key)) continue;
        seen.add(key);
        following.push(t);
      }
    }
    frontier = following;
  }
  return { states: seen.size, transitions, elapsedMs: performance.now() - started };
}
