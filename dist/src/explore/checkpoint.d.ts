import type { ComposedSystem } from './compose.ts';
import type { SearchSnapshot } from './search.ts';
/** The options that define a search, by the name the user knows them by ('--ballots': 3). */
export type CheckpointIdentity = Record<string, string | number | boolean | null>;
/** The temp file a checkpoint is written to before the rename. */
export declare const checkpointTemp: (file: string) => string;
/**
 * Refuses a path a checkpoint must not be written to: anything that exists and is not a
 * regular file (a device, a FIFO, a directory), a `.tmp` name, or a temp whose path is
 * taken by something other than a regular file. Call before the search starts.
 */
export declare function assertCheckpointTarget(file: string): void;
/** Writes atomically (temp file + fsync + rename), so a crash mid-write keeps the previous checkpoint. */
export declare function writeCheckpoint(file: string, system: ComposedSystem, snapshot: SearchSnapshot, identity?: CheckpointIdentity): void;
/**
 * Reads a checkpoint into `system` (which must be freshly built for the same model).
 * Every reason to distrust the file is a UserError naming it: not a checkpoint, an old
 * format, truncated, corrupted, or taken with other options than `identity`.
 */
export declare function readCheckpoint(file: string, system: ComposedSystem, identity?: CheckpointIdentity): SearchSnapshot;
/** The first option that differs, as "--ballots 3 in the checkpoint, 2 now"; undefined if none. */
export declare function identityMismatch(saved: CheckpointIdentity, now: CheckpointIdentity): string | undefined;
