import type { NodeRun } from '@bm/contract';
import { useTranslation } from 'react-i18next';
import { formatUsd, UNPRICED } from './money';
import './usage.css';

/**
 * A cost, or "unpriced" when the model had no known price (its $0 is not a real $0). For a sum
 * (a run, a table row), `unpricedCalls` says how many of its calls had no price: all of them reads
 * "unpriced", some of them adds a marker beside the amount.
 */
export function CostText({
  costUsd,
  unpriced,
  unpricedCalls = 0,
}: {
  costUsd: number | null | undefined;
  unpriced?: boolean;
  unpricedCalls?: number;
}) {
  const { t } = useTranslation();
  if (unpriced || (unpricedCalls > 0 && !costUsd))
    return (
      <span className="unpriced" title={t('usage:money.unpricedTitle')} data-testid="cost-unpriced">
        {t('usage:money.unpriced')}
      </span>
    );
  return (
    <span data-testid="cost">
      {formatUsd(costUsd)}
      {unpricedCalls > 0 && (
        <span className="unpriced" title={t('usage:money.unpricedTitle')} data-testid="cost-partly-unpriced">
          {' '}
          {t('usage:money.plusUnpriced', { count: unpricedCalls })}
        </span>
      )}
    </span>
  );
}

/** A node's cost and the price it was charged at, with where that price came from. */
export function NodeCost({ nodeRun }: { nodeRun: NodeRun }) {
  const { t } = useTranslation();
  if (nodeRun.costUsd === null && !nodeRun.price) return null;
  const price = nodeRun.price;
  const unpriced = price?.source === UNPRICED;
  return (
    <div className="row-wrap small muted" data-testid="node-cost">
      {unpriced ? (
        <CostText costUsd={nodeRun.costUsd} unpriced />
      ) : (
        <span>{t('usage:node.cost', { amount: formatUsd(nodeRun.costUsd) })}</span>
      )}
      {price && !unpriced && (
        <span title={price.source}>
          {'· '}
          {t('usage:node.price', {
            input: formatUsd(price.inputPerMTok),
            output: formatUsd(price.outputPerMTok),
            source: price.source === 'connection' ? t('usage:node.sourceConnection') : price.source,
          })}
        </span>
      )}
    </div>
  );
}
