import type { Knex } from 'knex';
import { ActionRefused } from '../store-actions/refusal';
import { toPythonJson } from './format/python-json';
import { pythonBindingError } from './python-call';
import { getRetailTool, parameterNames } from './tool-registry';
import type { ToolValue } from './tool';

/** A tool call's answer as the agent sees it: the reference's text, and whether the call failed (the text is then `Error: ...`). */
export interface ToolOutput {
  output: string;
  error: boolean;
}

/**
 * Calls a retail tool by name with keyword arguments, answering exactly as the reference does:
 * an unknown tool, arguments that do not bind, and every refusal become an `Error: ...` output.
 * Argument types are checked too (the reference does not); a wrong type is refused with the
 * argument's name instead of failing somewhere inside. Faults that are not refusals (a database
 * that is down, a bug) are thrown, not turned into outputs.
 */
export async function runTool(db: Knex, name: string, kwargs: Readonly<Record<string, unknown>>): Promise<ToolOutput> {
  const tool = getRetailTool(name);
  if (!tool) return failure(`Tool '${name}' not found.`);
  const bindingError = pythonBindingError(name, parameterNames(tool), kwargs);
  if (bindingError) return failure(bindingError);
  const parsed = tool.parameters.safeParse(kwargs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const argument = issue?.path[0];
    return failure(`Invalid argument '${String(argument ?? '')}' for ${name}: ${issue?.message ?? 'invalid input'}`);
  }
  try {
    return { output: formatToolValue(await tool.handler(db, parsed.data)), error: false };
  } catch (error) {
    if (error instanceof ActionRefused) return failure(error.message);
    throw error;
  }
}

/** A string as it is; a record as Python's `json.dumps` prints it (model field order, `, ` and `: `). */
export function formatToolValue(value: ToolValue): string {
  return typeof value === 'string' ? value : toPythonJson(value);
}

function failure(message: string): ToolOutput {
  return { output: `Error: ${message}`, error: true };
}
