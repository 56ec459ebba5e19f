/**
 * Client sessions as every server keeps them: a table of open sessions with the tick each
 * was last heard of and the ephemeral nodes it owns. Pure functions over the table.
 *
 * Every server records what clients send, so a newly elected leader knows the open
 * sessions; only the established leader announces changes and expires sessions, and on
 * election it gives each open session a fresh timeout (as ZooKeeper's new leader does).
 */
import type { SessionMessage, Tick } from './types.ts';
export interface Session {
    lastHeard: Tick;
    ephemerals: string[];
}
export type Sessions = Readonly<Record<string, Session>>;
/** The table after a client's message (or a leader's expiry notice) heard at `tick`. */
export declare function applySessionMessage(table: Sessions, msg: SessionMessage, tick: Tick): Sessions;
/** Every session heard of at `tick`: a new leader's fresh start. */
export declare function refreshSessions(table: Sessions, tick: Tick): Sessions;
/**
 * Splits the table at `tick` into the sessions that stay and those that expire, by the
 * given rule (correct: silent for at least `limit` ticks). Expired ids come sorted.
 */
export declare function expireSessions(table: Sessions, tick: Tick, limit: number, expired?: (silentFor: number, limit: number) => boolean): {
    kept: Sessions;
    gone: {
        session: string;
        ephemerals: string[];
    }[];
};
