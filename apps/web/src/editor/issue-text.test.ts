import { describe, expect, it } from 'vitest';
import { describeIssue } from './issue-text';

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
