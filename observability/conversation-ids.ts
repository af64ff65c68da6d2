/** Which conversation a log line is about, read from what the line already has. Pure. */

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
// The inverse of workflowIdFor (domain/conversation.ts); refund sagas started by a conversation extend its id.
const WORKFLOW_ID = new RegExp(`^conversation-(${UUID})(?:-|$)`);
const PATH = new RegExp(`^/v1/conversations/(${UUID})(?:/|$)`);

/** The conversation a workflow belongs to: its own workflow or a refund saga it started. */
export function conversationIdOfWorkflow(workflowId: string): string | undefined {
  return WORKFLOW_ID.exec(workflowId)?.[1];
}

/** The conversation an API path names (`/v1/conversations/:id/...`), if any. */
export function conversationIdOfPath(path: string): string | undefined {
  return PATH.exec(path)?.[1];
}
