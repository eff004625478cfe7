export { getNodeDefinition, getNodeTypeInfo, listNodeDefinitions, listNodeVersions, nodeTypeLookup, toNodeTypeInfo } from './registry';
export { nodeTextPaths, nodeTextPrefix, withNodeTexts } from './describe-texts';
export { describeNodeType, describeNodeTypes, type NodeTypeDescription, type ParamTemplating, type ParamUi } from './describe';
export { SECRET_MASK, graphConnectionIds, graphLoops, maskSecretParams, restoreSecretParams } from './graph-facts';
export { executeNode, type ExecuteResult } from './runtime';
export { NodeError, isNodeError, toNodeError } from './errors';
export { nodeError } from './messages';
export { validateBotGraph, type BotValidationContext, type ConnectionForValidation } from './validate-bot';
export { createSmtpEmailSender, type SmtpEmailSender, type SmtpSenderOptions } from './output/email/smtp';
export { flowResult, isFlowResult } from './types';
export type {
  ApprovalRequest,
  CollectedItems,
  FlowRequest,
  FlowResult,
  EmailMessage,
  LlmCallRequest,
  LlmCallResult,
  LlmPurpose,
  LlmUsage,
  NodeCategory,
  NodeContext,
  NodeDefinition,
  NodeDisplay,
  NodeExecution,
  NodeInputs,
  NodeOutputDescription,
  NodeSummaryRule,
  PortDef,
  RetryPolicy,
} from './types';
export {
  bindPortable,
  connectionIdsIn,
  nodesUsed,
  renameSecrets,
  toPortable,
  unboundSlots,
  type PortableGraph,
  type PortableSlot,
  type SlotBindings,
} from './portable';
