import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeRun } from '@bm/contract';
import { JsonView } from '../../../ui/json-view';
import { ValueView } from './value-view';

/** One node whose output this node read, as recorded in the same run. */
export type RunInput = { nodeId: string; title: string; nodeRun?: NodeRun };

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && Object.keys(v).length === 0);

function InputPane({ inputs, params }: { inputs: RunInput[] | undefined; params: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="io-pane" data-testid="node-input">
      <h4>{t('expressions:panel.input')}</h4>
      {inputs?.length === 0 && <p className="small muted">{t('expressions:panel.noInput')}</p>}
      {inputs?.map((i) => (
        <div key={i.nodeId} className="io-source">
          <div className="small muted">
            {t('expressions:panel.fromNode', { node: i.title })} <span className="mono">{i.nodeId}</span>
          </div>
          {i.nodeRun && i.nodeRun.output !== undefined && i.nodeRun.output !== null ? (
            <ValueView value={i.nodeRun.output} />
          ) : (
            <p className="small muted">{i.nodeRun ? t('expressions:panel.noOutput') : t('expressions:panel.notRunYet')}</p>
          )}
        </div>
      ))}
      {!isEmpty(params) && <JsonView value={params} label={t('expressions:panel.params')} defaultOpen={inputs === undefined} />}
    </div>
  );
}

/** The input a node received and the output it gave, side by side (wide) or one above the other. */
export function IoPanes({
  inputs,
  params,
  output,
  layout,
}: {
  inputs?: RunInput[];
  params: unknown;
  output: ReactNode;
  layout: 'stacked' | 'side';
}) {
  const { t } = useTranslation();
  if (layout === 'side') {
    return (
      <div className="io-panes side">
        <InputPane inputs={inputs} params={params} />
        <div className="io-pane" data-testid="node-output">
          <h4>{t('expressions:panel.output')}</h4>
          {output}
        </div>
      </div>
    );
  }
  return (
    <div className="io-panes stacked">
      <div className="io-pane" data-testid="node-output">
        <h4>{t('expressions:panel.output')}</h4>
        {output}
      </div>
      <details className="io-details">
        <summary>{t('expressions:panel.input')}</summary>
        <InputPane inputs={inputs} params={params} />
      </details>
    </div>
  );
}
