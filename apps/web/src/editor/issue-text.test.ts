import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n';
import { describeIssue, fieldIssue, issueText } from './issue-text';

describe('describeIssue', () => {
  it('names the field in words and drops the node prefix', () => {
    expect(describeIssue('"chat_x" (llm.chat): parameter "prompt": Too small: expected string to have >=1 characters.')).toEqual({
      param: 'prompt',
      text: 'Prompt is required.',
    });
    expect(describeIssue('"r" (output.results): parameter "content" is required.')).toEqual({
      param: 'content',
      text: 'Content is required.',
    });
    expect(describeIssue('"h" (source.http): parameter "url" must be an http:// or https:// URL.')).toEqual({
      param: 'url',
      text: 'URL must be an http:// or https:// URL.',
    });
    expect(describeIssue('"c" (llm.chat): parameter "temperature": Too big: expected number to be <=2')).toEqual({
      param: 'temperature',
      text: 'Temperature must be at most 2.',
    });
  });
  it('keeps other explanations readable', () => {
    expect(describeIssue('"f" (transform.filter): parameter "expression": invalid JSONata: Expected ")"').text).toBe(
      'Expression: Invalid JSONata: Expected ")"',
    );
    expect(describeIssue('"c" (llm.chat) has no LLM connection: choose one on the node.')).toEqual({
      text: 'This node has no LLM connection: choose one on the node.',
    });
    expect(describeIssue('These nodes form a cycle: "a" → "b".')).toEqual({ text: 'These nodes form a cycle: "a" → "b".' });
  });
});

describe('issues by catalogue key', () => {
  afterEach(() => setLocale('en', { save: false }));
  const empty = {
    nodeId: 'c',
    param: 'prompt',
    code: 'INVALID_PARAM',
    key: 'graph.INVALID_PARAM.empty',
    params: { node: '"c" (llm.chat)', param: 'prompt' },
    message: '"c" (llm.chat): 매개변수 "prompt"을(를) 비워 둘 수 없어요.',
  };
  const type = {
    ...empty,
    param: 'temperature',
    key: 'graph.INVALID_PARAM.type',
    params: { node: '"c" (llm.chat)', param: 'temperature', expected: 'number', received: 'string' },
  };

  it('says a field problem under its field in the current language, whatever language the server used', async () => {
    expect(fieldIssue(empty, 'Summarise')).toEqual({ param: 'prompt', text: 'Prompt is required.' });
    await setLocale('ko', { save: false });
    expect(fieldIssue(empty, 'Summarise').param).toBe('prompt');
    expect(fieldIssue(type, 'Summarise')).toEqual({
      param: 'temperature',
      text: '"Summarise": 매개변수 "temperature"은(는) 숫자 형식이어야 하는데 문자열 형식이에요.',
    });
    expect(issueText(type)).toEqual({
      text: type.params.node + ': 매개변수 "temperature"은(는) 숫자 형식이어야 하는데 문자열 형식이에요.',
      namesNode: true,
    });
  });
});
