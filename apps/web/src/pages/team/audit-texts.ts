import type { AuditAction, AuditEvent } from '@bm/contract';
import { t } from '../../i18n/i18n';
import { ROLE_KEYS } from '../../session/roles';
import { providerLabel } from '../settings/providers';

/**
 * Each audit action's words. Typed by the contract's AUDIT_ACTIONS, so a new action does not
 * compile until it has a key; audit-texts.test.ts checks the text exists in every language.
 */
export const AUDIT_ACTION_KEYS = {
  'auth.signIn.newDevice': 'teams:audit.actions.auth.signIn.newDevice',
  'auth.passwordChanged': 'teams:audit.actions.auth.passwordChanged',
  'auth.signedOutEverywhere': 'teams:audit.actions.auth.signedOutEverywhere',
  'auth.passwordResetCreated': 'teams:audit.actions.auth.passwordResetCreated',
  'auth.passwordResetUsed': 'teams:audit.actions.auth.passwordResetUsed',
  'workspace.created': 'teams:audit.actions.workspace.created',
  'workspace.renamed': 'teams:audit.actions.workspace.renamed',
  'workspace.ownershipTransferred': 'teams:audit.actions.workspace.ownershipTransferred',
  'member.invited': 'teams:audit.actions.member.invited',
  'member.invitationRevoked': 'teams:audit.actions.member.invitationRevoked',
  'member.joined': 'teams:audit.actions.member.joined',
  'member.roleChanged': 'teams:audit.actions.member.roleChanged',
  'member.removed': 'teams:audit.actions.member.removed',
  'member.left': 'teams:audit.actions.member.left',
  'connection.created': 'teams:audit.actions.connection.created',
  'connection.keyRotated': 'teams:audit.actions.connection.keyRotated',
  'connection.shared': 'teams:audit.actions.connection.shared',
  'connection.unshared': 'teams:audit.actions.connection.unshared',
  'connection.deleted': 'teams:audit.actions.connection.deleted',
  'secret.created': 'teams:audit.actions.secret.created',
  'secret.changed': 'teams:audit.actions.secret.changed',
  'secret.deleted': 'teams:audit.actions.secret.deleted',
  'bot.created': 'teams:audit.actions.bot.created',
  'bot.deleted': 'teams:audit.actions.bot.deleted',
  'bot.versionRestored': 'teams:audit.actions.bot.versionRestored',
  'schedule.created': 'teams:audit.actions.schedule.created',
  'schedule.changed': 'teams:audit.actions.schedule.changed',
  'schedule.deleted': 'teams:audit.actions.schedule.deleted',
  'webhook.created': 'teams:audit.actions.webhook.created',
  'webhook.changed': 'teams:audit.actions.webhook.changed',
  'webhook.deleted': 'teams:audit.actions.webhook.deleted',
  'token.created': 'teams:audit.actions.token.created',
  'token.revoked': 'teams:audit.actions.token.revoked',
  'budget.created': 'teams:audit.actions.budget.created',
  'budget.changed': 'teams:audit.actions.budget.changed',
  'budget.deleted': 'teams:audit.actions.budget.deleted',
  'budget.stopped': 'teams:audit.actions.budget.stopped',
  'budget.threshold': 'teams:audit.actions.budget.threshold',
  'budget.noticeFailed': 'teams:audit.actions.budget.noticeFailed',
  'plan.assigned': 'teams:audit.actions.plan.assigned',
  'template.published': 'teams:audit.actions.template.published',
  'template.updated': 'teams:audit.actions.template.updated',
  'template.unpublished': 'teams:audit.actions.template.unpublished',
  'template.instantiated': 'teams:audit.actions.template.instantiated',
  'bot.exported': 'teams:audit.actions.bot.exported',
  'bot.imported': 'teams:audit.actions.bot.imported',
  'bot.duplicated': 'teams:audit.actions.bot.duplicated',
  'approval.decided': 'teams:audit.actions.approval.decided',
} as const satisfies Record<AuditAction, `teams:audit.actions.${string}`>;

const isAction = (a: string): a is AuditAction => Object.hasOwn(AUDIT_ACTION_KEYS, a);

/** An action in words; one this version does not know yet shows as recorded. */
export function actionText(action: string): string {
  return isAction(action) ? t(AUDIT_ACTION_KEYS[action]) : action;
}

const roleText = (r: unknown) =>
  typeof r === 'string' && Object.hasOwn(ROLE_KEYS, r) ? t(ROLE_KEYS[r as keyof typeof ROLE_KEYS]) : String(r);

/** A short line about an event's details; the actions the log knows get a sentence, others `key: value`. */
export function detailsText(event: Pick<AuditEvent, 'action' | 'details'>): string {
  const d = event.details;
  if (!d) return '';
  switch (event.action) {
    case 'member.roleChanged':
      return t('teams:audit.details.roleChanged', { from: roleText(d.from), to: roleText(d.to) });
    case 'member.invited':
    case 'member.joined':
      return t('teams:audit.details.role', { role: roleText(d.role) });
    case 'member.removed':
    case 'member.left': {
      const removed = Array.isArray(d.removedConnections) ? d.removedConnections.length : 0;
      return t('teams:audit.details.removed', { role: roleText(d.role), count: removed });
    }
    case 'connection.created':
      return [providerLabel(String(d.provider)), d.shared ? t('settings:connection.shared') : t('teams:audit.details.personal')].join(
        ' · ',
      );
    case 'approval.decided':
      return t('teams:audit.details.approvalDecided', {
        decision: String(d.decision),
        edited: String(d.edited === true),
        via: String(d.via),
        node: String(d.nodeId ?? ''),
      });
    case 'workspace.renamed':
      return t('teams:audit.details.renamedFrom', { name: String(d.from ?? '') });
  }
  return Object.entries(d)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}
