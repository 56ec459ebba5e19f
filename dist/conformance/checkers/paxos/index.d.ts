/** All Paxos trace checkers, fresh for one trace. */
import type { CheckerFactory } from '../types.ts';
export declare const paxosCheckers: CheckerFactory<'paxos'>;
