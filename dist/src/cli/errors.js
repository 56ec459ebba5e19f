/**
 * CLI option parsing errors. The user-error type itself lives with the trace schema
 * (conformance/schema/user-error.ts) so that lower floors can raise it.
 */
import { UserError } from '../../conformance/schema/user-error.js';
export { UserError } from '../../conformance/schema/user-error.js';
/** Parses a CLI integer option, rejecting anything that is not a whole number in range. */
export function intOption(name, min, max = Number.MAX_SAFE_INTEGER) {
    return (raw) => {
        const n = Number(raw);
        if (!Number.isInteger(n) || n < min || n > max) {
            throw new UserError(`--${name} must be a whole number between ${min} and ${max}, got '${raw}'`);
        }
        return n;
    };
}
