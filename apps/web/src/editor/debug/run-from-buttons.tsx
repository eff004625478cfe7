import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { debugApi } from '../../api/debug';
import { errorText } from '../../i18n/error-text';
import { t as tr } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { toast } from '../../ui/toast';
import { useSaveBot } from '../hooks/use-save-bot';
import { editorStore, useEditorStore } from '../store/editor-store';
import { parseRunInput, sampleInputText } from '../toolbar/run-input';

/** Starts "Run from here" (`only` false) or "Run this node" (`only` true) for one node. */
export function useRunFrom(botId: string, nodeId: string, title: string) {
  const [, setParams] = useSearchParams();
  const save = useSaveBot(botId);
  return useMutation({
    mutationFn: async (only: boolean) => {
      if (editorStore.getState().dirty) await save.mutateAsync();
      const parsed = parseRunInput(sampleInputText(editorStore.getState().nodes));
      return debugApi.start(botId, { startAt: nodeId, only, input: parsed.ok ? parsed.value : undefined });
    },
    onSuccess: ({ runId }) => {
      toast.info(tr('debug:started', { node: title }), 'run-from');
      setParams({ run: runId });
    },
    onError: (err) => {
      if (!save.isError) toast.error(tr('debug:notStarted', { reason: errorText(err) }), 'run-from');
    },
  });
}

/**
 * "Run from here" (this node and everything after it) and "Run this node" (it alone): the other
 * nodes' outputs are reused from the latest run or pinned data, so no upstream LLM call is paid
 * again. Unsaved changes are saved first (a run executes the saved version).
 */
export function RunFromButtons({ botId, nodeId, title }: { botId: string; nodeId: string; title: string }) {
  const { t } = useTranslation();
  const dirty = useEditorStore((s) => s.dirty);
  const start = useRunFrom(botId, nodeId, title);
  const busy = start.isPending ? start.variables : undefined;
  return (
    <div className="row-wrap" data-testid="run-from-buttons">
      <Button
        size="sm"
        icon="play"
        loading={busy === false}
        disabled={start.isPending}
        title={`${t('debug:runFromHereTitle')}${dirty ? ` ${t('debug:saveFirst')}` : ''}`}
        onClick={() => start.mutate(false)}
      >
        {t('debug:runFromHere')}
      </Button>
      <Button
        size="sm"
        icon="zap"
        loading={busy === true}
        disabled={start.isPending}
        title={`${t('debug:runThisNodeTitle')}${dirty ? ` ${t('debug:saveFirst')}` : ''}`}
        onClick={() => start.mutate(true)}
      >
        {t('debug:runThisNode')}
      </Button>
    </div>
  );
}
