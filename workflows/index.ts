// The only bundle entry for the worker: every workflow the product runs.
export { ConversationWorkflow } from './conversation/workflow';
export { RefundSagaWorkflow } from './refund-saga/workflow';
export { ReconciliationWorkflow } from './reconciliation/workflow';
export { AccountErasureWorkflow } from './account-erasure/workflow';
