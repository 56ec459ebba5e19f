/**
 * The few ZooKeeper client-protocol records the recorder needs, in ZooKeeper's "jute"
 * encoding (big-endian ints/longs, length-prefixed strings and buffers), each frame
 * prefixed by its int32 length. Pure encode/decode; client.ts does the socket I/O.
 */
export declare const OP: {
    readonly create: 1;
    readonly exists: 3;
    readonly ping: 11;
    readonly closeSession: -11;
};
export declare const XID: {
    readonly notification: -1;
    readonly ping: -2;
};
export declare const CREATE_EPHEMERAL = 1;
/** WatcherEvent.type for a deleted node. */
export declare const EVENT_NODE_DELETED = 2;
/** ReplyHeader.err when the node does not exist. */
export declare const ERR_NO_NODE = -101;
export declare class Reader {
    private readonly buf;
    private off;
    constructor(buf: Buffer);
    get remaining(): number;
    int(): number;
    long(): bigint;
    bool(): boolean;
    buffer(): Buffer;
    string(): string;
}
export interface ConnectRequest {
    timeoutMs: number;
    sessionId: bigint;
    passwd: Buffer;
    lastZxidSeen: bigint;
}
export interface ConnectResponse {
    timeoutMs: number;
    sessionId: bigint;
    passwd: Buffer;
}
export declare function encodeConnect(r: ConnectRequest): Buffer;
export declare function decodeConnect(body: Buffer): ConnectResponse;
export declare function encodePing(): Buffer;
/** create(path, data, OPEN_ACL_UNSAFE, EPHEMERAL). */
export declare function encodeCreateEphemeral(xid: number, path: string, data: Buffer): Buffer;
export declare function encodeExists(xid: number, path: string, watch: boolean): Buffer;
export interface ReplyHeader {
    xid: number;
    zxid: bigint;
    err: number;
}
export declare function decodeReplyHeader(rd: Reader): ReplyHeader;
export interface WatcherEvent {
    type: number;
    state: number;
    path: string;
}
export declare function decodeWatcherEvent(rd: Reader): WatcherEvent;
/**
 * Splits a byte stream into frames. Returns the complete frame bodies and the
 * unconsumed tail to prepend to the next chunk.
 */
export declare function splitFrames(buf: Buffer): {
    frames: Buffer[];
    rest: Buffer;
};
export declare const hexSession: (id: bigint) => string;
