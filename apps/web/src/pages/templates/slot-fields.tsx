import type { LlmConnection, WorkspaceSecret } from '@bm/contract';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Field } from '../../ui/field';
import { Alert } from '../../ui/states';
import { providerLabel } from '../settings/providers';
import { fittingConnections, type SlotLike, type SlotMapping } from './slot-mapping';

type Props = {
  slots: readonly SlotLike[];
  secretSlots: readonly string[];
  connections: readonly LlmConnection[];
  secrets: readonly WorkspaceSecret[];
  /** The resolved mapping (see resolveMapping): what each picker shows. */
  mapping: SlotMapping;
  onChange: (next: SlotMapping) => void;
  /** Secrets could not be listed (a viewer, or an error): the pickers say so instead of offering none. */
  secretsUnavailable?: boolean;
};

/**
 * One picker per connection slot (the connections of its provider) and per secret slot (the
 * workspace's secrets). A slot nothing fits says which connection to add, with the way there.
 */
export function SlotFields({ slots, secretSlots, connections, secrets, mapping, onChange, secretsUnavailable }: Props) {
  const { t } = useTranslation();
  if (slots.length === 0 && secretSlots.length === 0)
    return (
      <p className="muted small" data-testid="no-slots">
        {t('gallery:slots.none')}
      </p>
    );
  return (
    <div className="slot-fields stack" data-testid="slot-fields">
      {slots.map((slot) => {
        const fits = fittingConnections(slot, connections);
        const id = `slot-${slot.key}`;
        const provider = slot.provider === 'any' ? t('gallery:slots.anyProvider') : providerLabel(slot.provider);
        if (fits.length === 0)
          return (
            <div key={slot.key} data-testid="slot-field" data-slot={slot.key} data-state="missing">
              <Alert kind="warning" title={t('gallery:slots.missingTitle', { label: slot.label })}>
                <Trans
                  i18nKey={slot.provider === 'any' ? 'gallery:slots.missingAny' : 'gallery:slots.missingProvider'}
                  values={{ provider }}
                  components={{ a: <Link to="/settings/connections" /> }}
                />
              </Alert>
            </div>
          );
        return (
          <div key={slot.key} data-testid="slot-field" data-slot={slot.key} data-state="ok">
            <Field
              label={t('gallery:slots.connectionLabel', { label: slot.label, provider })}
              htmlFor={id}
              required
              hint={
                <>
                  {fits.length > 1 ? t('gallery:slots.chooseHint') : t('gallery:slots.onlyOne')}
                  {slot.purpose && <> {t('gallery:slots.purpose', { purpose: slot.purpose })}</>}
                </>
              }
            >
              <select
                id={id}
                className="select"
                value={mapping.connections[slot.key] ?? ''}
                onChange={(e) => onChange({ ...mapping, connections: { ...mapping.connections, [slot.key]: e.target.value } })}
              >
                {!mapping.connections[slot.key] && <option value="">{t('gallery:slots.chooseConnection')}</option>}
                {fits.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} · {c.modelDefault}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        );
      })}
      {secretSlots.map((name) => {
        const id = `secret-slot-${name}`;
        return (
          <div key={name} data-testid="secret-slot-field" data-secret={name}>
            <Field
              label={
                <Trans
                  i18nKey="gallery:slots.secretLabel"
                  values={{ name }}
                  components={{ code: <code className="mono" translate="no" /> }}
                />
              }
              htmlFor={id}
              required
              hint={
                secretsUnavailable ? (
                  t('gallery:slots.secretsUnavailable')
                ) : secrets.length === 0 ? (
                  <Trans i18nKey="gallery:slots.noSecrets" components={{ a: <Link to="/settings/secrets" /> }} />
                ) : (
                  t('gallery:slots.secretHint')
                )
              }
            >
              <select
                id={id}
                className="select"
                value={mapping.secrets[name] ?? ''}
                disabled={secrets.length === 0}
                onChange={(e) => onChange({ ...mapping, secrets: { ...mapping.secrets, [name]: e.target.value } })}
              >
                {!mapping.secrets[name] && <option value="">{t('gallery:slots.chooseSecret')}</option>}
                {secrets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        );
      })}
    </div>
  );
}
