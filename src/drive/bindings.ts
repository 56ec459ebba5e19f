/** The protocols the driver knows, by the name users type. */
import type { ProtocolBinding } from './binding.ts';
import { clusterBinding } from './cluster-binding.ts';
import { paxosBinding } from './paxos-binding.ts';

export const bindings: Record<string, ProtocolBinding> = {
  paxos: paxosBinding,
  cluster: clusterBinding,
};
