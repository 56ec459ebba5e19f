import { BalancerChecker } from './base.js';
import { chiSquareSf, chiSquareStatistic, detectableSkew, sampleSizeToDetect, skewEffect } from './stats.js';
import { round } from './support.js';
import { ViolationLog, verdictOf } from '../window.js';
export const ALPHA = 0.001;
export const POWER = 0.8;
export class RandomChecker extends BalancerChecker {
    name = 'random';
    serialLog = new ViolationLog(this.window);
    segment;
    gof = { x: 0, df: 0 };
    serial = { x: 0, df: 0 };
    picks = 0;
    lastLine = 0;
    /** The segment with the most picks, for the sample-size figures. */
    largest = { shares: [], picks: 0 };
    constructor(header) {
        super(header);
        this.segment = this.newSegment(1);
    }
    newSegment(line) {
        const ids = [...this.membership.members.keys()];
        const total = [...this.membership.members.values()].reduce((a, w) => a + w, 0);
        return {
            ids, shares: ids.map((id) => this.membership.members.get(id) / total),
            index: new Map(ids.map((id, i) => [id, i])),
            counts: new Array(ids.length).fill(0), pairs: new Array(ids.length * ids.length).fill(0),
            first: -1, previous: -1, picks: 0, line,
        };
    }
    onPick(e, line) {
        const s = this.segment;
        const i = s.index.get(e.backend);
        this.lastLine = line;
        if (i === undefined)
            return; // pick-validity reports it
        this.picks++;
        s.counts[i]++;
        if (s.previous >= 0)
            s.pairs[s.previous * s.ids.length + i]++;
        else
            s.first = i;
        s.previous = i;
        s.picks++;
    }
    closeSegment() {
        const s = this.segment;
        const n = s.ids.length;
        if (n < 2 || s.picks < 2)
            return;
        const psi1 = chiSquareStatistic(s.counts, s.shares.map((p) => p * s.picks));
        this.gof.x += psi1;
        this.gof.df += n - 1;
        // Cyclic pairs (last -> first closes the ring) make Good's statistic exact.
        const pairs = [...s.pairs];
        pairs[s.previous * n + s.first]++;
        const expected = pairs.map((_, k) => s.picks * s.shares[Math.floor(k / n)] * s.shares[k % n]);
        this.serial.x += chiSquareStatistic(pairs, expected) - psi1;
        this.serial.df += n * (n - 1);
        if (s.picks > this.largest.picks)
            this.largest = { shares: s.shares, picks: s.picks };
    }
    onMembership(_r, _a, line) {
        this.closeSegment();
        this.segment = this.newSegment(line);
    }
    end() {
        this.closeSegment();
        if (this.gof.df === 0) {
            const note = 'fewer than two backends or picks in every stable membership';
            return [
                { property: 'random-uniformity', status: 'skip', note, violations: [], figures: { picks: this.picks } },
                { property: 'random-independence', status: 'skip', note, violations: [], figures: { picks: this.picks } },
            ];
        }
        const p = chiSquareSf(this.gof.x, this.gof.df);
        const pSerial = chiSquareSf(Math.max(0, this.serial.x), this.serial.df);
        if (p < ALPHA)
            this.log.report(this.lastLine, `picks do not fit the weights: chi-square ${round(this.gof.x, 2)} on ${this.gof.df} df, p = ${p.toExponential(2)} < ${ALPHA}`);
        if (pSerial < ALPHA)
            this.serialLog.report(this.lastLine, `consecutive picks are not independent: serial chi-square ${round(this.serial.x, 2)} on ${this.serial.df} df, p = ${pSerial.toExponential(2)} < ${ALPHA}`);
        const { shares, picks } = this.largest;
        const k = shares.length - 1;
        const finite = (x) => (Number.isFinite(x) ? x : null);
        return [
            verdictOf('random-uniformity', this.log, {
                picks: this.picks, chiSquare: round(this.gof.x, 3), df: this.gof.df, pValue: round(p, 6), alpha: ALPHA,
                picksToDetect10pctSkew: finite(sampleSizeToDetect(skewEffect(shares, 0.1), k, ALPHA, POWER)),
                detectableSkew: finite(round(detectableSkew(shares, picks, ALPHA, POWER), 4)),
            }),
            verdictOf('random-independence', this.serialLog, {
                serialChiSquare: round(this.serial.x, 3), df: this.serial.df, pValue: round(pSerial, 6), alpha: ALPHA,
            }),
        ];
    }
}
