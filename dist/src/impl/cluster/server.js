/**
 * A ZooKeeper-style server as a deterministic handler: LOOKING (votes ordered by
 * (epoch, zxid, id), re-sent every tick; a quorum on one candidate elects it), FOLLOWING (followerInfo, accept
 * a higher epoch, answer pings, give up after syncLimit silent ticks), LEADING (propose
 * max epoch + 1 to a quorum, establish on a quorum of acks, ping every tick, mark down
 * followers silent for more than syncLimit ticks, step down without a quorum). Same rules
 * as models/cluster/server.ts, written as plain code; the driver holds them to it.
 *
 * Beyond the model: client sessions (./sessions.ts). Every server records what clients
 * send; only the established leader announces sessions, closes them and expires those
 * silent for `sessionTicks` ticks (with their ephemerals). It replicates its table: new
 * sessions and ends to its followers, the whole table to a follower that just synced.
 */
import { applySessionMessage, expireSessions, refreshSessions } from './sessions.js';
import { betterVote, quorumSize, send, } from './types.js';
export const correctServerRules = {
    nextEpoch: (own, followers) => Math.max(own, ...followers) + 1,
    leaderSilent: (silentFor, syncLimit) => silentFor > syncLimit,
    markDownAfter: (syncLimit) => syncLimit,
    electionQuorum: quorumSize,
    stepsDown: true,
    sessionExpired: (silentFor, timeout) => silentFor >= timeout,
};
export const DEFAULT_SESSION_TICKS = 10;
const countFor = (votes, candidate) => Object.values(votes).filter((v) => v.leader === candidate).length;
export class ClusterServer {
    config;
    rules;
    role = 'server';
    id;
    peers;
    sessionTicks;
    disk;
    state;
    sessions = {};
    /** Outputs of the input being handled. */
    out = [];
    constructor(config, rules = correctServerRules) {
        this.config = config;
        this.rules = rules;
        this.id = config.self;
        this.peers = config.servers.filter((s) => s !== config.self);
        this.sessionTicks = config.sessionTicks ?? DEFAULT_SESSION_TICKS;
        this.disk = { acceptedEpoch: 0, acceptedLeader: null, currentEpoch: 0, zxid: config.zxid ?? 0, tick: 0 };
        this.enterLooking();
        this.out = [];
    }
    /** What the server emits as it starts (the model's initial entry): its vote and its role. */
    boot() {
        return this.run(() => this.enterLooking());
    }
    handle(input) {
        return this.run(() => {
            if (input.kind === 'event') {
                if (input.event.type === 'tick' && typeof input.event.now === 'number')
                    this.onTick(input.event.now);
                return;
            }
            if (input.msg.type === 'session')
                this.onSession(input.from, input.msg);
            else
                this.onMessage(input.from, input.msg);
        });
    }
    run(body) {
        this.out = [];
        body();
        this.settle();
        const out = this.out;
        this.out = [];
        return out;
    }
    // ------------------------------------------------------------------ transitions
    enterLooking() {
        const vote = { leader: this.id, epoch: this.disk.currentEpoch, zxid: this.disk.zxid };
        this.state = { role: 'looking', vote, votes: { [this.id]: vote }, pending: {} };
        this.broadcastVote();
        this.out.push({ type: 'role', role: 'looking', epoch: this.disk.currentEpoch, leader: null, zxid: this.disk.zxid });
    }
    enterFollowing(leader) {
        this.state = { role: 'following', phase: 'syncing', leader, lastHeard: this.disk.tick };
        this.out.push(send([leader], { type: 'followerInfo', epoch: this.disk.acceptedEpoch, zxid: this.disk.zxid, tick: this.disk.tick }));
    }
    enterLeading(pending) {
        this.state = { role: 'leading', phase: 'proposing', since: this.disk.tick, pending, proposed: null, followers: {} };
    }
    /** The conditions checked after every step (the model's eventless transitions), until none fires. */
    settle() {
        for (;;) {
            const s = this.state;
            if (s.role === 'following' && this.rules.leaderSilent(this.disk.tick - s.lastHeard, this.config.syncLimit)) {
                this.enterLooking();
            }
            else if (s.role === 'leading' && s.phase === 'proposing' && this.disk.tick - s.since > this.config.syncLimit) {
                this.enterLooking();
            }
            else if (s.role === 'leading' && s.phase === 'proposing' && s.proposed === null && Object.keys(s.pending).length + 1 >= this.quorum) {
                this.proposeEpoch(s);
            }
            else if (s.role === 'leading' && s.phase === 'proposing' && s.proposed !== null && Object.keys(s.followers).length + 1 >= this.quorum) {
                // A quorum of one (a single server) needs no acks.
                this.establish(s, s.proposed);
            }
            else if (s.role === 'leading' && s.phase === 'established' && this.rules.stepsDown && Object.keys(s.followers).length + 1 < this.quorum) {
                this.enterLooking();
            }
            else
                return;
        }
    }
    get quorum() { return quorumSize(this.config.servers.length); }
    broadcastVote() {
        const s = this.state;
        this.out.push(send(this.peers, { type: 'vote', ...s.vote, state: 'looking', tick: this.disk.tick }));
    }
    // ------------------------------------------------------------------ clock
    onTick(now) {
        this.disk = { ...this.disk, tick: now };
        const s = this.state;
        if (s.role === 'looking') {
            // Votes settle during a round; the outcome is read at the tick.
            const need = this.rules.electionQuorum(this.config.servers.length);
            if (s.vote.leader === this.id && countFor(s.votes, this.id) >= need)
                this.enterLeading(s.pending);
            else if (s.vote.leader !== this.id && countFor(s.votes, s.vote.leader) >= need)
                this.enterFollowing(s.vote.leader);
            else
                this.broadcastVote();
            return;
        }
        if (s.role === 'leading' && s.phase === 'established') {
            const limit = this.rules.markDownAfter(this.config.syncLimit);
            const down = Object.keys(s.followers).filter((f) => now - s.followers[f] > limit).sort();
            const followers = { ...s.followers };
            for (const f of down)
                delete followers[f];
            this.state = { ...s, followers };
            for (const peer of down)
                this.out.push({ type: 'suspect', peer, tick: now });
            const to = Object.keys(followers).sort();
            if (to.length > 0)
                this.out.push(send(to, { type: 'ping', epoch: this.disk.currentEpoch, zxid: this.disk.zxid, tick: now }));
            if (!this.rules.stepsDown || to.length + 1 >= this.quorum)
                this.expireSessions();
        }
    }
    // ------------------------------------------------------------------ messages between servers
    onMessage(from, msg) {
        // Lockstep rounds: a message sent at tick t is for a receiver that reached t. Real
        // nodes read the clock before every receive, so this holds there; the driver may
        // offer a message early, and then it must be left for later, untouched.
        if ((msg.tick ?? 0) > this.disk.tick)
            return;
        const s = this.state;
        if (s.role === 'looking')
            this.whileLooking(s, from, msg);
        else if (s.role === 'following')
            this.whileFollowing(s, from, msg);
        else
            this.whileLeading(s, from, msg);
    }
    whileLooking(s, from, msg) {
        if (msg.type === 'followerInfo') {
            // A peer read the election's outcome before us: kept for when we lead, and counted
            // as its vote for us.
            const vote = { leader: this.id, epoch: this.disk.currentEpoch, zxid: this.disk.zxid };
            this.state = { ...s, pending: { ...s.pending, [from]: msg.epoch }, votes: { ...s.votes, [from]: vote } };
            return;
        }
        if (msg.type !== 'vote')
            return;
        const { acceptedEpoch, acceptedLeader } = this.disk;
        if (msg.state === 'leading' && msg.leader === from && (msg.epoch > acceptedEpoch || (msg.epoch === acceptedEpoch && acceptedLeader === from))) {
            this.enterFollowing(from);
            return;
        }
        if ((msg.state ?? 'looking') !== 'looking')
            return;
        const heard = { leader: msg.leader, epoch: msg.epoch, zxid: msg.zxid };
        const known = s.votes[from];
        // A looking peer's votes only improve, so the best heard is its latest.
        const votes = known && !betterVote(heard, known) ? s.votes : { ...s.votes, [from]: heard };
        if (betterVote(heard, s.vote)) {
            // Adopted now, announced at the next tick: one vote per peer per round.
            this.state = { ...s, vote: heard, votes: { ...votes, [this.id]: heard } };
        }
        else {
            this.state = { ...s, votes };
        }
    }
    whileFollowing(s, from, msg) {
        if (msg.type === 'vote') {
            // While syncing, the candidate may still be reading the election's outcome, so its
            // looking votes mean nothing yet; once synced, they mean it gave up.
            if (s.phase === 'synced' && from === s.leader && (msg.state ?? 'looking') === 'looking')
                this.enterLooking();
            return;
        }
        if (s.phase === 'syncing' && msg.type === 'newEpoch') {
            const { acceptedEpoch, acceptedLeader } = this.disk;
            if (from === s.leader && (msg.epoch > acceptedEpoch || (msg.epoch === acceptedEpoch && acceptedLeader === from))) {
                this.disk = { ...this.disk, acceptedEpoch: msg.epoch, acceptedLeader: from, currentEpoch: msg.epoch, zxid: msg.zxid };
                this.state = { ...s, phase: 'synced', lastHeard: this.disk.tick };
                this.out.push(send([s.leader], { type: 'ackEpoch', epoch: this.disk.currentEpoch, zxid: this.disk.zxid, tick: this.disk.tick }));
                this.out.push({ type: 'role', role: 'following', epoch: this.disk.currentEpoch, leader: s.leader, zxid: this.disk.zxid });
            }
            else if (from === s.leader) {
                // A leader behind our accepted epoch cannot lead us: back to election.
                this.enterLooking();
            }
            return;
        }
        if (s.phase === 'synced' && msg.type === 'ping' && from === s.leader && msg.epoch === this.disk.currentEpoch) {
            this.state = { ...s, lastHeard: Math.max(s.lastHeard, msg.tick ?? this.disk.tick) };
            this.out.push(send([from], { type: 'pong', epoch: this.disk.currentEpoch, zxid: this.disk.zxid, tick: this.disk.tick }));
        }
    }
    whileLeading(s, from, msg) {
        switch (msg.type) {
            case 'vote':
                // Tell a looking peer who leads, with the epoch it would be asked to accept.
                if ((msg.state ?? 'looking') === 'looking') {
                    this.out.push(send([from], { type: 'vote', leader: this.id, epoch: this.disk.acceptedEpoch, zxid: this.disk.zxid, state: 'leading', tick: this.disk.tick }));
                }
                return;
            case 'followerInfo': {
                this.state = { ...s, pending: { ...s.pending, [from]: msg.epoch } };
                if (s.proposed !== null)
                    this.out.push(send([from], { type: 'newEpoch', epoch: s.proposed, zxid: this.disk.zxid, tick: this.disk.tick }));
                return;
            }
            case 'ackEpoch': {
                if (msg.epoch !== s.proposed)
                    return;
                const followers = { ...s.followers, [from]: this.disk.tick };
                if (s.phase === 'proposing' && Object.keys(followers).length + 1 >= this.quorum) {
                    this.establish({ ...s, followers }, s.proposed);
                }
                else {
                    this.state = { ...s, followers };
                }
                this.syncSessions(from);
                return;
            }
            case 'pong':
                if (s.phase === 'established' && from in s.followers && msg.epoch === this.disk.currentEpoch) {
                    this.state = { ...s, followers: { ...s.followers, [from]: Math.max(s.followers[from], msg.tick ?? this.disk.tick) } };
                }
                return;
            default:
                return;
        }
    }
    proposeEpoch(s) {
        const proposed = this.rules.nextEpoch(this.disk.acceptedEpoch, Object.values(s.pending));
        this.disk = { ...this.disk, acceptedEpoch: proposed, acceptedLeader: this.id };
        this.state = { ...s, proposed };
        const to = Object.keys(s.pending).sort();
        if (to.length > 0)
            this.out.push(send(to, { type: 'newEpoch', epoch: proposed, zxid: this.disk.zxid, tick: this.disk.tick }));
    }
    establish(s, epoch) {
        this.disk = { ...this.disk, currentEpoch: epoch };
        this.state = { ...s, phase: 'established' };
        this.sessions = refreshSessions(this.sessions, this.disk.tick);
        this.out.push({ type: 'role', role: 'leading', epoch, leader: this.id, zxid: this.disk.zxid });
    }
    // ------------------------------------------------------------------ client sessions
    get establishedLeader() {
        return this.state.role === 'leading' && this.state.phase === 'established';
    }
    onSession(from, msg) {
        if (this.config.servers.includes(from)) {
            // The leader replicating its table: a session opened, closed or expired.
            if (msg.op === 'heartbeat')
                return;
            this.sessions = applySessionMessage(this.sessions, msg, this.disk.tick);
            if (msg.zxid !== undefined && msg.zxid > this.disk.zxid)
                this.disk = { ...this.disk, zxid: msg.zxid };
            return;
        }
        if (msg.op === 'expire')
            return;
        // Only the established leader ends a session, and tells the others; a close that
        // reaches no leader is lost, and the session expires instead.
        if (msg.op === 'close' && !this.establishedLeader)
            return;
        const known = this.sessions[msg.session];
        this.sessions = applySessionMessage(this.sessions, msg, this.disk.tick);
        if (!this.establishedLeader)
            return;
        if (msg.op === 'close') {
            if (!known)
                return;
            this.out.push({ type: 'session', session: msg.session, action: 'close', ephemerals: known.ephemerals });
            this.replicate(msg.session, 'close');
            return;
        }
        const ephemerals = this.sessions[msg.session].ephemerals;
        this.out.push({ type: 'session', session: msg.session, action: msg.op, ...(msg.op === 'create' ? { ephemerals } : {}) });
        if (!known)
            this.replicate(msg.session, 'create', ephemerals);
    }
    /**
     * A change to the session table is a transaction: it takes the next zxid and goes to the
     * followers. Votes order by zxid after the epoch, so a new leader has every session
     * change a quorum saw (ZooKeeper's rule), and can expire what its predecessor opened.
     */
    replicate(session, op, ephemerals) {
        this.disk = { ...this.disk, zxid: this.disk.zxid + 1 };
        const followers = this.state.role === 'leading' ? Object.keys(this.state.followers).sort() : [];
        if (followers.length === 0)
            return;
        this.out.push(send(followers, { type: 'session', session, op, ...(ephemerals ? { ephemerals } : {}), zxid: this.disk.zxid }));
    }
    /** A follower that just synced gets the leader's open sessions (it may have missed their creation). */
    syncSessions(follower) {
        for (const id of Object.keys(this.sessions).sort()) {
            this.out.push(send([follower], { type: 'session', session: id, op: 'create', ephemerals: this.sessions[id].ephemerals, zxid: this.disk.zxid }));
        }
    }
    expireSessions() {
        const { kept, gone } = expireSessions(this.sessions, this.disk.tick, this.sessionTicks, this.rules.sessionExpired);
        this.sessions = kept;
        for (const g of gone) {
            this.out.push({ type: 'session', session: g.session, action: 'expire', ephemerals: g.ephemerals });
            this.replicate(g.session, 'expire');
        }
    }
    // ------------------------------------------------------------------ observation and storage
    observe() {
        const s = this.state;
        const disk = { ...this.disk };
        switch (s.role) {
            case 'looking': return { ...disk, role: 'looking', phase: null, vote: s.vote, votes: { ...s.votes }, pending: { ...s.pending } };
            case 'following': return { ...disk, role: 'following', phase: s.phase, leader: s.leader, lastHeard: s.lastHeard };
            case 'leading': return {
                ...disk, role: 'leading', phase: s.phase, since: s.since,
                pending: { ...s.pending }, proposed: s.proposed, followers: { ...s.followers },
            };
        }
    }
    /** The sessions this server knows (for tests and tools; not part of the model). */
    openSessions() { return this.sessions; }
    save() { return { disk: this.disk, sessions: this.sessions }; }
    /** A restart: disk and sessions come back, memory starts over in LOOKING. */
    load(saved) {
        const s = saved;
        this.disk = { ...s.disk };
        this.sessions = { ...s.sessions };
        this.out = [];
        this.enterLooking();
        this.out = [];
    }
}
