/**
 * Interop with the Informal Trace Format (ITF) of Apalache and Quint: a JSON document
 * {"#meta", vars, states: [{"#meta": {index}, var: value, ...}]} whose integers are
 * {"#bigint": "n"} and whose optional values are variants {tag: "None" | "Some", value}.
 *
 * Mapping: one ITF state per trace event, in a single variable `event` holding the event
 * as a record; the coordkit header rides in the trace's "#meta" as "coordkit-header".
 * Non-integer numbers (fractional ts) have no ITF form and stay plain JSON numbers.
 */
import { UserError } from './user-error.js';
import { OrderGuard } from './order.js';
import { toEvent } from './parse-line.js';
import { header as headerSchema } from './trace.js';
import { firstIssue } from './zod-issue.js';
export const ITF_VAR = 'event';
export const ITF_HEADER_KEY = 'coordkit-header';
const NONE = { tag: 'None', value: { '#tup': [] } };
export function encodeItf(v) {
    if (v === null || v === undefined)
        return NONE;
    if (typeof v === 'number')
        return Number.isSafeInteger(v) ? { '#bigint': String(v) } : v;
    if (typeof v === 'string' || typeof v === 'boolean')
        return v;
    if (Array.isArray(v))
        return v.map(encodeItf);
    const out = {};
    for (const [k, x] of Object.entries(v))
        if (x !== undefined)
            out[k] = encodeItf(x);
    return out;
}
/** Decodes ITF values; `path` names the spot for errors. */
export function decodeItf(v, path, file) {
    if (v === null || typeof v !== 'object')
        return v;
    if (Array.isArray(v))
        return v.map((x, i) => decodeItf(x, `${path}.${i}`, file));
    const o = v;
    if ('#bigint' in o) {
        const n = Number(o['#bigint']);
        if (typeof o['#bigint'] !== 'string' || !Number.isSafeInteger(n)) {
            throw new UserError(`#bigint must be a string holding an integer within ±2^53, got ${JSON.stringify(o['#bigint'])}`, { file, field: path });
        }
        return n;
    }
    if ('#tup' in o || '#set' in o)
        return decodeItf(o['#tup'] ?? o['#set'], path, file);
    if ('#map' in o) {
        const entries = o['#map'];
        if (!Array.isArray(entries))
            throw new UserError('#map must be a list of [key, value] pairs', { file, field: path });
        return Object.fromEntries(entries.map((kv, i) => {
            if (!Array.isArray(kv) || kv.length !== 2)
                throw new UserError('#map entry must be a [key, value] pair', { file, field: `${path}.${i}` });
            return [String(decodeItf(kv[0], `${path}.${i}.0`, file)), decodeItf(kv[1], `${path}.${i}.1`, file)];
        }));
    }
    if ('#unserializable' in o)
        throw new UserError('an #unserializable value cannot be imported', { file, field: path });
    if (typeof o.tag === 'string' && 'value' in o && Object.keys(o).length === 2) {
        if (o.tag === 'None')
            return null;
        if (o.tag === 'Some')
            return decodeItf(o.value, `${path}.value`, file);
    }
    const out = {};
    for (const [k, x] of Object.entries(o))
        out[k] = decodeItf(x, `${path}.${k}`, file);
    return out;
}
/** The ITF document's opening, up to and including `"states":[`; states follow, then `]}`. */
export function itfPrologue(h) {
    const meta = {
        format: 'ITF',
        'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
        source: h.producer.name,
        description: h.description ?? `coordkit ${h.protocol} trace`,
        [ITF_HEADER_KEY]: h,
    };
    return `{"#meta":${JSON.stringify(meta)},"vars":["${ITF_VAR}"],"states":[`;
}
export function itfState(e, index) {
    return JSON.stringify({ '#meta': { index }, [ITF_VAR]: encodeItf(e) });
}
export const ITF_EPILOGUE = ']}\n';
/** Parses an ITF document (already JSON-decoded) back into a header and events. */
export function fromItf(doc, file, headerOverride) {
    if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.states)) {
        throw new UserError('not an ITF trace: expected an object with a "states" list', { file, field: 'states' });
    }
    const d = doc;
    const rawHeader = headerOverride ?? d['#meta']?.[ITF_HEADER_KEY];
    if (rawHeader === undefined) {
        throw new UserError(`no coordkit header: "#meta" has no "${ITF_HEADER_KEY}"; pass one with --header FILE`, { file, field: `#meta.${ITF_HEADER_KEY}` });
    }
    const parsed = headerSchema.safeParse(rawHeader);
    if (!parsed.success) {
        const issue = firstIssue(parsed.error);
        throw new UserError(issue.message, { file, field: ['header', ...issue.path].join('.') });
    }
    const header = parsed.data;
    const guard = new OrderGuard(header);
    const events = d.states.map((state, i) => {
        const field = `states.${i}.${ITF_VAR}`;
        if (typeof state !== 'object' || state === null || !(ITF_VAR in state)) {
            throw new UserError(`state ${i} has no "${ITF_VAR}" variable`, { file, field: `states.${i}` });
        }
        const raw = decodeItf(state[ITF_VAR], field, file);
        try {
            const event = toEvent(raw, { file, line: i + 1 });
            guard.check(event, { file, line: i + 1 });
            return event;
        }
        catch (err) {
            if (err instanceof UserError) {
                throw new UserError(err.message, { file, field: err.where.field ? `${field}.${err.where.field}` : field });
            }
            throw err;
        }
    });
    return { header, events };
}
