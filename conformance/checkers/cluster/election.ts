/**
 * Time to elect a leader after the last fault (crash, pause or partition), as a figure:
 * 0 when the leader survived that fault, the time until the next 'leading' role event
 * when it did not, null (status skip) when no leader was elected before the trace ended.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { ClusterView, type ClusterHeader } from './view.ts';

const FAULTS = new Set(['crash', 'pause', 'partition']);

export class ElectionTimeChecker implements Checker {
  readonly name = 'cluster.election-time';
  private readonly view: ClusterView;
  private fault: { line: number; ms: number; ticks: number } | undefined;
  private leaderLost = false;
  private elected: { line: number; ms: number; ticks: number } | undefined;
  private faults = 0;

  constructor(h: ClusterHeader) { this.view = new ClusterView(h); }

  event(e: TraceEvent, line: number): void {
    const hadLeader = this.view.leader !== null;
    this.view.update(e);
    const now = { line, ms: this.view.nowMs(), ticks: this.view.nowTicks() };
    if (FAULTS.has(e.kind)) {
      this.faults++;
      this.fault = now;
      this.elected = undefined;
      this.leaderLost = this.view.leader === null;
    } else if (this.fault) {
      if (hadLeader && this.view.leader === null) this.leaderLost = true;
      if (this.leaderLost && this.elected === undefined && e.kind === 'role' && e.role === 'leading') this.elected = now;
    }
  }

  end(): Verdict[] {
    const property = this.name;
    if (this.fault === undefined) return [{ property, status: 'skip', note: 'no faults in the trace', violations: [], figures: { faults: 0 } }];
    const figures = { faults: this.faults, lastFaultLine: this.fault.line };
    if (!this.leaderLost) {
      return [{ property, status: 'pass', note: 'the leader survived the last fault', violations: [], figures: { ...figures, electionMs: 0, electionTicks: 0 } }];
    }
    if (this.elected === undefined) {
      return [{ property, status: 'skip', note: 'no leader was elected after the last fault before the trace ended', violations: [], figures: { ...figures, electionMs: null, electionTicks: null } }];
    }
    const ms = this.elected.ms - this.fault.ms;
    return [{
      property, status: 'pass', note: `leader elected ${ms} ms (${this.elected.ticks - this.fault.ticks} ticks) after the last fault`,
      violations: [], figures: { ...figures, electionMs: ms, electionTicks: this.elected.ticks - this.fault.ticks, electedLine: this.elected.line },
    }];
  }
}
