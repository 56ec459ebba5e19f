import type { PaxosNode, PaxosNodeSpec } from './types.ts';
export declare function articleNode(spec: PaxosNodeSpec): PaxosNode;
