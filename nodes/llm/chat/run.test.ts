import { schemaMismatch } from '@bm/llm';
import { describe, expect, it } from 'vitest';
import { describeNodeType } from '../../describe';
import { executeNode } from '../../runtime';
import { rejection, runNode, testContext } from '../../testing/context';
import type { LlmCallRequest, LlmCallResult } from '../../types';
import { llmChat } from './definition';

/** A tiny model: echoes the prompt, or answers from a script. */
function model(answer: (req: LlmCallRequest) => Partial<LlmCallResult> = (r) => ({ text: `echo: ${r.prompt}` })) {
  return async (req: LlmCallRequest): Promise<LlmCallResult> => ({
    text: '',
    model: req.model ?? 'default-model',
    usage: { inputTokens: req.prompt.length, outputTokens: 5 },
    ...answer(req),
  });
}

describe('llm.chat', () => {
  it('calls ctx.llm with the rendered prompt and outputs { text, model, usage }', async () => {
    const ctx = await testContext({ input: { topic: 'tides' }, llm: model() });
    const out = await runNode(llmChat, { prompt: 'Write about {{ input.topic }} using {{ nodes.rss.output.items[0].title }}' }, ctx, [
      ['rss', { items: [{ title: 'Moon' }] }],
    ]);
    expect(out).toEqual({
      text: 'echo: Write about tides using Moon',
      model: 'default-model',
      usage: { inputTokens: 28, outputTokens: 5 },
    });
    expect(ctx.llmCalls).toEqual([{ purpose: 'analyze', prompt: 'Write about tides using Moon' }]);
  });

  it('passes every option, and leaves out empty ones', async () => {
    const ctx = await testContext({ llm: model() });
    await runNode(
      llmChat,
      { purpose: 'draft', system: 'Be brief.', prompt: 'p', llmConnectionId: ' conn-1 ', model: 'gpt-x', temperature: 0.3, maxTokens: 50 },
      ctx,
    );
    await runNode(llmChat, { prompt: 'q', system: '  ', llmConnectionId: '', model: '' }, ctx);
    expect(ctx.llmCalls).toEqual([
      { purpose: 'draft', system: 'Be brief.', prompt: 'p', connectionId: 'conn-1', model: 'gpt-x', temperature: 0.3, maxTokens: 50 },
      { purpose: 'analyze', prompt: 'q' },
    ]);
  });

  it('forwards the run signal', async () => {
    const ac = new AbortController();
    const ctx = await testContext({ llm: model(), signal: ac.signal });
    await runNode(llmChat, { prompt: 'p' }, ctx);
    expect(ctx.llmCalls[0]!.signal).toBe(ac.signal);
  });

  it('json: asks for JSON and outputs the parsed value the LLM layer returns', async () => {
    const given = await testContext({ llm: model(() => ({ text: 'Here: ```json\n{"a":1}\n```', json: { a: 1 } })) });
    expect(await runNode(llmChat, { prompt: 'p', json: true }, given)).toEqual({
      text: 'Here: ```json\n{"a":1}\n```',
      json: { a: 1 },
      model: 'default-model',
      usage: { inputTokens: 1, outputTokens: 5 },
    });
    expect(given.llmCalls[0]!.json).toBe(true);

    const nullJson = await testContext({ llm: model(() => ({ text: 'null', json: null })) });
    expect(await runNode(llmChat, { prompt: 'p', json: true }, nullJson)).toHaveProperty('json', null);
  });

  it('json: does not parse the text itself; a result without `json` is an internal error, not retried', async () => {
    // The LLM layer parses (or fails with INVALID_JSON); JSON text without the parsed value breaks its contract.
    const ctx = await testContext({ llm: model(() => ({ text: '{"a":1}' })) });
    const err = await rejection(runNode(llmChat, { prompt: 'p', json: true }, ctx));
    expect(err).toMatchObject({ code: 'INTERNAL', retryable: false });
    expect(err.message).toContain('without the parsed JSON (model default-model)');
  });

  it("json: an answer that is not JSON fails with the LLM layer's INVALID_JSON, not retried (each retry costs the user)", async () => {
    const ctx = await testContext({
      llm: async () => {
        throw Object.assign(new Error('The model "m" was asked for JSON but its answer is not valid JSON: "Sure! {a:1}".'), {
          code: 'INVALID_JSON',
          retryable: false,
        });
      },
    });
    const err = await rejection(runNode(llmChat, { prompt: 'p', json: true }, ctx));
    expect(err).toMatchObject({ code: 'INVALID_JSON', retryable: false });
    expect(err.message).toContain('Sure! {a:1}');
  });

  it('documents that a non-JSON answer is not retried', () => {
    expect(llmChat.docs).toContain('is not retried');
    expect(llmChat.docs).not.toMatch(/and is retried/);
  });

  it('has no json key when JSON was not asked for', async () => {
    const ctx = await testContext({ llm: model(() => ({ text: '{"a":1}', json: { a: 1 } })) });
    expect(await runNode(llmChat, { prompt: 'p' }, ctx)).not.toHaveProperty('json');
  });

  it("keeps the provider error's code and retryability", async () => {
    const ctx = await testContext({
      llm: async () => {
        throw Object.assign(new Error('Your OpenAI API key was rejected (401). Update it in Settings → LLM Connections.'), {
          code: 'LLM_AUTH',
          retryable: false,
        });
      },
    });
    expect(await rejection(runNode(llmChat, { prompt: 'p' }, ctx))).toMatchObject({
      code: 'LLM_AUTH',
      retryable: false,
      message: expect.stringContaining('401'),
    });
  });

  it('never calls the model with a broken prompt', async () => {
    const ctx = await testContext({ input: {}, llm: model() });
    const err = await rejection(runNode(llmChat, { prompt: 'About {{ input.topic }}' }, ctx));
    expect(err.code).toBe('EXPRESSION_ERROR');
    expect(err.message).toContain('Parameter "prompt": input.topic does not exist');
    expect(await rejection(runNode(llmChat, { prompt: '', temperature: 5 }, ctx))).toMatchObject({ code: 'INVALID_PARAMS' });
    expect(ctx.llmCalls).toEqual([]);
  });

  describe('schema', () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    const call = { provider: 'openai' as const, host: 'api.openai.com', model: 'm', timeoutMs: 1000 };
    /** What the LLM layer throws for an answer that does not match: billed, with the answer and the errors. */
    const mismatch = (answer: string, path: string, errors: string) => {
      const err = schemaMismatch(call, { answer, path, errors });
      err.billed = { usage: { inputTokens: 10, outputTokens: 4 }, model: 'm', costUsd: 0.001 };
      return err;
    };
    /** Answers each call with the next of `answers` (an error is thrown). */
    const scripted = (...answers: (Partial<LlmCallResult> | Error)[]) =>
      model(() => {
        const next = answers.shift();
        if (next instanceof Error) throw next;
        return next ?? { text: 'unscripted' };
      });

    it('asks for the schema (not plain JSON mode) and outputs the validated object', async () => {
      const ctx = await testContext({ llm: scripted({ text: '{"city":"Oslo"}', json: { city: 'Oslo' } }) });
      const out = await runNode(llmChat, { prompt: 'Where?', schema, json: true }, ctx);
      expect(out).toMatchObject({ text: '{"city":"Oslo"}', json: { city: 'Oslo' } });
      expect(ctx.llmCalls).toEqual([{ purpose: 'analyze', prompt: 'Where?', responseSchema: { name: 'answer', schema } }]);
    });

    it('an answer that does not match is sent back ONCE with the errors; both calls count', async () => {
      const ctx = await testContext({
        llm: scripted(mismatch('{"town":"Oslo"}', '/city', '/city is required; /town is not allowed'), {
          text: '{"city":"Oslo"}',
          json: { city: 'Oslo' },
          usage: { inputTokens: 30, outputTokens: 5 },
        }),
      });
      const out = await runNode(llmChat, { prompt: 'Where?', schema, model: 'm' }, ctx);
      expect(out.json).toEqual({ city: 'Oslo' });
      // The output's usage is both calls' (each call is its own ledger entry too).
      expect(out.usage).toEqual({ inputTokens: 40, outputTokens: 9 });
      expect(ctx.llmCalls).toHaveLength(2);
      expect(ctx.llmCalls[1]).toEqual({
        purpose: 'analyze',
        model: 'm',
        responseSchema: { name: 'answer', schema },
        messages: [
          { role: 'user', content: 'Where?' },
          { role: 'assistant', content: '{"town":"Oslo"}' },
        ],
        prompt:
          'Your answer did not match the schema: /city is required; /town is not allowed. Answer again with only the JSON object, matching the schema exactly.',
      });
    });

    it('a second mismatch fails with SCHEMA_MISMATCH, not retried, naming the failing path; no third call', async () => {
      const ctx = await testContext({
        llm: scripted(mismatch('{}', '/city', '/city is required'), mismatch('{"city":3}', '/city', '/city must be string')),
      });
      const err = await rejection(runNode(llmChat, { prompt: 'Where?', schema }, ctx));
      expect(err).toMatchObject({ code: 'SCHEMA_MISMATCH', retryable: false });
      expect(err.message).toBe(
        "The model's answer did not match the output schema, also after it was sent back once with what was wrong (at /city): /city must be string. Describe the fields in the prompt, or simplify the schema.",
      );
      expect(ctx.llmCalls).toHaveLength(2);
    });

    it('other failures are not turned into a second call', async () => {
      const denied = Object.assign(new Error('rate limited'), { code: 'RATE_LIMITED', retryable: true });
      const ctx = await testContext({ llm: scripted(denied) });
      expect(await rejection(runNode(llmChat, { prompt: 'Where?', schema }, ctx))).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
      expect(ctx.llmCalls).toHaveLength(1);
    });

    it('is data, not a template: braces in a description reach the model as written', async () => {
      const literal = { type: 'object', properties: { a: { type: 'string', description: 'like {{ this }}' } } };
      const ctx = await testContext({ llm: scripted({ text: '{"a":"x"}', json: { a: 'x' } }) });
      await runNode(llmChat, { prompt: 'p', schema: literal }, ctx);
      expect(ctx.llmCalls[0]!.responseSchema).toEqual({ name: 'answer', schema: literal });
    });

    it('is edited with the jsonSchema widget, never as a template', () => {
      const { ui, paramsSchema } = describeNodeType(llmChat);
      expect(ui.schema).toEqual({ templating: 'none', widget: 'jsonSchema' });
      expect(ui.images).toEqual({ templating: 'value' });
      expect((paramsSchema.properties as Record<string, unknown>).schema).toMatchObject({ type: 'object', widget: 'jsonSchema' });
    });

    it('is checked when the bot is saved: an object JSON Schema, or a clear message', () => {
      expect(llmChat.params.safeParse({ prompt: 'p', schema }).success).toBe(true);
      const notObject = llmChat.params.safeParse({ prompt: 'p', schema: { type: 'array', items: {} } });
      expect(notObject.error?.issues[0]).toMatchObject({
        path: ['schema'],
        message: 'must be a JSON Schema of an object ("type": "object" at the top level)',
      });
      const invalid = llmChat.params.safeParse({ prompt: 'p', schema: { type: 'object', properties: { a: { type: 'text' } } } });
      expect(invalid.error?.issues[0]?.message).toMatch(/^is not a valid JSON Schema: .*\/properties\/a\/type/);
    });
  });

  describe('images', () => {
    const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';

    it('sends upstream images whole ({{ }} keeps the list) and space-separated URLs from plain text', async () => {
      const ctx = await testContext({ llm: model() });
      const upstream: [string, unknown][] = [['fetch', { images: [{ url: 'https://img.test/a.png' }, `data:image/png;base64,${PNG}`] }]];
      await runNode(llmChat, { prompt: 'Describe', images: '{{ nodes.fetch.output.images }}' }, ctx, upstream);
      await runNode(llmChat, { prompt: 'Describe', images: 'https://img.test/a.png  https://img.test/b.jpg' }, ctx);
      expect(ctx.llmCalls.map((c) => c.images)).toEqual([
        [{ url: 'https://img.test/a.png' }, { data: PNG, mimeType: 'image/png' }],
        [{ url: 'https://img.test/a.png' }, { url: 'https://img.test/b.jpg' }],
      ]);
    });

    it('refuses a bad image before calling the model, with a clear message', async () => {
      const ctx = await testContext({ llm: model() });
      const err = await rejection(runNode(llmChat, { prompt: 'p', images: 'http://img.test/a.png' }, ctx));
      expect(err).toMatchObject({
        code: 'INVALID_PARAMS',
        retryable: false,
        message: 'Image 1 must be an https:// URL (the provider fetches it).',
      });
      const many = await rejection(
        runNode(
          llmChat,
          { prompt: 'p', images: '{{ input.list }}' },
          await testContext({ input: { list: Array(11).fill('https://x.test/a.png') } }),
        ),
      );
      expect(many.message).toBe('11 images were given; at most 10 can be sent.');
      expect(ctx.llmCalls).toEqual([]);
    });

    it('records an inline image as its type and size, not its data', async () => {
      const ctx = await testContext({ llm: model(), input: { img: { data: PNG, mimeType: 'image/png' } } });
      const { params } = await executeNode(llmChat, { prompt: 'p', images: '{{ input.img }}' }, { input: ctx.input, nodes: {} }, ctx);
      expect((params as { images: unknown }).images).toEqual([{ mimeType: 'image/png', bytes: Buffer.from(PNG, 'base64').length }]);
      expect(JSON.stringify(params)).not.toContain(PNG);
    });
  });
});
