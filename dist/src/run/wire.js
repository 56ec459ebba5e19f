export const encode = (p) => Buffer.from(JSON.stringify(p));
export function decode(buf) {
    try {
        const p = JSON.parse(buf.toString());
        return typeof p === 'object' && p !== null && typeof p.t === 'string' ? p : null;
    }
    catch {
        return null;
    }
}
