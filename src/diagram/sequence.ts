/**
 * Traces and counterexamples as sequence diagrams. `buildSequence` turns header +
 * events into a renderer-neutral list of arrows and notes (pairing each send with its
 * receive); `sequenceToMermaid` writes Mermaid, and the HTML report draws its own SVG
 * from the same list. A lasso counterexample (its header says where it loops, see
 * src/explore/lasso-note.ts) keeps its cycle: drawn in a loop frame, with the way back to
 * the loop start labelled.
 */
import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import { eventText, faultTone, messageText, type FaultTone } from './describe.ts';
import { clip, mermaidText } from './escape.ts';
import { readLassoNote, type LassoLoop } from '../explore/lasso-note.ts';

export type SequenceItem =
  | {
    kind: 'message';
    from: string;
    to: string;
    text: string;
    /** seq of the event the arrow is drawn at (the receive, for a paired message). */
    seq: number;
    /** delivered: paired send/receive, or a receive alone; sent: a send with no receive events in the trace; */
    /** undelivered: sent but never received; dropped/duplicate: the network lost or repeated it. */
    delivery: 'delivered' | 'sent' | 'undelivered' | 'dropped' | 'duplicate';
  }
  | { kind: 'note'; over: string[]; text: string; seq: number; tone?: FaultTone };

export interface Sequence {
  participants: string[];
  items: SequenceItem[];
  /** Events left out because of the length cap. */
  omitted: number;
  /** A lasso: the items with seq > loop.startSeq are its cycle, which repeats forever (or, with 0 steps, the last state stutters). */
  loop?: LassoLoop;
}

/** The first item of a lasso's cycle, or -1 (no loop, or the cycle lies past the cap). */
export function loopStartIndex(seq: Sequence): number {
  return seq.loop && seq.loop.cycleSteps > 0 ? seq.items.findIndex((it) => it.seq > seq.loop!.startSeq) : -1;
}

/** What the way back from a lasso's cycle says. */
export function loopBackText(loop: LassoLoop): string {
  return loop.cycleSteps === 0
    ? `after seq ${loop.startSeq} the last state repeats forever (stuttering: no fair step enabled)`
    : `back to loop start (the state after seq ${loop.startSeq}): seq ${loop.startSeq + 1}..${loop.endSeq} repeat forever`;
}

export interface SequenceOptions {
  /** Most items (arrows + notes) drawn; the rest is summarized in one ellipsis note. */
  maxItems?: number;
  /** Where the trace loops; default: what the header's description says (a lasso counterexample's note). */
  loop?: LassoLoop | null;
}

export const DEFAULT_MAX_ITEMS = 150;

/** The nodes the header declares, in its order. */
export function headerParticipants(header: TraceHeader): string[] {
  switch (header.protocol) {
    case 'paxos': return [...header.config.proposers, ...header.config.acceptors, ...header.config.learners];
    case 'cluster': return [...header.config.servers, ...header.config.clients];
    case 'balancer': return header.config.backends.map((b) => b.id);
    case 'custom': return header.config.nodes;
  }
}

type Sendish = Extract<TraceEvent, { kind: 'send' }>;
type Arrival = Extract<TraceEvent, { kind: 'receive' | 'drop' | 'duplicate' }>;

/** Matches a message by its id when it has one, else by sender, receiver and content. */
function messageKey(from: string, to: string, id: string | undefined, msg: unknown): string {
  return id !== undefined ? `id\u0000${id}\u0000${to}` : `m\u0000${from}\u0000${to}\u0000${JSON.stringify(msg)}`;
}

/**
 * For each send, the destinations whose message a later receive or drop accounts for
 * (oldest unmatched send first, so FIFO channels pair exactly).
 */
function pairSends(events: readonly TraceEvent[]): Map<Sendish, Set<string>> {
  const waiting = new Map<string, { send: Sendish; to: string }[]>();
  const paired = new Map<Sendish, Set<string>>();
  for (const e of events) {
    if (e.kind === 'send') {
      for (const to of Array.isArray(e.to) ? e.to : [e.to]) {
        const key = messageKey(e.node, to, e.id, e.msg);
        waiting.set(key, [...(waiting.get(key) ?? []), { send: e, to }]);
      }
    } else if (e.kind === 'receive' || e.kind === 'drop') {
      // A receive with an id pairs with the send of that id, else (a sender that logs no
      // ids, as model counterexamples do) with a send of the same content.
      const byId = e.id !== undefined ? waiting.get(messageKey(e.from, e.node, e.id, e.msg)) : undefined;
      const queue = byId?.length ? byId : waiting.get(messageKey(e.from, e.node, undefined, e.msg));
      const match = queue?.shift();
      if (match) paired.set(match.send, new Set([...(paired.get(match.send) ?? []), match.to]));
    }
  }
  return paired;
}

/**
 * The loop of a trace whose header marks one (`loop.afterSeq`) without the explorer's
 * sentence (a trace written by hand or by another tool): the events after it repeat.
 */
function headerLoop(header: TraceHeader, events: readonly TraceEvent[]): LassoLoop | null {
  const after = header.loop?.afterSeq;
  if (after === undefined) return null;
  const endSeq = events.length > 0 ? events[events.length - 1].seq : after;
  return { property: '', startSeq: after, endSeq, cycleSteps: events.filter((e) => e.seq > after).length };
}

export function buildSequence(header: TraceHeader, events: readonly TraceEvent[], options: SequenceOptions = {}): Sequence {
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const participants = headerParticipants(header);
  const known = new Set(participants);
  const see = (node: string) => {
    if (!known.has(node)) {
      known.add(node);
      participants.push(node);
    }
  };
  const paired = pairSends(events);
  const tracksArrivals = events.some((e) => e.kind === 'receive' || e.kind === 'drop');
  const items: SequenceItem[] = [];
  let omitted = 0;
  const push = (e: TraceEvent, made: SequenceItem[]) => {
    if (made.length === 0) return;
    if (items.length + made.length > maxItems) {
      omitted++;
      return;
    }
    made.forEach((it) => (it.kind === 'message' ? [it.from, it.to] : it.over).forEach(see));
    items.push(...made);
  };
  for (const e of events) {
    if (omitted > 0) {
      omitted++;
      continue;
    }
    push(e, itemsOf(e, paired, tracksArrivals, participants));
  }
  const loop = options.loop === undefined ? readLassoNote(header.description) ?? headerLoop(header, events) : options.loop;
  return { participants, items, omitted, ...(loop ? { loop } : {}) };
}

function itemsOf(e: TraceEvent, paired: Map<Sendish, Set<string>>, tracksArrivals: boolean, all: string[]): SequenceItem[] {
  const note = (over: string[]): SequenceItem => {
    const tone = faultTone(e);
    return { kind: 'note', over, text: eventText(e), seq: e.seq, ...(tone ? { tone } : {}) };
  };
  switch (e.kind) {
    case 'send': {
      const done = paired.get(e) ?? new Set<string>();
      return (Array.isArray(e.to) ? e.to : [e.to])
        .filter((to) => !done.has(to))
        .map((to) => ({
          kind: 'message', from: e.node, to, text: messageText(e.msg), seq: e.seq,
          delivery: tracksArrivals ? 'undelivered' : 'sent',
        }));
    }
    case 'receive': case 'drop': case 'duplicate': {
      const arrival = e as Arrival;
      const delivery = arrival.kind === 'receive' ? 'delivered' : arrival.kind === 'drop' ? 'dropped' : 'duplicate';
      return [{ kind: 'message', from: arrival.from, to: arrival.node, text: messageText(arrival.msg), seq: e.seq, delivery }];
    }
    case 'pick':
      return [{ kind: 'message', from: e.node, to: e.backend, text: eventText(e).replace(/^pick /, ''), seq: e.seq, delivery: 'delivered' }];
    case 'done':
      return [{ kind: 'message', from: e.backend, to: e.node, text: `done ${e.request}`, seq: e.seq, delivery: 'delivered' }];
    case 'partition': case 'heal': case 'membership':
      return [note(all.length > 0 ? [all[0], all[all.length - 1]] : [e.node])];
    default:
      return [note([e.node])];
  }
}

// ------------------------------------------------------------------ Mermaid

const ARROW: Record<Extract<SequenceItem, { kind: 'message' }>['delivery'], string> = {
  delivered: '->>',
  sent: '->>',
  undelivered: '--)',
  dropped: '-x',
  duplicate: '-->>',
};
const SUFFIX: Record<Extract<SequenceItem, { kind: 'message' }>['delivery'], string> = {
  delivered: '', sent: '', undelivered: ' (not delivered)', dropped: ' (dropped)', duplicate: ' (duplicate)',
};
const TONE_FILL: Record<FaultTone, string> = { fault: 'rgb(255, 224, 224)', recovery: 'rgb(225, 245, 230)' };

export function sequenceToMermaid(seq: Sequence): string {
  const alias = new Map(seq.participants.map((p, i) => [p, `p${i}`]));
  const lines = ['sequenceDiagram'];
  for (const p of seq.participants) lines.push(`  participant ${alias.get(p)} as ${mermaidText(clip(p, 40))}`);
  const first = alias.get(seq.participants[0]);
  const last = alias.get(seq.participants[seq.participants.length - 1]);
  const span = first === last ? first : `${first},${last}`;
  const loopAt = loopStartIndex(seq);
  seq.items.forEach((it, i) => {
    // The cycle sits in a Mermaid loop block; the note after it says where it returns to.
    if (i === loopAt) lines.push(`  loop ↺ seq ${seq.loop!.startSeq + 1}..${seq.loop!.endSeq} repeat forever (${seq.loop!.cycleSteps} steps)`);
    const pad = loopAt >= 0 && i >= loopAt ? '  ' : '';
    if (it.kind === 'message') {
      const text = mermaidText(clip(`${it.seq}. ${it.text}${SUFFIX[it.delivery]}`));
      lines.push(`  ${pad}${alias.get(it.from)}${ARROW[it.delivery]}${alias.get(it.to)}: ${text}`);
    } else {
      const over = [...new Set(it.over)].map((n) => alias.get(n)).join(',');
      const line = `Note over ${over}: ${mermaidText(clip(`${it.seq}. ${it.text}`))}`;
      if (it.tone) lines.push(`  ${pad}rect ${TONE_FILL[it.tone]}`, `    ${pad}${line}`, `  ${pad}end`);
      else lines.push(`  ${pad}${line}`);
    }
  });
  if (loopAt >= 0) lines.push(`    Note over ${span}: ${mermaidText(`↺ ${loopBackText(seq.loop!)}`)}`, '  end');
  else if (seq.loop && seq.participants.length > 0) {
    const past = seq.loop.cycleSteps > 0 ? ` (the cycle, seq ${seq.loop.startSeq + 1}..${seq.loop.endSeq}, is past the cap)` : '';
    lines.push(`  Note over ${span}: ${mermaidText(`↺ ${seq.loop.cycleSteps === 0 ? loopBackText(seq.loop) : `lasso${past}`}`)}`);
  }
  if (seq.omitted > 0 && seq.participants.length > 0) {
    lines.push(`  Note over ${span}: ${mermaidText(`… ${seq.omitted} more events not shown`)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Header + events straight to Mermaid. */
export function traceToMermaid(header: TraceHeader, events: readonly TraceEvent[], options: SequenceOptions = {}): string {
  return sequenceToMermaid(buildSequence(header, events, options));
}
