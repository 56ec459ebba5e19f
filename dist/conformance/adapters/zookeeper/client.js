/**
 * A deliberately small ZooKeeper client: one connection, one session, no reconnect.
 * The recorder needs exact control the usual clients hide: it decides when each
 * heartbeat (ping) is sent, and it can go silent with the socket still open so that
 * the server, not the client, ends the session.
 */
import { connect } from 'node:net';
import { decodeConnect, decodeReplyHeader, decodeWatcherEvent, encodeConnect, encodeCreateEphemeral, encodeExists, encodePing, ERR_NO_NODE, EVENT_NODE_DELETED, Reader, splitFrames, XID, } from './jute.js';
export class ZkSession {
    sock;
    sessionId;
    /** The timeout the server granted (it clamps the request to [2, 20] ticks). */
    timeoutMs;
    nextXid = 1;
    pending = new Map();
    pingWaiters = [];
    deletedWatchers = new Map();
    closedBy = null;
    closeListeners = [];
    constructor(sock, sessionId, timeoutMs, buffered) {
        this.sock = sock;
        this.sessionId = sessionId;
        this.timeoutMs = timeoutMs;
        let rest = buffered;
        sock.on('data', (chunk) => {
            const split = splitFrames(Buffer.concat([rest, chunk]));
            rest = split.rest;
            for (const f of split.frames)
                this.onFrame(f);
        });
        sock.once('close', () => {
            if (this.closedBy === null)
                this.closedBy = 'server';
            const err = new Error('connection closed');
            for (const p of this.pending.values())
                p.reject(err);
            this.pending.clear();
            for (const l of this.closeListeners)
                l();
        });
        sock.on('error', () => { });
    }
    /** Opens a new session on the server at `port`, asking for `timeoutMs`. */
    static open(port, timeoutMs, connectTimeoutMs = 5000) {
        return new Promise((resolve, reject) => {
            const sock = connect({ host: '127.0.0.1', port });
            sock.setNoDelay(true);
            let buf = Buffer.alloc(0);
            const timer = setTimeout(() => { sock.destroy(); reject(new Error(`connect to ${port} timed out`)); }, connectTimeoutMs);
            const fail = (e) => { clearTimeout(timer); sock.destroy(); reject(e); };
            sock.once('error', fail);
            sock.once('connect', () => sock.write(encodeConnect({ timeoutMs, sessionId: 0n, passwd: Buffer.alloc(16), lastZxidSeen: 0n })));
            const onData = (chunk) => {
                const split = splitFrames(Buffer.concat([buf, chunk]));
                buf = split.rest;
                if (split.frames.length === 0)
                    return;
                sock.off('data', onData);
                sock.off('error', fail);
                clearTimeout(timer);
                const res = decodeConnect(split.frames[0]);
                // A zero timeout means the server refused the session (e.g. it is not serving).
                if (res.timeoutMs <= 0) {
                    sock.destroy();
                    reject(new Error(`server on ${port} refused the session`));
                    return;
                }
                const rest = Buffer.concat([...split.frames.slice(1).map((f) => { const l = Buffer.alloc(4); l.writeInt32BE(f.length); return Buffer.concat([l, f]); }), buf]);
                resolve(new ZkSession(sock, res.sessionId, res.timeoutMs, rest));
            };
            sock.on('data', onData);
            sock.once('close', () => fail(new Error(`server on ${port} closed the connection during handshake`)));
        });
    }
    onFrame(body) {
        const rd = new Reader(body);
        const h = decodeReplyHeader(rd);
        if (h.xid === XID.ping) {
            const waiters = this.pingWaiters;
            this.pingWaiters = [];
            for (const w of waiters)
                w();
        }
        else if (h.xid === XID.notification) {
            const ev = decodeWatcherEvent(rd);
            if (ev.type !== EVENT_NODE_DELETED)
                return;
            const ws = this.deletedWatchers.get(ev.path) ?? [];
            this.deletedWatchers.delete(ev.path);
            for (const w of ws)
                w();
        }
        else {
            const p = this.pending.get(h.xid);
            this.pending.delete(h.xid);
            p?.resolve({ err: h.err, body: rd });
        }
    }
    request(frame) {
        const xid = this.nextXid++;
        return new Promise((resolve, reject) => {
            this.pending.set(xid, { resolve, reject });
            this.sock.write(frame(xid));
        });
    }
    /** Sends one heartbeat; resolves when the server answers it. */
    ping() {
        return new Promise((resolve) => {
            this.pingWaiters.push(resolve);
            this.sock.write(encodePing());
        });
    }
    async createEphemeral(path) {
        const r = await this.request((xid) => encodeCreateEphemeral(xid, path, Buffer.from('coordkit')));
        if (r.err !== 0)
            throw new Error(`create ${path} failed with error ${r.err}`);
    }
    /** Sets an exists-watch; `onDeleted` runs when the node is deleted. Returns whether it exists now. */
    async watchDeleted(path, onDeleted) {
        const list = this.deletedWatchers.get(path) ?? [];
        list.push(onDeleted);
        this.deletedWatchers.set(path, list);
        const r = await this.request((xid) => encodeExists(xid, path, true));
        if (r.err !== 0 && r.err !== ERR_NO_NODE)
            throw new Error(`exists ${path} failed with error ${r.err}`);
        return r.err === 0;
    }
    /** Runs `listener` once when the connection ends; `by` says who ended it. */
    onClose(listener) {
        this.closeListeners.push(listener);
    }
    get closed() {
        return this.closedBy;
    }
    /** Drops the TCP connection without closing the session: the server must expire it. */
    abandon() {
        this.closedBy = 'client';
        this.sock.destroy();
    }
}
