import { t } from '../../i18n/i18n';
import type { EditorState } from './types';

export type Blocker = { message: string; nodeId?: string; focusId?: string };

/** What must be fixed before the document can be saved (or run), nearest the user's eye first. */
export function findBlocker(s: Pick<EditorState, 'draftErrors' | 'meta' | 'nodes' | 'nodeTypes'>): Blocker | null {
  const draft = Object.values(s.draftErrors)[0];
  if (draft) {
    const node = s.nodes.find((n) => n.id === draft.nodeId);
    const title = node ? node.data.label || s.nodeTypes[node.data.type]?.title || node.data.type : draft.nodeId;
    return { message: `${title} → ${draft.field}: ${draft.message}`, nodeId: draft.nodeId };
  }
  if (!s.meta.name.trim()) return { message: t('editor:botSettings.nameFirst'), focusId: 'bot-meta-name' };
  return null;
}
