/**
 * least-connections: the chosen backend had the fewest in-flight requests (per unit of
 * weight) among the current backends at pick time, with in-flight counts reconstructed
 * from the pick and done events. Exact.
 *
 * lc-tie-fairness (statistical): when several backends share the minimum, no backend is
 * systematically favoured. H0: a pick whose minimum is shared by the set T chooses each
 * member with probability 1/|T| (in expectation; a deterministic rotation or
 * least-recently-used tie-break is more even than that and passes). For backend i,
 * wins O_i against E_i = Σ 1/|T| over the ties it was in, variance V_i = Σ (1/|T|)(1 − 1/|T|);
 * it fails when O_i − E_i > d_i, Bernstein's bound d = L/3 + √(L²/9 + 2V·L), L = ln(N/α₁),
 * N the backends ever tied: the false-alarm rate is ≤ α₁ (properties.ts) for any number
 * of ties, with no normal approximation. Minimum sample: skipped while no backend could
 * exceed its bound even by winning every tie it was in (too few ties to tell).
 *
 * Memory: one entry per open request and per backend.
 */
import type { EventOf } from '../../schema/trace.ts';
import type { Verdict } from '../types.ts';
import { bernsteinBound } from './aggregate.ts';
import { BalancerChecker, InflightCounts, type BalancerHeader } from './base.ts';
import { significanceOf } from './properties.ts';
import { ViolationLog, verdictOf } from '../window.ts';

interface TieStats { ties: number; wins: number; expected: number; variance: number }

const sig = (x: number) => Number(x.toPrecision(4));

export class LeastConnectionsChecker extends BalancerChecker {
  readonly name = 'least-connections';
  private readonly inflight = new InflightCounts();
  private readonly tieLog = new ViolationLog(this.window);
  private readonly tieStats = new Map<string, TieStats>();
  private readonly level: number;
  private picks = 0;
  private contested = 0;
  private tiedPicks = 0;
  private lastLine = 0;

  constructor(header: BalancerHeader) {
    super(header);
    this.level = significanceOf(header.config).level;
  }

  private load(id: string): number {
    return this.inflight.count(id) / (this.membership.members.get(id) ?? 1);
  }

  protected override onPick(e: EventOf<'pick'>, line: number): void {
    if (this.membership.has(e.backend)) {
      this.picks++;
      let min = Infinity;
      let argmin = '';
      let distinct = false;
      for (const id of this.membership.members.keys()) {
        const l = this.load(id);
        if (min !== Infinity && l !== min) distinct = true;
        if (l < min) { min = l; argmin = id; }
      }
      if (distinct) this.contested++;
      const chosen = this.load(e.backend);
      if (chosen > min) {
        this.log.report(line, `${e.backend} had ${this.inflight.count(e.backend)} in flight, but ${argmin} had only ${this.inflight.count(argmin)}`);
      } else {
        const tied = [...this.membership.members.keys()].filter((id) => this.load(id) === min);
        if (tied.length >= 2) this.tie(tied, e.backend, line);
      }
    }
    this.inflight.pick(e.request, e.backend);
  }

  private tie(tied: string[], chosen: string, line: number): void {
    this.tiedPicks++;
    this.lastLine = line;
    const q = 1 / tied.length;
    for (const id of tied) {
      let s = this.tieStats.get(id);
      if (!s) this.tieStats.set(id, (s = { ties: 0, wins: 0, expected: 0, variance: 0 }));
      s.ties++;
      s.expected += q;
      s.variance += q * (1 - q);
      if (id === chosen) s.wins++;
    }
  }

  protected override onDone(e: EventOf<'done'>): void {
    this.inflight.done(e.request);
  }

  private tieVerdict(): Verdict {
    const n = this.tieStats.size;
    const delta = this.level / Math.max(1, n);
    const rows = [...this.tieStats].map(([id, s]) => ({ id, ...s, bound: bernsteinBound(s.variance, delta) }));
    const figures = {
      tiedPicks: this.tiedPicks, alpha: sig(this.level),
      winsPerBackend: rows.map((r) => `${r.id}:${r.wins}/${sig(r.expected)}±${sig(r.bound)}`).join(' '),
    };
    const detectable = rows.some((r) => r.ties - r.expected > r.bound);
    if (!detectable) {
      return { property: 'lc-tie-fairness', status: 'skip', note: `${this.tiedPicks} tied pick(s): too few for any backend to exceed its Bernstein bound even by winning every tie (minimum sample)`, violations: [], figures };
    }
    for (const r of rows) {
      if (r.wins - r.expected > r.bound) {
        this.tieLog.report(this.lastLine, `${r.id} won ${r.wins} of the ${r.ties} ties it was in, ${sig(r.wins - r.expected)} above its fair ${sig(r.expected)}; a fair tie-break exceeds it by more than ${sig(r.bound)} with probability ≤ ${sig(delta)}`);
      }
    }
    return verdictOf('lc-tie-fairness', this.tieLog, figures, `false-alarm rate ≤ α₁ = ${sig(this.level)}`);
  }

  end(): Verdict[] {
    // Picks where the loads differed are the ones that test anything.
    return [verdictOf('least-connections', this.log, { picks: this.picks, contestedPicks: this.contested }), this.tieVerdict()];
  }
}
