// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Graph, RunDetail } from '@bm/contract';
import { i18n } from '../../i18n/i18n';
import { FieldInput } from '../inspector/field-input';
import { editorStore, useEditorStore } from '../store/editor-store';
import { testCatalogue } from '../store/testing';

// The expression editor as a user meets it: focus a text param, pick a field in the data tree or
// from autocomplete, and read the preview of what a run would put there.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const graph: Graph = {
  nodes: [
    { id: 'in1', type: 'source.manual', version: 1, params: { sample: { topic: 'bikes' } }, position: { x: 0, y: 0 } },
    {
      id: 'chat',
      type: 'llm.chat',
      version: 2,
      label: 'Summarise',
      params: { purpose: 'draft', prompt: 'Hi' },
      position: { x: 300, y: 0 },
    },
    { id: 'out', type: 'output.results', version: 1, params: { content: 'Result: ' }, position: { x: 600, y: 0 } },
    { id: 'later', type: 'output.results', version: 1, params: { content: '' }, position: { x: 900, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'in1', target: 'chat' },
    { id: 'e2', source: 'chat', target: 'out' },
  ],
};
const run: RunDetail = {
  id: 'r1',
  botId: 'bot1',
  version: 1,
  status: 'succeeded',
  trigger: 'manual',
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  error: null,
  resumedFromId: null,
  costUsd: 0,
  unpricedCalls: 0,
  input: { topic: 'bikes' },
  nodes: [
    {
      nodeId: 'chat',
      type: 'llm.chat',
      status: 'succeeded',
      input: null,
      output: { text: 'Bikes are old.', model: 'm' },
      error: null,
      attempts: 1,
      reused: false,
      startedAt: null,
      finishedAt: null,
      costUsd: null,
    },
  ],
};
const field = { key: 'content', label: 'Content', kind: 'textarea' as const, required: true, expressions: true };

function Content({ nodeId }: { nodeId: string }) {
  const value = useEditorStore((s) => s.nodes.find((n) => n.id === nodeId)!.data.params.content);
  return (
    <FieldInput nodeId={nodeId} field={field} value={value} onChange={(v) => editorStore.getState().updateParams(nodeId, { content: v })} />
  );
}

let el: HTMLDivElement;
let root: Root;
function mount(nodeId = 'out') {
  el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() =>
    root.render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nextProvider i18n={i18n}>
          <MemoryRouter>
            <Content nodeId={nodeId} />
          </MemoryRouter>
        </I18nextProvider>
      </QueryClientProvider>,
    ),
  );
  return el.querySelector('textarea')!;
}
const content = (id = 'out') => editorStore.getState().nodes.find((n) => n.id === id)!.data.params.content;
/** Sets the text as one edit (a paste); `key` makes it a keystroke, as typing one character is. */
function type(area: HTMLTextAreaElement, text: string, key = false) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(area, text);
    area.setSelectionRange(text.length, text.length);
    area.dispatchEvent(
      key
        ? new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text.slice(-1) })
        : new Event('input', { bubbles: true }),
    );
  });
}
const key = (target: Element, k: string) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
const rows = () => [...el.querySelectorAll<HTMLElement>('[role="treeitem"]')];
const preview = () => el.querySelector('[data-testid="expression-preview"]')?.textContent ?? '';

// The chat type describes its output, as the real catalogue does, for nodes that never ran.
const catalogue = testCatalogue.map((d) =>
  d.id === 'llm.chat'
    ? { ...d, output: { ...d.output, schema: { type: 'object', properties: { text: { type: 'string' }, model: { type: 'string' } } } } }
    : d,
);

beforeEach(() => {
  editorStore.getState().setCatalogue(catalogue);
  editorStore
    .getState()
    .load({ id: 'bot1', graph, meta: { name: 'Bot', description: '', llmConnectionId: null, llmModelOverride: null, onFailure: null } });
  editorStore.getState().setRun(run);
});
afterEach(() => {
  act(() => root.unmount());
  el.remove();
});

describe('ExpressionEditor', () => {
  it('shows the data tree only while the field is edited: the run input and upstream nodes, never a later one', () => {
    const area = mount();
    expect(el.querySelector('[data-testid="data-tree"]')).toBeNull();
    act(() => area.focus());
    const labels = rows().map((r) => r.querySelector('.data-label')!.textContent);
    expect(labels).toEqual(['Run input', 'Summarise', 'text', 'model', 'Manual input']);
    expect(rows()[1]!.textContent).toContain('last run');
    expect(el.textContent).not.toContain('later');
  });

  it('inserts a field clicked in the tree at the cursor and previews its value', () => {
    const area = mount();
    act(() => area.focus());
    act(() => area.setSelectionRange(8, 8));
    const text = rows().find((r) => r.dataset.reference === '{{ nodes.chat.output.text }}')!;
    act(() => text.click());
    expect(content()).toBe('Result: {{ nodes.chat.output.text }}');
    expect(preview()).toContain('Result: Bikes are old.');
  });

  it('moves through the tree with the arrow keys and inserts with Enter', () => {
    const area = mount();
    act(() => area.focus());
    act(() => area.setSelectionRange(8, 8));
    act(() => rows()[0]!.focus());
    key(rows()[0]!, 'ArrowRight'); // opens the run input
    expect(rows().map((r) => r.dataset.reference)).toContain('{{ input.topic }}');
    key(rows()[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(rows()[1]);
    key(rows()[1]!, 'Enter');
    expect(content()).toBe('Result: {{ input.topic }}');
  });

  it('autocompletes node ids and fields inside {{ }}: arrows pick, Enter accepts and closes the braces', () => {
    const area = mount();
    act(() => area.focus());
    type(area, 'Result: {{ nodes.');
    const options = () => [...el.querySelectorAll('[role="option"]')].map((o) => o.querySelector('.mono')!.textContent);
    expect(options()).toEqual(['chat', 'in1']);
    expect(area.getAttribute('aria-expanded')).toBe('true');
    key(area, 'Enter');
    expect(content()).toBe('Result: {{ nodes.chat.output }}');
    type(area, 'Result: {{ nodes.chat.output.t }}');
    act(() => area.setSelectionRange(30, 30));
    act(() => area.click()); // the cursor moved: the editor reads it on click, select and keys
    expect(options()).toEqual(['text']);
    key(area, 'Escape');
    expect(el.querySelector('[role="listbox"]')).toBeNull();
  });

  it('previews errors as you type, and waits for data from a node that never ran', () => {
    const area = mount();
    act(() => area.focus());
    type(area, '{{ nodes.chat.output.txt }}');
    expect(preview()).toMatch(/A run would fail here: .*has no field "txt"/);
    type(area, '{{ nodes.chat.output.text');
    expect(preview()).toMatch(/Syntax error at character 1/);
    editorStore.getState().setRun(null);
    type(area, '{{ nodes.chat.output.text }}');
    expect(preview()).toMatch(/No data yet for Summarise/);
    // The node type's output description still lists the fields to pick from.
    expect(rows()[1]!.textContent).toContain('not run yet');
  });

  it('gives typed text to the document when typing pauses, on blur and before a shortcut, not per key', () => {
    vi.useFakeTimers();
    try {
      const area = mount();
      act(() => area.focus());
      type(area, 'Result: a', true);
      expect(content()).toBe('Result: ');
      act(() => void vi.advanceTimersByTime(300));
      expect(content()).toBe('Result: a');
      type(area, 'Result: ab', true);
      act(() => void area.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true })));
      expect(content()).toBe('Result: ab');
      type(area, 'Result: abc', true);
      act(() => area.blur());
      expect(content()).toBe('Result: abc');
      // A paste reaches the document at once.
      type(area, 'Result: pasted');
      expect(content()).toBe('Result: pasted');
      // A change from outside (undo) shows in the field.
      act(() => editorStore.getState().undo());
      expect(area.value).toBe(content());
    } finally {
      vi.useRealTimers();
    }
  });

  it('never shows a secret value: a placeholder stands for it', () => {
    const area = mount();
    act(() => area.focus());
    type(area, 'Bearer {{ secrets.API_TOKEN }}');
    expect(preview()).toContain('Bearer ‹secrets.API_TOKEN›');
  });
});
