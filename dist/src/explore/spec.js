export const NO_FAULTS = { crashes: 0, restarts: 0, partitions: 0 };
