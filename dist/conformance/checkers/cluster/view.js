export class ClusterView {
    tickTime;
    servers;
    /** Crashed or paused nodes. */
    down = new Set();
    roles = new Map();
    /** Partition group per node while partitioned; null when the network is whole. */
    groups = null;
    maxTick = -1;
    maxTs = -1;
    leader = null;
    constructor(h) {
        this.tickTime = h.config.tickTime;
        this.servers = new Set(h.config.servers);
    }
    /** Apply one event; call before judging it. */
    update(e) {
        if (e.ts !== undefined && e.ts > this.maxTs)
            this.maxTs = e.ts;
        switch (e.kind) {
            case 'tick':
                if (e.tick > this.maxTick)
                    this.maxTick = e.tick;
                break;
            case 'role':
                this.roles.set(e.node, { role: e.role, epoch: e.epoch });
                if (e.role === 'leading') {
                    if (this.leader === null || e.epoch >= this.leader.epoch)
                        this.leader = { node: e.node, epoch: e.epoch };
                }
                else if (this.leader?.node === e.node)
                    this.leader = null;
                break;
            case 'crash':
            case 'pause':
                this.down.add(e.node);
                if (this.leader?.node === e.node)
                    this.leader = null;
                break;
            case 'restart':
                this.down.delete(e.node);
                this.roles.delete(e.node); // a restarted server rejoins from scratch
                break;
            case 'resume':
                this.down.delete(e.node);
                break;
            case 'partition': {
                const groups = new Map();
                e.groups.forEach((g, i) => g.forEach((n) => groups.set(n, i)));
                this.groups = groups;
                break;
            }
            case 'heal':
                this.groups = null;
                break;
        }
    }
    isDown(node) { return this.down.has(node); }
    roleOf(node) { return this.roles.get(node); }
    /** Can a and b exchange messages? Nodes left out of every partition group are isolated. */
    connected(a, b) {
        if (this.groups === null)
            return true;
        const ga = this.groups.get(a);
        return ga !== undefined && ga === this.groups.get(b);
    }
    /** Is follower f alive, following the current leader's epoch, and reachable from it? */
    liveFollower(f) {
        const leader = this.leader;
        if (leader === null || f === leader.node || this.down.has(f))
            return false;
        const r = this.roles.get(f);
        return r?.role === 'following' && r.epoch === leader.epoch && this.connected(leader.node, f);
    }
    hasClock() { return this.maxTick >= 0 || this.maxTs >= 0; }
    nowTicks() { return this.maxTick >= 0 ? this.maxTick : Math.max(this.maxTs, 0) / this.tickTime; }
    nowMs() { return this.maxTs >= 0 ? this.maxTs : Math.max(this.maxTick, 0) * this.tickTime; }
}
