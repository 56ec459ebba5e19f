/**
 * Random. random-uniformity: Pearson's chi-square goodness of fit of the picks to the
 * weights, per stable membership, the segments' statistics and degrees of freedom summed
 * (independent chi-squares add). random-independence: Good's serial test on consecutive
 * pairs (ψ²₂ − ψ²₁, N(N−1) degrees of freedom), which a rotation posing as random fails.
 * Both report the p-value; both fail below the per-verdict level α₁ of properties.ts
 * (Šidák-corrected from the header's `alpha` and `scenarios`; 0.001/3 by default), which is
 * their false-alarm rate. Minimum sample: a segment with fewer than 5 expected picks in
 * some cell of a test (Cochran's rule, under which the chi-square approximation of the
 * p-value is not trusted) does not count towards it; with none left, the verdict skips.
 * Figures include the picks needed to detect a 10% skew and the smallest skew this trace
 * could detect (power 0.8).
 *
 * Memory: pick counts per backend and per ordered pair of backends — O(N²).
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { BalancerChecker, type BalancerHeader } from './base.ts';
import { chiSquareSf, chiSquareStatistic, detectableSkew, sampleSizeToDetect, skewEffect } from './stats.ts';
import { significanceOf } from './properties.ts';
import { round } from './support.ts';
import { ViolationLog, verdictOf } from '../window.ts';

/** Least expected count per cell for a segment to enter a chi-square test (Cochran). */
export const MIN_EXPECTED = 5;
export const POWER = 0.8;

interface Segment {
  ids: string[];
  shares: number[];
  index: Map<string, number>;
  counts: number[];
  pairs: number[];
  first: number;
  previous: number;
  picks: number;
  line: number;
}

export class RandomChecker extends BalancerChecker {
  readonly name = 'random';
  private readonly serialLog = new ViolationLog(this.window);
  private segment: Segment;
  private gof = { x: 0, df: 0 };
  private serial = { x: 0, df: 0 };
  private picks = 0;
  private lastLine = 0;
  /** The segment with the most picks, for the sample-size figures. */
  private largest: { shares: number[]; picks: number } = { shares: [], picks: 0 };
  private readonly alpha: number;
  /** Segments left out for too small a sample. */
  private smallSegments = 0;


  constructor(header: BalancerHeader) {
    super(header);
    this.alpha = significanceOf(header.config).level;
    this.segment = this.newSegment(1);
  }

  private newSegment(line: number): Segment {
    const ids = [...this.membership.members.keys()];
    const total = [...this.membership.members.values()].reduce((a, w) => a + w, 0);
    return {
      ids, shares: ids.map((id) => this.membership.members.get(id)! / total),
      index: new Map(ids.map((id, i) => [id, i])),
      counts: new Array(ids.length).fill(0), pairs: new Array(ids.length * ids.length).fill(0),
      first: -1, previous: -1, picks: 0, line,
    };
  }

  protected override onPick(e: EventOf<'pick'>, line: number): void {
    const s = this.segment;
    const i = s.index.get(e.backend);
    this.lastLine = line;
    if (i === undefined) return; // pick-validity reports it
    this.picks++;
    s.counts[i]++;
    if (s.previous >= 0) s.pairs[s.previous * s.ids.length + i]++;
    else s.first = i;
    s.previous = i;
    s.picks++;
  }

  private closeSegment(): void {
    const s = this.segment;
    const n = s.ids.length;
    if (n < 2 || s.picks < 2) return;
    const minShare = Math.min(...s.shares);
    if (s.picks * minShare < MIN_EXPECTED) { this.smallSegments++; return; }
    const psi1 = chiSquareStatistic(s.counts, s.shares.map((p) => p * s.picks));
    this.gof.x += psi1;
    this.gof.df += n - 1;
    if (s.picks > this.largest.picks) this.largest = { shares: s.shares, picks: s.picks };
    // Good's serial test needs 5 expected per ordered pair as well.
    if (s.picks * minShare * minShare < MIN_EXPECTED) return;
    // Cyclic pairs (last -> first closes the ring) make Good's statistic exact.
    const pairs = [...s.pairs];
    pairs[s.previous * n + s.first]++;
    const expected = pairs.map((_, k) => s.picks * s.shares[Math.floor(k / n)] * s.shares[k % n]);
    this.serial.x += chiSquareStatistic(pairs, expected) - psi1;
    this.serial.df += n * (n - 1);
  }

  protected override onMembership(_r: string[], _a: string[], line: number): void {
    this.closeSegment();
    this.segment = this.newSegment(line);
  }

  end(): Verdict[] {
    this.closeSegment();
    const alpha = this.alpha;
    const small = `fewer than two backends, or fewer than ${MIN_EXPECTED} expected picks in some cell, in every stable membership`;
    const skip = (property: string, df: number): Verdict | undefined => df === 0
      ? { property, status: 'skip', note: `${small} (${this.picks} picks): the chi-square p-value would not be trusted`, violations: [], figures: { picks: this.picks, segmentsTooSmall: this.smallSegments } }
      : undefined;
    const fmt = (x: number) => x.toPrecision(4);
    const verdicts: Verdict[] = [];
    let uniformity = skip('random-uniformity', this.gof.df);
    if (!uniformity) {
      const p = chiSquareSf(this.gof.x, this.gof.df);
      if (p < alpha) this.log.report(this.lastLine, `picks do not fit the weights: chi-square ${round(this.gof.x, 3)} on ${this.gof.df} df, p = ${fmt(p)} < α₁ = ${fmt(alpha)}`);
      const { shares, picks } = this.largest;
      const k = shares.length - 1;
      const finite = (x: number) => (Number.isFinite(x) ? x : null);
      uniformity = verdictOf('random-uniformity', this.log, {
        picks: this.picks, chiSquare: round(this.gof.x, 3), df: this.gof.df, pValue: Number(p.toPrecision(6)), alpha: Number(alpha.toPrecision(6)),
        segmentsTooSmall: this.smallSegments,
        picksToDetect10pctSkew: finite(sampleSizeToDetect(skewEffect(shares, 0.1), k, alpha, POWER)),
        detectableSkew: finite(round(detectableSkew(shares, picks, alpha, POWER), 4)),
      }, `false-alarm rate α₁ = ${fmt(alpha)}`);
    }
    verdicts.push(uniformity);
    let independence = skip('random-independence', this.serial.df);
    if (!independence) {
      const pSerial = chiSquareSf(Math.max(0, this.serial.x), this.serial.df);
      if (pSerial < alpha) this.serialLog.report(this.lastLine, `consecutive picks are not independent: serial chi-square ${round(this.serial.x, 3)} on ${this.serial.df} df, p = ${fmt(pSerial)} < α₁ = ${fmt(alpha)}`);
      independence = verdictOf('random-independence', this.serialLog, {
        serialChiSquare: round(this.serial.x, 3), df: this.serial.df, pValue: Number(pSerial.toPrecision(6)), alpha: Number(alpha.toPrecision(6)),
      }, `false-alarm rate α₁ = ${fmt(alpha)}`);
    }
    verdicts.push(independence);
    return verdicts;
  }
}
