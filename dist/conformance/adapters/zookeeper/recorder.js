/**
 * Records a real ZooKeeper ensemble under faults into a coordkit trace.
 *
 * Scenario (each step waits on what it observes, with a deadline, never on a fixed sleep
 * alone): start 3 servers -> a leader with 2 followers -> SIGSTOP a follower for
 * 3 x syncLimit x tickTime -> SIGCONT -> it follows again -> kill -9 the leader -> a new
 * leader in a higher epoch -> restart the old leader -> it follows -> a client session creates
 * an ephemeral node and heartbeats, then goes silent with its socket open -> the server
 * expires the session and the ephemeral goes (seen by a second session's watch).
 *
 * Sources and timing uncertainty of each event are documented in observations.ts.
 */
import { readFileSync, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { TRACE_FORMAT, TRACE_VERSION } from '../../schema/trace.js';
import { DEFAULT_TIMING, nodeOf } from './config.js';
import { Ensemble } from './ensemble.js';
import { epochOfZxid, fourLetter, parseSrvr } from './fourLetter.js';
import { ZkSession } from './client.js';
import { hexSession } from './jute.js';
import { parseLogLine } from './logLines.js';
import { quorumFormedAt, toTraceEvents } from './toTrace.js';
export const ZOOKEEPER_PACKAGE_VERSION = () => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'zookeeper'], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : 'unknown';
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Tails one log file from a byte offset, yielding whole lines only. */
class LogTail {
    file;
    offset = 0;
    partial = '';
    constructor(file) {
        this.file = file;
    }
    read() {
        let fd;
        try {
            fd = openSync(this.file, 'r');
        }
        catch {
            return [];
        }
        try {
            const size = fstatSync(fd).size;
            if (size <= this.offset)
                return [];
            const buf = Buffer.alloc(size - this.offset);
            readSync(fd, buf, 0, buf.length, this.offset);
            this.offset = size;
            const text = this.partial + buf.toString('utf8');
            const lines = text.split('\n');
            this.partial = lines.pop() ?? '';
            return lines;
        }
        finally {
            closeSync(fd);
        }
    }
}
class Recorder {
    ens;
    say;
    obs = [];
    latest = new Map();
    tails = new Map();
    paused = new Set();
    polling = false;
    poller = null;
    t0 = Date.now();
    constructor(ens, say) {
        this.ens = ens;
        this.say = say;
        for (const s of ens.spec.servers)
            this.tails.set(s.sid, new LogTail(ens.files(s.sid).log));
    }
    now() { return Date.now() - this.t0; }
    readEpoch(sid) {
        try {
            return Number(readFileSync(join(this.ens.files(sid).dataDir, 'version-2', 'currentEpoch'), 'utf8').trim()) || 0;
        }
        catch {
            return 0;
        }
    }
    async pollOne(sid) {
        const s = this.ens.server(sid);
        const ts = this.now();
        const text = await fourLetter(s.ports.client, 'srvr', this.ens.spec.tickTime);
        // Stale answers from a server we crashed or paused meanwhile are dropped.
        if (text === null || !this.ens.isRunning(sid) || this.paused.has(sid))
            return;
        const r = parseSrvr(text);
        if (r === null || r.mode === 'observer' || r.mode === 'standalone')
            return;
        const fileEpoch = this.readEpoch(sid);
        const p = r.mode === 'leader' && r.zxid !== undefined
            ? { mode: 'leading', epoch: epochOfZxid(r.zxid), zxid: Number(r.zxid) }
            : r.mode === 'follower'
                ? { mode: 'following', epoch: fileEpoch, ...(r.zxid === undefined ? {} : { zxid: Number(r.zxid) }) }
                : { mode: 'looking', epoch: fileEpoch };
        this.latest.set(s.node, p);
        this.obs.push({ source: 'poll', ts, node: s.node, ...p });
    }
    readLogs() {
        for (const [sid, tail] of this.tails) {
            for (const line of tail.read()) {
                const o = parseLogLine(line, nodeOf(sid), this.t0, nodeOf);
                if (o)
                    this.obs.push(o);
            }
        }
    }
    /** Polls every half tick until stop(). */
    start() {
        this.polling = true;
        const interval = this.ens.spec.tickTime / 2;
        this.poller = (async () => {
            while (this.polling) {
                const began = Date.now();
                const live = this.ens.spec.servers.filter((s) => this.ens.isRunning(s.sid) && !this.paused.has(s.sid));
                await Promise.all(live.map((s) => this.pollOne(s.sid)));
                this.readLogs();
                await sleep(Math.max(0, interval - (Date.now() - began)));
            }
        })();
    }
    async stop() {
        this.polling = false;
        await this.poller;
        this.readLogs();
    }
    fault(sid, what) {
        const ts = this.now();
        this.obs.push({ source: 'fault', ts, node: nodeOf(sid), what });
        return ts;
    }
    async crash(sid) {
        const ts = this.fault(sid, 'crash');
        this.latest.delete(nodeOf(sid));
        await this.ens.crash(sid);
        return ts;
    }
    restart(sid) {
        const ts = this.fault(sid, 'restart');
        this.ens.start(sid);
        return ts;
    }
    pause(sid) {
        const ts = this.fault(sid, 'pause');
        this.paused.add(sid);
        this.latest.delete(nodeOf(sid));
        this.ens.pause(sid);
        return ts;
    }
    resume(sid) {
        const ts = this.fault(sid, 'resume');
        this.ens.resume(sid);
        this.paused.delete(sid);
        return ts;
    }
    /** Waits until `pred` holds on the latest polled view; returns the time it first held. */
    async until(what, pred, deadlineMs) {
        const end = Date.now() + deadlineMs;
        while (Date.now() < end) {
            if (pred(this.latest))
                return this.now();
            await sleep(this.ens.spec.tickTime / 4);
        }
        throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}; last view: ${JSON.stringify([...this.latest])}`);
    }
}
/** A leader and n-1 followers, all in the leader's epoch. */
const stableEnsemble = (n) => (v) => {
    const roles = [...v.values()];
    const leader = roles.find((r) => r.mode === 'leading');
    return !!leader && roles.length >= n
        && roles.filter((r) => r.mode === 'following' && r.epoch === leader.epoch).length >= n - 1;
};
const leaderOf = (v) => [...v].find(([, r]) => r.mode === 'leading');
/** Runs the whole scenario against a fresh ensemble and returns its trace. */
export async function recordZooKeeper(opts = {}) {
    const timing = opts.timing ?? DEFAULT_TIMING;
    const say = opts.log ?? (() => { });
    const ens = await Ensemble.create(timing);
    const sidOf = (node) => Number(node.slice(1));
    const { tickTime, syncLimit } = timing;
    const sessions = [];
    try {
        ens.startAll();
        const rec = new Recorder(ens, say);
        rec.start();
        try {
            await rec.until('a leader with two followers', stableEnsemble(3), 90_000);
            const [leaderNode, first] = leaderOf(rec.latest);
            say(`leader ${leaderNode} in epoch ${first.epoch}`);
            await sleep(4 * tickTime);
            // SIGSTOP a follower well past syncLimit ticks: the leader must give it up.
            const follower = [...rec.latest].find(([, r]) => r.mode === 'following')[0];
            const pausedAt = rec.pause(sidOf(follower));
            await sleep(3 * syncLimit * tickTime);
            const resumedAt = rec.resume(sidOf(follower));
            const backAt = await rec.until('the paused follower to follow again', (v) => v.get(follower)?.mode === 'following', 60_000);
            say(`${follower} paused for ${resumedAt - pausedAt} ms, following again ${backAt - resumedAt} ms after SIGCONT`);
            await sleep(4 * tickTime);
            // kill -9 of the leader: followers see EOF at once, elect, sync a new epoch.
            const crashedAt = await rec.crash(sidOf(leaderNode));
            const failedOverAt = await rec.until('a new leader backed by a quorum', (v) => { const l = leaderOf(v); return !!l && l[1].epoch > first.epoch && stableEnsemble(2)(v); }, 60_000);
            const [newLeader, second] = leaderOf(rec.latest);
            say(`failover to ${newLeader} in epoch ${second.epoch} after ${failedOverAt - crashedAt} ms`);
            await sleep(4 * tickTime);
            const restartedAt = rec.restart(sidOf(leaderNode));
            const rejoinedAt = await rec.until('the old leader to follow', (v) => v.get(leaderNode)?.mode === 'following' && v.get(leaderNode)?.epoch === second.epoch, 90_000);
            say(`old leader ${leaderNode} follows after ${rejoinedAt - restartedAt} ms`);
            await sleep(4 * tickTime);
            // A session with an ephemeral node, then silence until the server expires it.
            // The client talks to the leader itself: on a follower, its heartbeats would reach
            // the leader's session tracker only with the next follower ping (up to half a tick
            // later), and the expiry would lag by that much more.
            const sessionLeader = ens.server(sidOf(leaderOf(rec.latest)[0]));
            const other = ens.spec.servers.find((s) => s !== sessionLeader && ens.isRunning(s.sid));
            const client = await ZkSession.open(sessionLeader.ports.client, opts.sessionTimeout ?? 10 * tickTime);
            sessions.push(client);
            const watcher = await ZkSession.open(other.ports.client, 20 * tickTime);
            sessions.push(watcher);
            const session = hexSession(client.sessionId);
            const path = `/coordkit-ephemeral-${session}`;
            await client.createEphemeral(path);
            rec.obs.push({ source: 'client', ts: rec.now(), node: 'c1', session, what: 'create', ephemerals: [path] });
            let expiredAt = null;
            const expired = new Promise((resolve) => {
                const seen = () => { if (expiredAt === null)
                    expiredAt = rec.now(); resolve(); };
                client.onClose(() => { if (client.closed === 'server')
                    seen(); });
                void watcher.watchDeleted(path, seen).then((exists) => { if (!exists)
                    seen(); });
            });
            // The watcher heartbeats in the background so that only the client's session lapses.
            const watcherBeat = setInterval(() => { void watcher.ping().catch(() => { }); }, watcher.timeoutMs / 3);
            let lastBeat = 0;
            for (let i = 0; i < 4; i++) {
                await sleep(client.timeoutMs / 3);
                lastBeat = rec.now();
                rec.obs.push({ source: 'client', ts: lastBeat, node: 'c1', session, what: 'heartbeat' });
                await client.ping();
            }
            say(`session ${session} (timeout ${client.timeoutMs} ms) goes silent`);
            const deadline = sleep(3 * client.timeoutMs + 10_000).then(() => { throw new Error('session never expired'); });
            await Promise.race([expired, deadline]);
            clearInterval(watcherBeat);
            const expiredTs = expiredAt;
            rec.obs.push({ source: 'client', ts: expiredTs, node: leaderOf(rec.latest)?.[0] ?? 'c1', session, what: 'expire', ephemerals: [path] });
            say(`session expired ${expiredTs - lastBeat} ms after its last heartbeat`);
            await sleep(2 * tickTime);
            await rec.stop();
            const end = rec.now();
            const leaderGaveUp = rec.obs.find((o) => o.source === 'log' && o.what === 'gave-up-learner' && o.peer === follower && o.ts >= pausedAt);
            const header = {
                type: 'header', format: TRACE_FORMAT, version: TRACE_VERSION, protocol: 'cluster',
                producer: { name: 'coordkit-zookeeper-recorder', version: '1', zookeeper: ZOOKEEPER_PACKAGE_VERSION(), pollIntervalMs: tickTime / 2 },
                description: `Apache ZooKeeper ${ZOOKEEPER_PACKAGE_VERSION()} (Debian), 3 servers on 127.0.0.1: SIGSTOP of follower ${follower} at ${pausedAt} ms, SIGCONT at ${resumedAt} ms; kill -9 of leader ${leaderNode} at ${crashedAt} ms, restart at ${restartedAt} ms; session ${session} heartbeats until ${lastBeat} ms then goes silent. Roles from srvr polled every ${tickTime / 2} ms and the servers' logs.`,
                config: {
                    servers: ens.spec.servers.map((s) => s.node), tickTime, syncLimit, initLimit: timing.initLimit,
                    sessionTimeout: client.timeoutMs, clients: ['c1'],
                },
            };
            const events = toTraceEvents({ servers: header.config.servers, tickTime, end, observations: rec.obs });
            // Failover from the trace (log-precise where ZooKeeper logs it), not from the polling loop.
            const quorumAt = quorumFormedAt(events, second.epoch) ?? failedOverAt;
            return {
                header, events, dir: ens.dir,
                measured: {
                    failoverMs: quorumAt - crashedAt,
                    rejoinAfterRestartMs: rejoinedAt - restartedAt,
                    leaderGaveUpPausedFollowerMs: leaderGaveUp ? leaderGaveUp.ts - pausedAt : null,
                    pausedFollowerBackMs: backAt - resumedAt,
                    sessionExpiryAfterLastHeartbeatMs: expiredTs - lastBeat,
                    negotiatedSessionTimeoutMs: client.timeoutMs,
                },
            };
        }
        finally {
            await rec.stop();
        }
    }
    finally {
        for (const s of sessions)
            s.abandon();
        await ens.stop(!opts.keepDir);
    }
}
