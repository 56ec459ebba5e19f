import { serverMachine } from './server.js';
import { environmentMachine } from './environment.js';
export const clusterMachines = [
    {
        name: 'cluster-server', family: 'cluster',
        description: 'ZooKeeper-style server: leader election (looking), epoch handshake and tick heartbeats (following, leading), syncLimit timeouts, crash recovery',
        machine: serverMachine,
    },
    {
        name: 'cluster-environment', family: 'cluster',
        description: 'the cluster model\'s environment: global clock in synchronous rounds, pauses, fault monitor for the timing properties',
        machine: environmentMachine,
    },
];
