import { BalancerChecker } from './base.js';
import { round } from './support.js';
import { ViolationLog, verdictOf } from '../window.js';
/** Per-change figures kept for at most this many changes. */
const MAX_CHANGES_REPORTED = 50;
export class HashChecker extends BalancerChecker {
    judgeMovement;
    name = 'hash';
    movementLog = new ViolationLog(this.window);
    /** key -> backend it was last seen on, and the membership epoch it was seen in. */
    seen = new Map();
    /** For current backends: the epoch since which each has been a member without a break. */
    presentSince = new Map();
    /** Figures of each change, by the epoch it opened. */
    changes = new Map();
    weights = new Map();
    keyed = 0;
    unkeyed = 0;
    compared = 0;
    moved = 0;
    betweenSurvivors = 0;
    constructor(header, judgeMovement) {
        super(header);
        this.judgeMovement = judgeMovement;
        for (const id of this.membership.members.keys())
            this.presentSince.set(id, 0);
        this.weights = new Map(this.membership.members);
    }
    onPick(e, line) {
        if (e.key === undefined) {
            this.unkeyed++;
            return;
        }
        this.keyed++;
        const epoch = this.membership.epoch;
        const prev = this.seen.get(e.key);
        if (prev && prev.epoch === epoch && prev.backend !== e.backend) {
            this.log.report(line, `key ${e.key} went to ${e.backend}, but earlier to ${prev.backend} with the same backends`);
        }
        else if (prev && prev.epoch < epoch) {
            this.compared++;
            const change = prev.epoch === epoch - 1 ? this.changes.get(epoch) : undefined;
            if (change)
                change.compared++;
            if (prev.backend !== e.backend) {
                this.moved++;
                if (change)
                    change.moved++;
                const stayed = (id) => (this.presentSince.get(id) ?? Infinity) <= prev.epoch;
                if (stayed(prev.backend) && stayed(e.backend)) {
                    this.betweenSurvivors++;
                    this.movementLog.report(line, `key ${e.key} moved from ${prev.backend} to ${e.backend}, both of which stayed through the change`);
                }
            }
        }
        this.seen.set(e.key, { backend: e.backend, epoch });
    }
    onMembership(removed, added, line) {
        const epoch = this.membership.epoch;
        for (const id of removed)
            this.presentSince.delete(id);
        for (const id of added)
            this.presentSince.set(id, epoch);
        const sum = (m, ids) => [...ids].reduce((a, id) => a + (m.get(id) ?? 0), 0);
        const oldTotal = sum(this.weights, this.weights.keys());
        const newTotal = sum(this.membership.members, this.membership.members.keys());
        const expected = sum(this.weights, removed) / Math.max(oldTotal, 1e-9) + sum(this.membership.members, added) / Math.max(newTotal, 1e-9);
        if (this.changes.size < MAX_CHANGES_REPORTED)
            this.changes.set(epoch, { line, removed, added, expected, compared: 0, moved: 0 });
        this.weights = new Map(this.membership.members);
    }
    changeFigures() {
        const figures = {};
        this.changes.forEach((c, i) => {
            const what = [...c.removed.map((id) => `-${id}`), ...c.added.map((id) => `+${id}`)].join(' ');
            figures[`change${i}`] = `line ${c.line} (${what}): ${c.moved}/${c.compared} keys moved (${c.compared ? round(c.moved / c.compared, 3) : 'n/a'}, expected ≈ ${round(c.expected, 3)})`;
        });
        return figures;
    }
    end() {
        const base = { keyedPicks: this.keyed, unkeyedPicks: this.unkeyed, distinctKeys: this.seen.size };
        const verdicts = [];
        if (this.keyed === 0) {
            verdicts.push({ property: 'hash-stable', status: 'skip', note: 'no pick carries a key', violations: [], figures: base });
        }
        else {
            verdicts.push(verdictOf('hash-stable', this.log, base));
        }
        if (this.judgeMovement) {
            const figures = {
                keysCompared: this.compared, keysMoved: this.moved,
                movedFraction: this.compared ? round(this.moved / this.compared, 4) : null,
                movedBetweenSurvivors: this.betweenSurvivors, ...this.changeFigures(),
            };
            if (this.compared === 0) {
                verdicts.push({ property: 'consistent-hash-movement', status: 'skip', note: 'no key was seen both before and after a membership change', violations: [], figures });
            }
            else {
                verdicts.push(verdictOf('consistent-hash-movement', this.movementLog, figures));
            }
        }
        return verdicts;
    }
}
