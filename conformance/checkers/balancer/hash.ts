/**
 * The hash policies (hash = hash mod N, consistent-hash = a ring with virtual nodes).
 *
 * hash-stable: while membership is stable one instance sends the same key to one backend.
 * hash-deterministic: while membership is stable every instance — picks name theirs in
 *   `instance`; a restarted instance or a fresh process gets a new name — sends a key to the
 *   same backend. Skipped with fewer than two instances.
 * hash-balance (statistical): in each stable membership, the distinct keys each backend
 *   received are compared with what an ideal hash promises. hash: a key lands on each of N
 *   backends with probability 1/N (weights other than 0 are not part of modulo hashing), so
 *   backend i's count is Binomial(n, 1/N). consistent-hash: backend i owns v_i =
 *   max(1, round(V·w_i)) of M = Σv ring points (V = header `vnodes`, 1 assumed when absent,
 *   the weakest promise); with ideal hashing its arc is the sum of v_i of the M spacings of
 *   M uniform points, Beta(v_i, M − v_i), and its key count is Beta-binomial(n, v_i, M − v_i).
 *   A segment's p-value is N × the smallest upper tail P(C_i ≥ c_i) (Bonferroni over the
 *   backends), the trace's is (segments tested) × the smallest segment p; it fails below α₁
 *   (properties.ts). So the max/mean bound is the one these quantiles give (figure `bound`),
 *   with false-alarm rate ≤ α₁ for any number of keys. Minimum sample: a segment enters
 *   when every backend expects at least MIN_EXPECTED_KEYS = 5 keys.
 * consistent-hash-movement: across membership changes a key moves only off a backend that
 *   left or lost weight, or onto one that joined or gained weight — never between two that
 *   kept theirs (on an addition: only onto the newcomers). Exact.
 * consistent-hash-add-share (statistical): on a change that only adds backends, the keys seen
 *   just before and just after it that moved are Beta-binomial(n, v, M − v), v the newcomers'
 *   ring points, M all points after the change (≈ 1/(N+1) of them for one newcomer of equal
 *   weight): the ring share is Beta(v, M − v) and each compared key falls in it independently.
 *   Two-sided exact test, Bonferroni over the additions tested, fails below α₁; the accepted
 *   range of moved fractions is a figure. Same minimum sample (5 expected either way).
 *
 * Memory: per distinct key its backend and epoch (and, with several instances, one backend
 * per instance); per backend its count in the current segment; per change (at most 50) its
 * figures.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Figure, Verdict } from '../types.ts';
import { BalancerChecker, type BalancerHeader } from './base.ts';
import { significanceOf } from './properties.ts';
import { betaBinomial, binomial, lowerCritical, twoSidedP, upperCritical, upperTail, type Discrete } from './stats.ts';
import type { MembershipChange } from './support.ts';
import { ViolationLog, verdictOf } from '../window.ts';

/** Per-change figures (and add-share tests) kept for at most this many changes. */
const MAX_CHANGES_REPORTED = 50;
export const MIN_EXPECTED_KEYS = 5;

const sig = (x: number, d = 4) => Number(x.toPrecision(d));

interface ChangeStats {
  line: number; removed: string[]; added: string[]; expected: number; compared: number; moved: number;
  /** Pure additions on a ring: the newcomers' points and all points after the change. */
  ring?: { v: number; m: number };
}

interface KeyEntry {
  epoch: number;
  /** The first backend the key went to in this epoch, and the instance that sent it there. */
  backend: string;
  instance: string;
  /** Other instances' backends for this key in this epoch. */
  others?: Map<string, string>;
}

interface SegmentTest {
  line: number; endLine: number; p: number; keys: number; backends: number;
  worst: string; maxOverExpected: number;
  /** Each backend's share and key distribution, to state the bound at the end. */
  dists: { id: string; share: number; dist: Discrete }[];
}

export class HashChecker extends BalancerChecker {
  readonly name = 'hash';
  private readonly movementLog = new ViolationLog(this.window);
  private readonly determinismLog = new ViolationLog(this.window);
  private readonly balanceLog = new ViolationLog(this.window);
  private readonly addLog = new ViolationLog(this.window);
  private readonly keys = new Map<string, KeyEntry>();
  /** Last epoch in which each backend left or lost weight / joined or gained weight. */
  private readonly lastLost = new Map<string, number>();
  private readonly lastGained = new Map<string, number>();
  private readonly changes = new Map<number, ChangeStats>();
  /** The membership of the current segment (the base class's is already the next one when
   * onMembership runs). */
  private weights: Map<string, number>;
  private readonly segmentCounts = new Map<string, number>();
  private segmentKeys = 0;
  private segmentLine = 1;
  private segmentEnd = 1;
  private readonly segmentTests: SegmentTest[] = [];
  private segmentsTooSmall = 0;
  private readonly instances = new Set<string>();
  private crossChecked = 0;
  private keyed = 0;
  private unkeyed = 0;
  private compared = 0;
  private moved = 0;
  private betweenSurvivors = 0;
  private readonly vnodes: number;
  private readonly level: number;

  constructor(header: BalancerHeader, private readonly ring: boolean) {
    super(header);
    this.weights = new Map(this.membership.members);
    this.vnodes = header.config.vnodes ?? 1;
    this.level = significanceOf(header.config).level;
  }

  private points(w: number): number {
    return Math.max(1, Math.round(this.vnodes * w));
  }

  protected override onPick(e: EventOf<'pick'>, line: number): void {
    if (e.key === undefined) { this.unkeyed++; return; }
    this.keyed++;
    const instance = e.instance ?? '';
    this.instances.add(instance);
    const epoch = this.membership.epoch;
    const prev = this.keys.get(e.key);
    if (prev && prev.epoch === epoch) {
      if (instance === prev.instance) {
        if (prev.backend !== e.backend) this.log.report(line, `key ${e.key} went to ${e.backend}, but earlier to ${prev.backend} with the same backends${instance ? ` (instance ${instance})` : ''}`);
        return;
      }
      prev.others ??= new Map();
      const mine = prev.others.get(instance);
      if (mine === undefined) {
        prev.others.set(instance, e.backend);
        this.crossChecked++;
        if (e.backend !== prev.backend) this.determinismLog.report(line, `key ${e.key}: instance ${instance} sent it to ${e.backend}, instance ${prev.instance || '(unnamed)'} to ${prev.backend}, with the same backends`);
      } else if (mine !== e.backend) {
        this.log.report(line, `key ${e.key} went to ${e.backend}, but earlier to ${mine} with the same backends (instance ${instance})`);
      }
      return;
    }
    if (prev) this.judgeMove(e, prev, line);
    this.keys.set(e.key, { epoch, backend: e.backend, instance });
    if (this.membership.has(e.backend)) {
      this.segmentCounts.set(e.backend, (this.segmentCounts.get(e.backend) ?? 0) + 1);
      this.segmentKeys++;
      this.segmentEnd = line;
    }
  }

  /** A key seen in an earlier epoch, now picked again. */
  private judgeMove(e: EventOf<'pick'>, prev: KeyEntry, line: number): void {
    const epoch = this.membership.epoch;
    this.compared++;
    const change = prev.epoch === epoch - 1 ? this.changes.get(epoch) : undefined;
    if (change) change.compared++;
    if (prev.backend === e.backend) return;
    this.moved++;
    if (change) change.moved++;
    const lost = (this.lastLost.get(prev.backend) ?? -1) > prev.epoch;
    const gained = (this.lastGained.get(e.backend) ?? -1) > prev.epoch;
    if (!lost && !gained) {
      this.betweenSurvivors++;
      this.movementLog.report(line, `key ${e.key} moved from ${prev.backend} to ${e.backend}, neither of which joined, left or changed weight since`);
    }
  }

  /** Tests the closing segment's distinct-key counts against the ideal hash. */
  private closeSegment(): void {
    const members = [...this.weights];
    const n = this.segmentKeys;
    const big = members.length;
    if (big >= 2 && n > 0) {
      const totalPoints = members.reduce((a, [, w]) => a + this.points(w), 0);
      const dists = members.map(([id, w]) => {
        if (!this.ring) return { id, share: 1 / big, dist: binomial(n, 1 / big) };
        const v = this.points(w);
        return { id, share: v / totalPoints, dist: betaBinomial(n, v, totalPoints - v) };
      });
      if (Math.min(...dists.map((d) => d.share)) * n < MIN_EXPECTED_KEYS) {
        this.segmentsTooSmall++;
      } else {
        let p = 1;
        let worst = '';
        let maxOverExpected = 0;
        for (const d of dists) {
          const c = this.segmentCounts.get(d.id) ?? 0;
          const tail = upperTail(d.dist, c);
          if (tail < p || worst === '') { p = Math.min(p, tail); worst = d.id; }
          maxOverExpected = Math.max(maxOverExpected, c / (n * d.share));
        }
        this.segmentTests.push({ line: this.segmentLine, endLine: this.segmentEnd, p: Math.min(1, p * big), keys: n, backends: big, worst, maxOverExpected, dists });
      }
    }
    this.segmentCounts.clear();
    this.segmentKeys = 0;
  }

  protected override onMembership(removed: string[], added: string[], line: number, change?: MembershipChange): void {
    this.closeSegment();
    this.segmentLine = line;
    const epoch = this.membership.epoch;
    for (const id of [...removed, ...(change?.shrank ?? [])]) this.lastLost.set(id, epoch);
    for (const id of [...added, ...(change?.grew ?? [])]) this.lastGained.set(id, epoch);
    const sum = (m: Map<string, number>, ids: Iterable<string>) => [...ids].reduce((a, id) => a + (m.get(id) ?? 0), 0);
    const oldTotal = sum(this.weights, this.weights.keys());
    const newTotal = this.membership.total;
    const expected = sum(this.weights, removed) / Math.max(oldTotal, 1e-9) + sum(this.membership.members, added) / Math.max(newTotal, 1e-9);
    const pureAdd = this.ring && added.length > 0 && removed.length === 0 && !change?.grew.length && !change?.shrank.length;
    const ring = pureAdd ? {
      v: added.reduce((a, id) => a + this.points(this.membership.members.get(id)!), 0),
      m: [...this.membership.members.values()].reduce((a, w) => a + this.points(w), 0),
    } : undefined;
    if (this.changes.size < MAX_CHANGES_REPORTED) this.changes.set(epoch, { line, removed, added, expected: ring ? ring.v / ring.m : expected, compared: 0, moved: 0, ring });
    this.weights = new Map(this.membership.members);
  }

  private changeFigures(): Record<string, Figure> {
    const figures: Record<string, Figure> = {};
    this.changes.forEach((c, i) => {
      const what = [...c.removed.map((id) => `-${id}`), ...c.added.map((id) => `+${id}`)].join(' ') || 'weights';
      figures[`change${i}`] = `line ${c.line} (${what}): ${c.moved}/${c.compared} keys moved (${c.compared ? sig(c.moved / c.compared) : 'n/a'}, expected ≈ ${sig(c.expected)})`;
    });
    return figures;
  }

  private balanceVerdict(): Verdict {
    const tested = this.segmentTests.length;
    const base = { keys: this.keys.size, segmentsTested: tested, segmentsTooSmall: this.segmentsTooSmall, vnodes: this.ring ? this.vnodes : null, alpha: sig(this.level, 6) };
    if (tested === 0) {
      return { property: 'hash-balance', status: 'skip', note: `no stable membership with at least ${MIN_EXPECTED_KEYS} distinct keys expected per backend (minimum sample), or fewer than 2 backends`, violations: [], figures: base };
    }
    const worst = this.segmentTests.reduce((a, t) => (t.p < a.p ? t : a));
    const p = Math.min(1, worst.p * tested);
    // The max/mean each backend may reach before the test fails, at this trace's level.
    const tail = this.level / (worst.backends * tested);
    const bound = Math.min(...worst.dists.map((d) => upperCritical(d.dist, tail) / (worst.keys * d.share)));
    const figures = {
      ...base, pValue: sig(p, 6), maxOverExpected: sig(worst.maxOverExpected), bound: sig(bound),
      worstSegmentLine: worst.line, worstBackend: worst.worst, keysInWorstSegment: worst.keys,
    };
    if (p < this.level) {
      this.balanceLog.report(worst.endLine, `stable membership of lines ${worst.line}-${worst.endLine}: ${worst.worst} got ${sig(worst.maxOverExpected)}× its expected share of ${worst.keys} keys; ${this.ring ? `${this.vnodes} vnode(s) per unit weight promise` : 'an ideal hash promises'} at most ${sig(bound)}× (p = ${sig(p, 4)} < α₁ = ${sig(this.level, 4)})`);
    }
    return verdictOf('hash-balance', this.balanceLog, figures, `false-alarm rate ≤ α₁ = ${sig(this.level, 4)}`);
  }

  private addShareVerdict(): Verdict {
    const adds = [...this.changes.values()].filter((c) => c.ring);
    const ok = adds.filter((c) => c.compared * c.expected >= MIN_EXPECTED_KEYS && c.compared * (1 - c.expected) >= MIN_EXPECTED_KEYS);
    const base: Record<string, Figure> = { additions: adds.length, additionsTested: ok.length, vnodes: this.vnodes, alpha: sig(this.level, 6) };
    if (ok.length === 0) {
      const note = adds.length === 0 ? 'no change that only adds backends' : `no addition with at least ${MIN_EXPECTED_KEYS} keys expected to move and to stay (minimum sample)`;
      return { property: 'consistent-hash-add-share', status: 'skip', note, violations: [], figures: base };
    }
    const tail = this.level / (2 * ok.length);
    ok.forEach((c, i) => {
      const d = betaBinomial(c.compared, c.ring!.v, c.ring!.m - c.ring!.v);
      const p = Math.min(1, twoSidedP(d, c.moved) * ok.length);
      const lo = (lowerCritical(d, tail) + 1) / c.compared;
      const hi = (upperCritical(d, tail) - 1) / c.compared;
      const range = `[${sig(Math.max(0, lo))}, ${sig(Math.min(1, hi))}]`;
      base[`add${i}`] = `line ${c.line} (+${c.added.join(' +')}): ${c.moved}/${c.compared} = ${sig(c.moved / c.compared)} moved, expected ${sig(c.expected)}, accepted ${range}, p = ${sig(p)}`;
      if (p < this.level) {
        this.addLog.report(c.line, `adding ${c.added.join(', ')} moved ${c.moved} of ${c.compared} keys (${sig(c.moved / c.compared)}); the newcomers' ${c.ring!.v} of ${c.ring!.m} ring points call for ${sig(c.expected)}, accepted ${range} (p = ${sig(p)} < α₁ = ${sig(this.level)})`);
      }
    });
    return verdictOf('consistent-hash-add-share', this.addLog, base, `false-alarm rate ≤ α₁ = ${sig(this.level, 4)}`);
  }

  end(): Verdict[] {
    this.closeSegment();
    const base = { keyedPicks: this.keyed, unkeyedPicks: this.unkeyed, distinctKeys: this.keys.size };
    const verdicts: Verdict[] = [];
    verdicts.push(this.keyed === 0
      ? { property: 'hash-stable', status: 'skip', note: 'no pick carries a key', violations: [], figures: base }
      : verdictOf('hash-stable', this.log, base));
    const det = { instances: this.instances.size, keysCrossChecked: this.crossChecked };
    verdicts.push(this.crossChecked === 0
      ? { property: 'hash-deterministic', status: 'skip', note: this.instances.size < 2 ? 'one instance only: record two with the same configuration, naming each in the pick `instance` field' : 'no key picked by two instances with the same backends', violations: [], figures: det }
      : verdictOf('hash-deterministic', this.determinismLog, det));
    verdicts.push(this.balanceVerdict());
    if (this.ring) {
      const figures = {
        keysCompared: this.compared, keysMoved: this.moved,
        movedFraction: this.compared ? sig(this.moved / this.compared) : null,
        movedBetweenSurvivors: this.betweenSurvivors, ...this.changeFigures(),
      };
      verdicts.push(this.compared === 0
        ? { property: 'consistent-hash-movement', status: 'skip', note: 'no key was seen both before and after a membership change', violations: [], figures }
        : verdictOf('consistent-hash-movement', this.movementLog, figures));
      verdicts.push(this.addShareVerdict());
    }
    return verdicts;
  }
}
