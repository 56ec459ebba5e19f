/** StateLayout: each field of an encoded state is read back as written, without disturbing the others. */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { MAX_COPIES, StateLayout } from './state-layout.ts';

const ENTRIES = 40;

describe('StateLayout', () => {
  test.prop([fc.integer({ min: 1, max: 16 }), fc.array(fc.tuple(fc.nat(15), fc.nat(0xffff)))])(
    'local ids read back as last written, per actor', (actors, writes) => {
      const layout = new StateLayout(actors, true);
      const v = new Uint32Array(layout.width(0));
      const expected = new Array<number>(actors).fill(0);
      for (const [i, id] of writes) {
        if (i >= actors) continue;
        layout.setLocal(v, i, id);
        expected[i] = id;
      }
      expect(Array.from({ length: actors }, (_, i) => layout.local(v, i))).toEqual(expected);
    });

  test.prop([fc.boolean(), fc.array(fc.tuple(fc.boolean(), fc.nat(ENTRIES - 1)))])(
    'the network holds what was added and removed, and forEachPresent lists it', (isSet, ops) => {
      const layout = new StateLayout(3, isSet);
      const v = new Uint32Array(layout.width(ENTRIES));
      const counts = new Array<number>(ENTRIES).fill(0);
      for (const [add, e] of ops) {
        if (add) {
          const room = isSet || counts[e] < MAX_COPIES;
          expect(layout.addCopy(v, e)).toBe(room);
          if (room) counts[e] = isSet ? 1 : counts[e] + 1;
        } else if (counts[e] > 0) {
          layout.clear(v, e);
          counts[e] = 0;
        }
      }
      expect(Array.from({ length: ENTRIES }, (_, e) => layout.copies(v, e))).toEqual(counts);
      const present: number[] = [];
      layout.forEachPresent(v, (e) => present.push(e));
      expect(present).toEqual(counts.flatMap((c, e) => (c > 0 ? [e] : [])));
      // Locals and faults are untouched by network writes.
      expect(Array.from(v.subarray(0, layout.netOffset))).toEqual(new Array(layout.netOffset).fill(0));
    });

  test.prop([fc.boolean(), fc.nat(ENTRIES - 1)])('markEntry covers exactly the bits of one entry', (isSet, e) => {
    const layout = new StateLayout(3, isSet);
    const v = new Uint32Array(layout.width(ENTRIES));
    layout.addCopy(v, e);
    const mask = new Uint32Array(layout.width(ENTRIES) - layout.netOffset);
    layout.markEntry(mask, e);
    for (let w = 0; w < mask.length; w++) expect((layout.networkWord(v, w) & ~mask[w]) >>> 0).toBe(0);
    layout.removeCopy(v, e);
    if (!isSet) expect(layout.copies(v, e)).toBe(0);
  });

  test.prop([fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(1000)])(
    'the fault budget counts each kind apart', (crashes, restarts, partitions, losses, duplicates) => {
      const layout = new StateLayout(4, false);
      const v = new Uint32Array(layout.width(0));
      const spend = (fault: 'crashes' | 'restarts' | 'partitions' | 'losses' | 'duplicates', n: number) => { for (let k = 0; k < n; k++) layout.spend(v, fault); };
      spend('crashes', crashes); spend('restarts', restarts); spend('partitions', partitions); spend('losses', losses); spend('duplicates', duplicates);
      expect(layout.faultsUsed(v)).toEqual({ crashes, restarts, partitions, losses, duplicates });
      expect(layout.used(v, 'losses')).toBe(losses);
    });

  test.prop([fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff })])(
    'crashes and partition sides share a word without mixing', (crashed, side) => {
      const layout = new StateLayout(16, true);
      const v = new Uint32Array(layout.width(0));
      for (let i = 0; i < 16; i++) layout.setCrashed(v, i, ((crashed >>> i) & 1) === 1);
      layout.setSide(v, side);
      expect(layout.crashedMask(v)).toBe(crashed);
      expect(layout.side(v)).toBe(side);
      expect(layout.connected(v, 0, 1)).toBe((side & 1) === ((side >>> 1) & 1));
    });

  test.prop([fc.integer({ min: 17, max: 64 })])('refuses more than 16 actors', (n) => {
    expect(() => new StateLayout(n, true)).toThrow('at most 16 actors');
  });
});
