import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

describe('passwordProblem', () => {
  it('refuses whitespace, short, common and one-character passwords', () => {
    expect(passwordProblem('          ')).toBe('blank');
    expect(passwordProblem('short')).toBe('short');
    expect(passwordProblem('Password123')).toBe('common');
    expect(passwordProblem('12345678')).toBe('common');
    expect(passwordProblem('aaaaaaaaaa')).toBe('common');
  });

  it('accepts an ordinary passphrase, with spaces, in any script', () => {
    expect(passwordProblem('correct horse battery')).toBeUndefined();
    expect(passwordProblem('봇매니저를 씁니다')).toBeUndefined();
  });
});
