/** Every recorded third-party balancer library, in table order. */
import { consistentHashRecordings } from './consistent-hash.js';
import { hashringRecordings } from './hashring.js';
import { loadBalancersRecordings } from './load-balancers.js';
import { roundRobinJsRecordings } from './round-robin-js.js';
import { weightedRoundRobinRecordings } from './weighted-round-robin.js';
import { wrrPoolRecordings } from './wrr-pool.js';
export const thirdPartyRecordings = [
    ...hashringRecordings,
    ...consistentHashRecordings,
    ...weightedRoundRobinRecordings,
    ...wrrPoolRecordings,
    ...loadBalancersRecordings,
    ...roundRobinJsRecordings,
];
