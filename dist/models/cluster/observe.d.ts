/**
 * Read-only questions about an explorer state of the cluster system, shared by the
 * environment's offers and the properties: who is up, who can talk to whom, whether the
 * round is over, whether a quorum-backed leader exists.
 */
import type { StateView } from '../../src/explore/spec.ts';
import type { EnvironmentContext } from './environment.ts';
import type { ServerContext } from './server.ts';
import { type ServerId } from './types.ts';
export declare const ENVIRONMENT_ID = "env";
export interface ServerView {
    id: ServerId;
    index: number;
    crashed: boolean;
    /** 'looking' | 'following' | 'leading' */
    role: string;
    /** The sub-state: 'syncing' | 'synced' | 'proposing' | 'established' | null. */
    phase: string | null;
    ctx: ServerContext;
}
export declare function environmentOf(view: StateView): EnvironmentContext;
export declare function serversOf(view: StateView): ServerView[];
/** True when messages flow between the actors at these indices (no partition between them). */
export declare function connected(view: StateView, a: number, b: number): boolean;
/**
 * Fault events so far, as one number that changes with every fault: crashes, restarts,
 * losses, duplications, and each partition counted twice (cut, then heal).
 */
export declare function faultCount(view: StateView): number;
/** A server is up when it is neither crashed nor paused. */
export declare const isUp: (s: ServerView, env: EnvironmentContext) => boolean;
/** True when a quorum of servers is up and on one side of any partition. */
export declare function quorumUp(view: StateView, servers: ServerView[], env: EnvironmentContext): boolean;
/** Servers that follow `leader` in its epoch, are synced, up and connected to it. */
export declare function backers(view: StateView, servers: ServerView[], env: EnvironmentContext, leader: ServerView): ServerView[];
/** An established, up leader backed by a quorum (itself included), or null. */
export declare function quorumBackedLeader(view: StateView, servers: ServerView[], env: EnvironmentContext): ServerView | null;
/**
 * End of the synchronous round: every up server has ticked to `now`, and no message that
 * could be handled (by an up recipient on the sender's side) is in flight. Messages to a
 * crashed, paused or cut-off server wait; they do not hold up time.
 */
export declare function roundComplete(view: StateView, servers: ServerView[], env: EnvironmentContext): boolean;
