// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { change, click, connection, renderWithApi, type Asked } from '../templates/dialog-test-kit';
import { ImportBotDialog } from './import-bot-dialog';

// The import dialog tells an n8n workflow from our export by shape; for n8n it shows the dry run's
// slots and every node or expression that was not mapped, with its reason, before anything exists.
const workflow = {
  name: 'Support triage',
  nodes: [
    { name: 'Webhook', type: 'n8n-nodes-base.webhook', parameters: {} },
    { name: 'OpenAI', type: '@n8n/n8n-nodes-langchain.openAi', parameters: {}, credentials: { openAiApi: { id: '7', name: 'Work key' } } },
    { name: 'Code', type: 'n8n-nodes-base.code', parameters: {} },
  ],
  connections: {},
};
const preview = {
  document: {
    format: 'bot-manager/bot',
    version: 1,
    bot: { name: 'Support triage', description: '', graph: { nodes: [], edges: [] }, slots: [], secretSlots: [] },
  },
  slots: [{ key: 'openAiApi-7', label: 'Work key', provider: 'openai', nodes: ['openai'], botDefault: false }],
  unmapped: [
    { node: 'Code', reason: 'The Code node runs arbitrary JavaScript; it has no counterpart here.' },
    { node: 'OpenAI', param: 'options.temperature', reason: 'The expression {{ $now }} is not a plain field path.' },
  ],
};

describe('ImportBotDialog', () => {
  let view: ReturnType<typeof renderWithApi>;
  afterEach(() => view.unmount());
  const api = (req: Asked) => {
    if (req.path.startsWith('/api/llm-connections'))
      return { body: { connections: [connection('oa1', 'openai'), connection('oa2', 'openai')] } };
    if (req.method === 'POST' && req.path === '/api/bots/import-n8n')
      return (req.body as { dryRun?: boolean }).dryRun
        ? { body: preview }
        : { status: 201, body: { bot: { id: 'bot_n', name: 'Support triage' }, unmapped: preview.unmapped } };
    if (req.method === 'POST' && req.path === '/api/bots/import') return { status: 201, body: { id: 'bot_o', name: 'Digest' } };
    return undefined;
  };
  const q = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;
  const submit = () => q<HTMLButtonElement>('.modal-footer button[type="submit"]');

  it('dry-runs an n8n workflow, lists what was not mapped with the reasons, then imports with the chosen connection', async () => {
    view = renderWithApi(<ImportBotDialog onClose={() => {}} />, api);
    await change(q<HTMLTextAreaElement>('#import-json'), JSON.stringify(workflow));
    await click(submit());
    await view.settle();
    expect(view.asked.filter((r) => r.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/bots/import-n8n', body: { workflow, workspaceId: 'ws_t', dryRun: true } },
    ]);
    expect(q('[data-testid="import-mapping"]').getAttribute('data-kind')).toBe('n8n');
    const items = [...document.querySelectorAll('[data-testid="unmapped-item"]')].map((li) => li.textContent);
    expect(items).toEqual([
      'CodeThe Code node runs arbitrary JavaScript; it has no counterpart here.',
      'OpenAIoptions.temperatureThe expression {{ $now }} is not a plain field path.',
    ]);
    expect(q('#unmapped-heading').textContent).toBe('2 things were not imported');
    expect(q<HTMLInputElement>('#import-bot-name').value).toBe('Support triage');

    // Two OpenAI connections fit the credential's slot: nothing is imported until one is chosen.
    expect(submit().disabled).toBe(true);
    await change(q<HTMLSelectElement>('#slot-openAiApi-7'), 'oa2');
    await click(submit());
    await view.settle();
    expect(view.asked.filter((r) => r.method === 'POST').at(-1)).toEqual({
      method: 'POST',
      path: '/api/bots/import-n8n',
      body: { workflow, workspaceId: 'ws_t', name: 'Support triage', connections: { 'openAiApi-7': 'oa2' } },
    });
    expect(document.querySelector('[data-testid="navigated"]')).not.toBeNull();
  });

  it('imports our own export through /api/bots/import with its slots mapped, and refuses what is neither', async () => {
    view = renderWithApi(<ImportBotDialog onClose={() => {}} />, api);
    await change(q<HTMLTextAreaElement>('#import-json'), '{"nodes": [1]}');
    await click(submit());
    await view.settle();
    expect(q('[role="alert"]').textContent).toBe('This JSON is neither a Bot Manager export nor an n8n workflow.');

    const doc = {
      format: 'bot-manager/bot',
      version: 1,
      bot: {
        name: 'Digest',
        graph: { nodes: [], edges: [] },
        slots: [{ key: 'writer', label: 'Writer', provider: 'openai' }],
        secretSlots: [],
      },
    };
    await change(q<HTMLTextAreaElement>('#import-json'), JSON.stringify(doc));
    await click(submit());
    await view.settle();
    expect(q('[data-testid="import-mapping"]').getAttribute('data-kind')).toBe('bot');
    expect(document.querySelector('[data-testid="unmapped-list"]')).toBeNull();
    await change(q<HTMLSelectElement>('#slot-writer'), 'oa1');
    await click(submit());
    await view.settle();
    expect(view.asked.filter((r) => r.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/api/bots/import',
        body: { document: doc, workspaceId: 'ws_t', name: 'Digest', connections: { writer: 'oa1' } },
      },
    ]);
  });
});
