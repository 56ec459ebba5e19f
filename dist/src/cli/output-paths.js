/**
 * Output paths checked before the work starts: a long search or a recorded run must not
 * be thrown away at the end because its output cannot be written. Each check raises a
 * UserError (one line, exit 2) naming the path and the option.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from './errors.js';
function stat(path, where) {
    try {
        return statSync(path);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            return undefined;
        if (code === 'ENOTDIR')
            throw new UserError('a component of the path is not a directory', where);
        throw new UserError(`cannot use: ${err.message}`, where);
    }
}
function writable(path) {
    try {
        accessSync(path, constants.W_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** A file the command will create or replace: a regular file or nothing yet, in a writable directory. */
export function assertWritableFile(path, field) {
    const where = { file: path, field };
    const s = stat(path, where);
    if (s && !s.isFile())
        throw new UserError(`${s.isDirectory() ? 'is a directory' : 'is not a regular file (a device, FIFO or socket)'}; give a file path`, where);
    if (s && !writable(path))
        throw new UserError('is not writable', where);
    const dir = dirname(resolve(path));
    const d = stat(dir, where);
    if (!d)
        throw new UserError(`directory ${dir} does not exist`, where);
    if (!d.isDirectory())
        throw new UserError(`${dir} is not a directory`, where);
    if (!writable(dir))
        throw new UserError(`directory ${dir} is not writable`, where);
}
/** A directory the command will create if needed: it, or its nearest existing ancestor, is a writable directory. */
export function assertWritableDir(path, field) {
    const where = { file: path, field };
    let at = resolve(path);
    for (;;) {
        const s = stat(at, where);
        if (s) {
            if (!s.isDirectory())
                throw new UserError(`${at} is not a directory`, where);
            if (!writable(at))
                throw new UserError(`directory ${at} is not writable`, where);
            return;
        }
        const up = dirname(at);
        if (up === at)
            throw new UserError('no existing ancestor directory', where);
        at = up;
    }
}
