import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { Knex } from 'knex';
import { replayActions, type ToolAction } from '../../tau/replay';
import { runTool } from '../../tau/run-tool';
import { WriteConflict, writeTransaction } from '../../store-actions/transaction';
import { RETAIL_TOOLS, retailToolDefinitions } from '../../tau/tool-registry';
import { adjustGiftCardBalance, updateOrderIfStatus } from '../../db/repositories/commerce-writes';
import { exportTauStore } from '../../tau/store/export';
import { importTauStore } from '../../tau/store/import';
import { migrateToLatest } from '../../db/migrate';
import { getOrder, getUser } from '../../tau/store/queries';
import { testEngines, type TestDatabase } from '../support/test-databases';
import type { TauStore } from '../../tau/format/records';
import { describeUnless } from '../support/skip';
import { BOOTS, BOOTS_AVAILABLE, CANCELLED, CREDIT_CARD, DELIVERED, ESPRESSO, ESPRESSO_AVAILABLE, ESPRESSO_UNAVAILABLE, GIFT_CARD, MOUSE, MOUSE_AVAILABLE, MOUSE_UNAVAILABLE, OTHER_USERS_CARD, PAYPAL, PENDING, PENDING_GIFT_CARD_PAID, PROCESSED, SNEAKERS, TAU_DB_DIR, UMBRELLA, UMBRELLA_AVAILABLE, USER } from '../support/tau-retail-records';


const action = (name: string, kwargs: Record<string, unknown> = {}): ToolAction => ({ name, kwargs });
const modifyItemsSetup = action('modify_pending_order_items', {
  order_id: PENDING,
  item_ids: [MOUSE],
  new_item_ids: [MOUSE_AVAILABLE],
  payment_method_id: CREDIT_CARD,
});

interface RefusalCase {
  when: string;
  /** Calls that succeed first, to bring the store into the state the case needs. */
  setup?: ToolAction[];
  call: ToolAction;
  error: string;
}

const REFUSALS: RefusalCase[] = [
  // Lookups
  { when: 'no customer has the email', call: action('find_user_id_by_email', { email: 'nobody@example.com' }), error: 'User not found' },
  { when: 'the zip does not match the name', call: action('find_user_id_by_name_zip', { first_name: 'Olivia', last_name: 'Ito', zip: '00000' }), error: 'User not found' },
  { when: 'the user id is unknown', call: action('get_user_details', { user_id: 'olivia_ito_0000' }), error: 'User not found' },
  { when: "the order id lacks its '#'", call: action('get_order_details', { order_id: 'W5442520' }), error: 'Order not found' },
  { when: 'a product is asked for by an item id', call: action('get_product_details', { product_id: MOUSE }), error: 'Product not found' },
  { when: 'an item is asked for by a product id', call: action('get_item_details', { item_id: '5713490933' }), error: 'Item not found' },
  { when: 'an expression has letters', call: action('calculate', { expression: '2 + x' }), error: 'Invalid characters in expression' },
  { when: 'an expression divides by zero', call: action('calculate', { expression: '1 / 0' }), error: 'division by zero' },

  // cancel_pending_order
  { when: 'the order to cancel is unknown', call: action('cancel_pending_order', { order_id: '#W0000000', reason: 'no longer needed' }), error: 'Order not found' },
  { when: 'the order to cancel is processed', call: action('cancel_pending_order', { order_id: PROCESSED, reason: 'no longer needed' }), error: 'Non-pending order cannot be cancelled' },
  { when: 'the order to cancel is delivered', call: action('cancel_pending_order', { order_id: DELIVERED, reason: 'ordered by mistake' }), error: 'Non-pending order cannot be cancelled' },
  { when: 'the order to cancel is already cancelled', call: action('cancel_pending_order', { order_id: CANCELLED, reason: 'no longer needed' }), error: 'Non-pending order cannot be cancelled' },
  {
    when: 'the order to cancel had its items modified',
    setup: [modifyItemsSetup],
    call: action('cancel_pending_order', { order_id: PENDING, reason: 'no longer needed' }),
    error: 'Non-pending order cannot be cancelled',
  },
  { when: 'the cancellation reason is not one of the two', call: action('cancel_pending_order', { order_id: PENDING, reason: 'found it cheaper' }), error: 'Invalid reason' },

  // modify_pending_order_address and modify_user_address
  {
    when: 'the order whose address changes is delivered',
    call: action('modify_pending_order_address', { order_id: DELIVERED, address1: '1 Main St', address2: '', city: 'Austin', state: 'TX', country: 'USA', zip: '78701' }),
    error: 'Non-pending order cannot be modified',
  },
  {
    when: 'the customer whose address changes is unknown',
    call: action('modify_user_address', { user_id: 'nobody_0000', address1: '1 Main St', address2: '', city: 'Austin', state: 'TX', country: 'USA', zip: '78701' }),
    error: 'User not found',
  },

  // modify_pending_order_payment
  { when: 'the order whose payment changes is processed', call: action('modify_pending_order_payment', { order_id: PROCESSED, payment_method_id: GIFT_CARD }), error: 'Non-pending order cannot be modified' },
  { when: "the new payment method is another customer's", call: action('modify_pending_order_payment', { order_id: PENDING, payment_method_id: OTHER_USERS_CARD }), error: 'Payment method not found' },
  { when: 'the new payment method is the current one', call: action('modify_pending_order_payment', { order_id: PENDING, payment_method_id: CREDIT_CARD }), error: 'The new payment method should be different from the current one' },
  { when: 'the gift card cannot cover the order total', call: action('modify_pending_order_payment', { order_id: PENDING, payment_method_id: GIFT_CARD }), error: 'Insufficient gift card balance to pay for the order' },
  {
    when: 'the payment was changed once already',
    setup: [action('modify_pending_order_payment', { order_id: PENDING, payment_method_id: PAYPAL })],
    call: action('modify_pending_order_payment', { order_id: PENDING, payment_method_id: CREDIT_CARD }),
    error: 'There should be exactly one payment for a pending order',
  },

  // modify_pending_order_items
  {
    when: 'the items of a processed order are modified',
    call: action('modify_pending_order_items', { order_id: PROCESSED, item_ids: ['5489028872'], new_item_ids: ['6843647669'], payment_method_id: PAYPAL }),
    error: 'Non-pending order cannot be modified',
  },
  {
    when: 'the items of an order are modified a second time',
    setup: [modifyItemsSetup],
    call: action('modify_pending_order_items', { order_id: PENDING, item_ids: [BOOTS], new_item_ids: [BOOTS_AVAILABLE], payment_method_id: CREDIT_CARD }),
    error: 'Non-pending order cannot be modified',
  },
  {
    when: 'an item to modify is not in the order',
    call: action('modify_pending_order_items', { order_id: PENDING, item_ids: [ESPRESSO], new_item_ids: [ESPRESSO_AVAILABLE], payment_method_id: CREDIT_CARD }),
    error: `${ESPRESSO} not found`,
  },
  {
    when: 'an item to modify is listed more often than the order holds it',
    call: action('modify_pending_order_items', { order_id: PENDING, item_ids: [MOUSE, MOUSE], new_item_ids: [MOUSE_AVAILABLE, MOUSE_AVAILABLE], payment_method_id: CREDIT_CARD }),
    error: `${MOUSE} not found`,
  },
  {
    when: 'the item counts of a modification do not match',
    call: action('modify_pending_order_items', { order_id: PENDING, item_ids: [MOUSE, BOOTS], new_item_ids: [MOUSE_AVAILABLE], payment_method_id: CREDIT_CARD }),
    error: 'The number of items to be exchanged should match',
  },
  {
    when: 'an item is modified into itself',
    call: action('modify_pending_order_items', { order_id: PENDING, item_ids: [MOUSE], new_item_ids: [MOUSE], payment_method_id: CREDIT_CARD }),
    error: 'The new item id should be different from the old item id',
  },
  {
    when: 'an item is modified into a variant of another product',
    call: action('modify_pending_order_items', { order_id: PENDING, item_ids: [MOUSE], new_item_ids: [BOOTS_AVAILABLE], payment_method_id: CREDIT_CARD }),
    error: 'Variant not found',
  },
  {
    when: 'an item is modified into an unavailable variant',
    call: action('modify_pending_order_items', { order_id: PENDING, item_ids: [MOUSE], new_item_ids: [MOUSE_UNAVAILABLE], payment_method_id: CREDIT_CARD }),
    error: `New item ${MOUSE_UNAVAILABLE} not found or available`,
  },
  {
    when: "the price difference of a modification goes to another customer's card",
    call: action('modify_pending_order_items', { order_id: PENDING, item_ids: [MOUSE], new_item_ids: [MOUSE_AVAILABLE], payment_method_id: OTHER_USERS_CARD }),
    error: 'Payment method not found',
  },
  {
    when: 'the gift card cannot cover the price difference of a modification (44.19 + 24.83 > 56.00)',
    call: action('modify_pending_order_items', { order_id: PENDING, item_ids: [UMBRELLA, MOUSE], new_item_ids: [UMBRELLA_AVAILABLE, MOUSE_AVAILABLE], payment_method_id: GIFT_CARD }),
    error: 'Insufficient gift card balance to pay for the new item',
  },

  // return_delivered_order_items
  { when: 'a pending order is returned', call: action('return_delivered_order_items', { order_id: PENDING, item_ids: [MOUSE], payment_method_id: CREDIT_CARD }), error: 'Non-delivered order cannot be returned' },
  { when: "the refund of a return goes to another customer's card", call: action('return_delivered_order_items', { order_id: DELIVERED, item_ids: [SNEAKERS], payment_method_id: OTHER_USERS_CARD }), error: 'Payment method not found' },
  {
    when: 'the refund of a return goes to a card that did not pay for the order',
    call: action('return_delivered_order_items', { order_id: DELIVERED, item_ids: [SNEAKERS], payment_method_id: CREDIT_CARD }),
    error: 'Payment method should be the original payment method',
  },
  { when: 'an item to return is not in the order', call: action('return_delivered_order_items', { order_id: DELIVERED, item_ids: [MOUSE], payment_method_id: PAYPAL }), error: 'Some item not found' },
  {
    when: 'an order is returned a second time',
    setup: [action('return_delivered_order_items', { order_id: DELIVERED, item_ids: [SNEAKERS], payment_method_id: PAYPAL })],
    call: action('return_delivered_order_items', { order_id: DELIVERED, item_ids: [ESPRESSO], payment_method_id: PAYPAL }),
    error: 'Non-delivered order cannot be returned',
  },

  // exchange_delivered_order_items
  {
    when: 'a pending order is exchanged',
    call: action('exchange_delivered_order_items', { order_id: PENDING, item_ids: [MOUSE], new_item_ids: [MOUSE_AVAILABLE], payment_method_id: CREDIT_CARD }),
    error: 'Non-delivered order cannot be exchanged',
  },
  {
    when: 'an item to exchange is not in the order',
    call: action('exchange_delivered_order_items', { order_id: DELIVERED, item_ids: [MOUSE], new_item_ids: [MOUSE_AVAILABLE], payment_method_id: PAYPAL }),
    error: `Number of ${MOUSE} not found.`,
  },
  {
    when: 'the item counts of an exchange do not match',
    call: action('exchange_delivered_order_items', { order_id: DELIVERED, item_ids: [ESPRESSO], new_item_ids: [], payment_method_id: PAYPAL }),
    error: 'The number of items to be exchanged should match.',
  },
  {
    when: 'an item is exchanged for a variant of another product',
    call: action('exchange_delivered_order_items', { order_id: DELIVERED, item_ids: [ESPRESSO], new_item_ids: [MOUSE_AVAILABLE], payment_method_id: PAYPAL }),
    error: 'Variant not found',
  },
  {
    when: 'an item is exchanged for an unavailable variant',
    call: action('exchange_delivered_order_items', { order_id: DELIVERED, item_ids: [ESPRESSO], new_item_ids: [ESPRESSO_UNAVAILABLE], payment_method_id: PAYPAL }),
    error: `New item ${ESPRESSO_UNAVAILABLE} not found or available`,
  },
  {
    when: "the price difference of an exchange goes to another customer's card",
    call: action('exchange_delivered_order_items', { order_id: DELIVERED, item_ids: [ESPRESSO], new_item_ids: [ESPRESSO_AVAILABLE], payment_method_id: OTHER_USERS_CARD }),
    error: 'Payment method not found',
  },
  {
    when: 'the gift card cannot cover the price difference of an exchange (85.88 > 56.00)',
    call: action('exchange_delivered_order_items', { order_id: DELIVERED, item_ids: [ESPRESSO], new_item_ids: [ESPRESSO_AVAILABLE], payment_method_id: GIFT_CARD }),
    error: 'Insufficient gift card balance to pay for the price difference',
  },

  // Calls that do not bind, as Python reports them
  { when: 'the tool does not exist', call: action('refund_everything', { order_id: PENDING }), error: "Tool 'refund_everything' not found." },
  { when: 'an argument is unknown', call: action('get_order_details', { order_id: PENDING, x: 1 }), error: "RetailTools.get_order_details() got an unexpected keyword argument 'x'" },
  { when: 'an argument is missing', call: action('get_order_details'), error: "RetailTools.get_order_details() missing 1 required positional argument: 'order_id'" },
  {
    when: 'three arguments are missing',
    call: action('modify_pending_order_items', { order_id: PENDING }),
    error: "RetailTools.modify_pending_order_items() missing 3 required positional arguments: 'item_ids', 'new_item_ids', and 'payment_method_id'",
  },
  {
    when: "an argument is called 'self'",
    call: action('cancel_pending_order', { self: 1, order_id: PENDING, reason: 'no longer needed' }),
    error: "RetailTools.cancel_pending_order() got multiple values for argument 'self'",
  },
  {
    when: 'an argument has the wrong type',
    call: action('return_delivered_order_items', { order_id: DELIVERED, item_ids: SNEAKERS, payment_method_id: PAYPAL }),
    error: "Invalid argument 'item_ids' for return_delivered_order_items: Invalid input: expected array, received string",
  },
];

const noChanges = { users: new Map(), orders: new Map(), products: new Map() };

for (const engine of testEngines()) {
  describeUnless(engine.skip, `the retail tools on ${engine.name}`, () => {
    let database: TestDatabase;
    let initial: TauStore;

    before(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
      await importTauStore(database.db, TAU_DB_DIR);
      initial = await exportTauStore(database.db);
    });
    after(async () => {
      await database?.close();
    });

    /** Runs `work` in a transaction that is rolled back, so every case starts from the shared store. */
    const inRolledBackTransaction = async <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> => {
      const trx = await database.db.transaction();
      return work(trx).finally(() => trx.rollback());
    };

    for (const refusal of REFUSALS) {
      it(`when ${refusal.when}, then the call answers "Error: ${refusal.error}" and changes nothing`, () =>
        inRolledBackTransaction(async (trx) => {
          let start = initial;
          if (refusal.setup) {
            const setup = await replayActions(trx, refusal.setup, { before: initial });
            assert.deepEqual(setup.outputs.filter((output) => output.error), [], 'the setup calls succeed');
            start = await exportTauStore(trx);
          }
          const result = await replayActions(trx, [refusal.call], { before: start });
          assert.deepEqual(result.outputs, [{ output: `Error: ${refusal.error}`, error: true }]);
          assert.deepEqual(result.changed, noChanges);
        }));
    }

    it('when an email differs only in case, then the customer is found', async () => {
      assert.deepEqual(await runTool(database.db, 'find_user_id_by_email', { email: 'Olivia.Ito5204@Example.com' }), {
        output: USER,
        error: false,
      });
    });

    it('when an order and its customer are read outside any transaction, then each comes from one snapshot, printed the reference way', async () => {
      const order = await runTool(database.db, 'get_order_details', { order_id: PROCESSED });
      assert.equal(order.error, false, order.output);
      assert.match(order.output, /^\{"order_id": "#W5353646", "user_id": "olivia_ito_3591", "address": \{"address1": /);
      assert.match(order.output, /"status": "processed", .*"cancel_reason": null, "exchange_items": null, .*"return_payment_method_id": null\}$/);
      const user = await runTool(database.db, 'get_user_details', { user_id: USER });
      assert.match(user.output, /"payment_methods": \{"gift_card_7794233": \{"source": "gift_card", "id": "gift_card_7794233", "balance": 56\.0\}, /);
    });

    it('when an item is exchanged for the same item, then the tool accepts it as the reference does (the policy engine refuses it)', () =>
      inRolledBackTransaction(async (trx) => {
        // #W6304490 (omar_khan_2363, delivered) holds item 6956751343, which is still available at the same price.
        const result = await runTool(trx, 'exchange_delivered_order_items', {
          order_id: '#W6304490',
          item_ids: ['6956751343'],
          new_item_ids: ['6956751343'],
          payment_method_id: 'credit_card_4420174',
        });
        assert.equal(result.error, false, result.output);
        const order = await getOrder(trx, '#W6304490');
        assert.equal(order?.status, 'exchange requested');
        assert.equal(order?.exchange_price_difference, 0);
      }));

    it('when a pending order paid by gift card is cancelled, then every payment is refunded and the card credited at once', () =>
      inRolledBackTransaction(async (trx) => {
        const result = await replayActions(trx, [action('cancel_pending_order', { order_id: PENDING_GIFT_CARD_PAID, reason: 'no longer needed' })], {
          before: initial,
        });
        assert.equal(result.outputs[0]?.error, false);
        const order = result.changed.orders.get(PENDING_GIFT_CARD_PAID);
        assert.equal(order?.status, 'cancelled');
        assert.equal(order?.cancel_reason, 'no longer needed');
        assert.deepEqual(order?.payment_history, [
          { transaction_type: 'payment', amount: 3570.34, payment_method_id: GIFT_CARD },
          { transaction_type: 'refund', amount: 3570.34, payment_method_id: GIFT_CARD },
        ]);
        const card = result.changed.users.get(USER)?.payment_methods.get(GIFT_CARD);
        assert.deepEqual(card, { source: 'gift_card', id: GIFT_CARD, balance: 3626.34 });
      }));

    it('when two items are modified with a gift card, then each gets its own variant, and the difference is exact cents', () =>
      inRolledBackTransaction(async (trx) => {
        // 162.15 - 137.32 + 253.89 - 240.87 is 37.849999999999994 in floating point; the store keeps 3785 cents.
        const result = await runTool(trx, 'modify_pending_order_items', {
          order_id: PENDING,
          item_ids: [MOUSE, BOOTS],
          new_item_ids: [MOUSE_AVAILABLE, BOOTS_AVAILABLE],
          payment_method_id: GIFT_CARD,
        });
        assert.equal(result.error, false, result.output);
        const order = await getOrder(trx, PENDING);
        assert.equal(order?.status, 'pending (item modified)');
        assert.deepEqual(
          order?.items.map((item) => [item.item_id, item.price]),
          [[MOUSE_AVAILABLE, 162.15], [UMBRELLA, 285.66], [BOOTS_AVAILABLE, 253.89]],
        );
        assert.deepEqual(order?.items[0]?.options, new Map([['color', 'black'], ['sensor type', 'laser'], ['connectivity', 'wired']]));
        assert.deepEqual(order?.payment_history.at(-1), { transaction_type: 'payment', amount: 37.85, payment_method_id: GIFT_CARD });
        const row = await trx('payment_transactions').where({ order_id: PENDING }).orderBy('position', 'desc').first();
        assert.deepEqual([row.amount_cents, row.amount_json], [3785, null]);
        assert.deepEqual((await getUser(trx, USER))?.payment_methods.get(GIFT_CARD), { source: 'gift_card', id: GIFT_CARD, balance: 18.15 });
        assert.match(result.output, /"amount": 37\.85, "payment_method_id": "gift_card_7794233"/);
      }));

    it('when a conditional update finds the status changed, then it applies nothing and says so', () =>
      inRolledBackTransaction(async (trx) => {
        assert.equal(await updateOrderIfStatus(trx, PROCESSED, 'pending', { status: 'cancelled' }), false);
        assert.equal((await getOrder(trx, PROCESSED))?.status, 'processed');
        assert.equal(await adjustGiftCardBalance(trx, GIFT_CARD, -6000, 6000), false);
        assert.equal(await adjustGiftCardBalance(trx, CREDIT_CARD, 100), false, 'only gift cards have a balance');
        assert.deepEqual((await replayActions(trx, [], { before: initial })).changed, noChanges);
      }));

    it('when a write loses a race once, then it runs again from its first read', async () => {
      let attempts = 0;
      const value = await writeTransaction(database.db, async () => {
        attempts++;
        if (attempts === 1) throw new WriteConflict();
        return 'done';
      });
      assert.deepEqual([value, attempts], ['done', 2]);
    });

    it('every tool of the reference is registered with a JSON schema of its arguments', () => {
      assert.deepEqual([...RETAIL_TOOLS.keys()].sort(), [
        'calculate', 'cancel_pending_order', 'exchange_delivered_order_items', 'find_user_id_by_email', 'find_user_id_by_name_zip',
        'get_item_details', 'get_order_details', 'get_product_details', 'get_user_details', 'list_all_product_types',
        'modify_pending_order_address', 'modify_pending_order_items', 'modify_pending_order_payment', 'modify_user_address',
        'return_delivered_order_items', 'transfer_to_human_agents',
      ]);
      const cancel = retailToolDefinitions().find((tool) => tool.name === 'cancel_pending_order');
      assert.deepEqual((cancel?.input_schema as { required?: string[] }).required, ['order_id', 'reason']);
    });

    // These commit: they need separate connections. Each uses its own order.
    describe('concurrent calls', () => {
      it('when the same order is cancelled twice at once, then exactly one succeeds and the card is refunded once', async () => {
        const cancel = () => runTool(database.db, 'cancel_pending_order', { order_id: PENDING_GIFT_CARD_PAID, reason: 'ordered by mistake' });
        const results = await Promise.all([cancel(), cancel()]);
        assert.deepEqual(results.map((result) => result.error).sort(), [false, true]);
        assert.ok(results.some((result) => result.output === 'Error: Non-pending order cannot be cancelled'));
        const order = await getOrder(database.db, PENDING_GIFT_CARD_PAID);
        assert.deepEqual(order?.payment_history.map((payment) => payment.transaction_type), ['payment', 'refund']);
        const card = (await getUser(database.db, USER))?.payment_methods.get(GIFT_CARD);
        assert.deepEqual(card, { source: 'gift_card', id: GIFT_CARD, balance: 3626.34 });
      });

      it('when the payment of one order is changed twice at once, then exactly one change is made', async () => {
        const results = await Promise.all([
          runTool(database.db, 'modify_pending_order_payment', { order_id: PENDING, payment_method_id: PAYPAL }),
          runTool(database.db, 'modify_pending_order_payment', { order_id: PENDING, payment_method_id: PAYPAL }),
        ]);
        assert.deepEqual(results.map((result) => result.error).sort(), [false, true]);
        assert.ok(results.some((result) => result.output === 'Error: There should be exactly one payment for a pending order'));
        assert.equal((await getOrder(database.db, PENDING))?.payment_history.length, 3);
      });

      it('when a delivered order is returned and exchanged at once, then exactly one of them happens', async () => {
        const results = await Promise.all([
          runTool(database.db, 'return_delivered_order_items', { order_id: DELIVERED, item_ids: [SNEAKERS], payment_method_id: PAYPAL }),
          runTool(database.db, 'exchange_delivered_order_items', { order_id: DELIVERED, item_ids: [SNEAKERS], new_item_ids: ['2509076505'], payment_method_id: PAYPAL }),
        ]);
        assert.deepEqual(results.map((result) => result.error).sort(), [false, true]);
        const order = await getOrder(database.db, DELIVERED);
        assert.ok(order?.status === 'return requested' || order?.status === 'exchange requested');
        assert.equal(order?.status === 'return requested', order?.exchange_items === null);
      });
    });
  });
}
