export { botRunWorkflow } from './bot-run';
