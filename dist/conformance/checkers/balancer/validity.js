import { BalancerChecker, InflightCounts } from './base.js';
import { verdictOf } from '../window.js';
export class PickValidityChecker extends BalancerChecker {
    name = 'pick-validity';
    inflight = new InflightCounts();
    picks = 0;
    onPick(e, line) {
        this.picks++;
        if (!this.membership.has(e.backend))
            this.log.report(line, `request ${e.request} sent to ${e.backend}, which is not a current backend`);
        if (this.inflight.backendOf(e.request) !== undefined)
            this.log.report(line, `request ${e.request} picked again while still in flight`);
        if (e.candidates) {
            for (const c of e.candidates) {
                if (!this.membership.has(c))
                    this.log.report(line, `candidate ${c} is not a current backend`);
            }
            if (!e.candidates.includes(e.backend))
                this.log.report(line, `chose ${e.backend}, which is not one of its candidates ${e.candidates.join(', ')}`);
        }
        this.inflight.pick(e.request, e.backend);
    }
    onDone(e, line) {
        const backend = this.inflight.backendOf(e.request);
        if (backend === undefined)
            this.log.report(line, `done for request ${e.request}, which is not in flight`);
        else if (backend !== e.backend)
            this.log.report(line, `done for request ${e.request} names ${e.backend}, but it was sent to ${backend}`);
        this.inflight.done(e.request);
    }
    end() {
        return [verdictOf('pick-validity', this.log, { picks: this.picks, stillInFlight: this.inflight.open })];
    }
}
