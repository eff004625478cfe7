import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi, ssoStartUrl } from '../../api/auth';
import { queryKeys } from '../../api/query-keys';
import { Icon } from '../../ui/icons';
import { Alert } from '../../ui/states';

/** The codes the API's single sign-on sends back to the sign-in page (each has an `errors:` message). */
const SSO_ERRORS = new Set([
  'SSO_NOT_CONFIGURED',
  'SSO_STATE_INVALID',
  'SSO_PROVIDER_ERROR',
  'SSO_DENIED',
  'SSO_EMAIL_MISSING',
  'SSO_EMAIL_UNVERIFIED',
  'SSO_DOMAIN_NOT_ALLOWED',
]);

/** How this installation signs people in; while unknown, password sign-in is assumed (the old behaviour). */
export function useSsoInfo() {
  return useQuery({ queryKey: queryKeys.ssoInfo, queryFn: authApi.sso, staleTime: 5 * 60_000, retry: false });
}

/** Why the last single sign-on ended here, in the user's language (an unknown code reads as a provider error). */
export function SsoErrorAlert({ code }: { code: string | null }) {
  const { t } = useTranslation();
  if (!code) return null;
  const known = SSO_ERRORS.has(code) ? code : 'SSO_PROVIDER_ERROR';
  return (
    <Alert kind="error" title={t('pages:auth.sso.failed')}>
      {(t as unknown as (k: string) => string)(`errors:${known}`)}
    </Alert>
  );
}

/** "Sign in with …": a plain link, since the API answers with redirects to the provider and back. */
export function SsoButton({ providerName, returnTo }: { providerName?: string; returnTo: string }) {
  const { t } = useTranslation();
  return (
    <a className="btn btn-primary sso-button" href={ssoStartUrl(returnTo)}>
      <Icon name="key" />
      {providerName ? t('pages:auth.sso.signInWith', { provider: providerName }) : t('pages:auth.sso.signIn')}
    </a>
  );
}
