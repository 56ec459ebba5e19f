/** OfferCache: offers are recomputed only when what they read changes, and misuse is named. */
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { Interner } from './intern.ts';
import { OfferCache, type OfferHost } from './offer-cache.ts';
import type { Envelope, OfferContext, StateView, SystemSpec } from './spec.ts';

/**
 * A host over plain data: messages are `ping(n)` from actor 0; a "state" holds one word
 * per message, its copies. Local state ids are the snapshots' values.
 */
function host(offers: (ctx: OfferContext) => void) {
  const envelopes: Envelope[] = [0, 1, 2].map((n) => ({ from: 'a', to: ['b'], msg: { type: 'ping', n } }));
  const events = new Interner<EventObject>();
  const calls = { offers: 0 };
  const h: OfferHost = {
    spec: { offers: (ctx: OfferContext) => { calls.offers++; offers(ctx); } } as unknown as SystemSpec,
    entryCount: () => envelopes.length,
    envelope: (e) => envelopes[e],
    sentBy: (from, type) => (from === 0 && type === 'ping' ? [0, 1, 2] : undefined),
    copies: (v, e) => v[e],
    snapshot: (_, local) => ({ value: local }) as unknown as AnyMachineSnapshot,
    internEvent: (_, key, make) => events.intern(key, make),
    actorId: (i) => ['a', 'b'][i],
    view: () => ({}) as StateView,
  };
  return { cache: new OfferCache(h), calls, events };
}

const state = (...copies: number[]) => Uint32Array.from(copies);
const types = (events: Interner<EventObject>, ids: number[]) => ids.map((id) => events.values[id].type);

describe('OfferCache', () => {
  it('computes offers that read no message once per local state (2 calls for 2 local states)', () => {
    const { cache, calls, events } = host((ctx) => ctx.offer('go', () => ({ type: 'go' })));
    for (const v of [state(0, 0, 0), state(1, 1, 0), state(0, 0, 1)]) {
      expect(types(events, cache.offered(v, 1, 0))).toEqual(['go']);
      expect(types(events, cache.offered(v, 1, 1))).toEqual(['go']);
    }
    expect(calls.offers).toBe(2);
  });

  it('recomputes offers that read messages only when those messages come or go (3 calls)', () => {
    const { cache, calls, events } = host((ctx) => {
      for (const { envelope } of ctx.present(0, 'ping', { n: 1 })) ctx.offer(`answer${envelope.msg.n}`, () => ({ type: `answer${envelope.msg.n}` }));
    });
    expect(types(events, cache.offered(state(0, 0, 0), 1, 0))).toEqual([]);
    expect(types(events, cache.offered(state(0, 1, 0), 1, 0))).toEqual(['answer1']);
    // Message 2 is not read: its coming changes nothing.
    expect(types(events, cache.offered(state(0, 1, 1), 1, 0))).toEqual(['answer1']);
    expect(types(events, cache.offered(state(1, 0, 1), 1, 0))).toEqual([]);
    expect(types(events, cache.offered(state(0, 2, 0), 1, 1))).toEqual(['answer1']);
    expect(calls.offers).toBe(3);
  });

  it('recomputes offers that read the whole state every time (3 calls for 3 asks)', () => {
    const { cache, calls } = host((ctx) => { ctx.view(); });
    for (let k = 0; k < 3; k++) cache.offered(state(0, 0, 0), 1, 0);
    expect(calls.offers).toBe(3);
  });

  it('refuses offers that read different messages in one local state', () => {
    const { cache } = host((ctx) => {
      const first = ctx.present(0, 'ping', { n: 0 });
      if (first.length > 0) ctx.present(0, 'ping', { n: 2 });
    });
    cache.offered(state(0, 0, 0), 1, 0);
    expect(() => cache.offered(state(1, 0, 0), 1, 0)).toThrow('offers for b read different messages in the same local state');
  });
});
