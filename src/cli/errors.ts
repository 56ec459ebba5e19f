/**
 * The CLI's view of user errors. The type itself lives with the trace schema
 * (conformance/schema/user-error.ts) so that lower floors can raise it; option values
 * are validated in ./options.ts.
 */
export { UserError, type Where } from '../../conformance/schema/user-error.ts';
