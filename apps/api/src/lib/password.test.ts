import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

describe('passwordProblem', () => {
  it('refuses whitespace, short, common and one-character passwords', () => {
    expect(passwordProblem('          ')).toMatch(/only spaces/);
    expect(passwordProblem('short')).toMatch(/at least 8/);
    expect(passwordProblem('Password123')).toMatch(/attackers try/);
    expect(passwordProblem('12345678')).toMatch(/attackers try/);
    expect(passwordProblem('aaaaaaaaaa')).toMatch(/attackers try/);
  });

  it('accepts an ordinary passphrase, with spaces, in any script', () => {
    expect(passwordProblem('correct horse battery')).toBeUndefined();
    expect(passwordProblem('봇매니저를 씁니다')).toBeUndefined();
  });
});
