import { z } from 'zod';
import { defineTool } from '../tool';

export const transferToHumanAgents = defineTool({
  name: 'transfer_to_human_agents',
  kind: 'generic',
  description:
    'Hand the customer over to a human agent, with a summary of their issue. Only when they ask for a human, or when the request cannot be handled with these tools under the policy.',
  parameters: z.strictObject({
    summary: z.string().describe("A short summary of the customer's issue for the human agent."),
  }),
  async handler() {
    return 'Transfer successful';
  },
});
