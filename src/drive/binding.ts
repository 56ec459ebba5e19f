/**
 * What the driver needs to know about a protocol: the model system it walks, how a model
 * snapshot reads as the abstract state implementations expose, how to build the
 * reference implementation (or a variant of it) in-process, and, for refinement against
 * the specification rather than against one implementation, what else the protocol
 * allows (other Phase2a values, re-promises) and which property a difference breaks.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { SystemSpec } from '../explore/spec.ts';
import type { DriveInput, DriveOutput } from './adapter.ts';
import type { NodeFactory } from './in-process.ts';

export interface ProtocolBinding {
  protocol: string;
  /** The model system for a size preset, with `restarts` crash-restart faults (stable storage kept). */
  system(size: DriveSize, restarts?: number): SystemSpec;
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
  /** An output the protocol allows although the model does not emit it: a label saying why, or null. */
  allowedExtra?(ctx: StepContext, output: DriveOutput): string | null;
  /** The node's model snapshot remade with other choices the protocol allows (a proposer's free Phase2a value). */
  alternatives?(role: string, snapshot: AnyMachineSnapshot, system: SystemSpec): { label: string; snapshot: AnyMachineSnapshot }[];
  /** The property a difference breaks, and its class. Without it every difference is conformance. */
  classify?(ctx: StepContext, what: 'outputs' | 'state', observed: unknown, expectedState: unknown): Finding;
  /** Ballot pairs: how the model's integer ballots read as [number, node id] (see ballot-pairs.ts). */
  ballots?: BallotScheme;
  /** Which process node hosts each model actor (several roles per node), by actor id. */
  hosts?(system: SystemSpec): Record<string, string>;
}

/** One step as the protocol's judge sees it. */
export interface StepContext {
  role: string;
  node: string;
  /** The node's model snapshot before the step. */
  before: AnyMachineSnapshot;
  input: DriveInput | 'restart';
  /** What the model emitted, and what the implementation emitted (no-obligation messages removed). */
  expected: DriveOutput[];
  actual: DriveOutput[];
}

export type VerdictClass = 'safety' | 'conformance' | 'liveness';

export interface Finding {
  class: VerdictClass;
  property: string;
  /** One sentence: what the implementation did that the property forbids. */
  why: string;
}

export interface BallotScheme {
  /** State and message fields that hold a ballot, with the model's "none" for each (-1 or null). */
  fields: Record<string, number | null>;
  /** State fields that are records keyed "ballot|..." (a learner's table). */
  keyedFields: string[];
  /** Model ballot -> owning node (the proposer that may use it). */
  owners(system: SystemSpec): Map<number, string>;
}

export interface TraceJudgement {
  killed: boolean;
  /** The failing properties, when killed. */
  by: string | null;
  detail: string;
}

/** small: exhaustive coverage is quick; default: more behaviour for walks. */
export type DriveSize = 'small' | 'default';
