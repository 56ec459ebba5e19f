/**
 * Every library `coordkit thirdparty` judges, in table order: npm packages, the source
 * article's balancers, and (through the stdio protocol) the Python example library. Each
 * TypeScript adapter runs in its own child process (harness/child.ts loads it by module
 * URL and id); to add a library, write one adapter file and list it here.
 */
import { fileURLToPath } from 'node:url';
import { InProcessHost, StdioHost } from '../harness/host.ts';
import type { LibraryAdapter } from '../harness/library.ts';
import type { Hello } from '../harness/protocol.ts';
import type { Target } from '../harness/search.ts';
import * as article from './article.ts';
import * as consistentHash from './consistent-hash.ts';
import * as hashring from './hashring.ts';
import * as jump from './jump-consistent-hash.ts';
import * as kit from './kit.ts';
import * as loadBalancers from './load-balancers.ts';
import * as loadbalance from './loadbalance.ts';
import * as roundRobinJs from './round-robin-js.ts';
import * as roundround from './roundround.ts';
import * as weightedRoundRobin from './weighted-round-robin.ts';
import * as wrrPool from './wrr-pool.ts';

interface Module { adapters: LibraryAdapter[] }
const modules: [Module, string][] = [
  [hashring, './hashring.ts'], [consistentHash, './consistent-hash.ts'], [weightedRoundRobin, './weighted-round-robin.ts'],
  [wrrPool, './wrr-pool.ts'], [loadBalancers, './load-balancers.ts'], [roundRobinJs, './round-robin-js.ts'],
  [jump, './jump-consistent-hash.ts'], [roundround, './roundround.ts'], [loadbalance, './loadbalance.ts'], [article, './article.ts'],
];

const CHILD = fileURLToPath(new URL('../harness/child.ts', import.meta.url));
export const PYTHON_EXAMPLE = fileURLToPath(new URL('../../../clients/python/coordkit_balancer/example_library.py', import.meta.url));

export interface HostOptions { timeoutMs: number }

export function helloOf(a: LibraryAdapter): Hello {
  return { ok: true, library: a.library, variant: a.variant, version: a.version(), notes: a.notes, capabilities: a.capabilities };
}

/** A TypeScript adapter in a child process of its own. */
export function childTarget(a: LibraryAdapter, moduleUrl: string, o: HostOptions): Target {
  return {
    id: a.id, info: helloOf(a),
    host: () => new StdioHost([process.execPath, '--max-old-space-size=1024', '--import', 'tsx', CHILD, moduleUrl, a.id], { timeoutMs: o.timeoutMs, scenarioMode: true }),
  };
}

/** A trusted adapter called in this process (the kit's own implementations, tests). */
export function inProcessTarget(a: LibraryAdapter): Target {
  return { id: a.id, info: helloOf(a), host: () => new InProcessHost(a) };
}

/** A library in any language behind the balancer protocol; its hello describes it. */
export async function stdioTarget(id: string, command: string[], o: HostOptions): Promise<Target> {
  const probe = new StdioHost(command, { timeoutMs: o.timeoutMs });
  try {
    const info = await probe.hello();
    return { id, info, host: () => new StdioHost(command, { timeoutMs: o.timeoutMs }) };
  } finally {
    probe.close();
  }
}

export function thirdPartyTargets(o: HostOptions): Target[] {
  return modules.flatMap(([m, rel]) => m.adapters.map((a) => childTarget(a, new URL(rel, import.meta.url).href, o)));
}

export const kitTargets = (): Target[] => kit.kitAdapters.map(inProcessTarget);
export const mutantTargets = (): Target[] => kit.mutantAdapters.map(inProcessTarget);
