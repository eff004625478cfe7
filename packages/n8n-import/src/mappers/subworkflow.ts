import { asString, locatorValue, obj, unsupported, type Mapper } from '../plan';

/** The marker an imported flow.subbot carries until someone picks the bot: it names the n8n workflow it stood for. */
export const UNBOUND_BOT_PREFIX = 'n8n-workflow:';

/**
 * Execute Workflow → flow.subbot. Which bot to run cannot come from the file (n8n names one of
 * its own workflows): the caller's mapping (`options.bots`) gives it, or `botId` holds a marker
 * naming that workflow and the report says to pick the bot — it never runs some other bot.
 */
export const executeWorkflow: Mapper = (node, ctx) => {
  const p = node.parameters;
  const source = asString(p.source) ?? 'database';
  if (source !== 'database') {
    return unsupported(
      `Execute Workflow from a ${source === 'parameter' ? 'workflow JSON in the node' : source === 'url' ? 'URL' : 'local file'} has no counterpart: import that workflow as a bot of its own and call it with flow.subbot.`,
    );
  }
  const locator = obj(p.workflowId);
  const id = asString(locatorValue(p.workflowId)) ?? '';
  const title = asString(locator.cachedResultName) ?? '';
  const named = title ? `"${title}" (${id || 'no id'})` : id ? `"${id}"` : 'that is not named';
  const chosen = id ? ctx.botFor(id) : undefined;
  if (!chosen)
    ctx.report(
      `It runs the n8n workflow ${named}, which Bot Manager cannot know: import that workflow as a bot, then choose it as this node's bot (saving refuses a bot that does not exist, so choose it before importing, or import without this node).`,
      'workflowId',
    );
  const wait = obj(p.options).waitForSubWorkflow !== false;
  if (asString(p.mode) === 'each') ctx.report('n8n ran the workflow once per item; here it runs once, with the whole input.', 'mode');
  const inputs = obj(p.workflowInputs);
  if (Object.keys(obj(inputs.value)).length)
    ctx.report("The sub-workflow's input fields were not imported: it gets this node's input (set Input to shape it).", 'workflowInputs');
  return {
    kind: 'node',
    type: 'flow.subbot',
    version: 1,
    // Its items are the other workflow's result, which we cannot look into.
    output: () => ({ reason: `reads the result of the sub-workflow run by "${node.name}", whose shape the file does not say` }),
    build: () => ({ botId: chosen ?? `${UNBOUND_BOT_PREFIX}${id || node.name}`.slice(0, 200), mode: wait ? 'wait' : 'fire' }),
  };
};
