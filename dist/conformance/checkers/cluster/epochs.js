import { EventWindow, ViolationLog, verdictOf } from '../window.js';
export class EpochChecker {
    name = 'cluster.epochs';
    window = new EventWindow();
    leaders = new ViolationLog(this.window);
    monotonic = new ViolationLog(this.window);
    leaderOf = new Map();
    epochOf = new Map();
    event(e, line) {
        this.window.push(e, line);
        if (e.kind !== 'role')
            return;
        const prior = this.epochOf.get(e.node);
        if (prior !== undefined && e.epoch < prior) {
            this.monotonic.report(line, `${e.node} went from epoch ${prior} back to epoch ${e.epoch}`);
        }
        this.epochOf.set(e.node, Math.max(prior ?? 0, e.epoch));
        if (e.role !== 'leading')
            return;
        const first = this.leaderOf.get(e.epoch);
        if (first === undefined)
            this.leaderOf.set(e.epoch, { node: e.node, line });
        else if (first.node !== e.node) {
            this.leaders.report(line, `${e.node} leads epoch ${e.epoch}, already led by ${first.node} (line ${first.line})`);
        }
    }
    end() {
        return [
            verdictOf('cluster.one-leader-per-epoch', this.leaders, { epochsLed: this.leaderOf.size }),
            verdictOf('cluster.monotonic-epochs', this.monotonic),
        ];
    }
}
