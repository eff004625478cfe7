// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { NodeRun } from '@bm/contract';
import { i18n } from '../../../i18n/i18n';
import { NodeRunOutput } from '../node-run-output';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const base: NodeRun = {
  nodeId: 'chat',
  type: 'llm.chat',
  status: 'succeeded',
  input: { prompt: 'Summarise: a, b' },
  output: { text: 'Two items.', model: 'gpt-test', usage: { inputTokens: 12, outputTokens: 3 } },
  error: null,
  attempts: 2,
  reused: false,
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:01.500Z',
  usage: { inputTokens: 12, outputTokens: 3 },
  model: 'gpt-test',
  costUsd: 0.0042,
};
const feed: NodeRun = {
  ...base,
  nodeId: 'rss',
  type: 'source.rss',
  output: { items: [{ title: 'a' }, { title: 'b' }] },
  usage: undefined,
  costUsd: null,
};

function render(ui: React.ReactNode) {
  const el = document.createElement('div');
  document.body.append(el);
  const root = createRoot(el);
  act(() =>
    root.render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nextProvider i18n={i18n}>
          <MemoryRouter>{ui}</MemoryRouter>
        </I18nextProvider>
      </QueryClientProvider>,
    ),
  );
  return { el, done: () => act(() => root.unmount()) };
}

describe('NodeRunOutput', () => {
  it('shows the input it received beside its output, with attempts, tokens, cost and an actions slot', () => {
    const { el, done } = render(
      <NodeRunOutput
        nodeRun={base}
        inputs={[{ nodeId: 'rss', title: 'Tech feed', nodeRun: feed }]}
        layout="side"
        actions={<button>Pin</button>}
      />,
    );
    const input = el.querySelector('[data-testid="node-input"]')!;
    const output = el.querySelector('[data-testid="node-output"]')!;
    expect(el.querySelector('.io-panes.side')).not.toBeNull();
    expect(input.textContent).toContain('from Tech feed');
    // An LLM node's output opens as its text.
    expect(output.querySelector('[data-view]')!.getAttribute('data-view')).toBe('text');
    expect(output.querySelector('pre')!.textContent).toBe('Two items.');
    const facts = el.querySelector('[data-testid="node-run-facts"]')!.textContent!;
    expect(facts).toContain('2 attempts');
    expect(facts).toMatch(/12 in \/ 3 out tokens/);
    expect(el.querySelector('[data-testid="node-cost"]')).not.toBeNull();
    expect(el.querySelector('.run-panel-actions')!.textContent).toBe('Pin');
    done();
  });

  it('switches between table, JSON and text views', () => {
    const { el, done } = render(
      <NodeRunOutput
        nodeRun={{
          ...feed,
          output: [
            { title: 'a', n: 1 },
            { title: 'b', n: 2 },
          ],
        }}
        inputs={[]}
      />,
    );
    const view = () => el.querySelector('[data-testid="node-output-value"]')!;
    expect(view().getAttribute('data-view')).toBe('table');
    expect([...view().querySelectorAll('th')].map((th) => th.textContent)).toEqual(['#', 'title', 'n']);
    expect([...view().querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual(['0a1', '1b2']);
    const json = [...view().querySelectorAll('button')].find((b) => b.textContent === 'JSON')!;
    act(() => json.click());
    expect(view().getAttribute('data-view')).toBe('json');
    expect(view().querySelector('pre')!.textContent).toContain('"title": "a"');
    expect(el.textContent).toContain("This node reads no other node's output.");
    done();
  });

  it('shows the error and a failed node without output', () => {
    const failed: NodeRun = {
      ...base,
      status: 'failed',
      output: null,
      error: { code: 'LLM_AUTH', message: 'Your key was rejected (401).' },
    };
    const { el, done } = render(<NodeRunOutput nodeRun={failed} />);
    expect(el.querySelector('[data-testid="node-error"]')!.textContent).toContain('rejected (401)');
    expect(el.textContent).toContain('No output.');
    done();
  });
});
