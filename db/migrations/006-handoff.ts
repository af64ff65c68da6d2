import type { Knex } from 'knex';

/**
 * The agent side of handoff. The conversation workflow owns the truth; these tables are its
 * projection for people: the queue agents pick from, the supervisors' notifications (SLA breaches,
 * approval requests), and the approvals waiting for a supervisor.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('handoff_queue', (table) => {
    table.text('conversation_id').primary();
    table.text('workflow_id').notNullable();
    table.text('status').notNullable().checkIn(['awaiting_agent', 'with_agent', 'done']);
    table.text('priority').notNullable().checkIn(['normal', 'high', 'urgent']);
    /** 1 normal, 2 high, 3 urgent: sorts the queue. */
    table.integer('priority_rank').notNullable();
    table.text('reasons').notNullable();
    table.text('summary').notNullable();
    table.text('customer_name');
    table.text('claimed_by');
    table.text('requested_at').notNullable();
    table.text('sla_due_at');
    table.timestamp('updated_at').notNullable().defaultTo(knex.fn.now());
    table.index(['status', 'priority_rank']);
  });

  await knex.schema.createTable('staff_notifications', (table) => {
    table.increments('id').primary();
    table.text('audience').notNullable();
    table.text('kind').notNullable();
    table.text('conversation_id');
    table.text('text').notNullable();
    table.text('created_at').notNullable();
    /** The workflow may retry the activity that writes it: one row per event, whatever happens. */
    table.text('event_key').notNullable().unique();
  });

  await knex.schema.createTable('approval_requests', (table) => {
    /** `<conversation id>:<proposal id>`: two conversations may propose the very same action. */
    table.text('approval_id').primary();
    table.text('proposal_id').notNullable();
    table.text('conversation_id').notNullable();
    table.text('workflow_id').notNullable();
    table.text('role').notNullable();
    table.text('action').notNullable();
    table.text('detail').notNullable();
    table.text('reason').notNullable();
    table.text('status').notNullable().checkIn(['pending', 'approved', 'denied', 'timed_out', 'withdrawn']);
    table.text('requested_at').notNullable();
    table.text('decided_by');
    table.text('decided_at');
    table.index(['status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('approval_requests');
  await knex.schema.dropTable('staff_notifications');
  await knex.schema.dropTable('handoff_queue');
}
