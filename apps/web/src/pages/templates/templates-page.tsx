import type { Template } from '@bm/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header';
import { TemplateGallery } from './template-gallery';
import { TemplatePreviewDialog } from './template-preview-dialog';
import { UseTemplateDialog } from './use-template-dialog';

/** `/templates`: every template the workspace can start from; "Use template" makes a bot of one. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState<Template | null>(null);
  const [using, setUsing] = useState<Template | null>(null);
  return (
    <div className="page">
      <PageHeader title={t('gallery:page.title')} subtitle={t('gallery:page.subtitle')} />
      <TemplateGallery onUse={setUsing} onPreview={setPreviewing} />
      {previewing && (
        <TemplatePreviewDialog
          template={previewing}
          onClose={() => setPreviewing(null)}
          onUse={() => {
            setPreviewing(null);
            setUsing(previewing);
          }}
        />
      )}
      {using && <UseTemplateDialog template={using} onClose={() => setUsing(null)} />}
    </div>
  );
}
