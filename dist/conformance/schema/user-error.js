export class UserError extends Error {
    where;
    constructor(message, where = {}) {
        super(message);
        this.where = where;
        this.name = 'UserError';
    }
    /** "file:line: field: message" with whatever parts are known. */
    format() {
        const { file, line, field } = this.where;
        const loc = [file, line !== undefined ? String(line) : undefined].filter(Boolean).join(':');
        return [loc, field, this.message].filter(Boolean).join(': ');
    }
}
