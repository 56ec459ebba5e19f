/**
 * Errors meant for the user: printed as one clear message, never as a stack trace.
 * `where` names the file, line and field the problem is in, when there is one.
 * It lives at the bottom floor (beside the trace schema) because the reader, the
 * checkers and every command raise it; the CLI only prints it.
 */
export interface Where {
  file?: string;
  line?: number;
  field?: string;
}

export class UserError extends Error {
  constructor(message: string, readonly where: Where = {}) {
    super(message);
    this.name = 'UserError';
  }

  /** "file:line: field: message" with whatever parts are known. */
  format(): string {
    const { file, line, field } = this.where;
    const loc = [file, line !== undefined ? String(line) : undefined].filter(Boolean).join(':');
    return [loc, field, this.message].filter(Boolean).join(': ');
  }
}
