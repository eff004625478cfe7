import type { NodeTypeInfo, PortDef } from './node-type';

/** The output every node gets when its `errorOutput` setting is on: where its final failure goes. */
export const ERROR_PORT = 'error';

interface PortedNode {
  params?: Record<string, unknown>;
  settings?: { errorOutput?: boolean };
}

/**
 * A node's output ports, as the editor draws them and validation and the interpreter read them:
 * ports from its dynamic param first (flow.switch's cases), then the type's own, then `error` when
 * the node routes its failures. The one place that knows how a node's ports are made.
 */
export function outputPortsOf(info: Pick<NodeTypeInfo, 'outputs' | 'dynamicOutputs'>, node: PortedNode): PortDef[] {
  const ports: PortDef[] = [];
  const dyn = info.dynamicOutputs;
  if (dyn) {
    const entries = node.params?.[dyn.param];
    const seen = new Set(info.outputs.map((p) => p.name));
    if (Array.isArray(entries)) {
      for (const entry of entries) {
        const name = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)[dyn.field] : undefined;
        if (typeof name !== 'string' || !name.trim() || seen.has(name) || name === ERROR_PORT) continue;
        seen.add(name);
        ports.push({ name, type: dyn.type, label: name });
      }
    }
  }
  ports.push(...info.outputs);
  if (node.settings?.errorOutput) ports.push({ name: ERROR_PORT, type: 'json', label: 'Error' });
  return ports;
}
