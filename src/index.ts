/**
 * coordkit's public API (`import ... from 'coordkit'`): define a system of XState actors,
 * model-check it, verify recorded traces, drive implementations against a model, and draw
 * machines and traces. Everything else in the package is internal and may change.
 * The vitest helper is a separate entry, `coordkit/vitest`, so this one needs no vitest.
 */
export { defineSystem, invariant, reachable, isSystem, type SystemDefinition, type ActorDefinition, type DefinedSystem } from './api/define-system.ts';
export { eventually, leadsTo, type LivenessProperty, type Fairness } from './explore/liveness.ts';
export { check, type CheckOptions, type CheckResult, type CounterexampleTrace } from './api/check.ts';
export { verifyTrace, type TraceInput, type TraceVerdict, type VerifyOptions } from './api/verify.ts';
export { drive, PATH_MODES, type DriveOptions, type DriveReport, type PathMode } from './drive/modes.ts';
export type { ProtocolBinding } from './drive/binding.ts';
export { bindings } from './drive/bindings.ts';
export type { Adapter, DriveConfig, DriveInput, DriveOutput, NodeSpec } from './drive/adapter.ts';
export {
  machineToDot, machineToMermaid, statechartToDot, statechartToMermaid, toStatechart,
  stateGraphToDot, stateGraphToMermaid, traceToMermaid, buildSequence, sequenceToMermaid,
  dotToSvg, dotToInlineSvg,
  type Statechart, type StateGraph, type Sequence, type SequenceOptions,
} from './diagram/index.ts';
export type {
  SystemSpec, ActorSpec, NetworkSpec, FaultSpec, Property, StateView, ActorView, OfferContext, Envelope, Verdict, FaultsUsed,
} from './explore/spec.ts';
export type { TraceHeader, TraceEvent } from '../conformance/schema/trace.ts';
export type { Trace } from '../conformance/schema/writer.ts';
export { UserError } from '../conformance/schema/user-error.ts';
export type { CheckSummary, CheckVerdict, PropertySummary } from './cli/check/runner.ts';
// `Step` is the row's earlier name, kept so code written against it still compiles.
export type { StepRow, StepRow as Step } from './explore/counterexample.ts';
