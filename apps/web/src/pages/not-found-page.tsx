import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../ui/states';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <EmptyState icon="alert" title={t('common:notFound.title')} action={<Link to="/">{t('common:notFound.back')}</Link>}>
        {t('common:notFound.body')}
      </EmptyState>
    </div>
  );
}
