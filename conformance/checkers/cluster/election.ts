/**
 * Elections after faults, two verdicts:
 *
 * - election-time, a figure: the time to elect a leader after the last fault (crash,
 *   pause or partition): 0 when the leader survived that fault, the time until the next
 *   'leading' role event when it did not, null (status skip) when no leader was elected
 *   before the trace ended.
 * - leader-liveness: after every change of the environment (a fault, or a recovery:
 *   restart, resume, heal), a leader exists within `leaderWithin` ticks (header; default
 *   syncLimit + 5, the bound the cluster model derives and shows tight for its
 *   servers: models/cluster/README.md, "Bounded liveness"), provided a majority of the
 *   servers is up and connected when the bound expires. Fails when the trace goes past
 *   the bound without a leader; skip when no window could be judged (no fault, or the
 *   trace ended first, or no quorum was up).
 *
 * State: a few numbers (the view is bounded by the number of servers).
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { ClusterView, type ClusterHeader } from './view.ts';

const FAULTS = new Set(['crash', 'pause', 'partition']);
const ENVIRONMENT = new Set(['crash', 'pause', 'partition', 'restart', 'resume', 'heal']);
/** Ticks beyond syncLimit by default (models/cluster/bound.ts derives the same for the model). */
export const DEFAULT_EXTRA_TICKS = 5;

export class ElectionTimeChecker implements Checker {
  readonly name = 'cluster.election-time';
  private readonly view: ClusterView;
  private readonly window = new EventWindow();
  private readonly liveness = new ViolationLog(this.window);
  private readonly bound: number;
  private readonly majority: number;
  private fault: { line: number; ms: number; ticks: number } | undefined;
  private leaderLost = false;
  private elected: { line: number; ms: number; ticks: number } | undefined;
  private faults = 0;
  /** The open liveness window: since when (ticks, line); settled once judged. */
  private since: { ticks: number; line: number; settled: boolean } | undefined;
  private judged = 0;
  private inconclusive = 0;
  private slowest = 0;

  constructor(h: ClusterHeader) {
    this.view = new ClusterView(h);
    this.bound = h.config.leaderWithin ?? h.config.syncLimit + DEFAULT_EXTRA_TICKS;
    this.majority = Math.floor(h.config.servers.length / 2) + 1;
  }

  event(e: TraceEvent, line: number): void {
    this.window.push(e, line);
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
    this.trackLiveness(e, line, now.ticks);
  }

  private trackLiveness(e: TraceEvent, line: number, ticks: number): void {
    if (ENVIRONMENT.has(e.kind)) {
      this.closeWindow(ticks);
      this.since = { ticks, line, settled: false };
      return;
    }
    const w = this.since;
    if (!w || w.settled) return;
    if (this.view.leader !== null) {
      this.closeWindow(ticks);
      return;
    }
    if (ticks - w.ticks <= this.bound) return;
    w.settled = true;
    if (!this.quorumConnected()) { this.inconclusive++; return; }
    this.judged++;
    this.liveness.report(line, `no leader ${ticks - w.ticks} ticks after the fault or recovery at line ${w.line} (bound ${this.bound} ticks), with a majority of servers up and connected`);
  }

  /** A window closes with a leader in it: measured and passed. */
  private closeWindow(ticks: number): void {
    const w = this.since;
    if (!w || w.settled) return;
    if (this.view.leader !== null) {
      w.settled = true;
      this.judged++;
      this.slowest = Math.max(this.slowest, ticks - w.ticks);
    }
  }

  /** Is some majority of the servers up and able to reach each other? */
  private quorumConnected(): boolean {
    const up = [...this.view.servers].filter((s) => !this.view.isDown(s));
    return up.some((s) => up.filter((t) => this.view.connected(s, t)).length >= this.majority);
  }

  end(): Verdict[] {
    // An open window whose leader exists at the end passes too.
    if (this.since && !this.since.settled && this.view.leader !== null) this.closeWindow(this.view.nowTicks());
    return [this.electionTime(), this.leaderLiveness()];
  }

  private leaderLiveness(): Verdict {
    const property = 'cluster.leader-liveness';
    const figures = { boundTicks: this.bound, windows: this.judged, slowestTicks: this.slowest, inconclusive: this.inconclusive };
    if (this.judged === 0) {
      const note = this.since === undefined ? 'no fault or recovery in the trace'
        : 'no window could be judged (the trace ended before the bound, or no majority was up)';
      return { property, status: 'skip', note, violations: [], figures };
    }
    return verdictOf(property, this.liveness, figures);
  }

  private electionTime(): Verdict {
    const property = this.name;
    if (this.fault === undefined) return { property, status: 'skip', note: 'no faults in the trace', violations: [], figures: { faults: 0 } };
    const figures = { faults: this.faults, lastFaultLine: this.fault.line };
    if (!this.leaderLost) {
      return { property, status: 'pass', note: 'the leader survived the last fault', violations: [], figures: { ...figures, electionMs: 0, electionTicks: 0 } };
    }
    if (this.elected === undefined) {
      return { property, status: 'skip', note: 'no leader was elected after the last fault before the trace ended', violations: [], figures: { ...figures, electionMs: null, electionTicks: null } };
    }
    const ms = this.elected.ms - this.fault.ms;
    return {
      property, status: 'pass', note: `leader elected ${ms} ms (${this.elected.ticks - this.fault.ticks} ticks) after the last fault`,
      violations: [], figures: { ...figures, electionMs: ms, electionTicks: this.elected.ticks - this.fault.ticks, electedLine: this.elected.line },
    };
  }
}
