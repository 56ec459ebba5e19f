/**
 * The few ZooKeeper client-protocol records the recorder needs, in ZooKeeper's "jute"
 * encoding (big-endian ints/longs, length-prefixed strings and buffers), each frame
 * prefixed by its int32 length. Pure encode/decode; client.ts does the socket I/O.
 */
export const OP = { create: 1, exists: 3, ping: 11, closeSession: -11 };
export const XID = { notification: -1, ping: -2 };
export const CREATE_EPHEMERAL = 1;
/** WatcherEvent.type for a deleted node. */
export const EVENT_NODE_DELETED = 2;
/** ReplyHeader.err when the node does not exist. */
export const ERR_NO_NODE = -101;
class Writer {
    parts = [];
    int(v) { const b = Buffer.alloc(4); b.writeInt32BE(v); this.parts.push(b); return this; }
    long(v) { const b = Buffer.alloc(8); b.writeBigInt64BE(v); this.parts.push(b); return this; }
    bool(v) { this.parts.push(Buffer.from([v ? 1 : 0])); return this; }
    buffer(v) { this.int(v.length); this.parts.push(v); return this; }
    string(v) { return this.buffer(Buffer.from(v, 'utf8')); }
    /** The record as one length-prefixed frame. */
    frame() {
        const body = Buffer.concat(this.parts);
        const len = Buffer.alloc(4);
        len.writeInt32BE(body.length);
        return Buffer.concat([len, body]);
    }
}
export class Reader {
    buf;
    off = 0;
    constructor(buf) {
        this.buf = buf;
    }
    get remaining() { return this.buf.length - this.off; }
    int() { const v = this.buf.readInt32BE(this.off); this.off += 4; return v; }
    long() { const v = this.buf.readBigInt64BE(this.off); this.off += 8; return v; }
    bool() { return this.buf.readUInt8(this.off++) !== 0; }
    buffer() {
        const n = this.int();
        if (n < 0)
            return Buffer.alloc(0);
        const v = this.buf.subarray(this.off, this.off + n);
        this.off += n;
        return v;
    }
    string() { return this.buffer().toString('utf8'); }
}
export function encodeConnect(r) {
    return new Writer().int(0).long(r.lastZxidSeen).int(r.timeoutMs).long(r.sessionId).buffer(r.passwd).bool(false).frame();
}
export function decodeConnect(body) {
    const rd = new Reader(body);
    rd.int(); // protocol version
    const timeoutMs = rd.int();
    const sessionId = rd.long();
    const passwd = Buffer.from(rd.buffer());
    return { timeoutMs, sessionId, passwd };
}
export function encodePing() {
    return new Writer().int(XID.ping).int(OP.ping).frame();
}
/** create(path, data, OPEN_ACL_UNSAFE, EPHEMERAL). */
export function encodeCreateEphemeral(xid, path, data) {
    return new Writer().int(xid).int(OP.create)
        .string(path).buffer(data)
        .int(1).int(31).string('world').string('anyone')
        .int(CREATE_EPHEMERAL)
        .frame();
}
export function encodeExists(xid, path, watch) {
    return new Writer().int(xid).int(OP.exists).string(path).bool(watch).frame();
}
export function decodeReplyHeader(rd) {
    return { xid: rd.int(), zxid: rd.long(), err: rd.int() };
}
export function decodeWatcherEvent(rd) {
    return { type: rd.int(), state: rd.int(), path: rd.string() };
}
/**
 * Splits a byte stream into frames. Returns the complete frame bodies and the
 * unconsumed tail to prepend to the next chunk.
 */
export function splitFrames(buf) {
    const frames = [];
    let off = 0;
    while (buf.length - off >= 4) {
        const len = buf.readInt32BE(off);
        if (len < 0)
            throw new Error(`negative frame length ${len}`);
        if (buf.length - off - 4 < len)
            break;
        frames.push(buf.subarray(off + 4, off + 4 + len));
        off += 4 + len;
    }
    return { frames, rest: buf.subarray(off) };
}
export const hexSession = (id) => `0x${BigInt.asUintN(64, id).toString(16)}`;
