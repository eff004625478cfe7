import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../../ui/icons';
import { Button } from '../../ui/button';
import { issueText } from '../issue-text';
import { useEditorStore } from '../store/editor-store';

/** The server's validation answer (422 details), each item jumping to its node. */
export function IssuesPanel() {
  const issues = useEditorStore((s) => s.issues);
  const setIssues = useEditorStore((s) => s.setIssues);
  const selectNode = useEditorStore((s) => s.selectNode);
  const nodes = useEditorStore((s) => s.nodes);
  const nodeTypes = useEditorStore((s) => s.nodeTypes);
  const { t } = useTranslation();
  const titleOf = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    return node ? node.data.label || nodeTypes[node.data.type]?.title || node.data.type : id;
  };
  const { fitView } = useReactFlow();
  if (issues.length === 0) return null;
  return (
    <div className="canvas-overlay bottom">
      <div className="issues" role="alert" data-testid="issues">
        <header>
          <Icon name="alert" />
          {t('editor:issues.heading', { count: issues.length })}
          <span className="spacer" />
          <Button size="sm" variant="ghost" icon="x" aria-label={t('editor:issues.dismiss')} onClick={() => setIssues([])} />
        </header>
        <ul>
          {issues.map((issue, i) => {
            const { text, namesNode } = issueText(issue, issue.nodeId ? titleOf(issue.nodeId) : undefined);
            return (
              <li key={i}>
                <button
                  type="button"
                  disabled={!issue.nodeId}
                  title={issue.nodeId ? t('editor:issues.showNode') : undefined}
                  onClick={() => {
                    if (!issue.nodeId) return;
                    selectNode(issue.nodeId);
                    void fitView({ nodes: [{ id: issue.nodeId }], duration: 300, maxZoom: 1.2 });
                  }}
                >
                  {issue.nodeId && !namesNode && <strong className="issue-node">{titleOf(issue.nodeId)}</strong>}
                  <span>{text}</span>
                </button>
                {issue.code === 'LLM_CONNECTION_MISSING' && (
                  <Link to="/settings/connections" className="issue-action small">
                    {t('editor:issues.addConnection')}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
