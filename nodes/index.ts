export {
  describeNodeTypes,
  getNodeDefinition,
  getNodeTypeInfo,
  listNodeDefinitions,
  listNodeVersions,
  nodeTypeLookup,
  toNodeTypeInfo,
  type NodeTypeDescription,
  type ParamTemplating,
  type ParamUi,
} from './registry';
export { executeNode, type ExecuteResult } from './runtime';
export { NodeError, isNodeError, toNodeError } from './errors';
export { validateBotGraph, type BotValidationContext, type ConnectionForValidation } from './validate-bot';
export { createSmtpEmailSender, type SmtpEmailSender, type SmtpSenderOptions } from './output/email/smtp';
export type {
  EmailMessage,
  LlmCallRequest,
  LlmCallResult,
  LlmPurpose,
  LlmUsage,
  NodeCategory,
  NodeContext,
  NodeDefinition,
  NodeInputs,
  PortDef,
} from './types';
