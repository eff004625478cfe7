import { describe, expect, it } from 'vitest';
import { isImeComposing } from './ime';

describe('isImeComposing', () => {
  it('recognises composition by flag or by keyCode 229', () => {
    expect(isImeComposing({ isComposing: true, keyCode: 13 })).toBe(true);
    expect(isImeComposing({ keyCode: 229 })).toBe(true);
    expect(isImeComposing({ nativeEvent: { isComposing: true } })).toBe(true);
    expect(isImeComposing({ isComposing: false, keyCode: 13 })).toBe(false);
  });
});
