/**
 * Weighted round robin: within each stable membership, the picks fall into periods of
 * P = Σw/gcd(w) picks in which every backend is served exactly w/gcd times. Fractional
 * weights are read as exact rationals and scaled to integers by their least common
 * denominator (rational.ts: 0.1, 0.3 -> 1, 3), so they get the same exact check; weights
 * with no small rational form are reported as not checked. Exact, no false alarm. The period may
 * start at any offset (phase) within the segment, but one phase must hold throughout.
 * Also reports the longest burst (run of consecutive picks of one backend).
 *
 * Memory: the last P picks and one flag per phase — O(P + N), bounded by the weights.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, type BalancerHeader } from './base.ts';
import { verdictOf } from '../window.ts';
import { integerWeights } from './rational.ts';

/** Periods longer than this are not checked (the weights would need a huge ring buffer). */
const MAX_PERIOD = 100_000;


interface Segment {
  period: number;
  target: Map<string, number>;
  /** Picks of the segment still inside the sliding window, oldest first (ring buffer). */
  ring: string[];
  counts: Map<string, number>;
  /** Backends whose count in the window differs from its target. */
  mismatched: number;
  picks: number;
  phaseFailed: boolean[];
  phaseWindows: number[];
  lastFailure?: { line: number; message: string };
  startLine: number;
}

export class WeightedRoundRobinChecker extends BalancerChecker {
  readonly name = 'weighted-round-robin';
  private segment: Segment | null = null;
  private unchecked: string[] = [];
  private segmentsJudged = 0;
  private windowsChecked = 0;
  private phases: number[] = [];
  private burst = { backend: '', length: 0 };
  private longest = { backend: '', length: 0, line: 0 };


  constructor(header: BalancerHeader) {
    super(header);
    this.openSegment(1);
  }

  private openSegment(line: number): void {
    const weights = [...this.membership.members.entries()];
    const scaled = integerWeights(weights.map(([, w]) => w));
    if (!scaled) {
      this.segment = null;
      this.unchecked.push(`line ${line}: weights ${weights.map(([, w]) => w).join(',')} have no exact rational period`);
      return;
    }
    const period = scaled.reduce((a, w) => a + w, 0);
    if (period > MAX_PERIOD) {
      this.segment = null;
      this.unchecked.push(`line ${line}: period ${period} too long`);
      return;
    }
    const target = new Map(weights.map(([id], i) => [id, scaled[i]]));
    this.segment = {
      period, target, ring: [], counts: new Map(), mismatched: target.size, picks: 0,
      phaseFailed: new Array(period).fill(false), phaseWindows: new Array(period).fill(0), startLine: line,
    };
  }

  private bump(s: Segment, id: string, delta: number): void {
    const before = s.counts.get(id) ?? 0;
    const after = before + delta;
    const want = s.target.get(id) ?? 0;
    if (before === want) s.mismatched++;
    if (after === want) s.mismatched--;
    s.counts.set(id, after);
  }

  protected override onPick(e: EventOf<'pick'>, line: number): void {
    if (e.backend === this.burst.backend) this.burst.length++;
    else this.burst = { backend: e.backend, length: 1 };
    if (this.burst.length > this.longest.length) this.longest = { ...this.burst, line };

    const s = this.segment;
    if (!s) return;
    s.ring.push(e.backend);
    this.bump(s, e.backend, +1);
    if (s.ring.length > s.period) this.bump(s, s.ring.shift()!, -1);
    s.picks++;
    if (s.picks < s.period) return;
    const phase = s.picks % s.period;
    s.phaseWindows[phase]++;
    this.windowsChecked++;
    if (s.mismatched !== 0 && !s.phaseFailed[phase]) {
      s.phaseFailed[phase] = true;
      const got = [...s.counts].filter(([, c]) => c > 0).map(([id, c]) => `${id}:${c}`).join(' ');
      const want = [...s.target].map(([id, c]) => `${id}:${c}`).join(' ');
      s.lastFailure = { line, message: `period of ${s.period} picks ending here served {${got}}, weights require {${want}}` };
    }
  }

  private closeSegment(): void {
    const s = this.segment;
    if (!s || s.picks < s.period) return;
    this.segmentsJudged++;
    const good = s.phaseWindows.findIndex((w, phase) => w > 0 && !s.phaseFailed[phase]);
    if (good === -1) this.log.report(s.lastFailure!.line, `no alignment of the period gives exact proportions: ${s.lastFailure!.message}`);
    else this.phases.push(good);
  }

  protected override onMembership(_removed: string[], _added: string[], line: number): void {
    this.closeSegment();
    this.openSegment(line);
  }

  end(): Verdict[] {
    this.closeSegment();
    const figures = {
      period: this.segment?.period ?? null,
      segmentsJudged: this.segmentsJudged,
      windowsChecked: this.windowsChecked,
      phase: this.phases.join(',') || null,
      longestBurst: this.longest.length,
      longestBurstBackend: this.longest.backend || null,
      longestBurstLine: this.longest.line || null,
    };
    if (this.segmentsJudged === 0 && this.log.total === 0) {
      return [{ property: 'wrr-proportions', status: 'skip', note: `no stable membership lasted a full period${this.unchecked.length ? ` (${this.unchecked.join('; ')})` : ''}`, violations: [], figures }];
    }
    return [verdictOf('wrr-proportions', this.log, figures, this.unchecked.length ? `not checked: ${this.unchecked.join('; ')}` : undefined)];
  }
}
