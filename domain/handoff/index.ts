export { whyAgentCommandIsRefused, type Refusal } from './agent-commands';
export { PRIORITY_RANK, priorityFor, raisePriority } from './priority';
export { summarizeForAgent, type SummaryFacts } from './summary';
