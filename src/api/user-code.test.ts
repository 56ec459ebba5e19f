import { describe, expect, it } from 'vitest';
import { UserError } from '../../conformance/schema/user-error.ts';
import { check } from './check.ts';
import { defineSystem, invariant } from './define-system.ts';
import { guarded } from './user-code.ts';
import { eventually } from '../explore/liveness.ts';
import { pingPong } from './testing/ping-pong.ts';
import { verifyTrace } from './verify.ts';

/** ping-pong with one more invariant that throws once b has received a ping. */
function withBrokenInvariant() {
  const base = pingPong();
  const got = (v: { actor(id: string): { snapshot: { context: unknown } } }) => (v.actor('b').snapshot.context as { got: number }).got;
  return defineSystem({
    name: 'ping-pong', actors: base.actors, offers: base.offers,
    properties: [invariant('reads-missing', 'reads a field that is not there', (v) => {
      if (got(v) >= 1) throw new TypeError('cannot read properties of undefined');
      return true;
    })],
  });
}

describe('an exception in a user system\'s callback is a UserError naming the system and the callback', () => {
  it('passes values and UserErrors through unchanged', () => {
    const mine = new UserError('mine');
    expect(guarded('s', 'offers', (x: number) => x + 1)(1)).toBe(2);
    expect(() => guarded('s', 'offers', () => { throw mine; })()).toThrow(mine);
  });

  it('check: the invariant that throws after the first ping is one line naming it and the user\'s line, not a stack through the explorer', async () => {
    const err = await check(withBrokenInvariant()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).format()).toMatch(/^system 'ping-pong': property 'reads-missing' threw TypeError: cannot read properties of undefined \(at .*user-code\.test\.ts:\d+:\d+\)\)?$/);
  }, 60_000);

  it('check: a liveness property asking for an actor the system lacks names the property (the explorer throws the Error)', async () => {
    const base = pingPong();
    const system = defineSystem({
      name: 'ping-pong', actors: base.actors, offers: base.offers, properties: [],
      liveness: [eventually('z-done', 'z decides', (v) => v.actor('z').snapshot.value === 'done')],
    });
    await expect(check(system)).rejects.toThrow(/^liveness property 'z-done' threw Error: no actor z/);
  }, 60_000);

  it('verify --system: the replay reports the user\'s exception as theirs, not as "a coordkit bug"', async () => {
    const r = await check(pingPong(), { continueAfterViolation: true });
    const cx = r.counterexamples.find((c) => c.property === 'at-most-one')!;
    const err = await verifyTrace({ lines: { header: cx.header, events: cx.events } }, { system: withBrokenInvariant(), name: 't.jsonl' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).format()).toMatch(/^system 'ping-pong': property 'reads-missing' threw TypeError/);
    expect((err as UserError).format()).not.toMatch(/coordkit bug/);
  }, 60_000);
});
