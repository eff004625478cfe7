import { scanN8nTemplate, isN8nExpression } from '../expression/scan';
import { asNumber, asString, list, obj, unsupported, type BuildContext, type Mapper } from '../plan';

const RESPOND = 'n8n-nodes-base.respondToWebhook';

/** n8n's JSON body with expressions in it (`={ "reply": {{ $json.text }} }`) as our body object, or undefined when it is no JSON. */
function jsonBody(b: BuildContext, value: unknown): unknown {
  if (!isN8nExpression(value)) {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  // Each {{ … }} stands in the JSON as a token (a private-use character around its number): a
  // whole value when it is outside a JSON string, part of the string when inside one.
  const codes: string[] = [];
  let inString = false;
  const text = scanN8nTemplate(value.slice(1))
    .map((p) => {
      if (p.kind === 'text') {
        for (let i = 0; i < p.text.length; i += 1) {
          if (p.text[i] === '\\') i += 1;
          else if (p.text[i] === '"') inString = !inString;
        }
        return p.text;
      }
      const stringify = /^\s*JSON\.stringify\(([^]*)\)\s*$/.exec(p.code);
      codes.push(stringify && !inString ? stringify[1]! : p.code);
      const t = `\uE000${codes.length - 1}\uE000`;
      return inString ? t : `"${t}"`;
    })
    .join('');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const token = /\uE000(\d+)\uE000/g;
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      if (!v.includes('\uE000')) return v;
      return b.text(`=${v.replace(token, (_, i: string) => `{{ ${codes[Number(i)]} }}`)}`, path);
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, `${path}.${k}`)]));
    return v;
  };
  return walk(parsed, 'responseBody');
}

/**
 * Respond to Webhook → output.respond (status, headers, body): the incoming item(s) → the node's
 * input (an empty body), JSON → a body object with our templates, text → text, a redirect → 307
 * with Location. A bot has one Respond node: later ones are left out. Binary and JWT answers are not imported.
 */
export const respondToWebhook: Mapper = (node, ctx) => {
  const first = ctx.nodes().find((n) => n.type === RESPOND && !n.disabled);
  if (first && first.name !== node.name) {
    return unsupported(
      `A bot has one Respond node, and "${first.name}" became it; this one was left out (route to that one instead).`,
      true,
    );
  }
  const p = node.parameters;
  const options = obj(p.options);
  const respondWith = asString(p.respondWith) ?? 'firstIncomingItem';
  if (respondWith === 'binary' || respondWith === 'jwt') {
    return unsupported(
      `Respond to Webhook with ${respondWith === 'binary' ? 'a file' : 'a JWT'} has no counterpart; it was left out.`,
      true,
    );
  }
  if (asString(options.responseKey))
    ctx.report('The response key (wrapping the answer in a field) was not imported.', 'options.responseKey');
  ctx.report(
    "The webhook answers with this node only when the bot's webhook response is set to wait for the Respond node (Triggers → Webhook → Response).",
  );
  const code = asNumber(options.responseCode);
  return {
    kind: 'node',
    type: 'output.respond',
    version: 1,
    output: () => ({ reason: 'reads the answer of "Respond to Webhook", which is the webhook caller’s' }),
    build(b) {
      const headers: Record<string, string> = {};
      for (const e of list(obj(options.responseHeaders).entries)) {
        const name = asString(e.name)?.trim();
        if (name) headers[name] = b.text(e.value, `options.responseHeaders.${name}`);
      }
      if (respondWith === 'redirect') {
        headers.Location = b.text(p.redirectURL, 'redirectURL');
        return { status: code ?? 307, headers };
      }
      if (respondWith === 'noData') return { status: code && code !== 200 ? code : 204, headers };
      const status = code ?? 200;
      const base = { status, ...(Object.keys(headers).length ? { headers } : {}) };
      if (respondWith === 'text') return { ...base, body: b.text(p.responseBody, 'responseBody') };
      if (respondWith !== 'json') {
        if (respondWith === 'allIncomingItems')
          b.report('n8n answered with every incoming item; here the answer is the output of the node before it.');
        return base;
      }
      const body = jsonBody(b, p.responseBody ?? '{}');
      if (body !== undefined) return { ...base, body };
      b.report('The JSON body is not valid JSON with its expressions taken out; it is answered as text.', 'responseBody');
      return { ...base, body: b.text(p.responseBody, 'responseBody') };
    },
  };
};
