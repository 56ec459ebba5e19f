import { BalancerChecker, InflightCounts } from './base.js';
import { verdictOf } from '../window.js';
export class PowerOfTwoChecker extends BalancerChecker {
    name = 'power-of-two';
    inflight = new InflightCounts();
    judged = 0;
    unjudged = 0;
    contested = 0;
    load(id) {
        return this.inflight.count(id) / (this.membership.members.get(id) ?? 1);
    }
    onPick(e, line) {
        const c = e.candidates;
        if (!c || c.length !== 2 || !c.includes(e.backend)) {
            this.unjudged++;
        }
        else {
            this.judged++;
            const other = c[0] === e.backend ? c[1] : c[0];
            if (this.load(other) !== this.load(e.backend))
                this.contested++;
            if (this.load(e.backend) > this.load(other)) {
                this.log.report(line, `chose ${e.backend} (${this.inflight.count(e.backend)} in flight) over the less loaded candidate ${other} (${this.inflight.count(other)})`);
            }
        }
        this.inflight.pick(e.request, e.backend);
    }
    onDone(e) {
        this.inflight.done(e.request);
    }
    end() {
        const figures = { picksJudged: this.judged, picksWithoutCandidates: this.unjudged, contestedPicks: this.contested };
        if (this.judged === 0) {
            return [{ property: 'p2c-less-loaded', status: 'skip', note: 'no pick names its two candidates', violations: [], figures }];
        }
        return [verdictOf('p2c-less-loaded', this.log, figures)];
    }
}
