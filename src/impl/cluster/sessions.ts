/**
 * Client sessions as every server keeps them: a table of open sessions with the tick each
 * was last heard of and the ephemeral nodes it owns. Pure functions over the table.
 *
 * Every server records what clients send, so a newly elected leader knows the open
 * sessions; only the established leader announces changes and expires sessions, and on
 * election it gives each open session a fresh timeout (as ZooKeeper's new leader does).
 */
import type { SessionMessage, Tick } from './types.ts';

export interface Session { lastHeard: Tick; ephemerals: string[] }
export type Sessions = Readonly<Record<string, Session>>;

/** The table after a client's message (or a leader's expiry notice) heard at `tick`. */
export function applySessionMessage(table: Sessions, msg: SessionMessage, tick: Tick): Sessions {
  const { [msg.session]: known, ...rest } = table;
  if (msg.op === 'close' || msg.op === 'expire') return rest;
  return { ...rest, [msg.session]: { lastHeard: tick, ephemerals: msg.ephemerals ?? known?.ephemerals ?? [] } };
}

/** Every session heard of at `tick`: a new leader's fresh start. */
export function refreshSessions(table: Sessions, tick: Tick): Sessions {
  return Object.fromEntries(Object.entries(table).map(([id, s]) => [id, { ...s, lastHeard: tick }]));
}

/**
 * Splits the table at `tick` into the sessions that stay and those that expire, by the
 * given rule (correct: silent for at least `limit` ticks). Expired ids come sorted.
 */
export function expireSessions(
  table: Sessions, tick: Tick, limit: number,
  expired: (silentFor: number, limit: number) => boolean = (silent, l) => silent >= l,
): { kept: Sessions; gone: { session: string; ephemerals: string[] }[] } {
  const kept: Record<string, Session> = {};
  const gone: { session: string; ephemerals: string[] }[] = [];
  for (const id of Object.keys(table).sort()) {
    const s = table[id];
    if (expired(tick - s.lastHeard, limit)) gone.push({ session: id, ephemerals: s.ephemerals });
    else kept[id] = s;
  }
  return { kept, gone };
}
