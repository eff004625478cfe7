import { describe, expect, it } from 'vitest';
import { validateGraph } from '@bm/graph';
import { nodeTypeLookup } from '../../registry';
import { rejection, runNode, testContext } from '../../testing/context';
import { outputRespond } from './definition';

const upstream: [string, unknown][] = [['llm', { text: 'Hello', model: 'm' }]];

/** The param problems validation reports for a respond node with these params (the editor's and the API's 422). */
function paramErrors(params: Record<string, unknown>) {
  const graph = { nodes: [{ id: 'reply', type: 'output.respond', params, position: { x: 0, y: 0 } }], edges: [] };
  return validateGraph(graph, nodeTypeLookup).errors.map((e) => ({ key: e.key, param: e.param, message: e.message }));
}

describe('output.respond', () => {
  it("answers 200 with the connected node's output by default", async () => {
    expect(await runNode(outputRespond, {}, await testContext(), upstream)).toEqual({
      status: 200,
      headers: {},
      body: { text: 'Hello', model: 'm' },
    });
    expect(await runNode(outputRespond, {}, await testContext())).toEqual({ status: 200, headers: {}, body: null });
  });

  it('renders status, headers and body; a single expression keeps its type, JSON text becomes JSON', async () => {
    const ctx = await testContext({ input: { id: 7 } });
    const out = await runNode(
      outputRespond,
      { status: 201, headers: { 'X-Request': '{{ input.id }}', 'Content-Type': 'text/html' }, body: '<p>{{ nodes.llm.output.text }}</p>' },
      ctx,
      upstream,
    );
    expect(out).toEqual({ status: 201, headers: { 'x-request': '7', 'content-type': 'text/html' }, body: '<p>Hello</p>' });
    expect((await runNode(outputRespond, { body: '{{ nodes.llm.output }}' }, ctx, upstream)).body).toEqual({ text: 'Hello', model: 'm' });
    expect((await runNode(outputRespond, { body: '{"ok": {{ input.id }}}' }, ctx, upstream)).body).toEqual({ ok: 7 });
    expect((await runNode(outputRespond, { body: '{not json' }, ctx, upstream)).body).toBe('{not json');
  });

  it('takes the headers from one expression, and checks them when it runs', async () => {
    const ctx = await testContext();
    const out = await runNode(outputRespond, { headers: '{{ nodes.src.output.h }}' }, ctx, [['src', { h: { 'X-A': 'b' } }]]);
    expect(out.headers).toEqual({ 'x-a': 'b' });
    const cookie = await rejection(
      runNode(outputRespond, { headers: '{{ nodes.src.output.h }}' }, ctx, [['src', { h: { 'Set-Cookie': 'a=b' } }]]),
    );
    expect(cookie).toMatchObject({ code: 'INVALID_PARAMS', retryable: false });
    expect(cookie.message).toBe(
      'Parameter "headers" cannot set the header Set-Cookie: the server sets it for every answer, or it would be unsafe on this address.',
    );
    const list = await rejection(runNode(outputRespond, { headers: '{{ nodes.src.output.h }}' }, ctx, [['src', { h: ['x'] }]]));
    expect(list.message).toBe('Parameter "headers" must be an object of header names and values (got a list).');
    const split = await rejection(
      runNode(outputRespond, { headers: '{{ nodes.src.output.h }}' }, ctx, [['src', { h: { 'X-A': 'a\r\nSet-Cookie: x' } }]]),
    );
    expect(split.message).toBe('Parameter "headers": the value of X-A must be one line of text.');
  });

  it('sends no body with 204, 205 and 304', async () => {
    expect(await runNode(outputRespond, { status: 204 }, await testContext(), upstream)).toEqual({ status: 204, headers: {}, body: null });
  });

  it('refuses hop-by-hop and security-sensitive headers by name, in any spelling', () => {
    for (const name of [
      'Set-Cookie',
      'connection',
      'Transfer-Encoding',
      'CONTENT-LENGTH',
      'Content-Security-Policy',
      'Strict-Transport-Security',
    ]) {
      expect(paramErrors({ headers: { [name]: 'x' } }), name).toEqual([
        {
          key: 'graph.INVALID_PARAM.headerForbidden',
          param: `headers.${name}`,
          message: `"reply" (output.respond): parameter "headers.${name}" cannot set the header ${name}: the server sets it for every answer, or it would be unsafe on this address.`,
        },
      ]);
    }
    expect(paramErrors({ headers: { 'Bad Name': 'x' } })[0]?.key).toBe('graph.INVALID_PARAM.headerName');
    expect(paramErrors({ headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store', Location: '/x' } })).toEqual([]);
  });

  it('refuses informational statuses and a body on a status that has none', () => {
    expect(paramErrors({ status: 101 })).toEqual([
      {
        key: 'graph.INVALID_PARAM.informationalStatus',
        param: 'status',
        message: '"reply" (output.respond): parameter "status" must be a final status (200 to 599), not 101.',
      },
    ]);
    expect(paramErrors({ status: 600 })[0]?.key).toBe('graph.INVALID_PARAM.max');
    expect(paramErrors({ status: 204, body: 'hi' })).toEqual([
      {
        key: 'graph.INVALID_PARAM.statusWithoutBody',
        param: 'body',
        message: '"reply" (output.respond): an answer with status 204 has no body; clear the body or choose another status.',
      },
    ]);
    expect(paramErrors({ status: 204 })).toEqual([]);
    expect(paramErrors({ headers: 'not an expression' })[0]?.key).toBe('graph.INVALID_PARAM.headersObject');
    expect(paramErrors({ headers: '{{ input.headers }}' })).toEqual([]);
  });

  it('allows one Respond node per bot', () => {
    const reply = (id: string) => ({ id, type: 'output.respond', params: {}, position: { x: 0, y: 0 } });
    const result = validateGraph({ nodes: [reply('a'), reply('b')], edges: [] }, nodeTypeLookup);
    expect(result.errors.map((e) => [e.code, e.nodeIds])).toEqual([['TOO_MANY_OF_TYPE', ['a', 'b']]]);
  });
});
