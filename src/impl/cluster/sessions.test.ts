import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { applySessionMessage, expireSessions, refreshSessions, type Sessions } from './sessions.ts';
import { ClusterClient } from './client.ts';

const table = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.record({ lastHeard: fc.nat({ max: 50 }), ephemerals: fc.array(fc.constantFrom('/x', '/y')) }));

describe('session table', () => {
  it('expires exactly the sessions silent for at least the timeout, with their ephemerals, sorted', () => {
    fc.assert(fc.property(table, fc.nat({ max: 60 }), fc.integer({ min: 1, max: 12 }), (t, tick, limit) => {
      const { kept, gone } = expireSessions(t, tick, limit);
      for (const [id, s] of Object.entries(t)) {
        const silent = tick - s.lastHeard >= limit;
        expect(id in kept).toBe(!silent);
        expect(gone.find((g) => g.session === id)).toEqual(silent ? { session: id, ephemerals: s.ephemerals } : undefined);
      }
      expect(gone.map((g) => g.session)).toEqual([...gone.map((g) => g.session)].sort());
    }));
  });

  it('a heartbeat keeps a session from expiring for another full timeout', () => {
    fc.assert(fc.property(fc.nat({ max: 40 }), fc.integer({ min: 1, max: 10 }), (at, limit) => {
      let t: Sessions = applySessionMessage({}, { type: 'session', session: 's', op: 'create', ephemerals: ['/e'] }, 0);
      t = applySessionMessage(t, { type: 'session', session: 's', op: 'heartbeat' }, at);
      expect(expireSessions(t, at + limit - 1, limit).gone).toEqual([]);
      expect(expireSessions(t, at + limit, limit).gone).toEqual([{ session: 's', ephemerals: ['/e'] }]);
    }));
  });

  it('close and expire notices remove a session; a new leader refreshes every one', () => {
    let t: Sessions = applySessionMessage({}, { type: 'session', session: 'a', op: 'create', ephemerals: ['/a'] }, 1);
    t = applySessionMessage(t, { type: 'session', session: 'b', op: 'create' }, 2);
    expect(Object.keys(applySessionMessage(t, { type: 'session', session: 'a', op: 'close' }, 3))).toEqual(['b']);
    expect(Object.keys(applySessionMessage(t, { type: 'session', session: 'b', op: 'expire' }, 3))).toEqual(['a']);
    expect(refreshSessions(t, 9)).toEqual({ a: { lastHeard: 9, ephemerals: ['/a'] }, b: { lastHeard: 9, ephemerals: [] } });
  });
});

describe('client', () => {
  it('opens, heartbeats every heartbeatTicks, then closes or falls silent as planned', () => {
    const c = new ClusterClient({
      self: 'c1', servers: ['s1', 's2'], heartbeatTicks: 2,
      sessions: [{ session: 'x', ephemerals: ['/x'], open: 1, closeAt: 6 }, { session: 'y', ephemerals: [], open: 2, silentAt: 5 }],
    });
    const ops: string[] = [];
    for (let now = 1; now <= 9; now++) {
      for (const o of c.handle({ kind: 'event', event: { type: 'tick', now } })) {
        if (o.type === 'send' && o.msg.type === 'session') ops.push(`${now}:${o.msg.session}.${o.msg.op}`);
      }
    }
    expect(ops).toEqual(['1:x.create', '2:y.create', '3:x.heartbeat', '4:y.heartbeat', '5:x.heartbeat', '6:x.close']);
  });
});
