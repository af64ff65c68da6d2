import { Client, WorkflowNotFoundError, type ConnectionLike } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { WorkflowIsRunning } from '../activities/reconcile-refunds';

/** Asks Temporal whether a workflow still runs: reconciliation leaves a running saga's refund to it. */
export function workflowIsRunningOn(connection: ConnectionLike, namespace: string, dataConverter?: DataConverter): WorkflowIsRunning {
  const client = new Client({ connection, namespace, ...(dataConverter ? { dataConverter } : {}) });
  return async (workflowId) => {
    try {
      return (await client.workflow.getHandle(workflowId).describe()).status.name === 'RUNNING';
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  };
}
