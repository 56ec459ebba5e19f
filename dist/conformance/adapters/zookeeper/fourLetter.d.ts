export declare function fourLetter(port: number, word: string, timeoutMs: number): Promise<string | null>;
/** What `srvr` says about a server's role. */
export type SrvrMode = 'leader' | 'follower' | 'observer' | 'standalone' | 'not-serving';
export interface SrvrReport {
    mode: SrvrMode;
    /** The last processed zxid; its high 32 bits are the epoch. Absent when not serving. */
    zxid?: bigint;
}
/**
 * Parses a `srvr` answer. A server in leader election answers "This ZooKeeper instance
 * is not currently serving requests"; anything else unrecognisable yields null.
 */
export declare function parseSrvr(text: string): SrvrReport | null;
export declare const epochOfZxid: (zxid: bigint) => number;
export declare const counterOfZxid: (zxid: bigint) => number;
