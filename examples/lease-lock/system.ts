/**
 * A lease-based lock service with clock skew (Gray & Cheriton, "Leases", SOSP 1989; the
 * fencing discussion in Kleppmann's "How to do distributed locking"), written only
 * against coordkit's public API. A server grants the lock for LEASE ticks of its own
 * clock; a client uses it only while it believes the lease is still valid, by its own
 * clock. Clocks run at any pace but stay within SKEW ticks of each other.
 *
 * - `--param client=naive` (default): the client trusts the lease until its own clock
 *   reaches the server's expiry time. A client whose clock runs behind still uses the
 *   lock after the server has handed it to someone else: mutual exclusion fails.
 * - `--param client=safe`: the client counts from when it asked, minus twice the skew
 *   (t0 + LEASE - 2*SKEW): valid whichever clock is ahead. Mutual exclusion holds.
 */
import { assign, emit, setup } from 'xstate';
import { defineSystem, invariant, reachable, type OfferContext } from 'coordkit';

const LEASE = 3;
const SKEW = 1;
/** Clocks stop here: the explored behaviours are those of the first MAX_TIME ticks. */
const MAX_TIME = 4;

/** Each grant carries a lease number; a release names the lease it ends (a stale release must not end a newer lease). */
type Msg = { type: 'acquire' } | { type: 'granted'; expires: number; lease: number } | { type: 'denied' } | { type: 'release'; lease: number };
type Send = { type: 'send'; to: string[]; msg: Msg };

/** The lock server: one holder at a time, by its own clock. */
const server = setup({
  types: {
    context: {} as { clock: number; holder: string | null; expires: number; lease: number },
    events: {} as { type: 'tick' } | { type: 'acquire'; from: string } | { type: 'release'; lease: number; from: string },
    emitted: {} as Send,
  },
  guards: {
    lockFree: ({ context }) => context.holder === null || context.clock >= context.expires,
    currentLease: ({ context, event }) => event.type === 'release' && event.from === context.holder && event.lease === context.lease,
  },
  actions: {
    grant: assign(({ context, event }) => ({ holder: (event as { from: string }).from, expires: context.clock + LEASE, lease: context.lease + 1 })),
    sendGranted: emit(({ context, event }) => ({ type: 'send' as const, to: [(event as { from: string }).from], msg: { type: 'granted' as const, expires: context.expires, lease: context.lease } })),
    sendDenied: emit(({ event }) => ({ type: 'send' as const, to: [(event as { from: string }).from], msg: { type: 'denied' as const } })),
  },
}).createMachine({
  id: 'lease-server',
  context: { clock: 0, holder: null, expires: 0, lease: 0 },
  initial: 'serving',
  states: {
    serving: {
      on: {
        tick: { actions: assign({ clock: ({ context }) => context.clock + 1 }) },
        acquire: [{ guard: 'lockFree', actions: ['grant', 'sendGranted'] }, { actions: 'sendDenied' }],
        release: { guard: 'currentLease', actions: assign({ holder: null, expires: 0 }) },
      },
    },
  },
});

/** A client: asks, and uses the lock (critical) only while its lease is valid by its own clock. */
const client = setup({
  types: {
    input: {} as { safe: boolean },
    context: {} as { safe: boolean; clock: number; askedAt: number; validUntil: number; lease: number },
    events: {} as { type: 'tick' } | { type: 'request' } | { type: 'enter' } | { type: 'exit' } | { type: 'granted'; expires: number; lease: number; from: string } | { type: 'denied'; from: string },
    emitted: {} as Send,
  },
  guards: {
    valid: ({ context }) => context.clock < context.validUntil,
    expiresOnTick: ({ context }) => context.clock + 1 >= context.validUntil,
  },
  actions: {
    tick: assign({ clock: ({ context }) => context.clock + 1 }),
    sendAcquire: emit({ type: 'send' as const, to: ['server'], msg: { type: 'acquire' as const } }),
    sendRelease: emit(({ context }) => ({ type: 'send' as const, to: ['server'], msg: { type: 'release' as const, lease: context.lease } })),
    // The bug and its fix: which clock the lease is measured on.
    takeLease: assign({
      validUntil: ({ context, event }) => (context.safe ? context.askedAt + LEASE - 2 * SKEW : (event as { expires: number }).expires),
      lease: ({ event }) => (event as { lease: number }).lease,
    }),
  },
}).createMachine({
  id: 'lease-client',
  context: ({ input }) => ({ safe: input.safe, clock: 0, askedAt: 0, validUntil: 0, lease: 0 }),
  initial: 'idle',
  states: {
    idle: { on: { tick: { actions: 'tick' }, request: { target: 'waiting', actions: [assign({ askedAt: ({ context }) => context.clock }), 'sendAcquire'] } } },
    waiting: { on: { tick: { actions: 'tick' }, granted: { target: 'holding', actions: 'takeLease' }, denied: 'idle' } },
    holding: {
      on: {
        tick: [{ guard: 'expiresOnTick', target: 'idle', actions: 'tick' }, { actions: 'tick' }],
        enter: { guard: 'valid', target: 'critical' },
      },
    },
    // Using the lock. It stops as soon as its own clock says the lease is over.
    critical: {
      on: {
        tick: [{ guard: 'expiresOnTick', target: 'idle', actions: 'tick' }, { actions: 'tick' }],
        exit: { target: 'idle', actions: 'sendRelease' },
      },
    },
  },
});

const clockOf = (ctx: OfferContext, actor: number) => (ctx.view().actors[actor].snapshot.context as { clock: number }).clock;

/** Two clients and a server; `client` is 'naive' (default) or 'safe'. */
export default function leaseLock(params: Record<string, string> = {}) {
  const kind = params.client ?? 'naive';
  if (kind !== 'naive' && kind !== 'safe') throw new Error(`client must be naive or safe, got '${kind}'`);
  const ids = ['server', 'c1', 'c2'];
  return defineSystem({
    name: `lease-lock(client=${kind}, lease=${LEASE}, skew=${SKEW})`,
    actors: [
      { id: 'server', role: 'server', machine: server },
      { id: 'c1', role: 'client', machine: client, input: { safe: kind === 'safe' } },
      { id: 'c2', role: 'client', machine: client, input: { safe: kind === 'safe' } },
    ],
    offers(ctx) {
      // A clock may tick while it is not ahead of the slowest by SKEW already (and time is left).
      const mine = clockOf(ctx, ctx.actor);
      const slowest = Math.min(...ids.map((_, i) => clockOf(ctx, i)));
      if (mine < MAX_TIME && mine - slowest < SKEW) ctx.offer('tick', () => ({ type: 'tick' }));
      if (ctx.actor === 0) return;
      const state = ctx.snapshot.value;
      // At most one request per tick of the client's clock: keeps lease numbers, and the state space, finite.
      const { clock, askedAt } = ctx.snapshot.context as { clock: number; askedAt: number };
      if (state === 'idle' && (clock > askedAt || (clock === 0 && askedAt === 0 && ctx.snapshot.context.validUntil === 0))) ctx.offer('request', () => ({ type: 'request' }));
      if (state === 'holding') ctx.offer('enter', () => ({ type: 'enter' }));
      if (state === 'critical') ctx.offer('exit', () => ({ type: 'exit' }));
    },
    properties: [
      invariant('mutual-exclusion', 'at most one client uses the lock at a time', (view) => {
        const inside = view.actors.filter((a) => a.snapshot.value === 'critical').map((a) => a.id);
        return inside.length <= 1 || `${inside.join(' and ')} both use the lock`;
      }),
      invariant('skew-bounded', `clocks stay within ${SKEW} tick of each other`, (view) => {
        const clocks = view.actors.map((a) => (a.snapshot.context as { clock: number }).clock);
        return Math.max(...clocks) - Math.min(...clocks) <= SKEW || `clocks ${clocks.join(', ')}`;
      }),
      reachable('both-served', 'each client uses the lock at some point', (view) => view.actors.some((a) => a.id === 'c2' && a.snapshot.value === 'critical')),
      reachable('handover', 'the lock passes from one client to the other after a lease expires', (view) => {
        const s = view.actor('server').snapshot.context as { holder: string | null };
        return s.holder === 'c2' && view.actor('c1').snapshot.value !== 'waiting' && (view.actor('c1').snapshot.context as { validUntil: number }).validUntil > 0;
      }),
    ],
  });
}
