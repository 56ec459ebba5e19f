/** The handler node factory for each protocol a node process can run. */
import type { ProtocolBinding } from '../drive/binding.ts';
import { bindings } from '../drive/bindings.ts';
import type { NodeFactory } from '../drive/in-process.ts';

export function nodeFactory(protocol: string, variant?: string): NodeFactory {
  const b: ProtocolBinding | undefined = bindings[protocol];
  if (!b) throw new Error(`no node implementation for protocol ${protocol}`);
  return b.factory(variant);
}
