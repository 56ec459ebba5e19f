import { BalancerChecker } from './base.js';
import { ViolationLog, verdictOf } from '../window.js';
export class RoundRobinChecker extends BalancerChecker {
    name = 'round-robin';
    membershipLog = new ViolationLog(this.window);
    /** Last picks of current backends, oldest first, at most N-1 of them. */
    recent = [];
    succ = new Map();
    pred = new Map();
    /** Backends not yet picked since they joined: they may be placed anywhere in the cycle. */
    unplaced = new Set();
    /** Backends that joined by a change and have not had their first turn; until they do,
     * the cycle they will join is one shorter. Each must get it within N picks of the change. */
    waiting = new Set();
    last;
    picks = 0;
    fullWindows = 0;
    picksSinceChange = 0;
    changes = 0;
    constructor(header) {
        super(header);
        for (const id of this.membership.members.keys())
            this.unplaced.add(id);
    }
    /** Violations in the first window after a change are blamed on the change. */
    blame() {
        return this.changes > 0 && this.picksSinceChange < this.membership.size ? this.membershipLog : this.log;
    }
    onPick(e, line) {
        const p = e.backend;
        if (!this.membership.has(p))
            return; // pick-validity reports it
        this.picks++;
        const n = this.membership.size;
        const log = this.blame();
        const cycle = n - this.waiting.size + (this.waiting.has(p) ? 1 : 0);
        const lookback = this.recent.slice(this.recent.length - Math.max(0, cycle - 1));
        const sincePrevious = lookback.length - lookback.lastIndexOf(p);
        if (lookback.includes(p)) {
            log.report(line, `${p} served again after ${sincePrevious} pick(s), before all ${n} backends had a turn`);
        }
        if (this.last !== undefined) {
            const expected = this.succ.get(this.last);
            if (expected !== undefined && expected !== p) {
                if (this.unplaced.has(p))
                    this.link(this.last, p, expected);
                else
                    log.report(line, `${p} served after ${this.last}; the cyclic order says ${expected} comes next`);
            }
            else if (expected === undefined) {
                const before = this.pred.get(p);
                if (before !== undefined && before !== this.last && !this.unplaced.has(p)) {
                    log.report(line, `${p} served after ${this.last}; the cyclic order says it follows ${before}`);
                }
                else
                    this.link(this.last, p);
            }
        }
        this.unplaced.delete(p);
        this.waiting.delete(p);
        this.last = p;
        this.recent.push(p);
        if (this.recent.length > n - 1)
            this.recent.shift();
        if (this.picksSinceChange + 1 >= n)
            this.fullWindows++;
        this.picksSinceChange++;
        if (this.picksSinceChange === n && this.waiting.size > 0) {
            this.membershipLog.report(line, `${[...this.waiting].join(', ')} joined but got no turn in the ${n} picks after the change`);
            this.waiting.clear();
        }
    }
    /** Records a -> b (-> c when b is inserted between a and c). */
    link(a, b, c) {
        this.succ.set(a, b);
        this.pred.set(b, a);
        if (c !== undefined) {
            this.succ.set(b, c);
            this.pred.set(c, b);
        }
    }
    onMembership(removed, added) {
        this.changes++;
        this.picksSinceChange = 0;
        const gone = new Set(removed);
        // The last pick that survives stands for the position in the cycle.
        if (this.last !== undefined && gone.has(this.last)) {
            this.last = [...this.recent].reverse().find((id) => !gone.has(id));
        }
        // Survivors keep their order: bridge each successor link over removed backends.
        for (const [a, b] of [...this.succ]) {
            if (gone.has(a))
                continue;
            let next = b;
            for (let hops = 0; next !== undefined && gone.has(next) && hops <= gone.size; hops++)
                next = this.succ.get(next);
            if (next === undefined || gone.has(next))
                this.succ.delete(a);
            else
                this.succ.set(a, next);
        }
        for (const id of removed) {
            this.succ.delete(id);
            this.pred.delete(id);
            this.unplaced.delete(id);
        }
        this.pred.clear();
        for (const [a, b] of this.succ)
            this.pred.set(b, a);
        for (const id of removed)
            this.waiting.delete(id);
        for (const id of added) {
            this.unplaced.add(id);
            this.waiting.add(id);
        }
        const n = this.membership.size;
        const keep = Math.max(0, n - 1);
        this.recent = keep === 0 ? [] : this.recent.filter((id) => !gone.has(id)).slice(-keep);
    }
    /** The learned cycle, starting from the first backend of the current set. */
    cycle() {
        const first = this.membership.members.keys().next().value;
        if (first === undefined)
            return '';
        const out = [first];
        for (let id = this.succ.get(first); id !== undefined && id !== first && out.length <= this.membership.size; id = this.succ.get(id))
            out.push(id);
        return out.join(' > ');
    }
    end() {
        const figures = { picks: this.picks, fullWindows: this.fullWindows, membershipChanges: this.changes };
        return [
            verdictOf('round-robin-order', this.log, { ...figures, cycle: this.cycle() }),
            this.changes === 0
                ? { property: 'round-robin-membership', status: 'skip', note: 'no membership change in the trace', violations: [], figures }
                : verdictOf('round-robin-membership', this.membershipLog, figures),
        ];
    }
}
