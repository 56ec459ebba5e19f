import { EventWindow, ViolationLog, verdictOf } from '../window.js';
import { ChosenTracker } from './chosen.js';
import { paxosSetup } from './setup.js';
export class DecideChosenChecker {
    name = 'paxos.decide-chosen';
    window = new EventWindow();
    log = new ViolationLog(this.window);
    chosen;
    constructor(h) { this.chosen = new ChosenTracker(paxosSetup(h)); }
    event(e, line) {
        this.window.push(e, line);
        if (e.kind === 'decide') {
            if (!this.chosen.isChosen(e.value)) {
                this.log.report(line, `${e.node} decided ${JSON.stringify(e.value)}, which no quorum of acceptors has accepted in one ballot`);
            }
        }
        else
            this.chosen.observe(e);
    }
    end() {
        return [verdictOf(this.name, this.log, { chosen: [...this.chosen.values.values()].map(String).join(',') || null })];
    }
}
