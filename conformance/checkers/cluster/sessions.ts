/**
 * Session expiry timing: a session expires exactly when sessionTimeout ms have passed
 * without a heartbeat (create counts as one). Too early (before timeout - tickTime) and too
 * late (still open past timeout + tickTime + a quarter tick) are both violations. The late
 * side gets the extra quarter tick because a real server checks expiry once per tick and
 * then commits the close through its quorum, which takes a few milliseconds more.
 * Assumptions: only a live leader expires sessions, so no deadline runs while there is
 * none, and a newly elected leader gives every open session a fresh timeout (as
 * ZooKeeper's new leader does). State: one entry per open session.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { ClusterView, type ClusterHeader } from './view.ts';

export class SessionExpiryChecker implements Checker {
  readonly name = 'cluster.session-expiry';
  private readonly window = new EventWindow();
  private readonly log = new ViolationLog(this.window, { nothingToJudge: 'no session event' });
  private readonly view: ClusterView;
  private timeout: number | undefined;
  /** Allowed earliness, ms: one tick. */
  private tolerance = 0;
  /** Allowed lateness, ms: one tick plus the time to commit the close. */
  private lateTolerance = 0;
  /** Open session -> ms of its last heartbeat. */
  private readonly lastHeard = new Map<string, number>();
  /** Earliest "too late" deadline among open sessions; may be stale low, never high. */
  private nextDeadline = Infinity;
  private expiries = 0;

  constructor(h: ClusterHeader) {
    const ch = h;
    this.view = new ClusterView(ch);
    this.timeout = ch.config.sessionTimeout;
    this.tolerance = ch.config.tickTime;
    this.lateTolerance = ch.config.tickTime * 1.25;
  }

  event(e: TraceEvent, line: number): void {
    if (this.timeout === undefined) return;
    this.window.push(e, line);
    const before = this.view.leader?.node;
    this.view.update(e);
    const now = this.view.nowMs();
    if (this.view.leader && this.view.leader.node !== before) this.refreshAll(now);

    if (e.kind === 'session') {
      this.log.judged++;
      switch (e.action) {
        case 'create':
        case 'heartbeat':
          this.lastHeard.set(e.session, now);
          this.nextDeadline = Math.min(this.nextDeadline, now + this.timeout + this.lateTolerance);
          break;
        case 'close':
          this.lastHeard.delete(e.session);
          break;
        case 'expire':
          this.judgeExpiry(e.session, now, line);
          break;
      }
    }
    if (now > this.nextDeadline && this.view.leader !== null) this.findLate(now, line);
  }

  private judgeExpiry(session: string, now: number, line: number): void {
    const last = this.lastHeard.get(session);
    this.lastHeard.delete(session);
    this.expiries++;
    if (last === undefined) return; // already reported late, or never seen: nothing to time
    const idle = now - last;
    if (idle < (this.timeout as number) - this.tolerance) {
      this.log.report(line, `session ${session} expired after ${idle} ms without a heartbeat, before sessionTimeout ${this.timeout} ms (tolerance ${this.tolerance} ms)`);
    }
  }

  private findLate(now: number, line: number): void {
    const limit = (this.timeout as number) + this.lateTolerance;
    let next = Infinity;
    for (const [s, last] of this.lastHeard) {
      if (now - last > limit) {
        this.log.report(line, `session ${s} still open ${now - last} ms after its last heartbeat, past sessionTimeout ${this.timeout} ms + ${this.lateTolerance} ms tolerance`);
        this.lastHeard.delete(s);
      } else next = Math.min(next, last + limit);
    }
    this.nextDeadline = next;
  }

  private refreshAll(now: number): void {
    for (const s of this.lastHeard.keys()) this.lastHeard.set(s, now);
    this.nextDeadline = this.lastHeard.size > 0 ? now + (this.timeout as number) + this.lateTolerance : Infinity;
  }

  end(): Verdict[] {
    if (this.timeout === undefined) {
      return [{ property: 'cluster.session-expiry', status: 'skip', note: 'the header has no sessionTimeout', violations: [], figures: {} }];
    }
    return [verdictOf('cluster.session-expiry', this.log, { expiries: this.expiries, sessionTimeoutMs: this.timeout })];
  }
}
