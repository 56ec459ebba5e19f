/** Canonical JSON: object keys sorted, so equal values always get equal keys. */
export declare function canonicalJson(value: unknown): string;
