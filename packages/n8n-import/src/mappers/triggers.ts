import { asNumber, asString, list, obj, type Mapper, type NodePlan, type OutputMap } from '../plan';

/** Our graphs start at `source.manual`; whatever started the n8n workflow becomes one. */
function manual(output: OutputMap): NodePlan {
  return { kind: 'node', type: 'source.manual', version: 1, output, build: () => ({}) };
}

/** The run input is what the trigger delivered (manual input, a chat message…). */
const inputItself: OutputMap = (path) => ({ kind: 'input', path });

export const manualTrigger: Mapper = () => manual(inputItself);

/** n8n's webhook item is `{ headers, params, query, body }`; our webhook's run input is the request body. */
const webhookOutput: OutputMap = (path) =>
  path[0] === 'body'
    ? { kind: 'input', path: path.slice(1) }
    : {
        reason: `reads the webhook's "${String(path[0] ?? '')}", but a Bot Manager webhook run receives only the request body (as the run input)`,
      };

export const webhookTrigger: Mapper = (node, ctx) => {
  const method = asString(node.parameters.httpMethod) ?? 'GET';
  const path = asString(node.parameters.path) ?? '';
  ctx.trigger({ kind: 'webhook', method, path });
  ctx.report(
    `Webhook trigger (${method} /${path}) became a manual input: enable the bot's webhook in Bot Manager (its URL is the bot's own; the request body becomes the run input).`,
  );
  if (asString(node.parameters.authentication) && node.parameters.authentication !== 'none') {
    ctx.report('The webhook authentication was not imported: a Bot Manager webhook is protected by its secret URL.', 'authentication');
  }
  return manual(webhookOutput);
};

/** A Schedule Trigger interval rule as a 5-field cron expression, or why it has none. */
function ruleToCron(rule: Record<string, unknown>): { cron: string } | { reason: string } {
  const field = asString(rule.field) ?? 'days';
  const minute = asNumber(rule.triggerAtMinute) ?? 0;
  const hour = asNumber(rule.triggerAtHour) ?? 0;
  const every = (key: string) => asNumber(rule[key]) ?? 1;
  const step = (n: number) => (n === 1 ? '*' : `*/${n}`);
  switch (field) {
    case 'seconds':
      return { reason: `every ${asNumber(rule.secondsInterval) ?? 30} seconds (schedules run at most once a minute)` };
    case 'minutes':
      return { cron: `${step(asNumber(rule.minutesInterval) ?? 5)} * * * *` };
    case 'hours':
      return { cron: `${minute} ${step(every('hoursInterval'))} * * *` };
    case 'days':
      return { cron: `${minute} ${hour} ${step(every('daysInterval'))} * *` };
    case 'weeks': {
      if (every('weeksInterval') !== 1) return { reason: `every ${every('weeksInterval')} weeks (cron cannot skip weeks)` };
      const days = Array.isArray(rule.triggerAtDay) ? rule.triggerAtDay : [0];
      const numbers = days.map(Number).filter((d) => Number.isInteger(d) && d >= 0 && d <= 6);
      return { cron: `${minute} ${hour} * * ${numbers.join(',') || '0'}` };
    }
    case 'months':
      return { cron: `${minute} ${hour} ${asNumber(rule.triggerAtDayOfMonth) ?? 1} ${step(every('monthsInterval'))} *` };
    case 'cronExpression': {
      const fields = (asString(rule.expression) ?? '').trim().split(/\s+/);
      if (fields.length === 5) return { cron: fields.join(' ') };
      if (fields.length === 6 && /^0+$/.test(fields[0]!)) return { cron: fields.slice(1).join(' ') };
      return { reason: `the cron expression "${asString(rule.expression) ?? ''}" (a schedule takes 5 fields)` };
    }
    default:
      return { reason: `an interval in "${field}"` };
  }
}

export const scheduleTrigger: Mapper = (node, ctx) => {
  const rules = list(obj(node.parameters.rule).interval);
  const timezone = ctx.timezone && ctx.timezone !== 'DEFAULT' ? ctx.timezone : 'UTC';
  for (const rule of rules.length ? rules : [{}]) {
    const c = ruleToCron(rule);
    if ('cron' in c) {
      ctx.trigger({ kind: 'schedule', cron: c.cron, timezone });
      ctx.report(`Schedule trigger became a manual input: add a schedule to the bot with cron "${c.cron}" (timezone ${timezone}).`);
    } else {
      ctx.trigger({ kind: 'schedule', timezone });
      ctx.report(`Schedule trigger became a manual input; its rule runs ${c.reason}: add a schedule to the bot by hand.`);
    }
  }
  return manual(() => ({ reason: "reads the schedule trigger's time fields, which a Bot Manager run does not have" }));
};

export const chatTrigger: Mapper = (_node, ctx) => {
  ctx.trigger({ kind: 'chat' });
  ctx.report('Chat trigger became a manual input: start runs with the input { "chatInput": "…" }.');
  return manual(inputItself);
};

/** Any other trigger (Gmail, form, another workflow…): the bot starts with a manual input instead. */
export const otherTrigger: Mapper = (node, ctx) => {
  ctx.trigger({ kind: 'other' });
  ctx.report(`The trigger "${node.type}" has no counterpart in Bot Manager; it became a manual input.`);
  return manual(() => ({ reason: `reads the output of the trigger "${node.name}" (${node.type}), which was not imported` }));
};
