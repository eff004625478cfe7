import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bot, ImportN8nPreview } from '@bm/contract';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { queryKeys } from '../../api/query-keys';
import { portabilityApi } from '../../api/templates';
import { t as tr } from '../../i18n/i18n';
import { useWorkspaceId } from '../../session/workspace';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Icon } from '../../ui/icons';
import { Modal } from '../../ui/modal';
import { Alert, LoadingState } from '../../ui/states';
import { toast } from '../../ui/toast';
import { SlotFields } from '../templates/slot-fields';
import { useSlotMapping } from '../templates/use-slot-mapping';
import '../templates/templates.css';
import { DetailedError } from '../../ui/detailed-error';
import { parseImport, type ParsedImport } from './import-document';
import { UnmappedList } from './unmapped-list';

const INVALID_KEYS = {
  empty: 'gallery:import.invalid.empty',
  json: 'gallery:import.invalid.json',
  shape: 'gallery:import.invalid.shape',
  several: 'gallery:import.invalid.several',
} as const;

/** Larger files are refused before they are read: the server would refuse them anyway. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

type Ready = Exclude<ParsedImport, { kind: 'invalid' }>;
type Mapping = { ready: Ready; preview: ImportN8nPreview | null };

/**
 * "Import": a file or pasted JSON, ours or n8n's (told apart by shape). n8n workflows are converted
 * in a dry run first, so the user sees the slots to bind and what could not be mapped before any
 * bot exists; then the import proper.
 */
export function ImportBotDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);

  const preview = useMutation({
    mutationFn: (workflow: Record<string, unknown>) => portabilityApi.previewN8n({ workflow, workspaceId }),
  });

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblem(t('gallery:import.tooLarge', { name: file.name }));
      return;
    }
    setProblem(null);
    setFileName(file.name);
    setText(await file.text());
  };

  const next = async () => {
    const parsed = parseImport(text);
    if (parsed.kind === 'invalid') {
      setProblem(t(INVALID_KEYS[parsed.reason]));
      return;
    }
    setProblem(null);
    if (parsed.kind === 'bot') {
      setMapping({ ready: parsed, preview: null });
      return;
    }
    try {
      setMapping({ ready: parsed, preview: await preview.mutateAsync(parsed.workflow) });
    } catch {
      // The error is shown from the mutation.
    }
  };

  if (mapping) return <ImportMappingDialog mapping={mapping} onClose={onClose} onBack={() => setMapping(null)} />;
  return (
    <Modal
      title={t('gallery:import.title')}
      description={t('gallery:import.description')}
      wide
      onClose={onClose}
      onSubmit={() => void next()}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" loading={preview.isPending} disabled={!text.trim()}>
            {t('gallery:import.continue')}
          </Button>
        </>
      }
    >
      <div className="stack" data-testid="import-source">
        <div className="row-wrap">
          <label className="btn file-picker">
            <Icon name="upload" />
            {t('gallery:import.chooseFile')}
            <input type="file" accept=".json,application/json" className="visually-hidden" onChange={(e) => void readFile(e)} />
          </label>
          {fileName && (
            <span className="small muted" data-testid="import-file-name">
              {t('gallery:import.fileChosen', { name: fileName })}
            </span>
          )}
        </div>
        <Field label={t('gallery:import.paste')} htmlFor="import-json" hint={t('gallery:import.pasteHint')}>
          <textarea
            id="import-json"
            data-autofocus
            className="textarea code"
            rows={10}
            spellCheck={false}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(null);
            }}
          />
        </Field>
        {problem && <Alert kind="error">{problem}</Alert>}
        <DetailedError error={preview.error} />
      </div>
    </Modal>
  );
}

function ImportMappingDialog({ mapping, onClose, onBack }: { mapping: Mapping; onClose: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { ready, preview } = mapping;
  const slotsWanted = preview ? preview.slots : ready.kind === 'bot' ? ready.slots : [];
  const secretsWanted = preview ? preview.document.bot.secretSlots : ready.kind === 'bot' ? ready.secretSlots : [];
  const [name, setName] = useState(ready.name ?? preview?.document.bot.name ?? '');
  const slots = useSlotMapping(slotsWanted, secretsWanted);

  const run = useMutation({
    mutationFn: async (): Promise<Bot> => {
      const common = {
        workspaceId,
        name: name.trim() || undefined,
        connections: slots.mapping.connections,
        ...(secretsWanted.length ? { secrets: slots.mapping.secrets } : {}),
      };
      if (ready.kind === 'bot') return portabilityApi.import({ document: ready.document, ...common });
      const result = await portabilityApi.importN8n({ workflow: ready.workflow, ...common });
      return result.bot;
    },
    onSuccess: async (bot) => {
      toast.info(tr('gallery:import.done', { name: bot.name }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.botsAll });
      queryClient.setQueryData(queryKeys.bot(bot.id), bot);
      navigate(`/bots/${bot.id}`);
    },
  });
  const canImport = slots.complete && !slots.loading;

  return (
    <Modal
      title={t('gallery:import.mapTitle')}
      description={ready.kind === 'bot' ? t('gallery:import.kindBot') : t('gallery:import.kindN8n')}
      wide
      onClose={onClose}
      onSubmit={() => canImport && run.mutate()}
      footer={
        <>
          <Button icon="chevronLeft" onClick={onBack} className="footer-start">
            {t('gallery:use.back')}
          </Button>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" loading={run.isPending} disabled={!canImport}>
            {t('gallery:import.submit')}
          </Button>
        </>
      }
    >
      <div className="stack" data-testid="import-mapping" data-kind={ready.kind}>
        <Field label={t('gallery:use.name')} htmlFor="import-bot-name" hint={t('gallery:import.nameHint')}>
          <input id="import-bot-name" data-autofocus className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <section className="stack-sm" aria-labelledby="import-slot-heading">
          <h3 id="import-slot-heading" className="section-title">
            {t('gallery:use.slotsTitle')}
          </h3>
          {slots.loading ? (
            <LoadingState label={t('gallery:use.loadingConnections')} />
          ) : (
            <SlotFields
              slots={slotsWanted}
              secretSlots={secretsWanted}
              connections={slots.connections}
              secrets={slots.secrets}
              secretsUnavailable={slots.secretsUnavailable}
              mapping={slots.mapping}
              onChange={slots.setMapping}
            />
          )}
        </section>
        {preview && <UnmappedList unmapped={preview.unmapped} />}
        <DetailedError error={run.error ?? slots.error} />
      </div>
    </Modal>
  );
}
