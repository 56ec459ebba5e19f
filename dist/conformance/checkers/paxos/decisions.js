import { EventWindow, ViolationLog, verdictOf } from '../window.js';
import { ChosenTracker } from './chosen.js';
import { paxosSetup } from './setup.js';
const show = (v) => JSON.stringify(v);
const describeChosen = (c) => `acceptors ${c.by.join(', ')} accepted ${show(c.value)} in ballot ${c.ballot}`;
export class AgreementChecker {
    name = 'paxos.agreement';
    window = new EventWindow();
    log = new ViolationLog(this.window);
    chosen;
    /** The first value decided or chosen, which everything after must agree with. */
    first;
    decisions = 0;
    constructor(h) { this.chosen = new ChosenTracker(paxosSetup(h)); }
    event(e, line) {
        this.window.push(e, line);
        if (e.kind === 'decide') {
            this.decisions++;
            this.settle(e.value, `${e.node} decided ${show(e.value)}`, line);
            return;
        }
        const c = this.chosen.observe(e);
        if (c)
            this.settle(c.value, describeChosen(c), line);
    }
    settle(value, what, line) {
        if (this.first === undefined)
            this.first = { value, what, line };
        else if (value !== this.first.value)
            this.log.report(line, `${what}, but ${this.first.what} (line ${this.first.line})`);
    }
    end() {
        return [verdictOf(this.name, this.log, {
                decisions: this.decisions,
                decided: this.first?.value ?? null,
                chosen: [...this.chosen.values.values()].map(String).join(',') || null,
            })];
    }
}
export class ValidityChecker {
    name = 'paxos.validity';
    window = new EventWindow();
    log = new ViolationLog(this.window);
    headerValues = new Set();
    proposed = new Set();
    chosen;
    constructor(h) {
        const setup = paxosSetup(h);
        this.headerValues = setup.values;
        this.chosen = new ChosenTracker(setup);
    }
    event(e, line) {
        this.window.push(e, line);
        if (e.kind === 'propose')
            this.proposed.add(e.value);
        else if (e.kind === 'decide')
            this.judge(e.value, `${e.node} decided`, line);
        else {
            const c = this.chosen.observe(e);
            if (c)
                this.judge(c.value, `acceptors ${c.by.join(', ')} chose (ballot ${c.ballot})`, line);
        }
    }
    judge(value, who, line) {
        const allowed = this.proposed.size > 0 ? this.proposed : this.headerValues;
        if (allowed.has(value))
            return;
        const from = this.proposed.size > 0 ? 'proposed so far' : 'in the header';
        this.log.report(line, `${who} ${show(value)}, which is not among the values ${from}: ${[...allowed].map(show).join(', ')}`);
    }
    end() { return [verdictOf(this.name, this.log)]; }
}
