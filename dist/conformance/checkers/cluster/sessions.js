import { EventWindow, ViolationLog, verdictOf } from '../window.js';
import { ClusterView } from './view.js';
export class SessionExpiryChecker {
    name = 'cluster.session-expiry';
    window = new EventWindow();
    log = new ViolationLog(this.window);
    view;
    timeout;
    /** Allowed earliness, ms: one tick. */
    tolerance = 0;
    /** Allowed lateness, ms: one tick plus the time to commit the close. */
    lateTolerance = 0;
    /** Open session -> ms of its last heartbeat. */
    lastHeard = new Map();
    /** Earliest "too late" deadline among open sessions; may be stale low, never high. */
    nextDeadline = Infinity;
    expiries = 0;
    constructor(h) {
        const ch = h;
        this.view = new ClusterView(ch);
        this.timeout = ch.config.sessionTimeout;
        this.tolerance = ch.config.tickTime;
        this.lateTolerance = ch.config.tickTime * 1.25;
    }
    event(e, line) {
        if (this.timeout === undefined)
            return;
        this.window.push(e, line);
        const before = this.view.leader?.node;
        this.view.update(e);
        const now = this.view.nowMs();
        if (this.view.leader && this.view.leader.node !== before)
            this.refreshAll(now);
        if (e.kind === 'session') {
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
        if (now > this.nextDeadline && this.view.leader !== null)
            this.findLate(now, line);
    }
    judgeExpiry(session, now, line) {
        const last = this.lastHeard.get(session);
        this.lastHeard.delete(session);
        this.expiries++;
        if (last === undefined)
            return; // already reported late, or never seen: nothing to time
        const idle = now - last;
        if (idle < this.timeout - this.tolerance) {
            this.log.report(line, `session ${session} expired after ${idle} ms without a heartbeat, before sessionTimeout ${this.timeout} ms (tolerance ${this.tolerance} ms)`);
        }
    }
    findLate(now, line) {
        const limit = this.timeout + this.lateTolerance;
        let next = Infinity;
        for (const [s, last] of this.lastHeard) {
            if (now - last > limit) {
                this.log.report(line, `session ${s} still open ${now - last} ms after its last heartbeat, past sessionTimeout ${this.timeout} ms + ${this.lateTolerance} ms tolerance`);
                this.lastHeard.delete(s);
            }
            else
                next = Math.min(next, last + limit);
        }
        this.nextDeadline = next;
    }
    refreshAll(now) {
        for (const s of this.lastHeard.keys())
            this.lastHeard.set(s, now);
        this.nextDeadline = this.lastHeard.size > 0 ? now + this.timeout + this.lateTolerance : Infinity;
    }
    end() {
        if (this.timeout === undefined) {
            return [{ property: 'cluster.session-expiry', status: 'skip', note: 'the header has no sessionTimeout', violations: [], figures: {} }];
        }
        return [verdictOf('cluster.session-expiry', this.log, { expiries: this.expiries, sessionTimeoutMs: this.timeout })];
    }
}
