import type { Mapper } from '../plan';
import { filterNode, ifNode, noOp, stickyNote } from './flow';
import { httpRequest } from './http';
import { merge, splitOut } from './items';
import { splitInBatches } from './loop';
import { agent, chainLlm, openAiBase, openAiLangchain, vendorMessage } from './llm';
import { emailSend, slack } from './outputs';
import { respondToWebhook } from './respond';
import { rssFeedRead, rssFeedTrigger } from './rss';
import { setNode } from './set';
import { executeWorkflow } from './subworkflow';
import { switchNode } from './switch';
import { chatTrigger, manualTrigger, scheduleTrigger, webhookTrigger } from './triggers';
import { wait } from './wait';

/** n8n node type → how it becomes ours. The one list of n8n types this package knows. */
export const MAPPERS: ReadonlyMap<string, Mapper> = new Map<string, Mapper>([
  ['n8n-nodes-base.manualTrigger', manualTrigger],
  ['n8n-nodes-base.start', manualTrigger],
  ['n8n-nodes-base.webhook', webhookTrigger],
  ['n8n-nodes-base.scheduleTrigger', scheduleTrigger],
  ['@n8n/n8n-nodes-langchain.chatTrigger', chatTrigger],
  ['n8n-nodes-base.httpRequest', httpRequest],
  ['n8n-nodes-base.rssFeedRead', rssFeedRead],
  ['n8n-nodes-base.rssFeedReadTrigger', rssFeedTrigger],
  ['n8n-nodes-base.set', setNode],
  ['n8n-nodes-base.if', ifNode],
  ['n8n-nodes-base.switch', switchNode],
  ['n8n-nodes-base.filter', filterNode],
  ['n8n-nodes-base.noOp', noOp],
  ['n8n-nodes-base.splitInBatches', splitInBatches],
  ['n8n-nodes-base.wait', wait],
  ['n8n-nodes-base.executeWorkflow', executeWorkflow],
  ['n8n-nodes-base.merge', merge],
  ['n8n-nodes-base.splitOut', splitOut],
  ['n8n-nodes-base.openAi', openAiBase],
  ['@n8n/n8n-nodes-langchain.openAi', openAiLangchain],
  ['@n8n/n8n-nodes-langchain.anthropic', vendorMessage],
  ['@n8n/n8n-nodes-langchain.googleGemini', vendorMessage],
  ['@n8n/n8n-nodes-langchain.chainLlm', chainLlm],
  ['@n8n/n8n-nodes-langchain.agent', agent],
  ['n8n-nodes-base.slack', slack],
  ['n8n-nodes-base.emailSend', emailSend],
  ['n8n-nodes-base.respondToWebhook', respondToWebhook],
  ['n8n-nodes-base.stickyNote', stickyNote],
]);
