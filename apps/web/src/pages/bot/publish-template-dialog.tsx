import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bot } from '@bm/contract';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { templatesApi } from '../../api/templates';
import { t as tr } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { DetailedError } from '../../ui/detailed-error';
import { Field } from '../../ui/field';
import { Modal } from '../../ui/modal';
import { Alert } from '../../ui/states';
import { toast } from '../../ui/toast';
import { categoryLabel } from '../templates/category-label';
import { categoriesOf } from '../templates/gallery-filter';
import { useInstallationAdmin, useTemplates } from '../templates/use-templates';

type Scope = 'workspace' | 'installation';

/**
 * "Publish as template": the bot's saved graph, without its connections and secrets, becomes a
 * template of the workspace, or of the whole installation for an installation admin.
 */
export function PublishTemplateDialog({ bot, unsaved, onClose }: { bot: Bot; unsaved: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const admin = useInstallationAdmin(true);
  const templates = useTemplates();
  const categories = useMemo(() => categoriesOf(templates.data ?? []), [templates.data]);
  const [scope, setScope] = useState<Scope>('workspace');
  const [name, setName] = useState(bot.name);
  const [description, setDescription] = useState(bot.description);
  const [category, setCategory] = useState('');

  const publish = useMutation({
    mutationFn: () =>
      templatesApi.publish(bot.id, {
        scope,
        name: name.trim(),
        description: description.trim(),
        ...(category.trim() ? { category: category.trim() } : {}),
      }),
    onSuccess: async (tpl) => {
      toast.info(
        tpl.scope === 'installation'
          ? tr('gallery:publish.doneInstallation', { name: tpl.name })
          : tr('gallery:publish.done', { name: tpl.name }),
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.templatesAll });
      onClose();
    },
  });

  return (
    <Modal
      title={t('gallery:publish.title')}
      description={t('gallery:publish.description')}
      onClose={onClose}
      onSubmit={() => name.trim() && publish.mutate()}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" loading={publish.isPending} disabled={!name.trim()}>
            {t('gallery:publish.submit')}
          </Button>
        </>
      }
    >
      <div className="stack" data-testid="publish-template">
        {unsaved && <Alert kind="warning">{t('gallery:publish.unsaved')}</Alert>}
        <Field label={t('gallery:publish.name')} htmlFor="template-name" required>
          <input id="template-name" data-autofocus className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('gallery:publish.descriptionLabel')} htmlFor="template-description">
          <textarea
            id="template-description"
            className="textarea"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        <Field label={t('gallery:publish.category')} htmlFor="template-category" hint={t('gallery:publish.categoryHint')}>
          <input
            id="template-category"
            className="input"
            list="template-categories"
            value={category}
            maxLength={60}
            onChange={(e) => setCategory(e.target.value)}
          />
          <datalist id="template-categories">
            {categories.map((c) => (
              <option key={c} value={c} label={categoryLabel(c)} />
            ))}
          </datalist>
        </Field>
        {admin.data && (
          <fieldset className="starter-picker">
            <legend className="field-label">{t('gallery:publish.scope')}</legend>
            <div className="starter-options">
              {(['workspace', 'installation'] as const).map((s) => (
                <label key={s} className={`starter-option${scope === s ? ' selected' : ''}`}>
                  <input type="radio" name="template-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
                  <span className="starter-option-title">
                    {t(s === 'workspace' ? 'gallery:scope.workspace' : 'gallery:scope.installation')}
                  </span>
                  <span className="starter-option-desc">
                    {t(s === 'workspace' ? 'gallery:scope.workspaceHint' : 'gallery:scope.installationHint')}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <p className="small muted">{t('gallery:publish.whatGoes')}</p>
        <DetailedError error={publish.error} />
      </div>
    </Modal>
  );
}
