/**
 * Where to go after signing in: a path of this app, never another site. `//evil.example`,
 * `/\evil.example`, `https://…` and anything with control characters become `/`.
 */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f\u007f]/.test(value))
    return '/';
  const base = 'http://return-to.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  // Never back into the sign-on itself (a loop).
  if (url.pathname.startsWith('/api/auth/sso')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
