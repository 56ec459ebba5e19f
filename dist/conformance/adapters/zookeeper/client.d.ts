export declare class ZkSession {
    private readonly sock;
    readonly sessionId: bigint;
    /** The timeout the server granted (it clamps the request to [2, 20] ticks). */
    readonly timeoutMs: number;
    private nextXid;
    private readonly pending;
    private pingWaiters;
    private deletedWatchers;
    private closedBy;
    private closeListeners;
    private constructor();
    /** Opens a new session on the server at `port`, asking for `timeoutMs`. */
    static open(port: number, timeoutMs: number, connectTimeoutMs?: number): Promise<ZkSession>;
    private onFrame;
    private request;
    /** Sends one heartbeat; resolves when the server answers it. */
    ping(): Promise<void>;
    createEphemeral(path: string): Promise<void>;
    /** Sets an exists-watch; `onDeleted` runs when the node is deleted. Returns whether it exists now. */
    watchDeleted(path: string, onDeleted: () => void): Promise<boolean>;
    /** Runs `listener` once when the connection ends; `by` says who ended it. */
    onClose(listener: () => void): void;
    get closed(): 'server' | 'client' | null;
    /** Drops the TCP connection without closing the session: the server must expire it. */
    abandon(): void;
}
