import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paxosMessageSystem, paxosTlaSystem } from '../../models/paxos/system.ts';
import { UserError } from '../../conformance/schema/user-error.ts';
import { identityMismatch, readCheckpoint, writeCheckpoint, type CheckpointIdentity } from './checkpoint.ts';
import { ComposedSystem } from './compose.ts';
import { search, searchAsync, startSearch, type Strategy } from './search.ts';
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

  describe('refuses, with a user error naming the file, a checkpoint it cannot trust', () => {
    const spec = () => paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 });
    const identity: CheckpointIdentity = { model: 'paxos', '--ballots': 2, '--symmetry': false };
    const file = join(dir, 'trust.ckpt');
    const system = new ComposedSystem(spec());
    writeCheckpoint(file, system, search(system, { strategy: 'bfs', maxStates: 1000 }).snapshot(), identity);
    const good = readFileSync(file);
    const refused = (path: string, id = identity) => {
      try {
        readCheckpoint(path, new ComposedSystem(spec()), id);
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        expect((err as UserError).where.file).toBe(path);
        return (err as Error).message;
      }
      return 'accepted';
    };

    it('accepts the whole file with the same options (1,000+ states)', () => {
      expect(readCheckpoint(file, new ComposedSystem(spec()), identity).store.size).toBeGreaterThanOrEqual(1000);
    });

    it('a file cut at any of 40 points is truncated, never resumed', () => {
      const cut = join(dir, 'cut.ckpt');
      for (let k = 1; k <= 40; k++) {
        writeFileSync(cut, good.subarray(0, Math.floor((good.length * k) / 41)));
        expect(refused(cut)).toMatch(/truncated|not a coordkit checkpoint/);
      }
    });

    it('one flipped byte anywhere in the payload is a checksum mismatch', () => {
      const bad = join(dir, 'flipped.ckpt');
      for (const at of [60, Math.floor(good.length / 2), good.length - 1]) {
        const copy = Buffer.from(good);
        copy[at] ^= 0x40;
        writeFileSync(bad, copy);
        expect(refused(bad)).toMatch(/checksum mismatch/);
      }
    });

    it('a .tmp left by a killed write is refused even when whole', () => {
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, good);
      expect(refused(tmp)).toMatch(/unfinished checkpoint write/);
    });

    it('other options are refused, naming the first that differs', () => {
      expect(refused(file, { ...identity, '--symmetry': true })).toMatch(/--symmetry false in the checkpoint, true now/);
      expect(refused(file, { ...identity, '--ballots': 3 })).toMatch(/--ballots 2 in the checkpoint, 3 now/);
      expect(refused(file, { ...identity, '--mutant': 'phase2a-any-value' })).toMatch(/--mutant unset in the checkpoint, phase2a-any-value now/);
      expect(identityMismatch({ a: 1, b: null }, { a: 1 })).toBeUndefined();
    });

    it('a directory, a device and an old-format file are refused', () => {
      expect(refused(dir)).toMatch(/a directory, not a checkpoint/);
      expect(refused('/dev/zero')).toMatch(/a device, not a checkpoint/);
      const old = join(dir, 'old.ckpt');
      writeFileSync(old, 'coordkit-checkpoint 1\n\0\0\0\0');
      expect(refused(old)).toMatch(/older format/);
      // Format 2 held step codes of the old encoding (step.ts): its store would decode wrongly.
      writeFileSync(old, 'coordkit-checkpoint 2\n\0\0\0\0');
      expect(refused(old)).toMatch(/older format/);
    });
  });

  it('never writes through a device or a non-regular file, and a failed write keeps the previous checkpoint', () => {
    const system = new ComposedSystem(paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 }));
    const snapshot = search(system, { strategy: 'bfs', maxStates: 300 }).snapshot();
    expect(() => writeCheckpoint('/dev/null', system, snapshot)).toThrow(/a device, not a regular file/);
    expect(() => writeCheckpoint(dir, system, snapshot)).toThrow(/a directory/);
    expect(() => writeCheckpoint(join(dir, 'x.tmp'), system, snapshot)).toThrow(/\*\.tmp/);
    const file = join(dir, 'kept.ckpt');
    writeCheckpoint(file, system, snapshot);
    const before = readFileSync(file);
    mkdirSync(`${file}.tmp`);
    expect(() => writeCheckpoint(file, system, snapshot)).toThrow(/not a regular file/);
    expect(readFileSync(file).equals(before)).toBe(true);
    rmSync(`${file}.tmp`, { recursive: true });
    writeCheckpoint(file, system, snapshot);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });
});

describe('a search in slices', () => {
  const spec = () => paxosTlaSystem({ acceptors: 3, values: 2, ballots: 2 });

  it('paused after every poll reaches the same 3,921 states and transitions as one run', () => {
    const whole = search(new ComposedSystem(spec()), { strategy: 'bfs' });
    const run = startSearch(new ComposedSystem(spec()), { strategy: 'bfs' });
    let slices = 0;
    while (!run.advance(0)) slices++;
    const r = run.finish();
    expect(slices).toBeGreaterThan(5);
    expect(r.states).toBe(3921);
    expect(r.transitions).toBe(whole.transitions);
    expect(r.stopReason).toBe('exhausted');
  });

  it('lets a timer stop an async search (ballots {0,1,2}); resuming its checkpoint reaches exactly 185,369 states', async () => {
    const big = () => paxosTlaSystem({ acceptors: 3, values: 2, ballots: 3 });
    let stop = false;
    setTimeout(() => { stop = true; }, 150);
    const system = new ComposedSystem(big());
    const first = await searchAsync(system, { strategy: 'bfs', interrupted: () => stop });
    expect(first.stopReason).toBe('interrupted');
    expect(first.states).toBeLessThan(185369);
    const file = join(dir, 'async.ckpt');
    writeCheckpoint(file, system, first.snapshot());
    const fresh = new ComposedSystem(big());
    const r = await searchAsync(fresh, { strategy: 'bfs', resume: readCheckpoint(file, fresh) });
    expect(r.states).toBe(185369);
    expect(r.stopReason).toBe('exhausted');
  }, 60_000);
});
