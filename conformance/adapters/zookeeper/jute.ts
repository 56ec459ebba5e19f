/**
 * The few ZooKeeper client-protocol records the recorder needs, in ZooKeeper's "jute"
 * encoding (big-endian ints/longs, length-prefixed strings and buffers), each frame
 * prefixed by its int32 length. Pure encode/decode; client.ts does the socket I/O.
 */

export const OP = { create: 1, exists: 3, ping: 11, closeSession: -11 } as const;
export const XID = { notification: -1, ping: -2 } as const;
export const CREATE_EPHEMERAL = 1;
/** WatcherEvent.type for a deleted node. */
export const EVENT_NODE_DELETED = 2;
/** ReplyHeader.err when the node does not exist. */
export const ERR_NO_NODE = -101;

class Writer {
  private parts: Buffer[] = [];
  int(v: number): this { const b = Buffer.alloc(4); b.writeInt32BE(v); this.parts.push(b); return this; }
  long(v: bigint): this { const b = Buffer.alloc(8); b.writeBigInt64BE(v); this.parts.push(b); return this; }
  bool(v: boolean): this { this.parts.push(Buffer.from([v ? 1 : 0])); return this; }
  buffer(v: Buffer): this { this.int(v.length); this.parts.push(v); return this; }
  string(v: string): this { return this.buffer(Buffer.from(v, 'utf8')); }
  /** The record as one length-prefixed frame. */
  frame(): Buffer {
    const body = Buffer.concat(this.parts);
    const len = Buffer.alloc(4);
    len.writeInt32BE(body.length);
    return Buffer.concat([len, body]);
  }
}

export class Reader {
  private off = 0;
  constructor(private readonly buf: Buffer) {}
  get remaining(): number { return this.buf.length - this.off; }
  int(): number { const v = this.buf.readInt32BE(this.off); this.off += 4; return v; }
  long(): bigint { const v = this.buf.readBigInt64BE(this.off); this.off += 8; return v; }
  bool(): boolean { return this.buf.readUInt8(this.off++) !== 0; }
  buffer(): Buffer {
    const n = this.int();
    if (n < 0) return Buffer.alloc(0);
    const v = this.buf.subarray(this.off, this.off + n);
    this.off += n;
    return v;
  }
  string(): string { return this.buffer().toString('utf8'); }
}

export interface ConnectRequest { timeoutMs: number; sessionId: bigint; passwd: Buffer; lastZxidSeen: bigint }
export interface ConnectResponse { timeoutMs: number; sessionId: bigint; passwd: Buffer }

export function encodeConnect(r: ConnectRequest): Buffer {
  return new Writer().int(0).long(r.lastZxidSeen).int(r.timeoutMs).long(r.sessionId).buffer(r.passwd).bool(false).frame();
}

export function decodeConnect(body: Buffer): ConnectResponse {
  const rd = new Reader(body);
  rd.int(); // protocol version
  const timeoutMs = rd.int();
  const sessionId = rd.long();
  const passwd = Buffer.from(rd.buffer());
  return { timeoutMs, sessionId, passwd };
}

export function encodePing(): Buffer {
  return new Writer().int(XID.ping).int(OP.ping).frame();
}

/** create(path, data, OPEN_ACL_UNSAFE, EPHEMERAL). */
export function encodeCreateEphemeral(xid: number, path: string, data: Buffer): Buffer {
  return new Writer().int(xid).int(OP.create)
    .string(path).buffer(data)
    .int(1).int(31).string('world').string('anyone')
    .int(CREATE_EPHEMERAL)
    .frame();
}

export function encodeExists(xid: number, path: string, watch: boolean): Buffer {
  return new Writer().int(xid).int(OP.exists).string(path).bool(watch).frame();
}

export interface ReplyHeader { xid: number; zxid: bigint; err: number }

export function decodeReplyHeader(rd: Reader): ReplyHeader {
  return { xid: rd.int(), zxid: rd.long(), err: rd.int() };
}

export interface WatcherEvent { type: number; state: number; path: string }

export function decodeWatcherEvent(rd: Reader): WatcherEvent {
  return { type: rd.int(), state: rd.int(), path: rd.string() };
}

/**
 * Splits a byte stream into frames. Returns the complete frame bodies and the
 * unconsumed tail to prepend to the next chunk.
 */
export function splitFrames(buf: Buffer): { frames: Buffer[]; rest: Buffer } {
  const frames: Buffer[] = [];
  let off = 0;
  while (buf.length - off >= 4) {
    const len = buf.readInt32BE(off);
    if (len < 0) throw new Error(`negative frame length ${len}`);
    if (buf.length - off - 4 < len) break;
    frames.push(buf.subarray(off + 4, off + 4 + len));
    off += 4 + len;
  }
  return { frames, rest: buf.subarray(off) };
}

export const hexSession = (id: bigint): string => `0x${BigInt.asUintN(64, id).toString(16)}`;
