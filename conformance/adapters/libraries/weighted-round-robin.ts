/**
 * weighted-round-robin (nginx-style smooth weighted round robin, "Peers"). peers.get();
 * peers.add({id, weight}) / peers.remove(id); a weight change is remove then add.
 */
import { Rejected, applyChange, type LibraryAdapter } from '../harness/library.ts';
import { installedVersion, lazyRequire } from './package-version.ts';

interface Peer { id: string; weight: number }
interface Peers { add(peer: Peer): string; remove(key: string): void; get(): Peer | null }
const PeersCtor = lazyRequire<new () => Peers>('weighted-round-robin');

export const adapters: LibraryAdapter[] = [{
  id: 'weighted-round-robin', library: 'weighted-round-robin', variant: 'Peers', version: () => installedVersion('weighted-round-robin'),
  notes: 'peers.get(); peers.add({id, weight}) / peers.remove(id) on membership change (a reweight is remove + add)',
  capabilities: { policy: 'weighted-round-robin', membership: 'any', weights: 'any', zeroWeight: true, reweight: true, completions: false, empty: true },
  create(backends) {
    const peers = new (PeersCtor())();
    // add() mutates the object it is given, so each gets a fresh copy.
    for (const b of backends) peers.add({ id: b.id, weight: b.weight });
    return {
      pick() {
        const p = peers.get();
        if (p === null || p === undefined) throw new Rejected('no peer');
        return { backend: p.id };
      },
      done() {},
      membership(_next, change) { applyChange(change, (b) => peers.add({ id: b.id, weight: b.weight }), (id) => peers.remove(id)); },
    };
  },
}];
