import type { Knex } from 'knex';

/**
 * What operators measure, projected from each conversation's workflow (which stays the truth):
 * its outcome with the resolution window that can still take a verified status away, the figures
 * the metrics and the dashboard add up (tiers, intents, escalation codes, actions, money; no
 * customer text), and the quality scorecard of each closed conversation.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('conversation_outcomes', (table) => {
    table.text('conversation_id').primary();
    table.text('workflow_id').notNullable();
    table.text('channel').notNullable();
    /** The verified customer's id, else the e-mail hint the conversation started with: who can "come back". */
    table.text('customer_key');
    /** Null while not known yet (a resolution waiting for its window, or a conversation still going). */
    table.text('outcome').checkIn(['verified', 'contained', 'escalated', 'abandoned']);
    /** `verified` while the resolution window runs: it becomes the outcome unless the customer comes back. */
    table.text('candidate').checkIn(['verified']);
    table.text('reason').notNullable();
    /** JSON array of the intents the conversation resolved: coming back on one of them inside the window counts. */
    table.text('issues').notNullable();
    table.text('resolved_at');
    table.text('window_ends_at');
    /** Set when the customer came back on a resolved issue inside the window: what came back, and where. */
    table.text('came_back');
    table.text('started_at').notNullable();
    table.text('closed_at');
    table.integer('customer_turns').notNullable();
    table.integer('csat');
    /** JSON `ConversationFigures`. */
    table.text('figures').notNullable();
    table.text('updated_at').notNullable();
    table.index(['customer_key']);
    table.index(['started_at']);
    table.index(['candidate', 'window_ends_at']);
  });

  await knex.schema.createTable('conversation_scorecards', (table) => {
    table.text('conversation_id').primary();
    table.text('workflow_id').notNullable();
    table.text('closed_at').notNullable();
    table.boolean('passed').notNullable();
    /** JSON array of the ids of the failing checks. */
    table.text('failing').notNullable();
    /** JSON array of `ScorecardCheck`. */
    table.text('checks').notNullable();
    table.index(['passed', 'closed_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('conversation_scorecards');
  await knex.schema.dropTable('conversation_outcomes');
}
