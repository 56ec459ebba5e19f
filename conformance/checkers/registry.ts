/**
 * Which checkers judge which protocol. The balancer checkers live in ./balancer/ (built
 * separately); they are loaded when that module exists, otherwise balancer traces get
 * no checkers and verify says so.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Protocol } from '../schema/trace.ts';
import { clusterCheckers } from './cluster/index.ts';
import { paxosCheckers } from './paxos/index.ts';
import type { CheckerFactory } from './types.ts';

const balancerModule = new URL('./balancer/index.ts', import.meta.url);

async function loadBalancerCheckers(): Promise<CheckerFactory | undefined> {
  if (!existsSync(fileURLToPath(balancerModule))) return undefined;
  const mod = (await import(balancerModule.href)) as { balancerCheckers?: CheckerFactory };
  return mod.balancerCheckers;
}

export async function checkersFor(protocol: Protocol): Promise<CheckerFactory | undefined> {
  switch (protocol) {
    case 'paxos': return paxosCheckers;
    case 'cluster': return clusterCheckers;
    case 'balancer': return loadBalancerCheckers();
  }
}
