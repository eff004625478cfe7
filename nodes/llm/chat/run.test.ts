import { describe, expect, it } from 'vitest';
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
});
