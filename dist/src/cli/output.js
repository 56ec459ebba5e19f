/**
 * Where the CLI's results go, made safe for every command: output files and the standard
 * streams. A finished result must never be lost and a bad destination must never cost
 * the work that produced it:
 *
 * - `checkOutputPath` runs before the work starts: the parent directory exists and is
 *   writable, and the path is not a directory, a device, a FIFO or a socket. A bad
 *   `--out` is one line, exit 2, before a long search or run begins.
 * - `writeOutputFile` writes atomically (a temporary file in the same directory, then
 *   rename), so a full disk or a kill mid-write leaves the old file or the new one,
 *   never half of one.
 * - `saveResult` is the two together at the end: when writing fails anyway (the disk
 *   filled up meanwhile), the result goes to standard output and the error says so.
 * - `guardStdout` (main.ts) turns errors of the standard streams into exits: a closed
 *   pipe (`coordkit verify ... | head -1`) ends quietly, a full disk is one line, exit 2.
 */
import { constants } from 'node:fs';
import { access, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from './errors.js';
const DESCRIBE = {
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'file too large',
    EROFS: 'read-only file system',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a path component is not a directory',
    EISDIR: 'is a directory',
    EIO: 'input/output error',
};
/** "ENOSPC (no space left on device)" for a system error, else its message. */
export function describeError(err) {
    const code = err?.code;
    if (code !== undefined)
        return DESCRIBE[code] !== undefined ? `${code} (${DESCRIBE[code]})` : code;
    return err?.message ?? String(err);
}
function kindOf(s) {
    if (s.isDirectory())
        return 'a directory';
    if (s.isFIFO())
        return 'a FIFO';
    if (s.isSocket())
        return 'a socket';
    if (s.isCharacterDevice() || s.isBlockDevice())
        return 'a device';
    return 'not a regular file';
}
/**
 * Checks, before any work, that `path` can receive an output file; throws a UserError
 * naming the path (and `option`, e.g. '--junit', as the field) otherwise.
 */
export async function checkOutputPath(path, option) {
    const where = { file: path, ...(option !== undefined ? { field: option } : {}) };
    if (path.length === 0)
        throw new UserError('an empty output path', where);
    const full = resolve(path);
    let existing;
    try {
        existing = await stat(full);
    }
    catch (err) {
        if (err.code !== 'ENOENT')
            throw new UserError(`cannot write here: ${describeError(err)}`, where);
    }
    if (existing !== undefined) {
        if (!existing.isFile())
            throw new UserError(`is ${kindOf(existing)}: an output must be a regular file`, where);
        try {
            await access(full, constants.W_OK);
        }
        catch (err) {
            throw new UserError(`cannot write here: ${describeError(err)}`, where);
        }
    }
    const dir = dirname(full);
    let parent;
    try {
        parent = await stat(dir);
    }
    catch (err) {
        const missing = err.code === 'ENOENT';
        throw new UserError(missing ? `directory ${dirname(path)} does not exist` : `cannot use directory ${dirname(path)}: ${describeError(err)}`, where);
    }
    if (!parent.isDirectory())
        throw new UserError(`${dirname(path)} is not a directory`, where);
    try {
        // Write and search permission: the temporary file is created in this directory.
        await access(dir, constants.W_OK | constants.X_OK);
    }
    catch (err) {
        throw new UserError(`cannot write in directory ${dirname(path)}: ${describeError(err)}`, where);
    }
}
/**
 * Writes `data` to `path` atomically: a temporary file beside it, flushed, then renamed
 * over it. On failure the temporary file is removed and a UserError names the path.
 */
export async function writeOutputFile(path, data) {
    const full = resolve(path);
    const tmp = join(dirname(full), `.${basename(full)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    let handle;
    try {
        handle = await open(tmp, 'wx', 0o644);
        await handle.writeFile(data);
        await handle.datasync();
        await handle.close();
        handle = undefined;
        await rename(tmp, full);
    }
    catch (err) {
        await handle?.close().catch(() => undefined);
        await unlink(tmp).catch(() => undefined);
        throw new UserError(`cannot write: ${describeError(err)}`, { file: path });
    }
}
/**
 * Writes a finished result to `path`; if that fails, prints the result to `fallback`
 * (standard output by default) so it is not lost, and throws the write error saying so.
 */
export async function saveResult(path, data, fallback = process.stdout) {
    try {
        await writeOutputFile(path, data);
    }
    catch (err) {
        if (!(err instanceof UserError))
            throw err;
        fallback.write(data.endsWith('\n') ? data : `${data}\n`);
        throw new UserError(`${err.message}; the result was printed to standard output instead`, err.where);
    }
}
/** An error of a standard stream: how the process should end. */
export function streamErrorExit(err, stream) {
    const code = err?.code;
    // The reader went away (`| head -1`): nobody is left to tell, so end quietly.
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED')
        return { code: typeof process.exitCode === 'number' ? process.exitCode : 0 };
    if (stream === 'stderr')
        return { code: 2 };
    return { code: 2, message: `coordkit: cannot write to standard output: ${describeError(err)}\n` };
}
let guarded = false;
/**
 * Makes errors of stdout and stderr end the process as `streamErrorExit` says, instead
 * of an unhandled 'error' event with a stack trace. Call once, first thing in main.
 */
export function guardStdout() {
    if (guarded)
        return;
    guarded = true;
    let ending = false;
    const onError = (stream) => (err) => {
        if (ending)
            return;
        ending = true;
        const { code, message } = streamErrorExit(err, stream);
        if (message !== undefined) {
            try {
                process.stderr.write(message);
            }
            catch {
                // stderr is gone too: the exit code is all that is left.
            }
        }
        process.exit(code);
    };
    process.stdout.on('error', onError('stdout'));
    process.stderr.on('error', onError('stderr'));
}
