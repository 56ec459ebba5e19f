/**
 * Errors meant for the user: printed as one clear message, never as a stack trace.
 * `where` names the file, line and field the problem is in, when there is one.
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

/** Parses a CLI integer option, rejecting anything that is not a whole number in range. */
export function intOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new UserError(`--${name} must be a whole number between ${min} and ${max}, got '${raw}'`);
    }
    return n;
  };
}
