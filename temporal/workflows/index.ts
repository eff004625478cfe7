export { botRunWorkflow, loopItemsWorkflow } from './bot-run';
