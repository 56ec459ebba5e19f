import { BalancerChecker } from './base.js';
import { coefficientOfVariation, jainIndex, maxOverMean } from './stats.js';
import { round } from './support.js';
import { verdictOf } from '../window.js';
export const MIN_JAIN = 0.9;
export class AggregateChecker extends BalancerChecker {
    name = 'aggregate';
    picks = new Map();
    fairShare = new Map();
    segmentPicks = 0;
    lastLine = 0;
    onPick(e, line) {
        if (!this.membership.has(e.backend))
            return;
        this.picks.set(e.backend, (this.picks.get(e.backend) ?? 0) + 1);
        this.segmentPicks++;
        this.lastLine = line;
    }
    /** Credits the closing membership's backends with their share of its picks. */
    settle() {
        const total = [...this.membership.members.values()].reduce((a, w) => a + w, 0);
        for (const [id, w] of this.membership.members) {
            this.fairShare.set(id, (this.fairShare.get(id) ?? 0) + (this.segmentPicks * w) / total);
        }
        this.segmentPicks = 0;
    }
    event(e, line) {
        if (e.kind === 'membership')
            this.settle();
        super.event(e, line);
    }
    end() {
        this.settle();
        const ids = [...this.fairShare.keys()].filter((id) => this.fairShare.get(id) > 0);
        const ratios = ids.map((id) => (this.picks.get(id) ?? 0) / this.fairShare.get(id));
        const figures = {
            backends: ids.length,
            maxOverMean: ids.length ? round(maxOverMean(ratios)) : null,
            coefficientOfVariation: ids.length ? round(coefficientOfVariation(ratios)) : null,
            jainIndex: ids.length ? round(jainIndex(ratios)) : null,
            picksPerBackend: ids.map((id) => `${id}:${this.picks.get(id) ?? 0}`).join(' '),
        };
        const policy = this.header.config.policy;
        if (policy === 'hash' || policy === 'consistent-hash') {
            return [{ property: 'aggregate', status: 'skip', note: 'hash policies follow the key distribution: figures only', violations: [], figures }];
        }
        if (ids.length === 0)
            return [{ property: 'aggregate', status: 'skip', note: 'no picks', violations: [], figures }];
        const jain = jainIndex(ratios);
        if (jain < MIN_JAIN)
            this.log.report(this.lastLine, `Jain's index ${round(jain)} is below ${MIN_JAIN}: load per fair share is ${ids.map((id, i) => `${id}:${round(ratios[i], 2)}`).join(' ')}`);
        return [verdictOf('aggregate', this.log, figures)];
    }
}
