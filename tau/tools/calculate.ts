import { z } from 'zod';
import { PythonEvaluationError, calculatePython } from '../python-arithmetic';
import { ToolError, defineTool } from '../tool';

export const calculate = defineTool({
  name: 'calculate',
  kind: 'generic',
  description:
    "Evaluate an arithmetic expression of numbers, + - * / and parentheses, such as '652.61 + 473.43'; the result is rounded to 2 decimals.",
  parameters: z.strictObject({
    expression: z.string().describe("The expression, such as '2 + 2'. Only digits, '.', '+', '-', '*', '/', parentheses and spaces."),
  }),
  async handler(_db, { expression }) {
    try {
      return calculatePython(expression);
    } catch (error) {
      if (error instanceof PythonEvaluationError) throw new ToolError(error.message);
      throw error;
    }
  },
});
