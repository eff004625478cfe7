import { useMutation } from '@tanstack/react-query';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { errorText } from '../../i18n/error-text';
import { t as tr } from '../../i18n/i18n';
import { debugApi } from '../../api/debug';
import { useBot } from '../../api/use-bot';
import { useNodeTypes } from '../../api/use-node-types';
import { EditorCanvas } from '../../editor/canvas/editor-canvas';
import { PinnedNodesProvider } from '../../editor/debug/pinned-nodes';
import '../../editor/editor.css';
import { metaOf, serializeBot } from '../../editor/hooks/bot-meta';
import { useBlockerGuard } from '../../editor/hooks/use-blocker-guard';
import { useEditorShortcuts } from '../../editor/hooks/use-editor-shortcuts';
import { useRunTracking } from '../../editor/hooks/use-run-tracking';
import { LoopItemPicker } from '../../editor/run-items/loop-item-picker';
import { useLoopItems } from '../../editor/run-items/use-loop-items';
import { useSampleRun } from '../../editor/hooks/use-sample-run';
import { ReadOnlyContext } from '../../editor/hooks/read-only';
import { useSaveBot } from '../../editor/hooks/use-save-bot';
import { InspectorPanel } from '../../editor/inspector/inspector-panel';
import { NodePalette } from '../../editor/palette/node-palette';
import { selectSelectedNodeId, editorStore, useEditorStore } from '../../editor/store/editor-store';
import { EditorToolbar } from '../../editor/toolbar/editor-toolbar';
import { IssuesPanel } from '../../editor/toolbar/issues-panel';
import { RunBanner } from '../../editor/toolbar/run-banner';
import { ConflictButtons, ConflictDialog } from '../../editor/versions/conflict-dialog';
import { HistoryButton } from '../../editor/versions/history-button';
import { HistoryPanel } from '../../editor/versions/history-panel';
import { useConflictActions } from '../../editor/versions/use-conflict-actions';
import { useVersionParam } from '../../editor/versions/use-version-param';
import { VersionCanvas } from '../../editor/versions/version-canvas';
import { PanelRail, InspectorCollapseButton } from '../../layout/panel-rail';
import { usePanelStore, useSidePanelShortcuts } from '../../layout/side-panels';
import { can, useRole } from '../../session/roles';
import { useSession } from '../../session/use-session';
import { Alert, ErrorState, LoadingState } from '../../ui/states';
import { toast } from '../../ui/toast';
import type { Bot } from '@bm/contract';

/** Puts the server's bot into the editor store, unless the user has edits the server lacks. */
function useLoadBot(bot: Bot | undefined) {
  useEffect(() => {
    if (!bot) return;
    const s = editorStore.getState();
    if (s.botId === bot.id && s.dirty) return;
    if (s.botId === bot.id && s.savedSnapshot === serializeBot(bot)) {
      // The same document under a newer number (a save of ours, or someone's that changed nothing
      // we show): the next save is based on it.
      if (!s.dirty && s.baseVersion !== bot.version) s.setBaseVersion(bot.version);
      return;
    }
    s.load({ id: bot.id, graph: bot.graph, meta: metaOf(bot), version: bot.version });
  }, [bot]);
}

function EditorWorkspace({ botId, readOnly }: { botId: string; readOnly: boolean }) {
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const save = useSaveBot(botId);
  const addNode = useEditorStore((s) => s.addNode);
  const canvasRef = useRef<HTMLDivElement>(null);
  const { screenToFlowPosition } = useReactFlow();
  useRunTracking(botId, runId);
  useLoopItems(runId);
  // The latest run's outputs are the expression editor's sample data when no run is watched.
  useSampleRun(botId);

  const guard = useBlockerGuard();
  const doSave = useCallback(() => {
    if (!readOnly && !save.isPending && guard('save')) save.mutate();
  }, [save, guard, readOnly]);
  useEditorShortcuts(doSave);
  const conflictActions = useConflictActions(botId, doSave);
  const versionView = useEditorStore((s) => s.versionView);
  const conflict = useEditorStore((s) => s.conflict);
  useVersionParam(botId);
  useSidePanelShortcuts(useSession().data?.user.id);
  const collapsed = usePanelStore((s) => s.collapsed);
  const togglePanel = usePanelStore((s) => s.toggle);

  const start = useMutation({
    mutationFn: async (input: unknown) => {
      if (editorStore.getState().dirty) await save.mutateAsync();
      // An editor run: pinned outputs stand in for their nodes.
      return debugApi.start(botId, { input });
    },
    onSuccess: ({ runId: id }) => {
      toast.clear('save');
      setParams({ run: id });
    },
    onError: (err) => {
      // A failed save already said why.
      if (!save.isError) toast.error(tr('editor:toasts.runNotStarted', { reason: errorText(err) }));
    },
  });

  // Click-to-add: after the selected node (wired to it), else in the middle of the view.
  const onAdd = useCallback(
    (type: string) => {
      const s = editorStore.getState();
      const selectedId = selectSelectedNodeId(s);
      const selected = selectedId ? s.nodes.find((n) => n.id === selectedId) : undefined;
      if (selected) {
        addNode(type, { x: selected.position.x + 300, y: selected.position.y }, { connectFrom: selected.id });
        return;
      }
      const rect = canvasRef.current?.getBoundingClientRect();
      const center = rect ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
      const jitter = (s.nodes.length % 5) * 24;
      addNode(type, { x: center.x - 116 + jitter, y: center.y - 30 + jitter });
    },
    [addNode, screenToFlowPosition],
  );

  const { t } = useTranslation();
  return (
    <div className="editor">
      {readOnly ? (
        <div className="editor-readonly" data-testid="read-only">
          <Alert kind="info">{t('teams:roleGate.viewBot')}</Alert>
          <HistoryButton />
        </div>
      ) : (
        <EditorToolbar
          onSave={doSave}
          saving={save.isPending}
          onRun={(input) => guard('run') && start.mutate(input)}
          starting={start.isPending}
        />
      )}
      <div
        className={[
          'editor-body',
          readOnly && 'read-only',
          collapsed.palette && 'palette-collapsed',
          collapsed.inspector && 'inspector-collapsed',
        ]
          .filter(Boolean)
          .join(' ')}
      >
        {!readOnly &&
          !versionView &&
          (collapsed.palette ? <PanelRail panel="palette" /> : <NodePalette onAdd={onAdd} onCollapse={() => togglePanel('palette')} />)}
        {versionView ? (
          <VersionCanvas
            view={versionView}
            actions={
              versionView.kind === 'diff' && versionView.context === 'conflict' && conflict ? (
                <ConflictButtons actions={conflictActions} />
              ) : null
            }
          />
        ) : (
          <EditorCanvas containerRef={canvasRef}>
            <RunBanner onClose={() => setParams({})} onTrack={(id) => setParams({ run: id })} />
            <LoopItemPicker />
            <IssuesPanel />
            {!collapsed.inspector && <InspectorCollapseButton />}
          </EditorCanvas>
        )}
        {/* A version on the canvas takes the whole width: the palette and inspector are the document's. */}
        {!versionView && (collapsed.inspector ? <PanelRail panel="inspector" /> : <InspectorPanel />)}
        <HistoryPanel botId={botId} />
      </div>
      {!readOnly && <ConflictDialog actions={conflictActions} />}
    </div>
  );
}

export default function BotEditorPage() {
  const { botId } = useParams();
  const bot = useBot(botId);
  const nodeTypes = useNodeTypes();
  const setCatalogue = useEditorStore((s) => s.setCatalogue);
  const loadedId = useEditorStore((s) => s.botId);
  const dirty = useEditorStore((s) => s.dirty);
  const { t } = useTranslation();
  // The bot's own workspace decides (a link may open a bot of a workspace other than the current one).
  const role = useRole(bot.data?.workspaceId);
  const readOnly = !can(role, 'bots.write');

  useEffect(() => {
    if (nodeTypes.data) setCatalogue(nodeTypes.data);
  }, [nodeTypes.data, setCatalogue]);
  useLoadBot(bot.data);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (nodeTypes.isPending || bot.isPending) return <LoadingState label={t('editor:loadingCatalogue')} />;
  if (nodeTypes.isError)
    return <ErrorState error={nodeTypes.error} title={t('editor:catalogueError')} onRetry={() => nodeTypes.refetch()} />;
  if (bot.isError) return <ErrorState error={bot.error} onRetry={() => bot.refetch()} />;
  if (loadedId !== botId) return <LoadingState />;
  return (
    <ReactFlowProvider>
      <ReadOnlyContext.Provider value={readOnly}>
        <PinnedNodesProvider botId={botId!}>
          <EditorWorkspace botId={botId!} readOnly={readOnly} />
        </PinnedNodesProvider>
      </ReadOnlyContext.Provider>
    </ReactFlowProvider>
  );
}
