import { apiError } from './errors';

// What a new password must be. Length alone lets "12345678" and "password" through, the first words
// any guesser tries; a short list of the commonest passwords of 8+ characters (from published
// breach-frequency lists) catches them without a dependency or a network call.
const COMMON = new Set(
  `password 12345678 123456789 1234567890 qwertyuiop qwerty123 password1 password123 iloveyou
  11111111 00000000 12341234 abcd1234 1q2w3e4r 1qaz2wsx qwertyui asdfghjkl zxcvbnm123 sunshine
  princess football baseball welcome1 welcome123 letmein1 trustno1 superman batman123 dragon123
  monkey123 shadow123 master123 michael1 jennifer abc12345 a1b2c3d4 passw0rd p@ssw0rd p@ssword
  admin123 administrator changeme changeme123 default1 computer internet starwars whatever
  freedom1 qazwsxedc 987654321 87654321 11223344 12344321 123123123 123qweasd qwe12345 zaq12wsx
  1234qwer qwer1234 asdf1234 q1w2e3r4 iloveyou1 lovely123 loveyou1 charlie1 jordan23 michelle
  killer123 hello123 helloworld secret123 passport login123 guest123 test1234 testtest
  password! bot-manager botmanager`
    .split(/\s+/)
    .filter(Boolean),
);

/** Why a password is refused (its catalogue key under WEAK_PASSWORD), or undefined when it is fine. */
export function passwordProblem(password: string): 'blank' | 'short' | 'common' | undefined {
  if (password.trim() === '') return 'blank';
  if (password.length < 8) return 'short';
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return 'common';
  return undefined;
}

/** Refuses a weak new password (422 WEAK_PASSWORD, the problem under the field `path`). */
export function assertStrongPassword(password: string, path: string) {
  const weak = passwordProblem(password);
  if (weak)
    throw apiError(422, 'WEAK_PASSWORD', {
      key: `WEAK_PASSWORD.${weak}`,
      details: [{ path, key: `WEAK_PASSWORD.${weak}` }],
    });
}
