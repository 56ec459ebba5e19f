/**
 * The source article's four balancers, as a "library": round robin by an index into the
 * server list (the index is kept when the list changes), random (Math.random × N, weights
 * ignored), least connections by a per-server connections counter (first server wins a
 * tie; a finished request decrements its server's counter), and hash = CRC32(key) mod N
 * (IEEE table; crc32.ts says why the article's printed table is not here) and, as the
 * article also suggests, MD5(key) mod N (the digest's first four bytes, big-endian).
 */
import { createHash } from 'node:crypto';
import { Rejected, type Backend, type LibraryAdapter, type LibraryInstance, type Policy } from '../harness/library.ts';
import { crc32 } from './crc32.ts';

type Make = (servers: () => readonly Backend[]) => Pick<LibraryInstance, 'pick' | 'done'>;

const adapter = (id: string, variant: string, policy: Policy, notes: string, completions: boolean, make: Make): LibraryAdapter => ({
  id, library: 'source article', variant, version: () => 'article', notes,
  capabilities: { policy, membership: 'any', weights: 'none', zeroWeight: false, reweight: false, completions, empty: true },
  create(backends) {
    let servers: readonly Backend[] = backends;
    const inner = make(() => servers);
    return {
      pick(request, key) {
        if (servers.length === 0) throw new Rejected('no server');
        return inner.pick(request, key);
      },
      done: (request) => inner.done(request),
      membership(next) { servers = next; },
    };
  },
});

const roundRobin: Make = (servers) => {
  let index = 0;
  return {
    pick() {
      const list = servers();
      if (index >= list.length) index = 0;
      return { backend: list[index++].id };
    },
    done() {},
  };
};

const random: Make = (servers) => ({
  pick() {
    const list = servers();
    return { backend: list[Math.floor(Math.random() * list.length)].id };
  },
  done() {},
});

const leastConnections: Make = (servers) => {
  const connections = new Map<string, number>();
  const where = new Map<string, string>();
  return {
    pick(request) {
      let best = servers()[0].id;
      for (const s of servers()) if ((connections.get(s.id) ?? 0) < (connections.get(best) ?? 0)) best = s.id;
      connections.set(best, (connections.get(best) ?? 0) + 1);
      where.set(request, best);
      return { backend: best };
    },
    done(request) {
      const s = where.get(request);
      if (s === undefined) return;
      where.delete(request);
      connections.set(s, (connections.get(s) ?? 1) - 1);
    },
  };
};

const hashBy = (h: (key: string) => number): Make => (servers) => ({
  pick(request, key) {
    const list = servers();
    return { backend: list[h(key ?? request) % list.length].id };
  },
  done() {},
});

const md5 = (key: string): number => createHash('md5').update(key).digest().readUInt32BE(0);

export const adapters: LibraryAdapter[] = [
  adapter('article.round-robin', 'round robin', 'round-robin', 'servers[index++], index reset past the end; the index is kept when the list changes', false, roundRobin),
  adapter('article.random', 'random', 'random', 'servers[floor(Math.random() × N)]', false, random),
  adapter('article.least-connections', 'least connections', 'least-connections', 'fewest connections by counter (first server on a tie); done decrements', true, leastConnections),
  adapter('article.hash-crc32', 'hash CRC32 (IEEE table)', 'hash', 'servers[CRC32(key) mod N], correct IEEE table', false, hashBy((k) => crc32(k))),
  adapter('article.hash-md5', 'hash MD5', 'hash', 'servers[MD5(key)[0..4] mod N]', false, hashBy(md5)),
];
