import type { BalancerFactory, Policy } from './types.ts';
export declare const policies: Record<Policy, BalancerFactory>;
export type { Backend, Balancer, BalancerFactory, Decision, Policy } from './types.ts';
