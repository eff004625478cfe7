import { describe, expect, it } from 'vitest';
import { parseRunInput, sampleInputText } from './run-input';

const manual = (sample: unknown) => [
  { id: 'm', type: 'bot' as const, position: { x: 0, y: 0 }, data: { type: 'source.manual', params: { sample } } },
];

describe('run input', () => {
  it('prefills from the manual source sample, object or JSON string', () => {
    expect(sampleInputText(manual({ topic: 'x' }))).toBe('{\n  "topic": "x"\n}');
    expect(sampleInputText(manual('{"a":1}'))).toBe('{\n  "a": 1\n}');
    expect(sampleInputText(manual('plain words'))).toBe('"plain words"');
    expect(sampleInputText([])).toBe('');
  });
  it('parses JSON, empty means no input', () => {
    expect(parseRunInput('  ')).toEqual({ ok: true, value: undefined });
    expect(parseRunInput('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseRunInput('{a')).toMatchObject({ ok: false });
  });
});
