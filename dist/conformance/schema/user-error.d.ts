/**
 * Errors meant for the user: printed as one clear message, never as a stack trace.
 * `where` names the file, line and field the problem is in, when there is one.
 * It lives at the bottom floor (beside the trace schema) because the reader, the
 * checkers and every command raise it; src/cli only prints it.
 */
export interface Where {
    file?: string;
    line?: number;
    field?: string;
}
export declare class UserError extends Error {
    readonly where: Where;
    constructor(message: string, where?: Where);
    /** "file:line: field: message" with whatever parts are known. */
    format(): string;
}
