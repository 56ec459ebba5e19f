/** The cluster binding: models/cluster's system of servers and environment, and src/impl/cluster. */
import type { AnyMachineSnapshot } from 'xstate';
import { type ClusterVariant } from '../impl/cluster/nodes.ts';
import type { ServerView } from '../impl/cluster/types.ts';
import type { ProtocolBinding } from './binding.ts';
/** A model server snapshot as the abstract state src/impl/cluster exposes. */
export declare function clusterServerView(snapshot: AnyMachineSnapshot): ServerView;
export declare function clusterModelView(role: string, snapshot: AnyMachineSnapshot): unknown;
export declare function clusterVariant(name?: string): ClusterVariant;
export declare const clusterBinding: ProtocolBinding;
