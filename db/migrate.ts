import type { Knex } from 'knex';
import * as store from './migrations/001-store';
import * as apiTokens from './migrations/002-api-tokens';
import * as refunds from './migrations/003-refunds';
import * as returnConversations from './migrations/004-return-conversations';
import * as paymentChangeRefunds from './migrations/005-payment-change-refunds';
import * as handoff from './migrations/006-handoff';
import * as notificationDelivery from './migrations/007-notification-delivery';
import * as owedRefunds from './migrations/008-owed-refunds';
import * as workerHeartbeats from './migrations/009-worker-heartbeats';
import * as actionExecutions from './migrations/010-action-executions';
import * as accounts from './migrations/011-accounts';
import * as invoicesNewsletterReviews from './migrations/012-invoices-newsletter-reviews';
import * as conversationOutcomes from './migrations/013-conversation-outcomes';
import * as tokenExpiryIdempotency from './migrations/014-token-expiry-idempotency';
import * as payloadDataKeys from './migrations/015-payload-data-keys';
import * as emailChannel from './migrations/016-email-channel';
import * as phoneChannels from './migrations/017-phone-channels';
import * as outboxEveryMessage from './migrations/018-outbox-every-message';
import * as agentLanguages from './migrations/019-agent-languages';
import * as handoffLanguage from './migrations/020-handoff-language';
import * as channelLanguage from './migrations/021-channel-language';

interface Migration {
  name: string;
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

/**
 * Listed here rather than found by scanning a folder: scanning depends on file extensions
 * (.ts under tsx, .js once compiled) and on where the files land in a Docker image.
 * Append new migrations; never rename or reorder the ones that have run somewhere.
 */
const MIGRATIONS: readonly Migration[] = [
  { name: '001-store', ...store },
  { name: '002-api-tokens', ...apiTokens },
  { name: '003-refunds', ...refunds },
  { name: '004-return-conversations', ...returnConversations },
  { name: '005-payment-change-refunds', ...paymentChangeRefunds },
  { name: '006-handoff', ...handoff },
  { name: '007-notification-delivery', ...notificationDelivery },
  { name: '008-owed-refunds', ...owedRefunds },
  { name: '009-worker-heartbeats', ...workerHeartbeats },
  { name: '010-action-executions', ...actionExecutions },
  { name: '011-accounts', ...accounts },
  { name: '012-invoices-newsletter-reviews', ...invoicesNewsletterReviews },
  { name: '013-conversation-outcomes', ...conversationOutcomes },
  { name: '014-token-expiry-idempotency', ...tokenExpiryIdempotency },
  { name: '015-payload-data-keys', ...payloadDataKeys },
  { name: '016-email-channel', ...emailChannel },
  { name: '017-phone-channels', ...phoneChannels },
  { name: '018-outbox-every-message', ...outboxEveryMessage },
  { name: '019-agent-languages', ...agentLanguages },
  { name: '020-handoff-language', ...handoffLanguage },
  { name: '021-channel-language', ...channelLanguage },
];

const migrationSource: Knex.MigrationSource<Migration> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};

export async function migrateToLatest(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource });
}

/** Undoes every migration that has run (tests and local resets; never needed in production). */
export async function rollbackAll(db: Knex): Promise<void> {
  await db.migrate.rollback({ migrationSource }, true);
}
