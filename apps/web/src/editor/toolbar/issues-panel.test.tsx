// @vitest-environment jsdom
import { ReactFlowProvider } from '@xyflow/react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorDetail, Graph } from '@bm/contract';
import { i18n, setLocale } from '../../i18n/i18n';
import { editorStore } from '../store/editor-store';
import { testCatalogue } from '../store/testing';
import { IssuesPanel } from './issues-panel';

// The panel renders each 422 issue from its catalogue key and params in the user's language, and
// calls the node by its title on the canvas; issues without a key show the server's sentence.
const graph: Graph = {
  nodes: [
    { id: 'in1', type: 'source.manual', version: 1, params: {}, position: { x: 0, y: 0 } },
    { id: 'chat1', type: 'llm.chat', version: 2, label: 'Summarise', params: { prompt: '' }, position: { x: 300, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'in1', target: 'chat1', sourceHandle: 'out', targetHandle: 'in' }],
};
const cycle = '"in1" (source.manual) → "Summarise" (llm.chat) → "in1" (source.manual)';
const issues: ErrorDetail[] = [
  {
    nodeId: 'chat1',
    param: 'prompt',
    code: 'INVALID_PARAM',
    key: 'graph.INVALID_PARAM.empty',
    params: { node: '"Summarise" (llm.chat)', param: 'prompt' },
    message: '"Summarise" (llm.chat): parameter "prompt" must not be empty.',
  },
  { nodeId: 'in1', code: 'CYCLE', key: 'graph.CYCLE', params: { path: cycle }, message: `These nodes form a cycle: ${cycle}.` },
  { nodeId: 'chat1', code: 'SOMETHING_OLD', message: '"chat1" (llm.chat): parameter "prompt" is required.' },
];

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
function render(): string {
  const el = document.createElement('div');
  const root = createRoot(el);
  act(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter>
          <ReactFlowProvider>
            <IssuesPanel />
          </ReactFlowProvider>
        </MemoryRouter>
      </I18nextProvider>,
    ),
  );
  const html = el.innerHTML;
  act(() => root.unmount());
  return html;
}
const items = (html: string) => [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'));

describe('IssuesPanel', () => {
  beforeEach(() => {
    editorStore.getState().setCatalogue(testCatalogue);
    editorStore
      .getState()
      .load({ id: 'bot1', graph, meta: { name: 'Bot', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null } });
    editorStore.getState().setIssues(issues);
  });
  afterEach(() => setLocale('en', { save: false }));

  it('renders each issue from its key in English, naming the node by its canvas title', () => {
    expect(items(render())).toEqual([
      '|"Summarise": parameter "prompt" must not be empty.|',
      `|${testCatalogue.find((d) => d.id === 'source.manual')!.title}|These nodes form a cycle: ${cycle}. Remove one of these connections.|`,
      '|Summarise|Prompt is required.|',
    ]);
  });

  it('renders them in Korean when the locale is ko, keeping names and paths as written', async () => {
    await setLocale('ko', { save: false });
    const html = render();
    expect(html).toContain('문제 3개');
    const [param, loop, old] = items(html);
    expect(param).toBe('|"Summarise": 매개변수 "prompt"을(를) 비워 둘 수 없어요.|');
    expect(loop).toContain(`이 노드들이 순환을 이뤄요: ${cycle}. 이 연결 중 하나를 지워 주세요.`);
    // No key (an older server): the server's sentence as describeIssue reads it.
    expect(old).toBe('|Summarise|Prompt 항목은 필수예요.|');
  });
});
