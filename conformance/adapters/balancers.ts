/** Every recorded third-party balancer library, in table order. */
import { consistentHashRecordings } from './consistent-hash.ts';
import { hashringRecordings } from './hashring.ts';
import { loadBalancersRecordings } from './load-balancers.ts';
import { roundRobinJsRecordings } from './round-robin-js.ts';
import type { ThirdPartyRecording } from './types.ts';
import { weightedRoundRobinRecordings } from './weighted-round-robin.ts';
import { wrrPoolRecordings } from './wrr-pool.ts';

export const thirdPartyRecordings: ThirdPartyRecording[] = [
  ...hashringRecordings,
  ...consistentHashRecordings,
  ...weightedRoundRobinRecordings,
  ...wrrPoolRecordings,
  ...loadBalancersRecordings,
  ...roundRobinJsRecordings,
];
