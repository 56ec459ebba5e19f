import { EventWindow, ViolationLog } from '../window.js';
import { Membership } from './support.js';
export class BalancerChecker {
    header;
    window = new EventWindow();
    log = new ViolationLog(this.window);
    membership;
    constructor(header) {
        this.header = header;
        this.membership = new Membership(header.config.backends);
    }
    event(e, line) {
        this.window.push(e, line);
        if (e.kind === 'pick')
            this.onPick(e, line);
        else if (e.kind === 'done')
            this.onDone(e, line);
        else if (e.kind === 'membership') {
            const change = this.membership.change(e.backends);
            this.onMembership(change.removed, change.added, line);
        }
    }
    onDone(_e, _line) { }
    onMembership(_removed, _added, _line) { }
}
/** In-flight counts reconstructed from pick and done events (for LC and P2C). */
export class InflightCounts {
    byRequest = new Map();
    counts = new Map();
    count(backend) {
        return this.counts.get(backend) ?? 0;
    }
    pick(request, backend) {
        this.byRequest.set(request, backend);
        this.counts.set(backend, this.count(backend) + 1);
    }
    /** False when the request was not in flight. */
    done(request) {
        const backend = this.byRequest.get(request);
        if (backend === undefined)
            return false;
        this.byRequest.delete(request);
        const left = this.count(backend) - 1;
        if (left === 0)
            this.counts.delete(backend);
        else
            this.counts.set(backend, left);
        return true;
    }
    backendOf(request) {
        return this.byRequest.get(request);
    }
    get open() {
        return this.byRequest.size;
    }
}
