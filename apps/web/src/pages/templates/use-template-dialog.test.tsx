// @vitest-environment jsdom
import type { Template } from '@bm/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { change, click, connection, renderWithApi, secret } from './dialog-test-kit';
import { UseTemplateDialog } from './use-template-dialog';

// The slot-mapping step as a user meets it: one fitting connection is chosen for them, several
// wait for a choice, none says which connection to add (with the way there), and what is sent is
// exactly what the pickers show.
const template: Template = {
  id: 'tpl_1',
  name: 'Side by side',
  description: 'The same question to two providers.',
  category: 'Compare',
  scope: 'builtin',
  slots: [
    { key: 'first', label: 'First model', provider: 'openai', nodes: ['a'], botDefault: true },
    { key: 'second', label: 'Second model', provider: 'anthropic', nodes: ['b'], botDefault: false },
  ],
  secretSlots: ['SLACK_URL'],
  graph: { nodes: [], edges: [] },
  nodesUsed: ['source.manual', 'llm.chat'],
  sampleInput: { question: 'Why is the sky blue?' },
  version: 1,
  workspaceId: null,
  builtinKey: 'side-by-side',
  sourceBotId: null,
  createdById: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('UseTemplateDialog', () => {
  let view: ReturnType<typeof renderWithApi>;
  afterEach(() => view.unmount());

  const api = (connections: ReturnType<typeof connection>[]) => (req: { method: string; path: string }) => {
    if (req.path.startsWith('/api/llm-connections')) return { body: { connections } };
    if (req.path.startsWith('/api/secrets')) return { body: { secrets: [secret('sec_1', 'SLACK_URL'), secret('sec_2', 'OTHER')] } };
    if (req.path.startsWith('/api/node-types')) return { body: { nodeTypes: [] } };
    if (req.method === 'POST' && req.path === '/api/templates/tpl_1/instantiate')
      return { status: 201, body: { id: 'bot_9', name: 'Side by side' } };
    return undefined;
  };
  const submit = () => view.el.ownerDocument.querySelector<HTMLButtonElement>('.modal-footer button[type="submit"]')!;
  const slot = (key: string) => view.el.ownerDocument.querySelector<HTMLElement>(`[data-testid="slot-field"][data-slot="${key}"]`)!;

  it('pre-selects the one fitting connection, waits for a choice among several, and sends the mapping', async () => {
    view = renderWithApi(
      <UseTemplateDialog template={template} onClose={() => {}} />,
      api([
        connection('oa1', 'openai'),
        connection('oa2', 'openai'),
        connection('an1', 'anthropic'),
        connection('an0', 'anthropic', false),
      ]),
    );
    await view.settle();
    const first = slot('first').querySelector('select')!;
    const second = slot('second').querySelector('select')!;
    // Two OpenAI connections: the user chooses. One active Anthropic one: chosen already.
    expect(first.value).toBe('');
    expect([...first.options].map((o) => o.value)).toEqual(['', 'oa1', 'oa2']);
    expect(second.value).toBe('an1');
    expect([...second.options].map((o) => o.value)).toEqual(['an1']);
    // The secret slot starts on the workspace secret of the same name.
    expect(document.querySelector<HTMLSelectElement>('#secret-slot-SLACK_URL')!.value).toBe('sec_1');
    expect(submit().disabled).toBe(true);

    await change(first, 'oa2');
    expect(submit().disabled).toBe(false);
    await view.settle();
    await click(submit());
    await view.settle();
    const sent = view.asked.find((r) => r.method === 'POST');
    expect(sent).toEqual({
      method: 'POST',
      path: '/api/templates/tpl_1/instantiate',
      body: { workspaceId: 'ws_t', name: 'Side by side', connections: { first: 'oa2', second: 'an1' }, secrets: { SLACK_URL: 'sec_1' } },
    });
    // The new bot opens in the editor.
    expect(view.el.querySelector('[data-testid="navigated"]')).not.toBeNull();
  });

  it('says which connection to add when none fits, links to the connections page, and cannot submit', async () => {
    view = renderWithApi(<UseTemplateDialog template={template} onClose={() => {}} />, api([connection('oa1', 'openai')]));
    await view.settle();
    expect(slot('first').dataset.state).toBe('ok');
    expect(slot('first').querySelector('select')!.value).toBe('oa1');
    const missing = slot('second');
    expect(missing.dataset.state).toBe('missing');
    expect(missing.querySelector('select')).toBeNull();
    expect(missing.textContent).toContain('Second model: no connection fits');
    expect(missing.textContent).toContain('This step needs an LLM connection to Anthropic and you have none.');
    const link = missing.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/settings/connections');
    expect(link.textContent).toBe('Add a connection to Anthropic');
    expect(submit().disabled).toBe(true);
  });
});
