import type { Knex } from 'knex';
import type { z } from 'zod';
import { ActionRefused } from '../store-actions/refusal';
import type { TauOrderDetails, TauProduct, TauUser, TauVariant } from './format/records';

/**
 * A refusal by a tool of its own (a read that finds nothing, a bad expression), with the reference's
 * message: the caller sees `Error: <message>`, as for the action layer's refusals. It is the
 * reference's ValueError; anything else thrown by a handler is a fault, not an answer.
 */
export class ToolError extends ActionRefused {
  override name = 'ToolError';
}

/** What a tool answers: a text (ids, numbers, confirmations) or a store record, printed as the reference prints it. */
export type ToolValue = string | TauUser | TauOrderDetails | TauProduct | TauVariant;

/** `read` tools never change the store; `write` tools change it in one transaction; `generic` ones touch nothing. */
export type ToolKind = 'read' | 'write' | 'generic';

export interface RetailTool<Parameters extends z.ZodObject = z.ZodObject> {
  /** The reference's tool name, e.g. `cancel_pending_order`. */
  name: string;
  kind: ToolKind;
  /** For the model that picks the tool: what it does and what it refuses. */
  description: string;
  /** The keyword arguments, in the reference's signature order (that order shows in "missing argument" errors). */
  parameters: Parameters;
  /** `db` may be a transaction: write tools then nest theirs inside it (a savepoint). */
  handler(db: Knex, args: z.output<Parameters>): Promise<ToolValue>;
}

export function defineTool<Parameters extends z.ZodObject>(tool: RetailTool<Parameters>): RetailTool<Parameters> {
  return tool;
}
