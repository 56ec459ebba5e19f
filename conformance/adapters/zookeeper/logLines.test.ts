import { describe, expect, it } from 'vitest';
import { logLineTime, parseLogLine } from './logLines.ts';
import { parseSrvr, epochOfZxid } from './fourLetter.ts';

const t0 = Date.UTC(2026, 10, 25, 16, 28, 0, 0);
const at = (msg: string, thread = 'QuorumPeer[myid=3](plain=127.0.0.1:45055)(secure=disabled):QuorumPeer@917') =>
  `2026-11-25 16:28:16,560 INFO  [${thread}] - ${msg}`;
const node = (sid: number) => `s${sid}`;

describe('ZooKeeper log lines', () => {
  it('reads the UTC millisecond timestamp, even with brackets in the thread name', () => {
    expect(logLineTime(at('x'))).toBe(t0 + 16_560);
    expect(logLineTime('java.io.EOFException')).toBeNull();
  });

  it('recognises the state changes and give-ups the recorder uses', () => {
    expect(parseLogLine(at('Peer state changed: looking'), 's3', t0, node)).toEqual({ source: 'log', ts: 16_560, node: 's3', what: 'looking' });
    expect(parseLogLine(at('Have quorum of supporters, sids: [[2, 3]]; starting up and setting last processed zxid: 0x200000000', 'QuorumPeer[myid=2]:Leader@1519'), 's2', t0, node))
      .toEqual({ source: 'log', ts: 16_560, node: 's2', what: 'leading', epoch: 2, zxid: 0x200000000 });
    expect(parseLogLine(at('Synchronously closing socket to learner 3.', 'LearnerHandler-/127.0.0.1:38450:LearnerHandler@1159'), 's2', t0, node))
      .toEqual({ source: 'log', ts: 16_560, node: 's2', what: 'gave-up-learner', peer: 's3' });
    expect(parseLogLine(at('Exception when following the leader', 'QuorumPeer[myid=3]:Follower@128'), 's3', t0, node))
      .toEqual({ source: 'log', ts: 16_560, node: 's3', what: 'gave-up-leader' });
  });

  it('ignores everything else', () => {
    expect(parseLogLine(at('Peer state changed: following - broadcast'), 's1', t0, node)).toBeNull();
    expect(parseLogLine('\tat org.apache.zookeeper.server.quorum.Learner.readPacket(Learner.java:228)', 's1', t0, node)).toBeNull();
    expect(parseLogLine(at('Peer state changed: looking'), 's1', t0 + 60_000, node)).toBeNull(); // before the run
  });
});

describe('srvr answers', () => {
  it('parses mode and zxid; election answers as not serving', () => {
    expect(parseSrvr('Zookeeper version: 3.8.0\nZxid: 0x200000005\nMode: leader\nNode count: 5\n')).toEqual({ mode: 'leader', zxid: 0x200000005n });
    expect(parseSrvr('This ZooKeeper instance is not currently serving requests\n')).toEqual({ mode: 'not-serving' });
    expect(parseSrvr('garbage')).toBeNull();
    expect(epochOfZxid(0x300000001n)).toBe(3);
  });
});
