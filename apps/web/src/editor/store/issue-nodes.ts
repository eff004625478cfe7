import type { EditorState } from './types';

let last: { issues: EditorState['issues']; draftErrors: EditorState['draftErrors']; ids: Set<string> } | undefined;

/**
 * The nodes with a problem to flag: a server issue or a field whose text does not parse yet. Worked
 * out once per change of either list, not once per canvas node on every store update (every card
 * asks on each key and each drag frame).
 */
export function selectIssueNodeIds(s: Pick<EditorState, 'issues' | 'draftErrors'>): Set<string> {
  if (last?.issues === s.issues && last.draftErrors === s.draftErrors) return last.ids;
  const ids = new Set<string>();
  for (const i of s.issues) if (i.nodeId) ids.add(i.nodeId);
  for (const d of Object.values(s.draftErrors)) ids.add(d.nodeId);
  last = { issues: s.issues, draftErrors: s.draftErrors, ids };
  return ids;
}
