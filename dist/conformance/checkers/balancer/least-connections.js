import { BalancerChecker, InflightCounts } from './base.js';
import { verdictOf } from '../window.js';
export class LeastConnectionsChecker extends BalancerChecker {
    name = 'least-connections';
    inflight = new InflightCounts();
    picks = 0;
    contested = 0;
    load(id) {
        return this.inflight.count(id) / (this.membership.members.get(id) ?? 1);
    }
    onPick(e, line) {
        if (this.membership.has(e.backend)) {
            this.picks++;
            let min = Infinity;
            let argmin = '';
            let distinct = false;
            for (const id of this.membership.members.keys()) {
                const l = this.load(id);
                if (min !== Infinity && l !== min)
                    distinct = true;
                if (l < min) {
                    min = l;
                    argmin = id;
                }
            }
            if (distinct)
                this.contested++;
            const chosen = this.load(e.backend);
            if (chosen > min) {
                this.log.report(line, `${e.backend} had ${this.inflight.count(e.backend)} in flight, but ${argmin} had only ${this.inflight.count(argmin)}`);
            }
        }
        this.inflight.pick(e.request, e.backend);
    }
    onDone(e) {
        this.inflight.done(e.request);
    }
    end() {
        // Picks where the loads differed are the ones that test anything.
        return [verdictOf('least-connections', this.log, { picks: this.picks, contestedPicks: this.contested })];
    }
}
