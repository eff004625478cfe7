import { useShallow } from 'zustand/react/shallow';
import { useEditorStore } from '../store/editor-store';
import { upstreamNodeIds } from '../store/graph-queries';

const OUTPUT_PATH: Record<string, string> = { 'llm.chat': 'output.text' };

/** The expression syntax, with the references this node can use as click-to-insert chips. */
export function ExpressionHelp({ nodeId, onInsert, compact }: { nodeId: string; onInsert: (text: string) => void; compact?: boolean }) {
  // A list of strings compared item by item: dragging nodes around does not re-render this.
  const refs = useEditorStore(
    useShallow((s) =>
      upstreamNodeIds(s, nodeId).map((id) => {
        const type = s.nodes.find((n) => n.id === id)?.data.type ?? '';
        return `{{ nodes.${id}.${OUTPUT_PATH[type] ?? 'output'} }}`;
      }),
    ),
  );
  return (
    <div className="expr-help">
      {compact ? (
        <span>Expressions allowed · insert:</span>
      ) : (
        <span>
          Expressions allowed: <code>{'{{ input.x }}'}</code>, <code>{'{{ nodes.<id>.output.text }}'}</code>. Insert:
        </span>
      )}
      {['{{ input }}', ...refs].map((r) => (
        <button key={r} type="button" className="expr-chip" onClick={() => onInsert(r)} title="Insert at the cursor">
          {r}
        </button>
      ))}
    </div>
  );
}
