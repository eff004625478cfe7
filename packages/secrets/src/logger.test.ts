import { describe, expect, it } from 'vitest';
import { createLogger } from './index';

// A realistic provider key: matches the sk- shape that redactText knows.
const CANARY = 'sk-proj-CANARYcanary0123456789ZZZZ';
const CANARY_CORE = 'CANARYcanary0123456789';
// A key of no known shape: only field-name redaction (REDACT_PATHS) or extraSecrets can catch it.
const PLAIN = 'plainCanaryNoShape_7f3a9';

function memoryLogger(extraSecrets?: string[]) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', name: 'test', destination: { write: (s: string) => void lines.push(s) }, extraSecrets });
  return { logger, lines, text: () => lines.join('') };
}

describe('createLogger', () => {
  it('keeps a key out of headers, nested fields, messages and errors', () => {
    const { logger, lines, text } = memoryLogger();
    logger.info(
      { req: { method: 'POST', headers: { authorization: `Bearer ${PLAIN}`, 'x-api-key': PLAIN, cookie: `sid=${PLAIN}` } } },
      'outgoing',
    );
    logger.info({ headers: { Authorization: `Bearer ${PLAIN}`, 'X-Api-Key': PLAIN } }, 'title-case headers');
    logger.info({ connection: { settings: { apiKey: PLAIN, model: 'gpt-4o' } } }, 'nested');
    logger.info({ a: { b: { c: { password: PLAIN } } } }, 'deep');
    // `key` is too generic for the free-text patterns: only the redact paths catch it.
    logger.info({ provider: { key: PLAIN, name: 'openai' } }, 'generic key field');
    logger.warn(`calling provider with key ${CANARY}`);
    logger.warn('printf style %s', CANARY);

    const providerError = Object.assign(new Error(`401 Incorrect API key provided: ${CANARY}.`), {
      status: 401,
      config: { headers: { authorization: `Bearer ${PLAIN}` } },
      // deeper than the redact paths reach, under a name the free-text patterns ignore
      response: { request: { options: { key: PLAIN } } },
      error: { message: `Incorrect API key provided: ${CANARY}` },
      cause: new Error(`upstream said ${CANARY}`),
    });
    logger.error(providerError);
    logger.error({ err: providerError }, 'llm call failed');
    logger.error({ error: providerError, runId: 'r1' }, 'as error key');
    // Child bindings bypass formatters.log; the redact paths cover them.
    logger.child({ key: PLAIN, apiKey: PLAIN, connectionId: 'c1' }).info('child bindings');

    expect(lines).toHaveLength(11);
    const out = text();
    expect(out).not.toContain(PLAIN);
    expect(out).not.toContain(CANARY);
    expect(out).not.toContain(CANARY_CORE);
    // …and the logger still logs what it should.
    expect(out).toContain('"model":"gpt-4o"');
    expect(out).toContain('"name":"openai"');
    expect(out).toContain('"connectionId":"c1"');
    expect(out).toContain('"status":401');
    expect(out).toContain('Incorrect API key provided: sk-proj-[REDACTED …ZZZZ]');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const errLine = JSON.parse(lines[7]!) as { msg: string; err: { message: string; stack: string } };
    expect(errLine.msg).toContain('[REDACTED');
    expect(errLine.err.stack).toContain('[REDACTED');
  });

  it('masks extra secrets wherever they appear', () => {
    const { logger, text } = memoryLogger([PLAIN]);
    logger.info({ note: `the value ${PLAIN} leaked into a free-text field` }, `and the message ${PLAIN}`);
    logger.error(new Error(`boom ${PLAIN}`));
    expect(text()).not.toContain(PLAIN);
    expect(text()).toContain('leaked into a free-text field');
  });

  it('does not redact unknown shapes without a hint (control)', () => {
    const { logger, text } = memoryLogger();
    logger.info({ note: PLAIN });
    expect(text()).toContain(PLAIN);
  });
});
