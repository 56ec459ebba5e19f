import { BalancerChecker } from './base.js';
import { verdictOf } from '../window.js';
/** Periods longer than this are not checked (the weights would need a huge ring buffer). */
const MAX_PERIOD = 100_000;
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
export class WeightedRoundRobinChecker extends BalancerChecker {
    name = 'weighted-round-robin';
    segment = null;
    unchecked = [];
    segmentsJudged = 0;
    windowsChecked = 0;
    phases = [];
    burst = { backend: '', length: 0 };
    longest = { backend: '', length: 0, line: 0 };
    constructor(header) {
        super(header);
        this.openSegment(1);
    }
    openSegment(line) {
        const weights = [...this.membership.members.entries()];
        if (weights.some(([, w]) => !Number.isInteger(w))) {
            this.segment = null;
            this.unchecked.push(`line ${line}: non-integer weights`);
            return;
        }
        const g = weights.reduce((a, [, w]) => gcd(a, w), 0);
        const period = weights.reduce((a, [, w]) => a + w, 0) / g;
        if (period > MAX_PERIOD) {
            this.segment = null;
            this.unchecked.push(`line ${line}: period ${period} too long`);
            return;
        }
        const target = new Map(weights.map(([id, w]) => [id, w / g]));
        this.segment = {
            period, target, ring: [], counts: new Map(), mismatched: target.size, picks: 0,
            phaseFailed: new Array(period).fill(false), phaseWindows: new Array(period).fill(0), startLine: line,
        };
    }
    bump(s, id, delta) {
        const before = s.counts.get(id) ?? 0;
        const after = before + delta;
        const want = s.target.get(id) ?? 0;
        if (before === want)
            s.mismatched++;
        if (after === want)
            s.mismatched--;
        s.counts.set(id, after);
    }
    onPick(e, line) {
        if (e.backend === this.burst.backend)
            this.burst.length++;
        else
            this.burst = { backend: e.backend, length: 1 };
        if (this.burst.length > this.longest.length)
            this.longest = { ...this.burst, line };
        const s = this.segment;
        if (!s)
            return;
        s.ring.push(e.backend);
        this.bump(s, e.backend, +1);
        if (s.ring.length > s.period)
            this.bump(s, s.ring.shift(), -1);
        s.picks++;
        if (s.picks < s.period)
            return;
        const phase = s.picks % s.period;
        s.phaseWindows[phase]++;
        this.windowsChecked++;
        if (s.mismatched !== 0 && !s.phaseFailed[phase]) {
            s.phaseFailed[phase] = true;
            const got = [...s.counts].filter(([, c]) => c > 0).map(([id, c]) => `${id}:${c}`).join(' ');
            const want = [...s.target].map(([id, c]) => `${id}:${c}`).join(' ');
            s.lastFailure = { line, message: `period of ${s.period} picks ending here served {${got}}, weights require {${want}}` };
        }
    }
    closeSegment() {
        const s = this.segment;
        if (!s || s.picks < s.period)
            return;
        this.segmentsJudged++;
        const good = s.phaseWindows.findIndex((w, phase) => w > 0 && !s.phaseFailed[phase]);
        if (good === -1)
            this.log.report(s.lastFailure.line, `no alignment of the period gives exact proportions: ${s.lastFailure.message}`);
        else
            this.phases.push(good);
    }
    onMembership(_removed, _added, line) {
        this.closeSegment();
        this.openSegment(line);
    }
    end() {
        this.closeSegment();
        const figures = {
            period: this.segment?.period ?? null,
            segmentsJudged: this.segmentsJudged,
            windowsChecked: this.windowsChecked,
            phase: this.phases.join(',') || null,
            longestBurst: this.longest.length,
            longestBurstBackend: this.longest.backend || null,
            longestBurstLine: this.longest.line || null,
        };
        if (this.segmentsJudged === 0 && this.log.total === 0) {
            return [{ property: 'wrr-proportions', status: 'skip', note: `no stable membership lasted a full period${this.unchecked.length ? ` (${this.unchecked.join('; ')})` : ''}`, violations: [], figures }];
        }
        return [verdictOf('wrr-proportions', this.log, figures, this.unchecked.length ? `not checked: ${this.unchecked.join('; ')}` : undefined)];
    }
}
