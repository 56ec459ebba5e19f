/** The protocols the driver knows, by the name users type. */
import type { ProtocolBinding } from './binding.ts';
export declare const bindings: Record<string, ProtocolBinding>;
