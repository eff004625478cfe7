export { convertN8nWorkflow } from './convert';
export { N8nImportError, type N8nImportErrorCode } from './errors';
export { MAX_N8N_NODES } from './workflow';
export type { BotDocument, ConnectionSlot, ConversionResult, ConvertOptions, SlotProvider, TriggerHint, Unmapped } from './types';
export { UNBOUND_BOT_PREFIX } from './mappers/subworkflow';
