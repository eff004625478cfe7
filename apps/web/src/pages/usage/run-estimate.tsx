import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useConnections } from '../../api/use-connections';
import { usageApi, usageKeys } from '../../api/usage';
import { editorStore } from '../../editor/store/editor-store';
import { formatter } from '../../i18n/i18n';
import { estimateRun, type LlmNodeParams } from './estimate';
import { formatUsd } from './money';
import './usage.css';

/** Before a manual run: about what its LLM calls will cost (an estimate; the recorded cost follows the run). */
export function RunCostEstimate({ inputText }: { inputText: string }) {
  const { t } = useTranslation();
  const prices = useQuery({ queryKey: usageKeys.prices, queryFn: usageApi.prices, staleTime: 3_600_000 });
  const connections = useConnections();
  if (!prices.data || !connections.data) return null;
  const { nodes, meta } = editorStore.getState();
  const e = estimateRun(
    nodes.map((n) => ({ type: n.data.type, params: (n.data.params ?? {}) as LlmNodeParams })),
    inputText,
    { connections: connections.data, prices: prices.data.models, botConnectionId: meta.llmConnectionId, botModel: meta.llmModelOverride },
  );
  if (e.calls === 0) return null;
  return (
    <p className="small muted" title={t('usage:estimate.title')} data-testid="run-estimate">
      {e.unpriced && e.usd === 0
        ? t('usage:estimate.unpriced', { input: formatter().tokens(e.inputTokens), output: formatter().tokens(e.outputTokens) })
        : t('usage:estimate.cost', {
            amount: formatUsd(e.usd),
            input: formatter().tokens(e.inputTokens),
            output: formatter().tokens(e.outputTokens),
          })}
    </p>
  );
}
