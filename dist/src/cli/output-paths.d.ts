/** A file the command will create or replace: a regular file or nothing yet, in a writable directory. */
export declare function assertWritableFile(path: string, field: string): void;
/** A directory the command will create if needed: it, or its nearest existing ancestor, is a writable directory. */
export declare function assertWritableDir(path: string, field: string): void;
