/**
 * Replays model paths against an implementation through an adapter. At every step the
 * model says what the acting node must emit and what abstract state it must reach; the
 * first step where the implementation differs (or fails) is the divergence.
 */
import { initialTransition } from 'xstate';
import { decodeAction } from '../explore/compose.js';
import { canonicalJson } from '../explore/canonical.js';
import { normalizeOutputs, plainJson, sameList } from './compare.js';
import { describeStep, modelAfter, stepsFrom } from './steps.js';
export const fixedPath = (steps) => (_options, depth) => steps[depth] ?? null;
export class Driver {
    system;
    binding;
    adapter;
    config;
    paths = 0;
    steps = 0;
    initialViews;
    initialKeys;
    constructor(system, binding, adapter) {
        this.system = system;
        this.binding = binding;
        this.adapter = adapter;
        const actors = system.spec.actors;
        this.config = { protocol: binding.protocol, nodes: actors.map((a) => ({ id: a.id, role: a.role, input: a.input })) };
        this.initialViews = actors.map((a) => binding.modelView(a.role, initialTransition(a.machine, a.input)[0]));
        this.initialKeys = this.initialViews.map((s) => ({ fast: plainJson(s), canonical: canonicalJson(s) }));
    }
    /** Drives one path; returns the first divergence, or null if the implementation kept up. */
    /** `known[k]`, when given, is the model state after step k (saves recomputing it). */
    async run(choose, maxSteps = 64, known) {
        this.paths++;
        const path = [];
        try {
            await this.adapter.reset(this.config);
        }
        catch (err) {
            return this.failed(0, path, this.system.actorId(0), 'reset', { outputs: [], state: null }, err);
        }
        for (let i = 0; i < this.system.n; i++) {
            const node = this.system.actorId(i);
            const state = await this.adapter.observe(node).catch((err) => err);
            if (state instanceof Error)
                return this.failed(0, path, node, 'observe initial state', { outputs: [], state: this.initialViews[i] }, state);
            const key = this.initialKeys[i];
            if (state !== undefined && plainJson(state) !== key.fast && canonicalJson(state) !== key.canonical) {
                return { step: 0, node, description: 'initial state', what: 'state', expected: { outputs: [], state: this.initialViews[i] }, actual: { outputs: [], state }, path };
            }
        }
        let v = this.system.initial();
        for (let depth = 0; depth < maxSteps; depth++) {
            const step = choose(() => stepsFrom(this.system, v), depth);
            if (step === null)
                break;
            path.push(step);
            this.steps++;
            const d = await this.apply(v, step, path);
            if (d)
                return d;
            v = known?.[depth] ?? modelAfter(this.system, v, step);
        }
        return null;
    }
    /**
     * Expected outputs and state per local transition: a model transition is memoized by the
     * composed system as one id, so its expectation is computed once, not once per path.
     */
    expectedByStep = new Map();
    expectedIgnored = new Map();
    expected(actor, local, result) {
        const { system } = this;
        const memo = result === null ? this.expectedIgnored : this.expectedByStep;
        const key = result === null ? local * 256 + actor : result;
        let e = memo.get(key);
        if (e === undefined) {
            const s = result === null ? null : system.localStep(result);
            const state = this.binding.modelView(system.spec.actors[actor].role, system.localTables[actor].values[s ? s.next : local]);
            const emitted = (s ? s.emitted : []);
            e = {
                outputs: normalizeOutputs(emitted), fastOutputs: normalizeOutputs(emitted, plainJson),
                state, stateKey: canonicalJson(state), fastState: plainJson(state),
            };
            memo.set(key, e);
        }
        return e;
    }
    /** What the model expects of the acting node, and the input that produces it; null when no node acts. */
    expectation(v, step) {
        const { system } = this;
        if (step.kind === 'ignored') {
            const { from, msg } = system.entries.values[step.entry].envelope;
            return { actor: step.actor, input: { kind: 'receive', from, msg }, expected: this.expected(step.actor, system.local(v, step.actor), null) };
        }
        const { kind, actor, arg } = decodeAction(step.action);
        const local = system.local(v, actor);
        switch (kind) {
            case 0 /* ActionKind.Deliver */: {
                const entry = system.entries.values[arg];
                const event = entry.recipients.find((r) => r.actor === actor).event;
                const input = { kind: 'receive', from: entry.envelope.from, msg: entry.envelope.msg };
                return { actor, input, expected: this.expected(actor, local, system.step(actor, local, event)) };
            }
            case 1 /* ActionKind.Offer */: {
                const input = { kind: 'event', event: system.eventTables[actor].values[arg] };
                return { actor, input, expected: this.expected(actor, local, system.step(actor, local, arg)) };
            }
            case 3 /* ActionKind.Restart */: {
                const after = modelAfter(system, v, step);
                return { actor, input: 'restart', expected: this.expected(actor, system.local(after, actor), null) };
            }
            default:
                // Crashes, partitions, loss and duplication happen in the network, not in a node.
                return null;
        }
    }
    async apply(v, step, path) {
        const x = this.expectation(v, step);
        if (x === null)
            return null;
        const node = this.system.actorId(x.actor);
        const expected = { outputs: x.expected.outputs, state: x.expected.state };
        let raw = [];
        let state;
        try {
            if (x.input === 'restart')
                await this.adapter.restart(node);
            else
                raw = await this.adapter.step(node, x.input);
            state = await this.adapter.observe(node);
        }
        catch (err) {
            return this.failed(path.length, path, node, describeStep(this.system, step), expected, err);
        }
        const outputsDiffer = !sameList(normalizeOutputs(raw, plainJson), x.expected.fastOutputs) && !sameList(normalizeOutputs(raw), expected.outputs);
        const stateDiffers = state !== undefined && plainJson(state) !== x.expected.fastState && canonicalJson(state) !== x.expected.stateKey;
        const what = outputsDiffer ? 'outputs' : stateDiffers ? 'state' : null;
        const outputs = what ? normalizeOutputs(raw) : [];
        if (what === null)
            return null;
        return { step: path.length, node, description: describeStep(this.system, step), what, expected, actual: { outputs, state }, path: [...path] };
    }
    failed(step, path, node, description, expected, err) {
        return { step, node, description, what: 'error', expected, actual: { error: err.message ?? String(err) }, path: [...path] };
    }
}
