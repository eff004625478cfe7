import { Link } from 'react-router-dom';
import type { ReactNode } from 'react';
import { Button } from '../../ui/button';
import { Icon } from '../../ui/icons';

type Step = { done: boolean; title: string; body: ReactNode; action?: ReactNode };

/** The two things a new user does before a bot can run, ticked off as they happen. */
export function GettingStarted({ hasConnection, onNewBot }: { hasConnection: boolean; onNewBot: () => void }) {
  const steps: Step[] = [
    {
      done: hasConnection,
      title: 'Connect your LLM provider',
      body: 'Your OpenAI, Anthropic or Google key, or a local server such as Ollama. Runs are billed to your own account.',
      action: hasConnection ? undefined : (
        <Link to="/settings/connections" className="btn btn-primary">
          <Icon name="plug" /> Add a connection
        </Link>
      ),
    },
    {
      done: false,
      title: 'Build your first bot',
      body: hasConnection
        ? 'Start from input → LLM → results inbox, then drag in feeds, filters, templates and outputs such as Slack.'
        : 'Once a connection exists: start from input → LLM → results inbox, then drag in feeds, filters and outputs.',
      // The starter bot has an LLM step, which cannot be saved without a connection.
      action: (
        <Button variant={hasConnection ? 'primary' : 'secondary'} icon="plus" onClick={onNewBot} disabled={!hasConnection} title={hasConnection ? undefined : 'Connect an LLM first (step 1)'}>
          New bot
        </Button>
      ),
    },
  ];
  return (
    <ol className="getting-started" aria-label="Getting started">
      {steps.map((s, i) => (
        <li key={s.title} className={s.done ? 'done' : ''}>
          <span className="step-mark" aria-hidden="true">
            {s.done ? <Icon name="check" /> : i + 1}
          </span>
          <div className="step-body">
            <div className="step-title">
              {s.title}
              {s.done && <span className="visually-hidden"> (done)</span>}
            </div>
            <div className="muted small">{s.body}</div>
          </div>
          {s.action}
        </li>
      ))}
    </ol>
  );
}
