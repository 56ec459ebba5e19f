import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../conformance/schema/trace.ts';
import { check } from '../api/check.ts';
import { pingPong } from '../api/testing/ping-pong.ts';
import { ComposedSystem } from './compose.ts';
import { records, TraceReplay } from './trace-replay.ts';

/** The explorer's counterexample of `at-most-one` (11 events: two pings, two pongs, a decision). */
async function counterexampleEvents(): Promise<TraceEvent[]> {
  const r = await check(pingPong());
  const cx = r.counterexamples.find((c) => c.property === 'at-most-one')!;
  return cx.events;
}

function replay(events: TraceEvent[]): { replay: TraceReplay; diverged?: { index: number; reason: string } } {
  const replay = new TraceReplay(new ComposedSystem(pingPong()));
  for (const [index, e] of events.entries()) {
    const r = replay.apply(e);
    if (!r.ok) return { replay, diverged: { index, reason: r.reason } };
  }
  return { replay };
}

describe('replaying a trace on its system', () => {
  it("follows the explorer's 11-event counterexample with one candidate throughout, the clock's silent tick included", async () => {
    const events = await counterexampleEvents();
    expect(events).toHaveLength(11);
    const { replay: r, diverged } = replay(events);
    expect(diverged).toBeUndefined();
    expect(r.between).toBe(true);
    expect(r.maxCandidates).toBe(1);
    expect(r.states()).toHaveLength(1);
  });

  it('accepts a trace without state events, and state events that show only some fields', async () => {
    const events = await counterexampleEvents();
    const noStates = events.filter((e) => e.kind !== 'state');
    expect(replay(noStates).diverged).toBeUndefined();
    const partial = events.map((e) => (e.kind === 'state' && e.node === 'b' ? { ...e, state: { got: (e.state as { got: number }).got } } : e));
    expect(replay(partial).diverged).toBeUndefined();
  });

  it('diverges at a step the model cannot take, saying what it could record instead', async () => {
    const events = await counterexampleEvents();
    // b answers the first ping before it arrives.
    const early = [events[0], events[1], events[3], ...events.slice(4)];
    const { diverged } = replay(early);
    expect(diverged?.index).toBe(2);
    expect(diverged?.reason).toMatch(/cannot take a step that records b send \{"to":\["a"\],"msg":\{"type":"pong"\}\}/);
    expect(diverged?.reason).toMatch(/it could record: .*b receive/);
    // A state field with another value than the model's.
    const wrong = events.map((e, i) => (i === 4 ? { ...e, state: { state: 'counting', got: 7 } } : e));
    expect(replay(wrong).diverged?.index).toBe(4);
  });

  it('compares what a step records field by field, ignoring seq, ts and message ids', () => {
    const model = { node: 'b', kind: 'receive', from: 'a', msg: { type: 'ping', n: 1 }, id: 'm0' };
    const recorded = (extra: Record<string, unknown>) => ({ seq: 9, ts: 5, node: 'b', kind: 'receive', from: 'a', msg: { n: 1, type: 'ping' }, ...extra }) as unknown as TraceEvent;
    expect(records(recorded({ id: 'x17' }), model)).toBe(true);
    expect(records(recorded({ msg: { type: 'ping', n: 2 } }), model)).toBe(false);
    expect(records(recorded({ from: 'c' }), model)).toBe(false);
    expect(records({ seq: 1, node: 'a', kind: 'send', to: 'b', msg: { type: 'pong' } } as TraceEvent, { node: 'a', kind: 'send', to: ['b'], msg: { type: 'pong' } })).toBe(true);
  });
});
