import { EventWindow, ViolationLog, verdictOf } from '../window.js';
export class UniqueBallotChecker {
    name = 'paxos.unique-ballots';
    window = new EventWindow();
    log = new ViolationLog(this.window);
    owner = new Map();
    /** Ballots already reported, so one clash is one violation however often it is reused. */
    reported = new Set();
    event(e, line) {
        this.window.push(e, line);
        if (e.kind !== 'send' || (e.msg.type !== 'prepare' && e.msg.type !== 'accept'))
            return;
        const ballot = e.msg.ballot;
        const first = this.owner.get(ballot);
        if (first === undefined)
            this.owner.set(ballot, { node: e.node, line });
        else if (first.node !== e.node && !this.reported.has(ballot)) {
            this.reported.add(ballot);
            this.log.report(line, `${e.node} used ballot ${ballot}, already used by ${first.node} (line ${first.line})`);
        }
    }
    end() { return [verdictOf(this.name, this.log, { ballots: this.owner.size })]; }
}
