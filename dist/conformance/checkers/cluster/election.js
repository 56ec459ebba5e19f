import { ClusterView } from './view.js';
const FAULTS = new Set(['crash', 'pause', 'partition']);
export class ElectionTimeChecker {
    name = 'cluster.election-time';
    view;
    fault;
    leaderLost = false;
    elected;
    faults = 0;
    constructor(h) { this.view = new ClusterView(h); }
    event(e, line) {
        const hadLeader = this.view.leader !== null;
        this.view.update(e);
        const now = { line, ms: this.view.nowMs(), ticks: this.view.nowTicks() };
        if (FAULTS.has(e.kind)) {
            this.faults++;
            this.fault = now;
            this.elected = undefined;
            this.leaderLost = this.view.leader === null;
        }
        else if (this.fault) {
            if (hadLeader && this.view.leader === null)
                this.leaderLost = true;
            if (this.leaderLost && this.elected === undefined && e.kind === 'role' && e.role === 'leading')
                this.elected = now;
        }
    }
    end() {
        const property = this.name;
        if (this.fault === undefined)
            return [{ property, status: 'skip', note: 'no faults in the trace', violations: [], figures: { faults: 0 } }];
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
