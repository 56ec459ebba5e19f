/**
 * Traces and counterexamples as sequence diagrams. `buildSequence` turns header +
 * events into a renderer-neutral list of arrows and notes (pairing each send with its
 * receive); `sequenceToMermaid` writes Mermaid, and the HTML report draws its own SVG
 * from the same list.
 */
import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import { eventText, faultTone, messageText, type FaultTone } from './describe.ts';
import { clip, mermaidText } from './escape.ts';

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
}

export interface SequenceOptions {
  /** Most items (arrows + notes) drawn; the rest is summarized in one ellipsis note. */
  maxItems?: number;
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
  // A lasso (liveness counterexample): a note where the cycle starts.
  const loop = header.loop?.afterSeq;
  const last = events.length > 0 ? events[events.length - 1].seq : 0;
  const loopNote = (e: TraceEvent | undefined): SequenceItem[] => (loop === undefined || (e?.seq ?? 0) !== loop ? [] : [{
    kind: 'note', over: participants.length > 1 ? [participants[0], participants[participants.length - 1]] : participants, seq: loop,
    text: loop === last ? 'loop: the last state stutters forever' : `loop: the events after seq ${loop} repeat forever`,
  }]);
  if (events.length > 0) push(events[0], loopNote(undefined));
  for (const e of events) {
    if (omitted > 0) {
      omitted++;
      continue;
    }
    push(e, itemsOf(e, paired, tracksArrivals, participants));
    push(e, loopNote(e));
  }
  return { participants, items, omitted };
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
  for (const it of seq.items) {
    if (it.kind === 'message') {
      const text = mermaidText(clip(`${it.seq}. ${it.text}${SUFFIX[it.delivery]}`));
      lines.push(`  ${alias.get(it.from)}${ARROW[it.delivery]}${alias.get(it.to)}: ${text}`);
    } else {
      const over = [...new Set(it.over)].map((n) => alias.get(n)).join(',');
      const line = `Note over ${over}: ${mermaidText(clip(`${it.seq}. ${it.text}`))}`;
      if (it.tone) lines.push(`  rect ${TONE_FILL[it.tone]}`, `    ${line}`, '  end');
      else lines.push(`  ${line}`);
    }
  }
  if (seq.omitted > 0 && seq.participants.length > 0) {
    const first = alias.get(seq.participants[0]);
    const last = alias.get(seq.participants[seq.participants.length - 1]);
    const span = first === last ? first : `${first},${last}`;
    lines.push(`  Note over ${span}: ${mermaidText(`… ${seq.omitted} more events not shown`)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Header + events straight to Mermaid. */
export function traceToMermaid(header: TraceHeader, events: readonly TraceEvent[], options: SequenceOptions = {}): string {
  return sequenceToMermaid(buildSequence(header, events, options));
}
