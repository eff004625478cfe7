import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ImportN8nPreview } from '@bm/contract';
import { describe, expect, it } from 'vitest';
import { convertN8nWorkflow } from './convert';
import type { ConversionResult } from './types';

const dir = join(import.meta.dirname, '../fixtures');
const load = (file: string): ConversionResult => convertN8nWorkflow(JSON.parse(readFileSync(join(dir, file), 'utf8')));

/** [n8n node, param or null, a phrase of the reason]: the whole list, in order. */
type Expected = [string, string | null, string][];

const UNMAPPED: Record<string, Expected> = {
  '01-rss-digest.json': [
    ['Every morning', null, 'add a schedule to the bot with cron "30 7 * * *" (timezone Europe/Berlin)'],
    ['Summarize', 'text', '{{ $json.title }} reads one item of the feed "Hacker News"'],
    ['Summarize', 'text', '{{ $json.contentSnippet }} reads one item of the feed "Hacker News"'],
    ['Email digest', 'html', 'The HTML body is sent as plain text'],
    ['Email digest', 'fromEmail', 'the sender bot@example.com is not used'],
    ['Email digest', null, 'The SMTP credential "SMTP account" is not used'],
    ['Email digest', 'subject', `{{ $('Hacker News').item.json.title }} reads one item of the feed`],
    ['Post to Slack', null, 'store its URL as the workspace secret SLACK_WEBHOOK_NEWS'],
  ],
  '02-webhook-reply.json': [
    ['Webhook', null, 'Webhook trigger (POST /support-reply) became a manual input'],
    ['Respond to Webhook', null, "when the bot's webhook response is set to wait for the Respond node"],
  ],
  '03-http-v1-set-v1-openai-v1.json': [
    ['Get weather', 'headers.X-Api-Key', 'store it as the workspace secret GET_WEATHER_X_API_KEY'],
    ['Write report', 'prompt.messages[1].content', `{{ $now.toFormat('cccc') }} is not a plain field path`],
    ['Mail it', 'fromEmail', 'the sender weather@example.com is not used'],
    ['Mail it', null, 'The SMTP credential "SMTP account" is not used'],
    ['Mail it', 'ccEmail', 'Cc and Bcc recipients were added'],
  ],
  '04-http-v3-if-branches.json': [
    ['Tell the team', null, 'the workspace secret SLACK_WEBHOOK_C0123456789'],
    ['Report failure', 'fromEmail', 'the sender tickets@example.com is not used'],
    ['Report failure', null, 'The SMTP credential "SMTP account" is not used'],
  ],
  '05-two-sources-merge-anthropic.json': [
    ['Weekdays 8:00', null, 'cron "0 8 * * 1-5" (timezone America/New_York)'],
    ['GitHub issues', 'headers.Authorization', 'the workspace secret GITHUB_ISSUES_AUTHORIZATION'],
    ['Brief me', 'text', '{{ $json.title }} reads one item of the merged list "Merge"'],
    ['Brief me', 'text', '{{ $json.status }} reads one item of the merged list "Merge"'],
  ],
  '06-split-out-gemini.json': [
    ['Translate', 'messages.values[0].content', '{{ $json.title }} reads one item of the list split out by "Split Out"'],
    ['Pair up', 'mode', 'Merge mode "combine / mergeByPosition" is not available'],
  ],
  '07-chat-agent-tools.json': [
    ['When chat message received', null, 'start runs with the input { "chatInput": "…" }'],
    ['AI Agent', null, '"Window Buffer Memory" (@n8n/n8n-nodes-langchain.memoryBufferWindow) was not imported: chat memory'],
    ['AI Agent', null, '"Wikipedia" (@n8n/n8n-nodes-langchain.toolWikipedia) was not imported: tools do not exist'],
  ],
  '08-set-v3-claude-sheets.json': [
    ['Read leads', null, '"n8n-nodes-base.googleSheets" has no counterpart'],
    ['Shape lead', 'fields.company', '{{ $json.Company }} reads the output of "Read leads", which was not imported'],
    ['Shape lead', 'fields.score', '{{ $json.Employees / 10 }} is not a plain field path'],
    ['Shape lead', 'fields.receivedAt', '{{ $now.toISO() }} is not a plain field path'],
    ['Keep it', null, 'Disabled in n8n; left out.'],
    ['Lead card', 'jsonOutput', 'it became a text template'],
    ['Lead card', 'jsonOutput', '{{ JSON.stringify($json.content[0].text) }} is not a plain field path'],
  ],
  '09-openai-v2-loop.json': [
    ['Hourly', null, 'cron "15 */2 * * *" (timezone UTC)'],
    ['Hourly', null, 'every 30 seconds (schedules run at most once a minute)'],
  ],
  '10-old-if-gemini-model.json': [
    ['Comment webhook', null, 'Webhook trigger (POST /comments) became a manual input'],
    ['Comment webhook', 'authentication', 'The webhook authentication was not imported'],
    ['Too short', null, 'No Operation: does nothing, left out.'],
    ['Notify moderators', null, 'The SMTP credential "SMTP account" is not used'],
  ],
  '11-switch-v3-wait-subworkflow-respond.json': [
    ['Incoming message', null, 'Webhook trigger (POST /support-inbox) became a manual input'],
    ['Tell billing', null, 'the workspace secret SLACK_WEBHOOK_BILLING'],
    ['File the bug', 'workflowId', 'It runs the n8n workflow "Create Jira issue" (Jq3bWfA9yLk2Vt7X), which Bot Manager cannot know'],
    ['File the bug', 'workflowInputs', "The sub-workflow's input fields were not imported"],
    ['Answer', null, "when the bot's webhook response is set to wait for the Respond node"],
  ],
  '12-loop-if-v2-switch-v1-wait-until.json': [
    ['Every night', null, 'cron "0 2 * * *" (timezone UTC)'],
    ['By region', null, 'Rule 2 sends to output 0 like an earlier rule: they became one case "output 0" that matches either'],
    ['Loop Over Items', 'batchSize', 'n8n handed the loop 5 items at a time; here each item runs on its own'],
    ['Report', 'fromEmail', 'the sender shop@example.com is not used'],
    ['Report', null, 'The SMTP credential "SMTP account" is not used'],
    ['Report', 'text', '{{ $json.id }} reads the items of "Next morning" after the loop; here its collect node outputs them all at once'],
    ['Unknown region', 'fromEmail', 'the sender shop@example.com is not used'],
    ['Unknown region', null, 'The SMTP credential "SMTP account" is not used'],
  ],
};

const node = (r: ConversionResult, id: string) => {
  const n = r.document.bot.graph.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id} in ${r.document.bot.graph.nodes.map((x) => x.id).join(', ')}`);
  return n;
};
const edges = (r: ConversionResult) =>
  r.document.bot.graph.edges.map((e) => `${e.source}${e.sourceHandle ? `:${e.sourceHandle}` : ''}→${e.target}`);

describe('every fixture (exported by n8n 1.123)', () => {
  it('has an expectation for each fixture file', () => {
    expect(Object.keys(UNMAPPED).sort()).toEqual(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    );
  });

  it.each(Object.entries(UNMAPPED))('%s: lists exactly what was not mapped', (file, expected) => {
    const r = load(file);
    expect(r.unmapped).toEqual(
      expected.map(([n, param, phrase]) => ({ node: n, ...(param ? { param } : {}), reason: expect.stringContaining(phrase) })),
    );
    expect(r.slots).toBe(r.document.bot.slots);
    // The dry-run answer of POST /api/bots/import-n8n, exactly as the contract reads it.
    const preview = { document: r.document, slots: r.slots, unmapped: r.unmapped, triggers: r.triggers };
    expect(ImportN8nPreview.parse(preview)).toEqual(preview);
  });
});

describe('what the fixtures become', () => {
  it('RSS digest: schedule → feed → chain with its OpenAI model → email and Slack', () => {
    const r = load('01-rss-digest.json');
    expect(r.document.bot.graph.nodes.map((n) => `${n.id}:${n.type}`)).toEqual([
      'every_morning:source.manual',
      'hacker_news:source.rss',
      'summarize:llm.chat',
      'email_digest:output.email',
      'post_to_slack:output.slack',
    ]);
    expect(edges(r)).toEqual(['every_morning→hacker_news', 'hacker_news→summarize', 'summarize→email_digest', 'summarize→post_to_slack']);
    expect(node(r, 'summarize').params).toMatchObject({
      system: 'You write short, neutral news summaries.',
      model: 'gpt-4o-mini',
      temperature: 0.2,
      maxTokens: 300,
    });
    expect(node(r, 'summarize').params.prompt).toBe(
      'Summarise this story in two sentences:\n\nTitle: \\{{ $json.title }}\n\\{{ $json.contentSnippet }}',
    );
    expect(node(r, 'email_digest').params.body).toBe('{{ nodes.summarize.output.text }}');
    expect(node(r, 'post_to_slack').params).toEqual({
      webhookUrl: '{{ secrets.SLACK_WEBHOOK_NEWS }}',
      text: '{{ nodes.summarize.output.text }}',
    });
    expect(node(r, 'hacker_news').position).toEqual({ x: 220, y: 0 });
    expect(node(r, 'hacker_news').label).toBe('Hacker News');
    expect(r.slots).toEqual([
      { key: 'openai_account', label: 'OpenAI account', provider: 'openai', nodes: ['summarize'], botDefault: false },
    ]);
    expect(r.document.bot.secretSlots).toEqual(['SLACK_WEBHOOK_NEWS']);
    expect(r.triggers).toEqual([
      { node: 'Every morning', nodeId: 'every_morning', kind: 'schedule', cron: '30 7 * * *', timezone: 'Europe/Berlin' },
    ]);
  });

  it('webhook: the request body becomes the run input', () => {
    const r = load('02-webhook-reply.json');
    expect(node(r, 'draft_reply').params.prompt).toBe('Customer {{ input.customer.name }} wrote:\n{{ input.message }}\n\nDraft a reply.');
    expect(r.triggers).toEqual([{ node: 'Webhook', nodeId: 'webhook', kind: 'webhook', method: 'POST', path: 'support-reply' }]);
    expect(r.document.bot.graph.nodes.map((n) => n.id)).toEqual(['webhook', 'draft_reply', 'respond_to_webhook']);
    // n8n's JSON body with an expression in it: an object whose value is our template.
    expect(node(r, 'respond_to_webhook')).toMatchObject({
      type: 'output.respond',
      params: { status: 200, body: { reply: '{{ nodes.draft_reply.output.text }}' } },
    });
  });

  it('HTTP v1 + Set v1 + OpenAI v1: query into the URL, a key into a secret, fields through the body', () => {
    const r = load('03-http-v1-set-v1-openai-v1.json');
    expect(node(r, 'get_weather').params).toEqual({
      url: 'https://api.open-meteo.com/v1/forecast?latitude=52.52&longitude=13.41&current=temperature_2m%2Cwind_speed_10m',
      method: 'GET',
      headers: { 'X-Api-Key': '{{ secrets.GET_WEATHER_X_API_KEY }}' },
      responseType: 'json',
      timeoutMs: 20000,
    });
    expect(JSON.stringify(r)).not.toContain('sk-live-1234567890abcdef');
    expect(node(r, 'pick_fields')).toMatchObject({
      type: 'transform.jsonata',
      params: {
        expression:
          '{"wind": $string($.body.current.wind_speed_10m) & " km/h", "city": "Berlin", "temperature": $number($.body.current.temperature_2m)}',
      },
    });
    expect(node(r, 'write_report').params.prompt).toBe(
      "Write a one-line report for {{ nodes.pick_fields.output.city }}: {{ nodes.pick_fields.output.temperature }} °C, wind {{ nodes.pick_fields.output.wind }}. Today is \\{{ $now.toFormat('cccc') }}.",
    );
    expect(node(r, 'mail_it').params).toEqual({
      to: 'team@example.com, boss@example.com',
      subject: 'Weather',
      body: '{{ nodes.write_report.output.text }}',
    });
    expect(r.slots.map((s) => [s.key, s.label])).toEqual([['openai_team', 'OpenAI (team)']]);
  });

  it("HTTP v3 + IF v2: flow.if on a field of the full response, its outputs true/false; both branches read the request's response", () => {
    const r = load('04-http-v3-if-branches.json');
    expect(edges(r)).toEqual([
      'manual_trigger→create_ticket',
      'create_ticket→created',
      'created:true→tell_the_team',
      'created:false→report_failure',
    ]);
    // n8n's statusCode of a full response is our `status`: the condition tests that field of the IF's input.
    expect(node(r, 'created')).toMatchObject({
      type: 'flow.if',
      params: { mode: 'condition', field: 'status', operator: 'equals', value: '201', caseSensitive: true },
    });
    expect(node(r, 'create_ticket').params).toEqual({
      url: 'https://tickets.example.com/api/tickets',
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: { title: '{{ input.subject }}', priority: 'normal' },
    });
    expect(node(r, 'tell_the_team').params.text).toBe('New ticket {{ nodes.create_ticket.output.body.id }}: {{ input.subject }}');
    expect(node(r, 'report_failure').params.subject).toBe('Ticket creation failed ({{ nodes.create_ticket.output.status }})');
    expect(r.slots).toEqual([]);
  });

  it('HTTP v4.2 ×2 → Merge v3 → chain with Claude → Set v3.3 keeping the other fields', () => {
    const r = load('05-two-sources-merge-anthropic.json');
    expect(edges(r)).toEqual([
      'weekdays_8_00→github_issues',
      'weekdays_8_00→status_page',
      'github_issues→merge',
      'status_page→merge',
      'merge→brief_me',
      'brief_me→add_date',
    ]);
    expect(node(r, 'merge').params).toEqual({ mode: 'append' });
    expect(node(r, 'github_issues').params.url).toBe('https://api.github.com/repos/n8n-io/n8n/issues?state=open&per_page=5');
    expect(node(r, 'brief_me').params).toMatchObject({ model: 'claude-3-5-haiku-20241022', maxTokens: 800, temperature: 0.3 });
    expect(node(r, 'add_date').params.expression).toBe(
      '$merge([$type($) = "object" ? $ : {}, {"briefing": $.text, "meta": {"source": "n8n", "items": 2}}])',
    );
    expect(r.slots).toEqual([
      { key: 'anthropic_account', label: 'Anthropic account', provider: 'anthropic', nodes: ['brief_me'], botDefault: false },
    ]);
  });

  it('Split Out reads the list out of the HTTP body; Gemini model ids lose their "models/" prefix', () => {
    const r = load('06-split-out-gemini.json');
    expect(node(r, 'split_out')).toMatchObject({
      type: 'transform.split',
      version: 2,
      params: { source: '{{ nodes.products.output.body.products }}' },
    });
    expect(node(r, 'translate').params).toMatchObject({
      model: 'gemini-2.5-flash',
      system: 'Answer with the translation only.',
      temperature: 0,
    });
    expect(edges(r)).toEqual(['start→products', 'products→split_out', 'split_out→translate', 'translate→pair_up', 'split_out→pair_up']);
    expect(r.slots[0]).toMatchObject({ provider: 'google', nodes: ['translate'] });
  });

  it('agent: its chat model becomes the slot, memory and tools are reported, the chat message is the input', () => {
    const r = load('07-chat-agent-tools.json');
    expect(r.document.bot.graph.nodes.map((n) => n.id)).toEqual(['when_chat_message_received', 'ai_agent']);
    expect(node(r, 'ai_agent').params).toEqual({
      system: 'You are a research assistant. Cite your sources.',
      prompt: '{{ input.chatInput }}',
      model: 'gpt-4.1-mini',
    });
    // The sticky note is a note on the canvas, not a node (and not reported as left out).
    expect(r.document.bot.graph.notes).toEqual([
      {
        id: 'sticky_note',
        text: '## Research agent\nAsk it anything; it looks things up on Wikipedia.',
        position: { x: -200, y: -200 },
        width: 300,
        height: 200,
        color: undefined,
      },
    ]);
  });

  it('Set v3.2 fields, a disabled node bridged, Anthropic message, raw Set with and without expressions', () => {
    const r = load('08-set-v3-claude-sheets.json');
    expect(edges(r)).toEqual(['manual→shape_lead', 'shape_lead→research_company', 'research_company→lead_card', 'lead_card→summary']);
    expect(node(r, 'shape_lead').params.expression).toBe(
      '{"company": "{{ $json.Company }}", "contact": $input.owner, "score": "{{ $json.Employees / 10 }}", "tags": ["inbound","2025"], "receivedAt": "{{ $now.toISO() }}"}',
    );
    expect(node(r, 'research_company').params).toEqual({
      system: 'You are a sales researcher.',
      prompt: 'Give me three facts about {{ nodes.shape_lead.output.company }} for {{ nodes.shape_lead.output.contact }}.',
      model: 'claude-sonnet-4-5-20250929',
      maxTokens: 600,
    });
    expect(node(r, 'lead_card').type).toBe('transform.template');
    expect(node(r, 'summary').params).toEqual({ expression: '{"kind":"lead","version":2}' });
    expect(r.slots.map((s) => s.label)).toEqual(['Claude (sales team)']);
  });

  it('Loop Over Items v3 → flow.loop + flow.collect where the loop back arrives; OpenAI v2 reads the current item', () => {
    const r = load('09-openai-v2-loop.json');
    expect(edges(r)).toEqual([
      'hourly→blog_feed',
      'blog_feed→loop_over_items',
      'tag→loop_over_items_done',
      'loop_over_items→classify',
      'classify→tag',
    ]);
    expect(node(r, 'loop_over_items')).toMatchObject({ type: 'flow.loop', params: { concurrency: 1, onItemError: 'stop' } });
    expect(node(r, 'loop_over_items_done')).toMatchObject({ type: 'flow.collect', label: 'Loop Over Items (done)' });
    // Inside the loop, n8n's $json is the current item: the loop's output.
    expect(node(r, 'classify').params.prompt).toBe(
      'Classify this post as tutorial, news or release: {{ nodes.loop_over_items.output.title }}',
    );
    expect(node(r, 'tag').params.expression).toBe('{"label": $.text}');
    expect(node(r, 'classify').params.system).toBe('Answer with one word.');
  });

  it('IF v1 → flow.if in JSONata, old $node["…"] syntax; JSON.stringify of a whole body is sent as that value', () => {
    const r = load('10-old-if-gemini-model.json');
    expect(node(r, 'moderate').params).toEqual({
      prompt: 'Is this comment abusive? Answer yes or no.\n\n{{ input.text }}',
      model: 'gemini-2.5-flash',
      temperature: 0,
      maxTokens: 5,
    });
    expect(node(r, 'log_comment').params).toMatchObject({ body: '{{ input }}', headers: { 'X-Source': 'n8n' } });
    expect(edges(r)).toEqual([
      'comment_webhook→log_comment',
      'log_comment→long_enough',
      'long_enough:true→moderate',
      'moderate→notify_moderators',
    ]);
    // IF v1 on the webhook's text, not the IF's input, and JavaScript's .length: JSONata.
    expect(node(r, 'long_enough').params).toEqual({
      mode: 'jsonata',
      expression: '$number(($type($input.text) = "array" ? $count($input.text) : $length($string($input.text)))) > $number(20)',
    });
  });

  it('Switch v3: renamed rules are the cases, the extra fallback is default; Wait, Execute Workflow and Respond to Webhook', () => {
    const r = load('11-switch-v3-wait-subworkflow-respond.json');
    expect(edges(r)).toEqual([
      'incoming_message→classify',
      'classify→route_by_topic',
      'route_by_topic:Billing→tell_billing',
      'route_by_topic:Bug crash→file_the_bug',
      'route_by_topic:default→cool_down',
      'cool_down→answer',
    ]);
    // One comparison of the input's field: the condition editor; two, or-ed: JSONata, case-insensitive as n8n's.
    expect(node(r, 'route_by_topic').params).toEqual({
      cases: [
        { name: 'Billing', mode: 'condition', field: 'json.category', operator: 'equals', value: 'billing', caseSensitive: false },
        {
          name: 'Bug crash',
          mode: 'jsonata',
          expression:
            '($lowercase($string($.json.category)) = $lowercase($string("bug"))) or ($contains($lowercase($string($.json.summary)), $lowercase($string("crash"))))',
        },
      ],
    });
    expect(node(r, 'file_the_bug')).toMatchObject({
      type: 'flow.subbot',
      params: { botId: 'n8n-workflow:Jq3bWfA9yLk2Vt7X', mode: 'fire' },
    });
    expect(node(r, 'cool_down')).toMatchObject({ type: 'flow.wait', params: { mode: 'duration', duration: '2h' } });
    // Through the Wait (which hands its input on), the Respond node reads the classifier and the webhook body.
    expect(node(r, 'answer')).toMatchObject({
      type: 'output.respond',
      params: {
        status: 202,
        headers: { 'X-Handled-By': 'support-router' },
        body: { status: 'queued', summary: '{{ nodes.classify.output.json.summary }}', note: 'Thanks {{ input.name }}!' },
      },
    });
  });

  it('Switch v1 rules sharing an output, fallback to an unused output → default; a loop whose IF ends both ways at its collect node', () => {
    const r = load('12-loop-if-v2-switch-v1-wait-until.json');
    expect(edges(r)).toEqual([
      'every_night→orders',
      'orders→by_region',
      'by_region:output 0→loop_over_items',
      'late:false→loop_over_items_done',
      'flag_it→loop_over_items_done',
      'loop_over_items→late',
      'late:true→flag_it',
      'loop_over_items_done→next_morning',
      'next_morning→report',
      'by_region:default→unknown_region',
    ]);
    expect(node(r, 'by_region').params).toEqual({
      cases: [
        {
          name: 'output 0',
          mode: 'jsonata',
          expression: '($string($.body.region) = $string("eu")) or ($string($.body.region) = $string("uk"))',
        },
        { name: 'output 1', mode: 'condition', field: 'body.region', operator: 'startsWith', value: 'us', caseSensitive: true },
      ],
    });
    expect(node(r, 'late').params).toEqual({ mode: 'jsonata', expression: '($number($.daysOpen) > $number(7)) or ("vip" in $.tags)' });
    // Inside the loop, after the IF (which hands the item on), $json is still the item: `$` of the JSONata node.
    expect(node(r, 'flag_it').params.expression).toBe('{"id": $.id, "late": true}');
    expect(node(r, 'next_morning').params).toEqual({ mode: 'until', until: '2026-12-24T08:00:00.000Z' });
    expect(node(r, 'unknown_region').params.subject).toBe('Order in an unknown region: {{ nodes.orders.output.body.region }}');
  });
});
