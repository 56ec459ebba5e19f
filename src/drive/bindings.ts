/**
 * The protocols the driver knows, by the name users type: the lookup a node process
 * (src/run/factories.ts) and the public API use, below the CLI. The CLI reads the
 * bindings from the families table (src/families.ts); src/families.test.ts pins that
 * the two agree.
 */
import type { ProtocolBinding } from './binding.ts';
import { clusterBinding } from './cluster-binding.ts';
import { paxosBinding } from './paxos-binding.ts';

export const bindings: Record<string, ProtocolBinding> = {
  paxos: paxosBinding,
  cluster: clusterBinding,
};
