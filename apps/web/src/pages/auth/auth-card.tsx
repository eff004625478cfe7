import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocaleSwitcher } from '../../i18n/locale-switcher';
import { Icon } from '../../ui/icons';

export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <div className="auth-card">
        <div className="auth-top">
          <div className="brand">
            <span className="brand-mark">
              <Icon name="flow" />
            </span>
            {t('common:brand')}
          </div>
          <LocaleSwitcher />
        </div>
        <div className="card">
          <div className="card-body stack">
            <div>
              <h1>{title}</h1>
              <p className="muted">{subtitle}</p>
            </div>
            {children}
          </div>
        </div>
        <div className="auth-foot">{footer}</div>
      </div>
    </div>
  );
}
