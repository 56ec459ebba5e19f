/**
 * What the recorder saw, before it becomes a trace. Every observation carries the time
 * (ms since the run started) at which it was made and says where it came from, because
 * the sources differ in precision:
 *
 * - `poll`: a `srvr` four-letter word (mode, zxid) plus the server's `currentEpoch`
 *   file, taken every poll interval (half a tick). Stamped when the request was sent;
 *   the state it reports held at some instant in [ts, ts + rtt], and a change is seen
 *   up to one poll interval after it happened. A paused server is not polled.
 * - `log`: a line of the server's own log4j log (millisecond timestamps from the same
 *   machine clock). Exact to the millisecond, but only for what ZooKeeper logs.
 * - `fault`: something the recorder did itself (kill -9, start, SIGSTOP, SIGCONT),
 *   stamped just before the signal was sent.
 * - `client`: the recorder's own session client: a heartbeat is stamped when the ping
 *   is written to the socket (the server receives it later, so an expiry computed from
 *   it is never early); an expiry is stamped when its first effect is seen (the watch
 *   on the ephemeral fires, or the server closes the silent client's connection).
 */
export type PolledMode = 'leading' | 'following' | 'looking';
export type Observation = {
    source: 'poll';
    ts: number;
    node: string;
    mode: PolledMode;
    epoch: number;
    zxid?: number;
} | {
    source: 'log';
    ts: number;
    node: string;
    what: 'looking';
} | {
    source: 'log';
    ts: number;
    node: string;
    what: 'leading';
    epoch: number;
    zxid: number;
} | {
    source: 'log';
    ts: number;
    node: string;
    what: 'gave-up-learner';
    peer: string;
} | {
    source: 'log';
    ts: number;
    node: string;
    what: 'gave-up-leader';
} | {
    source: 'fault';
    ts: number;
    node: string;
    what: 'crash' | 'restart' | 'pause' | 'resume';
} | {
    source: 'client';
    ts: number;
    node: string;
    session: string;
    what: 'create' | 'heartbeat' | 'expire';
    ephemerals?: string[];
};
