/** "ENOSPC (no space left on device)" for a system error, else its message. */
export declare function describeError(err: unknown): string;
/**
 * Checks, before any work, that `path` can receive an output file; throws a UserError
 * naming the path (and `option`, e.g. '--junit', as the field) otherwise.
 */
export declare function checkOutputPath(path: string, option?: string): Promise<void>;
/**
 * Writes `data` to `path` atomically: a temporary file beside it, flushed, then renamed
 * over it. On failure the temporary file is removed and a UserError names the path.
 */
export declare function writeOutputFile(path: string, data: string | Uint8Array): Promise<void>;
/**
 * Writes a finished result to `path`; if that fails, prints the result to `fallback`
 * (standard output by default) so it is not lost, and throws the write error saying so.
 */
export declare function saveResult(path: string, data: string, fallback?: NodeJS.WritableStream): Promise<void>;
/** An error of a standard stream: how the process should end. */
export declare function streamErrorExit(err: unknown, stream: 'stdout' | 'stderr'): {
    code: number;
    message?: string;
};
/**
 * Makes errors of stdout and stderr end the process as `streamErrorExit` says, instead
 * of an unhandled 'error' event with a stack trace. Call once, first thing in main.
 */
export declare function guardStdout(): void;
