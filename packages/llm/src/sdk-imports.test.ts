// Only packages/llm may talk to a provider SDK: everything else goes through callLLM, so keys,
// retries, the outbound guard and error mapping cannot be bypassed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SDK_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](openai|@anthropic-ai\/sdk|@google\/genai|@google\/generative-ai)(?:\/[^'"]*)?['"]/;

const repoRoot = execFileSync('git', ['rev-parse', '--show-toplevel'], {
  cwd: fileURLToPath(new URL('.', import.meta.url)),
  encoding: 'utf8',
}).trim();

function trackedSources(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--', '*.ts', '*.tsx', '*.mts', '*.cts'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out.split('\0').filter((f) => f !== '' && !f.split('/').includes('node_modules'));
}

describe('provider SDK imports', () => {
  it('the pattern recognises every import form (so the scan below can fail)', () => {
    for (const line of [
      "import OpenAI from 'openai';",
      'import { APIError } from "openai/error";',
      "import type { Message } from '@anthropic-ai/sdk/resources';",
      "export { GoogleGenAI } from '@google/genai';",
      "const m = await import('@google/generative-ai');",
      "import '@anthropic-ai/sdk/shims/node';",
      "const OpenAI = require('openai');",
    ]) {
      expect(line).toMatch(SDK_IMPORT);
    }
    for (const line of [
      "import { openai } from './openai';",
      "const s = 'use openai for this';",
      "import x from '@google/genai-helper';",
    ]) {
      expect(line).not.toMatch(SDK_IMPORT);
    }
  });

  it('no tracked TypeScript file outside packages/llm imports openai, @anthropic-ai/sdk, @google/genai or @google/generative-ai', () => {
    const files = trackedSources();
    expect(files.length).toBeGreaterThan(0);
    const offenders = files
      .filter((f) => !f.startsWith('packages/llm/'))
      .flatMap((f) =>
        readFileSync(join(repoRoot, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ f, line: i + 1, text: line }))
          .filter(({ text }) => SDK_IMPORT.test(text))
          .map(({ f, line, text }) => `${f}:${line}: ${text.trim()}`),
      );
    expect(offenders, `provider SDKs may only be imported inside packages/llm:\n${offenders.join('\n')}`).toEqual([]);
  });
});
