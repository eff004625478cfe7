import type { PathSegment } from '@bm/graph';
import { hasExpression } from '../expression/translate';
import { asNumber, asString, list, obj, type BuildContext, type Mapper, type OutputMap } from '../plan';
import type { N8nNode } from '../workflow';
import { secretName } from '../ids';

/** A header or query parameter that carries a credential: its literal value never enters the bot document. */
const SENSITIVE = /authorization|api[-_]?key|token|secret|password|^key$|cookie/i;
const PLACEHOLDER_URL = 'https://example.invalid/';
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

interface Pair {
  name: string;
  value: unknown;
}

/** The request as n8n describes it, whatever the node version. */
interface Request {
  method: string;
  url: unknown;
  headers: Pair[];
  query: Pair[];
  jsonHeaders?: unknown;
  jsonQuery?: unknown;
  body?: { kind: 'pairs'; pairs: Pair[] } | { kind: 'json'; value: unknown } | { kind: 'text'; value: unknown };
  bodyNote?: string;
  responseFormat: string;
  fullResponse: boolean;
  timeout?: number;
  authentication: string;
}

const pairs = (v: unknown, key: string): Pair[] =>
  list(obj(v)[key])
    .map((p) => ({ name: asString(p.name) ?? '', value: p.value }))
    .filter((p) => p.name !== '');

/** HTTP Request v1 and v2: `requestMethod`, `*ParametersUi`, `jsonParameters`. */
function readV1(p: Record<string, unknown>): Request {
  const options = obj(p.options);
  const method = asString(p.requestMethod) ?? 'GET';
  const json = p.jsonParameters === true;
  const contentType = asString(options.bodyContentType) ?? 'json';
  const req: Request = {
    method,
    url: p.url,
    headers: json ? [] : pairs(p.headerParametersUi, 'parameter'),
    query: json ? [] : pairs(p.queryParametersUi, 'parameter'),
    ...(json ? { jsonHeaders: p.headerParametersJson, jsonQuery: p.queryParametersJson } : {}),
    responseFormat: asString(p.responseFormat) === 'string' ? 'text' : (asString(p.responseFormat) ?? 'json'),
    fullResponse: options.fullResponse === true,
    ...(asNumber(options.timeout) !== undefined ? { timeout: asNumber(options.timeout) } : {}),
    authentication: asString(p.authentication) ?? 'none',
  };
  if (json && p.bodyParametersJson !== undefined && p.bodyParametersJson !== '') req.body = { kind: 'json', value: p.bodyParametersJson };
  else if (!json && pairs(p.bodyParametersUi, 'parameter').length)
    req.body = { kind: 'pairs', pairs: pairs(p.bodyParametersUi, 'parameter') };
  if (req.body && contentType !== 'json') req.bodyNote = `The body was sent as ${contentType}; Bot Manager sends it as JSON.`;
  return req;
}

/** HTTP Request v3 and v4.x: `method`, `send*` switches, `options.response.response`. */
function readV3(p: Record<string, unknown>): Request {
  const options = obj(p.options);
  const response = obj(obj(options.response).response);
  const specifyQuery = asString(p.specifyQuery) ?? 'keypair';
  const specifyHeaders = asString(p.specifyHeaders) ?? 'keypair';
  const req: Request = {
    method: asString(p.method) ?? 'GET',
    url: p.url,
    headers: p.sendHeaders === true && specifyHeaders === 'keypair' ? pairs(p.headerParameters, 'parameters') : [],
    query: p.sendQuery === true && specifyQuery === 'keypair' ? pairs(p.queryParameters, 'parameters') : [],
    ...(p.sendHeaders === true && specifyHeaders === 'json' ? { jsonHeaders: p.jsonHeaders } : {}),
    ...(p.sendQuery === true && specifyQuery === 'json' ? { jsonQuery: p.jsonQuery } : {}),
    responseFormat: asString(response.responseFormat) ?? 'autodetect',
    fullResponse: response.fullResponse === true,
    ...(asNumber(options.timeout) !== undefined ? { timeout: asNumber(options.timeout) } : {}),
    authentication: asString(p.authentication) ?? 'none',
  };
  if (p.sendBody === true) {
    const contentType = asString(p.contentType) ?? 'json';
    const specifyBody = asString(p.specifyBody) ?? 'keypair';
    if (contentType === 'raw' || specifyBody === 'string') req.body = { kind: 'text', value: p.body };
    else if (contentType === 'json' && specifyBody === 'json') req.body = { kind: 'json', value: p.jsonBody };
    else if (contentType === 'binaryData') req.bodyNote = 'The binary file body was not imported (nodes here exchange JSON and text).';
    else req.body = { kind: 'pairs', pairs: pairs(p.bodyParameters, 'parameters') };
    if (contentType === 'form-urlencoded' || contentType === 'multipart-form-data') {
      req.bodyNote = `The body was sent as ${contentType}; Bot Manager sends it as JSON.`;
    }
  }
  return req;
}

function read(node: N8nNode): Request {
  return node.typeVersion >= 3 ? readV3(node.parameters) : readV1(node.parameters);
}

/** n8n's item: the parsed body, `{ data }` for text, or `{ body, headers, statusCode }` with the full response. */
function outputMap(req: Request): OutputMap {
  return (path, self) => {
    if (req.fullResponse) {
      const [head, ...rest] = path;
      const ours: Record<string, PathSegment> = { body: 'body', headers: 'headers', statusCode: 'status' };
      const mapped = typeof head === 'string' ? ours[head] : undefined;
      return mapped
        ? { kind: 'node', nodeId: self, path: [mapped, ...rest] }
        : { reason: `reads "${String(head ?? '')}" of the full response, which has no counterpart (status, headers, body)` };
    }
    if (req.responseFormat === 'text') {
      return path.length === 1 ? { kind: 'node', nodeId: self, path: ['body'] } : { reason: 'reads into a text response' };
    }
    return { kind: 'node', nodeId: self, path: ['body', ...path] };
  };
}

/** Literal JSON text (n8n's `jsonBody`, `jsonHeaders`) parsed, or undefined when it holds expressions or is not JSON. */
function parseJsonText(v: unknown): unknown {
  if (typeof v !== 'string' || v.startsWith('=')) return typeof v === 'object' && v !== null ? v : undefined;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

function headerValue(b: BuildContext, node: N8nNode, where: string, name: string, value: unknown): string {
  if (SENSITIVE.test(name) && !hasExpression(value) && asString(value)) {
    const secret = secretName(`${node.name}_${name}`);
    const what = where === 'headers' ? 'header' : 'query parameter';
    b.report(
      `The value of ${what} "${name}" looks like a credential and was not imported: store it as the workspace secret ${secret}.`,
      `${where}.${name}`,
    );
    return b.secret(secret);
  }
  return b.text(value, `${where}.${name}`);
}

/**
 * A key written into the URL itself (`?api_key=…`, `https://user:pass@…`) never enters the
 * document: the query value becomes a secret slot, user and password are removed (reported).
 */
function literalUrlSecrets(b: BuildContext, node: N8nNode, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let out = url;
  if (parsed.username || parsed.password) {
    b.report(
      'The user name and password written in the URL were removed: send them in an Authorization header with a workspace secret.',
      'url',
    );
    out = out.replace(`${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@`, '');
  }
  const q = out.indexOf('?');
  if (q < 0) return out;
  const [path, rest] = [out.slice(0, q), out.slice(q + 1)];
  const [query, hash = ''] = rest.split(/#(.*)/s);
  const pairs = query!.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    if (!SENSITIVE.test(name) || !value || value.includes('{{')) return pair;
    return `${pair.slice(0, eq)}=${headerValue(b, node, 'query', name, decodeURIComponent(value))}`;
  });
  return `${path}?${pairs.join('&')}${hash ? `#${hash}` : ''}`;
}

function buildUrl(b: BuildContext, node: N8nNode, req: Request): string {
  let url = b.text(req.url, 'url').trim();
  if (!url) {
    b.report(`The request has no URL; ${PLACEHOLDER_URL} was put in: set the URL.`, 'url');
    url = PLACEHOLDER_URL;
  }
  url = literalUrlSecrets(b, node, url);
  const query = [...req.query];
  const fromJson = parseJsonText(req.jsonQuery);
  if (req.jsonQuery !== undefined && fromJson === undefined)
    b.report('The query parameters given as a JSON expression were not imported.', 'jsonQuery');
  for (const [name, value] of Object.entries(obj(fromJson))) query.push({ name, value });
  const parts = query.map((q) => {
    const value = headerValue(b, node, 'query', q.name, q.value);
    if (value.includes('{{')) {
      if (hasExpression(q.value)) b.report(`The query parameter "${q.name}" is inserted without URL encoding.`, `query.${q.name}`);
      return `${encodeURIComponent(q.name)}=${value}`;
    }
    return `${encodeURIComponent(q.name)}=${encodeURIComponent(String(q.value ?? ''))}`;
  });
  if (parts.length) url += (url.includes('?') ? '&' : '?') + parts.join('&');
  return url;
}

function buildBody(b: BuildContext, req: Request): { body?: unknown; bodyType?: 'text' } {
  if (req.bodyNote) b.report(req.bodyNote, 'body');
  const body = req.body;
  if (!body) return {};
  if (body.kind === 'text') return { body: b.text(body.value, 'body'), bodyType: 'text' };
  if (body.kind === 'pairs') return { body: Object.fromEntries(body.pairs.map((p) => [p.name, b.text(p.value, `body.${p.name}`)])) };
  const parsed = parseJsonText(body.value);
  if (parsed !== undefined) return { body: parsed };
  // `{{ JSON.stringify(x) }}` as the whole body: our lone `{{ x }}` sends x as JSON, the same thing.
  const whole = typeof body.value === 'string' ? /^=\s*\{\{\s*JSON\.stringify\(([^]*)\)\s*\}\}\s*$/.exec(body.value) : null;
  if (whole) return { body: b.text(`={{ ${whole[1]} }}`, 'body') };
  // A JSON body with expressions: our template renders the same text, which the server receives as JSON.
  return { body: b.text(body.value, 'body') };
}

export const httpRequest: Mapper = (node, ctx) => {
  const req = read(node);
  if (req.authentication !== 'none') {
    const cred = [...node.credentials.entries()].map(([type, c]) => `${type} "${c.name}"`).join(', ');
    ctx.report(
      `The request's authentication (${req.authentication}${cred ? `: ${cred}` : ''}) was not imported: add the header with a workspace secret, e.g. Authorization: Bearer {{ secrets.API_TOKEN }}.`,
      'authentication',
    );
  }
  if (req.responseFormat === 'file') ctx.report('The response was read as a file; here it is read as text.', 'responseFormat');
  const method = METHODS.has(req.method) ? req.method : 'GET';
  if (method !== req.method) ctx.report(`The method ${req.method} is not available; GET is used.`, 'method');
  return {
    kind: 'node',
    type: 'source.http',
    version: 1,
    output: outputMap(req),
    build(b) {
      const headers: Record<string, string> = {};
      for (const h of req.headers) headers[h.name] = headerValue(b, node, 'headers', h.name, h.value);
      const fromJson = parseJsonText(req.jsonHeaders);
      if (req.jsonHeaders !== undefined && fromJson === undefined)
        b.report('The headers given as a JSON expression were not imported.', 'jsonHeaders');
      for (const [name, value] of Object.entries(obj(fromJson))) headers[name] = headerValue(b, node, 'headers', name, value);
      let body = buildBody(b, req);
      if (method === 'GET' && body.body !== undefined) {
        b.report('A GET request cannot have a body here; the body was left out (use POST).', 'body');
        body = {};
      }
      const responseType = req.responseFormat === 'json' ? 'json' : req.responseFormat === 'text' ? 'text' : 'auto';
      return {
        url: buildUrl(b, node, req),
        method,
        ...(Object.keys(headers).length ? { headers } : {}),
        ...body,
        ...(responseType !== 'auto' ? { responseType } : {}),
        ...(req.timeout !== undefined ? { timeoutMs: Math.min(120_000, Math.max(100, Math.round(req.timeout))) } : {}),
      };
    },
  };
};
