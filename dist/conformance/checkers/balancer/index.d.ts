import type { BalancerHeader } from './base.ts';
import type { CheckerFactory } from '../types.ts';
type Policy = BalancerHeader['config']['policy'];
export declare const balancerCheckers: CheckerFactory<'balancer'>;
/** The properties judged for each policy, in verdict order (for tables and docs). */
export declare function propertiesOf(policy: Policy): string[];
export { ALPHA, POWER } from './random.ts';
export { MIN_JAIN } from './aggregate.ts';
