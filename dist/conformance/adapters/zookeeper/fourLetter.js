/**
 * ZooKeeper's four-letter-word admin commands over TCP (`srvr`, `mntr`, ...): send the
 * word, read until the server closes. A paused (SIGSTOPped) server accepts the TCP
 * connection in the kernel but never answers, so every call has a deadline.
 */
import { connect } from 'node:net';
export async function fourLetter(port, word, timeoutMs) {
    return new Promise((resolve) => {
        const chunks = [];
        let done = false;
        const sock = connect({ host: '127.0.0.1', port });
        const finish = (v) => {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            sock.destroy();
            resolve(v);
        };
        const timer = setTimeout(() => finish(null), timeoutMs);
        sock.once('connect', () => sock.write(word));
        sock.on('data', (d) => chunks.push(d));
        sock.once('end', () => finish(Buffer.concat(chunks).toString('utf8')));
        sock.once('error', () => finish(null));
    });
}
/**
 * Parses a `srvr` answer. A server in leader election answers "This ZooKeeper instance
 * is not currently serving requests"; anything else unrecognisable yields null.
 */
export function parseSrvr(text) {
    if (/not currently serving requests/i.test(text))
        return { mode: 'not-serving' };
    const mode = /^Mode:\s*(\w+)/m.exec(text)?.[1];
    const zxid = /^Zxid:\s*(0x[0-9a-fA-F]+)/m.exec(text)?.[1];
    if (mode !== 'leader' && mode !== 'follower' && mode !== 'observer' && mode !== 'standalone')
        return null;
    return zxid === undefined ? { mode } : { mode, zxid: BigInt(zxid) };
}
export const epochOfZxid = (zxid) => Number(zxid >> 32n);
export const counterOfZxid = (zxid) => Number(zxid & 0xffffffffn);
