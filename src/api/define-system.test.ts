import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { UserError } from '../../conformance/schema/user-error.ts';
import { defineSystem } from './define-system.ts';

const idle = createMachine({ initial: 'idle', states: { idle: {} } });
const actors = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}`, role: 'a', machine: idle }));

describe('defineSystem checks the shape once', () => {
  it('accepts 16 actors and refuses 17 as a user error naming the system (not a stack trace from the explorer mid-search)', () => {
    expect(defineSystem({ name: 'sixteen', actors: actors(16), properties: [] }).actors).toHaveLength(16);
    const err = (() => { try { defineSystem({ name: 'many', actors: actors(17), properties: [] }); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).format()).toBe("system 'many': at most 16 actors are supported (environment actors included), got 17");
  });

  it('refuses a symmetry group mixing an actor with a non-actor name, or two roles; accepts actors of one role and plain values', () => {
    const two = [...actors(2), { id: 'b0', role: 'b', machine: idle }];
    const refusal = (symmetry: string[][]) => { try { defineSystem({ name: 's', actors: two, properties: [], symmetry }); return ''; } catch (e) { return (e as UserError).format(); } };
    expect(refusal([['a0', 'zz']])).toBe("system 's': symmetry group [a0, zz] mixes actor ids with names that are not actors (zz)");
    expect(refusal([['a0', 'b0']])).toBe("system 's': symmetry group [a0, b0] mixes roles (a, b): actors are interchangeable only within one role");
    expect(refusal([['a0', 'a1'], ['v1', 'v2']])).toBe('');
  });
});
