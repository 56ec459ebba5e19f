import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paxosMessageSystem, paxosTlaSystem } from '../../models/paxos/system.ts';
import { readCheckpoint, writeCheckpoint } from './checkpoint.ts';
import { ComposedSystem } from './compose.ts';
import { search, type Strategy } from './search.ts';
import type { SystemSpec } from './spec.ts';

const dir = mkdtempSync(join(tmpdir(), 'coordkit-ckpt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `spec` in slices of `slice` states, checkpointing to a file and resuming in a fresh system each time. */
function sliced(spec: () => SystemSpec, strategy: Strategy, slice: number) {
  const file = join(dir, `${strategy}-${slice}.ckpt`);
  let system = new ComposedSystem(spec());
  let r = search(system, { strategy, maxStates: slice });
  let resumes = 0;
  while (r.stopReason === 'state-limit') {
    writeCheckpoint(file, system, r.snapshot());
    system = new ComposedSystem(spec());
    const resume = readCheckpoint(file, system);
    r = search(system, { strategy, resume, maxStates: r.states + slice });
    resumes++;
  }
  return { r, resumes };
}

describe('checkpoint and resume', () => {
  it('reaches the same final counts as an uninterrupted run (Paxos.tla, ballots {0,1})', () => {
    const spec = () => paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 });
    const whole = search(new ComposedSystem(spec()), { strategy: 'bfs' });
    const { r, resumes } = sliced(spec, 'bfs', 700);
    expect(resumes).toBeGreaterThan(3);
    expect(r.states).toBe(3921);
    expect(r.transitions).toBe(whole.transitions);
    expect(r.depth).toBe(whole.depth);
    expect(r.stopReason).toBe('exhausted');
    expect(r.properties.map((p) => p.status)).toEqual(whole.properties.map((p) => p.status));
  });

  it('works depth-first and on a message-passing network with faults', () => {
    const spec = () => paxosMessageSystem({
      acceptors: 3, proposers: 1, learners: 1, rounds: 1, network: { loss: 1, duplicate: 1 },
      faults: { crashes: 1, restarts: 0, partitions: 0 },
    });
    const whole = search(new ComposedSystem(spec()), { strategy: 'dfs' });
    const { r } = sliced(spec, 'dfs', Math.ceil(whole.states / 4));
    expect(r.states).toBe(whole.states);
    expect(r.transitions).toBe(whole.transitions);
  });

  it('refuses a checkpoint of another model', () => {
    const system = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 }));
    const r = search(system, { strategy: 'bfs', maxStates: 100 });
    const file = join(dir, 'other.ckpt');
    writeCheckpoint(file, system, r.snapshot());
    expect(() => readCheckpoint(file, new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 3 })))).toThrow(/checkpoint is of/);
  });

  it('stops cleanly at the memory cap with partial statistics', () => {
    const r = search(new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 3 })), { strategy: 'bfs', maxMemoryBytes: 1 });
    expect(r.stopReason).toBe('memory');
    expect(r.complete).toBe(false);
    expect(r.states).toBeGreaterThan(0);
    expect(r.states).toBeLessThan(185369);
  });
});
