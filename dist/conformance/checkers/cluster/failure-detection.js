import { EventWindow, ViolationLog, verdictOf } from '../window.js';
import { ClusterView } from './view.js';
const CHANGES_VIEW = new Set(['role', 'crash', 'pause', 'restart', 'resume', 'partition', 'heal']);
export class FailureDetectionChecker {
    name = 'cluster.failure-detection';
    window = new EventWindow();
    completeness = new ViolationLog(this.window);
    accuracy = new ViolationLog(this.window);
    view;
    syncLimit = 0;
    /** Follower -> when it became unreachable (ticks) and the line of the fault. */
    owed = new Map();
    /** Follower -> since when (ticks) it has been alive, following and reachable. */
    liveSince = new Map();
    slowest = 0;
    constructor(h) {
        const ch = h;
        this.view = new ClusterView(ch);
        this.syncLimit = ch.config.syncLimit;
    }
    event(e, line) {
        this.window.push(e, line);
        const before = this.view.leader?.node;
        this.view.update(e);
        const leader = this.view.leader?.node;
        if (leader !== before) {
            // A new leader starts with a clean slate: followers must join it first.
            this.owed.clear();
            this.liveSince.clear();
        }
        if (e.kind === 'suspect')
            this.judgeSuspect(e.node, e.peer, line);
        if (CHANGES_VIEW.has(e.kind))
            this.track(line);
        if (this.owed.size > 0)
            this.checkDeadlines(line);
    }
    /** Updates who is live and who became unreachable after this event. */
    track(line) {
        const leader = this.view.leader?.node;
        const now = this.view.nowTicks();
        for (const f of this.view.servers) {
            if (f === leader)
                continue;
            const live = this.view.liveFollower(f);
            const wasLive = this.liveSince.has(f);
            if (live && !wasLive) {
                this.liveSince.set(f, now);
                this.owed.delete(f);
            }
            else if (!live && wasLive) {
                this.liveSince.delete(f);
                // Only a fault (not a follower leaving on its own) obliges the leader to notice.
                if (leader !== undefined && (this.view.isDown(f) || !this.view.connected(leader, f))) {
                    this.owed.set(f, { since: now, line, leader });
                }
            }
        }
    }
    judgeSuspect(by, peer, line) {
        if (by !== this.view.leader?.node)
            return;
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
    checkDeadlines(line) {
        const now = this.view.nowTicks();
        for (const [f, o] of this.owed) {
            if (now > o.since + this.syncLimit + 1) {
                this.completeness.report(line, `${o.leader} did not suspect ${f} within syncLimit + 1 = ${this.syncLimit + 1} ticks of the fault at line ${o.line} (tick ${o.since}, now tick ${now})`);
                this.owed.delete(f);
            }
        }
    }
    end() {
        return [
            verdictOf('cluster.fd-completeness', this.completeness, { slowestDetectionTicks: this.slowest, syncLimit: this.syncLimit }),
            verdictOf('cluster.fd-accuracy', this.accuracy),
        ];
    }
}
