export const FAULT_KINDS = ['kill', 'pause', 'partition'];
export function planFaults(p) {
    let s = mix32(p.seed) || 1;
    const rand = () => {
        s ^= s << 13;
        s >>>= 0;
        s ^= s >>> 17;
        s ^= s << 5;
        s >>>= 0;
        return s / 0x100000000;
    };
    const pick = (xs) => xs[Math.floor(rand() * xs.length)];
    const start = p.durationMs * 0.15;
    const slot = (p.durationMs * 0.7) / Math.max(1, p.kinds.length);
    const out = [];
    p.kinds.forEach((kind, i) => {
        // Starts in the first 30% of its slot, lasts 30-60% of it: undone before the next slot.
        const at = Math.round(start + i * slot + rand() * slot * 0.3);
        const until = Math.round(at + slot * (0.3 + rand() * 0.3));
        if (kind === 'partition') {
            const minority = p.nodes.filter(() => rand() < 0.4);
            const side = minority.length > 0 && minority.length < p.nodes.length ? minority : [pick(p.nodes)];
            out.push({ at, kind: 'partition', groups: [p.nodes.filter((n) => !side.includes(n)), side] }, { at: until, kind: 'heal' });
        }
        else {
            const node = pick(p.victims);
            out.push({ at, kind, node }, { at: until, kind: kind === 'kill' ? 'restart' : 'resume', node });
        }
    });
    return out;
}
/** murmur3's 32-bit finalizer: nearby seeds give unrelated generator states. */
function mix32(seed) {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
}
