/**
 * What the driver needs to know about a protocol: the model system it walks, how a model
 * snapshot reads as the abstract state implementations expose, and how to build the
 * reference implementation (or a variant of it) in-process.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { SystemSpec } from '../explore/spec.ts';
import type { NodeFactory } from './in-process.ts';
export interface ProtocolBinding {
    protocol: string;
    /** The model system for a size preset. */
    system(size: DriveSize): SystemSpec;
    /** The abstract state of a model snapshot for a node of `role`. */
    modelView(role: string, snapshot: AnyMachineSnapshot): unknown;
    /** The reference implementation, or the named variant (a mutant). */
    factory(variant?: string): NodeFactory;
    /** Names of the variants `factory` knows. */
    variants(): string[];
    /**
     * Optional second judge for what the model does not cover: runs the variant and checks
     * its trace with the protocol's trace checkers (used for the kill rate).
     */
    judge?(variant: string): Promise<TraceJudgement>;
    /** True for a variant whose fault lies outside the model (only `judge` can see it): not driven. */
    outsideModel?(variant: string): boolean;
}
export interface TraceJudgement {
    killed: boolean;
    /** The failing properties, when killed. */
    by: string | null;
    detail: string;
}
/** small: exhaustive coverage is quick; default: more behaviour for walks. */
export type DriveSize = 'small' | 'default';
