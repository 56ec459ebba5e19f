/**
 * The leader's failure detector against the header's syncLimit (ZooKeeper: a follower not
 * heard from for syncLimit ticks is dropped).
 * - completeness: a follower that crashes, pauses or is cut off from the leader is
 *   suspected by that leader (a 'suspect' event) within syncLimit + 1 ticks of the fault
 *   (one tick of slack for where in its tick the fault fell);
 * - accuracy: the leader never suspects a follower that has been alive, following and
 *   reachable for two ticks or more (again one tick of slack after a recovery).
 * Obligations end when the follower recovers first or the leader loses its role.
 * Suspect events from non-leaders are not judged. State: bounded by the number of servers.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { ClusterView, type ClusterHeader } from './view.ts';

const CHANGES_VIEW = new Set(['role', 'crash', 'pause', 'restart', 'resume', 'partition', 'heal']);

export class FailureDetectionChecker implements Checker {
  readonly name = 'cluster.failure-detection';
  private readonly window = new EventWindow();
  private readonly completeness = new ViolationLog(this.window, { nothingToJudge: 'no follower crashed, paused or was cut off from a leader' });
  private readonly accuracy = new ViolationLog(this.window, { nothingToJudge: 'no follower was alive, following and reachable, and no leader suspected one' });
  private readonly view: ClusterView;
  private syncLimit = 0;
  /** Follower -> when it became unreachable (ticks) and the line of the fault. */
  private readonly owed = new Map<string, { since: number; line: number; leader: string }>();
  /** Follower -> since when (ticks) it has been alive, following and reachable. */
  private readonly liveSince = new Map<string, number>();
  private slowest = 0;

  constructor(h: ClusterHeader) {
    const ch = h;
    this.view = new ClusterView(ch);
    this.syncLimit = ch.config.syncLimit;
  }

  event(e: TraceEvent, line: number): void {
    this.window.push(e, line);
    const before = this.view.leader?.node;
    this.view.update(e);
    const leader = this.view.leader?.node;
    if (leader !== before) {
      // A new leader starts with a clean slate: followers must join it first.
      this.owed.clear();
      this.liveSince.clear();
    }
    if (e.kind === 'suspect') this.judgeSuspect(e.node, e.peer, line);
    if (CHANGES_VIEW.has(e.kind)) this.track(line);
    if (this.owed.size > 0) this.checkDeadlines(line);
  }

  /** Updates who is live and who became unreachable after this event. */
  private track(line: number): void {
    const leader = this.view.leader?.node;
    const now = this.view.nowTicks();
    for (const f of this.view.servers) {
      if (f === leader) continue;
      const live = this.view.liveFollower(f);
      const wasLive = this.liveSince.has(f);
      if (live && !wasLive) {
        this.liveSince.set(f, now);
        this.accuracy.judged++;
        this.owed.delete(f);
      } else if (!live && wasLive) {
        this.liveSince.delete(f);
        // Only a fault (not a follower leaving on its own) obliges the leader to notice.
        if (leader !== undefined && (this.view.isDown(f) || !this.view.connected(leader, f))) {
          this.owed.set(f, { since: now, line, leader });
          this.completeness.judged++;
        }
      }
    }
  }

  private judgeSuspect(by: string, peer: string, line: number): void {
    if (by !== this.view.leader?.node) return;
    this.accuracy.judged++;
    const owed = this.owed.get(peer);
    if (owed) {
      this.slowest = Math.max(this.slowest, this.view.nowTicks() - owed.since);
      this.owed.delete(peer);
    }
    const since = this.liveSince.get(peer);
    if (since !== undefined && this.view.nowTicks() - since >= 2) {
      this.accuracy.report(line, `${by} suspected ${peer}, which has been alive, following and reachable since tick ${since}`);
    }
  }

  private checkDeadlines(line: number): void {
    const now = this.view.nowTicks();
    for (const [f, o] of this.owed) {
      if (now > o.since + this.syncLimit + 1) {
        this.completeness.report(line, `${o.leader} did not suspect ${f} within syncLimit + 1 = ${this.syncLimit + 1} ticks of the fault at line ${o.line} (tick ${o.since}, now tick ${now})`);
        this.owed.delete(f);
      }
    }
  }

  end(): Verdict[] {
    return [
      verdictOf('cluster.fd-completeness', this.completeness, { slowestDetectionTicks: this.slowest, syncLimit: this.syncLimit }),
      verdictOf('cluster.fd-accuracy', this.accuracy),
    ];
  }
}
