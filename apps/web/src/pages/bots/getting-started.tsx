import { Link } from 'react-router-dom';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Icon } from '../../ui/icons';

type Step = { done: boolean; title: string; body: ReactNode; action?: ReactNode };

/** The two things a new user does before a bot can run, ticked off as they happen. */
export function GettingStarted({ hasConnection, onNewBot }: { hasConnection: boolean; onNewBot: () => void }) {
  const { t } = useTranslation();
  const steps: Step[] = [
    {
      done: hasConnection,
      title: t('pages:gettingStarted.connectTitle'),
      body: t('pages:gettingStarted.connectBody'),
      action: hasConnection ? undefined : (
        <Link to="/settings/connections" className="btn btn-primary">
          <Icon name="plug" /> {t('pages:gettingStarted.connectAction')}
        </Link>
      ),
    },
    {
      done: false,
      title: t('pages:gettingStarted.buildTitle'),
      body: hasConnection ? t('pages:gettingStarted.buildBody') : t('pages:gettingStarted.buildBodyLater'),
      // The starter bot has an LLM step, which cannot be saved without a connection.
      action: (
        <Button
          variant={hasConnection ? 'primary' : 'secondary'}
          icon="plus"
          onClick={onNewBot}
          disabled={!hasConnection}
          title={hasConnection ? undefined : t('pages:gettingStarted.connectFirst')}
        >
          {t('pages:bots.new')}
        </Button>
      ),
    },
  ];
  return (
    <ol className="getting-started" aria-label={t('pages:gettingStarted.label')}>
      {steps.map((s, i) => (
        <li key={s.title} className={s.done ? 'done' : ''}>
          <span className="step-mark" aria-hidden="true">
            {s.done ? <Icon name="check" /> : i + 1}
          </span>
          <div className="step-body">
            <div className="step-title">
              {s.title}
              {s.done && <span className="visually-hidden"> {t('common:states.done')}</span>}
            </div>
            <div className="muted small">{s.body}</div>
          </div>
          {s.action}
        </li>
      ))}
    </ol>
  );
}
