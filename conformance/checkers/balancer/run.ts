/**
 * Runs the balancer checkers over a trace: from parsed lines in memory, or streamed from a
 * JSON Lines file one line at a time (constant memory). Malformed input becomes a
 * UserError naming file, line and field.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { header as headerSchema, traceEvent, type TraceEvent, type TraceHeader } from '../../schema/trace.ts';
import { UserError } from '../../schema/user-error.ts';
import type { Verdict } from '../types.ts';
import { balancerCheckers } from './index.ts';

export interface BalancerReport {
  header: Extract<TraceHeader, { protocol: 'balancer' }>;
  verdicts: Verdict[];
}

function parseLine(text: string, line: number, file: string | undefined): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError('not valid JSON', { file, line });
  }
}

function validate<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown, line: number, file: string | undefined): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new UserError(issue.message, { file, line, field: issue.path.map(String).join('.') || undefined });
}

/** Feeds raw trace lines (header first) to the balancer checkers. */
export class BalancerRun {
  private checkers: ReturnType<typeof balancerCheckers> = [];
  private header: BalancerReport['header'] | null = null;
  private line = 0;
  private lastSeq = -1;

  constructor(private readonly file?: string) {}

  /** `line` is the 1-based line in the file (default: the line after the previous one). */
  push(raw: unknown, line = this.line + 1): void {
    this.line = line;
    if (this.header === null) {
      const h = validate(headerSchema, raw, this.line, this.file);
      if (h.protocol !== 'balancer') throw new UserError(`expected a balancer trace, got protocol '${h.protocol}'`, { file: this.file, line: this.line, field: 'protocol' });
      this.header = h;
      this.checkers = balancerCheckers(h);
      for (const c of this.checkers) c.begin(h);
      return;
    }
    const e: TraceEvent = validate(traceEvent, raw, this.line, this.file);
    if (e.seq <= this.lastSeq) throw new UserError(`seq ${e.seq} does not increase (previous ${this.lastSeq})`, { file: this.file, line: this.line, field: 'seq' });
    this.lastSeq = e.seq;
    for (const c of this.checkers) c.event(e, this.line);
  }

  finish(): BalancerReport {
    if (this.header === null) throw new UserError('empty trace: no header line', { file: this.file, line: 1 });
    return { header: this.header, verdicts: this.checkers.flatMap((c) => c.end()) };
  }
}

export function checkBalancerLines(lines: Iterable<unknown>): BalancerReport {
  const run = new BalancerRun();
  for (const l of lines) run.push(l);
  return run.finish();
}

export async function checkBalancerFile(file: string): Promise<BalancerReport> {
  const run = new BalancerRun(file);
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of rl) {
    n++;
    if (text.trim() === '') continue;
    run.push(parseLine(text, n, file), n);
  }
  return run.finish();
}
