export const WINDOW_SIZE = 8;
export class EventWindow {
    size;
    lines;
    events;
    next = 0;
    count = 0;
    constructor(size = WINDOW_SIZE) {
        this.size = size;
        this.lines = new Array(size).fill(0);
        this.events = new Array(size).fill(undefined);
    }
    push(event, line) {
        this.lines[this.next] = line;
        this.events[this.next] = event;
        this.next = (this.next + 1) % this.size;
        if (this.count < this.size)
            this.count++;
    }
    /** Oldest first. */
    snapshot() {
        const out = [];
        for (let i = 0; i < this.count; i++) {
            const at = (this.next - this.count + i + this.size) % this.size;
            out.push({ line: this.lines[at], event: this.events[at] });
        }
        return out;
    }
}
/** Keeps the first few violations of one property in full and counts the rest. */
export class ViolationLog {
    window;
    keep;
    kept = [];
    total = 0;
    constructor(window, keep = 10) {
        this.window = window;
        this.keep = keep;
    }
    report(line, message) {
        this.total++;
        if (this.kept.length < this.keep)
            this.kept.push({ line, message, window: this.window.snapshot() });
    }
}
/** A verdict from a violation log: fail if anything was reported. */
export function verdictOf(property, log, figures = {}, note) {
    return {
        property,
        status: log.total > 0 ? 'fail' : 'pass',
        ...(log.total > 0
            ? { note: `${log.total} violation(s); first at line ${log.kept[0].line}: ${log.kept[0].message}` }
            : note !== undefined ? { note } : {}),
        violations: log.kept,
        figures: { ...figures, violations: log.total },
    };
}
