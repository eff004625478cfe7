// SCRATCH (not committed): look at the gallery with stand-in templates before the routes exist.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startAppUnderTest } from './app-under-test';
import { openBrowser } from './browser';

const shotsDir = '/tmp/tw-shots';
const graph = {
  nodes: [
    { id: 'input', type: 'source.manual', version: 1, params: { sample: { ticket: 'My invoice is wrong' } }, position: { x: 0, y: 0 } },
    { id: 'classify', type: 'llm.chat', version: 1, label: 'Classify', params: { purpose: 'analyze', prompt: 'Classify {{ input.ticket }}' }, position: { x: 320, y: 0 } },
    { id: 'save', type: 'output.results', version: 1, params: { content: '{{ nodes.classify.output.text }}' }, position: { x: 640, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'input', target: 'classify' },
    { id: 'e2', source: 'classify', target: 'save' },
  ],
};
const tpl = (i: number, name: string, category: string, scope: string, nodesUsed: string[], slots: unknown[], secretSlots: string[] = []) => ({
  id: `tpl_${i}`, name, description: `${name}: a longer description of what this template does for you, with enough words to wrap onto two or three lines.`,
  category, scope, slots, secretSlots, graph, nodesUsed, sampleInput: { ticket: 'My invoice is wrong' }, version: 1, workspaceId: null,
  builtinKey: `k${i}`, sourceBotId: null, createdById: null, createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z',
});
const openai = [{ key: 'main', label: 'Writer', provider: 'openai', nodes: ['classify'], botDefault: true }];
const two = [...openai, { key: 'judge', label: 'Second opinion', provider: 'anthropic', nodes: [], botDefault: false }];
const templates = [
  tpl(1, 'RSS digest to inbox and Slack', 'Digests', 'builtin', ['source.rss', 'llm.chat', 'output.results', 'output.slack'], openai, ['SLACK_WEBHOOK']),
  tpl(2, 'Support ticket triage', 'Support', 'builtin', ['source.manual', 'llm.chat', 'output.results'], openai),
  tpl(3, 'Two providers side by side', 'Compare', 'builtin', ['source.manual', 'llm.chat', 'transform.merge', 'output.results'], two),
  tpl(4, 'Web page change watch', 'Monitoring', 'installation', ['source.webpage', 'transform.jsonata', 'llm.chat', 'output.email'], openai),
  tpl(5, 'Our weekly report', 'Reports', 'workspace', ['source.http', 'llm.chat', 'output.email'], [{ key: 'any', label: 'Any LLM', provider: 'any', nodes: [], botDefault: true }]),
];

describe('scratch look', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bm-web-scratch-'));
  let server: Awaited<ReturnType<typeof startAppUnderTest>>;
  let context: BrowserContext;
  let page: Page;
  const errs: string[] = [];
  beforeAll(async () => {
    server = await startAppUnderTest({ tmp, name: 'scratch', env: { BOT_MANAGER_ALLOWED_PRIVATE_HOSTS: '127.0.0.1:9' } });
    mkdirSync(shotsDir, { recursive: true });
    ({ context, page } = await openBrowser(path.join(tmp, 'p'), errs, { viewport: { width: 1280, height: 800 } }));
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
    console.log('CONSOLE ERRORS', JSON.stringify(errs));
  });
  const shots = async (name: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(shotsDir, `${name}-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };
  it('looks', async () => {
    await page.route('**/api/templates*', (r) => r.fulfill({ json: { templates } }));
    await page.route('**/api/bots/import-n8n', (r) =>
      r.fulfill({ json: { document: { format: 'bot-manager/bot', version: 1, bot: { name: 'From n8n', description: '', graph, slots: openai, secretSlots: [] } }, slots: openai,
        unmapped: [{ node: 'Code', reason: 'The Code node runs JavaScript, which has no counterpart here.' }, { node: 'OpenAI', param: 'options.temperature', reason: 'The expression {{ $now.toISO() }} is not a plain field path.' }] } }),
    );
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Name').fill('Tess');
    await page.getByLabel('Email').fill('tess@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Build your first bot').waitFor();
    await page.request.fetch(server.url + '/api/llm-connections', { method: 'POST', data: { provider: 'openai', name: 'Team OpenAI', apiKey: 'sk-x', baseUrl: 'http://127.0.0.1:9/v1', modelDefault: 'gpt-4o-mini' } });
    await page.request.fetch(server.url + '/api/llm-connections', { method: 'POST', data: { provider: 'openai', name: 'Spare OpenAI', apiKey: 'sk-y', baseUrl: 'http://127.0.0.1:9/v1', modelDefault: 'gpt-4o' } });
    await page.goto(`${server.url}/templates`);
    await page.getByTestId('template-card').first().waitFor();
    await shots('gallery');
    await page.getByRole('button', { name: 'Preview Support ticket triage' }).click();
    await page.getByTestId('graph-preview').locator('.bot-node').first().waitFor();
    await page.waitForTimeout(500);
    await shots('preview');
    await page.getByRole('dialog').getByRole('button', { name: 'Use template' }).click();
    await page.getByTestId('use-template-dialog').waitFor();
    await shots('mapping-one');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Use template Two providers side by side' }).click();
    await page.getByTestId('use-template-dialog').waitFor();
    await shots('mapping-missing');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Use template RSS digest to inbox and Slack' }).click();
    await page.getByTestId('use-template-dialog').waitFor();
    await shots('mapping-secret');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'New bot' }).first().click();
    await page.getByTestId('blank-bot').waitFor();
    await shots('newbot');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByLabel('JSON').fill(JSON.stringify({ name: 'wf', nodes: [], connections: {} }));
    await shots('import-source');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('import-mapping').waitFor();
    await shots('import-map');
    await page.keyboard.press('Escape');
    const conns = await (await page.request.fetch(server.url + '/api/llm-connections')).json();
    const bot = await (await page.request.fetch(server.url + '/api/bots', { method: 'POST', data: { name: 'Daily digest', description: 'Reads the news', graph: { nodes: graph.nodes.map((n) => n.id === 'classify' ? { ...n, params: { ...n.params, llmConnectionId: conns.connections[0].id } } : n), edges: graph.edges } } })).json();
    console.log('BOT', JSON.stringify(bot).slice(0, 600));
    await page.goto(`${server.url}/`);
    await page.getByTestId('bot-card').first().waitFor();
    await shots('bots');
    await page.goto(`${server.url}/bots/${bot.id}`);
    await page.locator('.bot-node').first().waitFor();
    await page.getByRole('button', { name: 'More bot actions' }).click();
    await shots('menu');
    await page.getByRole('menuitem', { name: 'Publish as template…' }).click();
    await page.getByTestId('publish-template').waitFor();
    await page.waitForTimeout(500);
    await shots('publish');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/templates?lng=ko`);
    await page.getByTestId('template-card').first().waitFor();
    await shots('gallery-ko');
    await page.getByTestId('template-card').nth(2).getByRole('button').nth(1).click();
    await page.getByTestId('use-template-dialog').waitFor();
    await shots('mapping-ko');
  }, 180_000);
});
