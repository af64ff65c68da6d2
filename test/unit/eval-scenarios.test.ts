import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { DEFAULT_SCENARIO_DIR } from '../../eval/command';
import { templateOf, undoActions, type CarriedOut } from '../../eval/capture';
import { storeDifferences } from '../../eval/fixture-store';
import { changedFields, recordDifferences, renameIds, sameJson, type PlainRecord, type PlainRecords } from '../../eval/records';
import { ScenarioError, formatScenario, loadScenarioDir, parseScenario, seedFixture } from '../../eval/scenario';
import { fillLine, pickVariant, type TemplateValues } from '../../eval/templates';
import { draftProposal, sealProposal } from '../../domain/policy/proposal';

const FILE = 'eval/scenarios/example.yaml';

const VALID = `
name: cancel a pending order
fixture:
  seedCustomer: tomas_lindqvist_4161
lines:
  - ["I want to cancel my order", "please cancel an order"]
  - "{email}"
  - ["{order:#W2651773}"]
expected:
  outcome: verified
  actions:
    - { name: cancel_pending_order, status: executed }
  handoff: false
  store:
    orders:
      "#W2651773": { status: cancelled, cancel_reason: ordered by mistake }
`;

function refused(text: string): string {
  try {
    parseScenario(text, FILE);
  } catch (error) {
    assert.ok(error instanceof ScenarioError, `expected a ScenarioError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('the scenario was accepted');
}

describe('eval scenario files', () => {
  it('when the shipped suite is loaded, then it holds at least ten valid scenarios covering every kind of request the catalogue lists', () => {
    const scenarios = loadScenarioDir(DEFAULT_SCENARIO_DIR);
    assert.ok(scenarios.length >= 10, `${scenarios.length} scenarios`);
    const done = new Set(scenarios.flatMap((s) => s.expected.actions.filter((a) => a.status === 'executed').map((a) => a.name)));
    for (const action of ['cancel_pending_order', 'modify_pending_order_address', 'modify_user_address', 'return_delivered_order_items', 'exchange_delivered_order_items', 'modify_pending_order_items', 'modify_pending_order_payment']) {
      assert.ok(done.has(action), `no scenario carries out ${action}`);
    }
    assert.ok(scenarios.some((s) => s.expected.handoff && s.expected.outcome === 'escalated'), 'a handoff request');
    assert.ok(scenarios.some((s) => s.fixture === null && s.expected.actions.length === 0 && !s.expected.handoff), 'a help-centre question');
    const refusal = scenarios.find((s) => s.expected.outcome === 'contained' && s.expected.actions.length === 0 && s.fixture !== null);
    assert.ok(refusal, 'a refused action');
    assert.deepEqual(refusal.expected.store, {}, 'a refusal changes nothing in the store');
    assert.ok(scenarios.every((s) => s.lines.some((variants) => variants.length > 1)), 'every scenario varies its phrasing');
  });

  it('when a valid file is parsed, then a bare string line is one phrasing and the seed customer becomes the fixture', () => {
    const scenario = parseScenario(VALID, FILE);
    assert.deepEqual(scenario.lines, [['I want to cancel my order', 'please cancel an order'], ['{email}'], ['{order:#W2651773}']]);
    assert.equal(scenario.fixture?.user.user_id, 'tomas_lindqvist_4161');
    assert.deepEqual(Object.keys(scenario.fixture?.orders ?? {}).sort(), ['#W2651773', '#W5505845']);
    assert.deepEqual(scenario.expected.actions, [{ name: 'cancel_pending_order', status: 'executed' }]);
  });

  const MALFORMED: [string, string, RegExp][] = [
    ['the YAML is broken', 'name: [unclosed', /example\.yaml: not valid YAML/],
    ['the name is missing', VALID.replace('name: cancel a pending order', ''), /example\.yaml: name must be a non-empty string/],
    ['lines is not a list', VALID.replace(/lines:[\s\S]*?expected:/, 'lines: hello\nexpected:'), /example\.yaml: lines must be a list/],
    ['a phrasing is empty', VALID.replace('"please cancel an order"', '""'), /example\.yaml: lines\[0\]\[1\] must be a non-empty string/],
    ['the outcome is unknown', VALID.replace('outcome: verified', 'outcome: solved'), /example\.yaml: expected\.outcome must be one of verified, contained, escalated, abandoned \(found "solved"\)/],
    ['an action status is unknown', VALID.replace('status: executed }', 'status: done }'), /example\.yaml: expected\.actions\[0\]\.status must be one of/],
    ['a field is misspelt', VALID.replace('handoff: false', 'handof: false'), /example\.yaml: expected has an unknown field "handof"/],
    ['the seed customer does not exist', VALID.replace('tomas_lindqvist_4161', 'nobody_1'), /example\.yaml: fixture\.seedCustomer "nobody_1" is not a demo-store customer/],
    ['a placeholder names an order the fixture lacks', VALID.replace('{order:#W2651773}', '{order:#W0000000}'), /example\.yaml: lines\[2\]\[0\] uses \{order:#W0000000\}, but the fixture has no order #W0000000/],
    ['a placeholder is not one', VALID.replace('"{email}"', '"{mail}"'), /example\.yaml: lines\[1\]\[0\] uses \{mail\}, which is not a placeholder/],
    ['an expected order is not in the fixture', VALID.replace('"#W2651773": {', '"#W1111111": {'), /example\.yaml: expected\.store\.orders\["#W1111111"\] is not a fixture order/],
    ['an expected field is not an order field', VALID.replace('cancel_reason:', 'reason:'), /example\.yaml: expected\.store\.orders\["#W2651773"\]\.reason is not an order field/],
    ['an expected value has the wrong type', VALID.replace('status: cancelled', 'status: 3'), /example\.yaml: expected\.store\.orders .*status must be a string \(found 3\)/],
  ];
  for (const [label, text, message] of MALFORMED) {
    it(`when ${label}, then the file is refused with a message naming the file and the field`, () => {
      assert.match(refused(text), message);
    });
  }

  it('when an inline fixture order has a bad field, then the message names the file, the order and the field', () => {
    const inline = parseScenario(VALID, FILE).fixture as PlainRecords;
    const order = { ...(inline.orders['#W2651773'] as PlainRecord), status: 7 };
    const text = formatScenario({ name: 'x', fixture: { user: inline.user, orders: { ...inline.orders, '#W2651773': order } }, lines: [['hi']], expected: { actions: [], handoff: false, store: {} } });
    assert.match(refused(text), /example\.yaml: fixture\.orders: order "#W2651773": status must be a string \(found 7\)/);
  });

  it('when an inline fixture order belongs to someone else, then the file is refused naming the field', () => {
    const inline = parseScenario(VALID, FILE).fixture as PlainRecords;
    const order = { ...(inline.orders['#W2651773'] as PlainRecord), user_id: 'someone_else' };
    const text = formatScenario({ name: 'x', fixture: { user: inline.user, orders: { ...inline.orders, '#W2651773': order } }, lines: [['hi']], expected: { actions: [], handoff: false, store: {} } });
    assert.match(refused(text), /fixture\.orders\["#W2651773"\]\.user_id must be the fixture user's id "tomas_lindqvist_4161"/);
  });

  it('when an inline fixture order is filed under another id than its own, then the file is refused naming the field', () => {
    const inline = parseScenario(VALID, FILE).fixture as PlainRecords;
    const text = formatScenario({ name: 'x', fixture: { user: inline.user, orders: { ...inline.orders, '#W2651773': { ...(inline.orders['#W2651773'] as PlainRecord), order_id: '#W9999999' } } }, lines: [['hi']], expected: { actions: [], handoff: false, store: {} } });
    assert.match(refused(text), /fixture\.orders\["#W2651773"\]\.order_id must be "#W2651773", the key it is filed under/);
  });

  it('when a scenario is formatted and parsed again, then it is the same scenario', () => {
    const scenario = parseScenario(VALID, FILE);
    const again = parseScenario(formatScenario(scenario), FILE);
    assert.deepEqual({ ...again, file: FILE }, scenario);
    const inline = { ...scenario, fixtureSource: undefined };
    const inlineAgain = parseScenario(formatScenario(inline), FILE);
    assert.deepEqual(inlineAgain.fixture, scenario.fixture);
  });
});

describe('eval phrasing variants and templates', () => {
  it('when runs pick a phrasing, then run i says variant i mod n, the same every time', () => {
    const variants = ['a', 'b', 'c'];
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((run) => pickVariant(variants, run)), ['a', 'b', 'c', 'a', 'b', 'c', 'a']);
    assert.deepEqual([0, 1, 2].map((run) => pickVariant(['only'], run)), ['only', 'only', 'only']);
    assert.equal(pickVariant(variants, 4), pickVariant(variants, 4));
  });

  it("when a line is filled, then every placeholder says this run's record", () => {
    const values: TemplateValues = {
      email: 'tomas+ev1@example.com',
      firstName: 'Tomas',
      lastName: 'Lindqvist',
      zip: '12345',
      orders: new Map([['#W2651773', '#W7654321'], ['#W5505845', '#W1234567']]),
      payments: new Map([['gift_card_7441813', 'gift_card_1111111']]),
      itemNames: new Map([['8490484782', 'Smart Watch']]),
    };
    assert.equal(
      fillLine('I am {name} ({first_name} {last_name}), zip {zip}, {email}: cancel {order} and {order:#W5505845}, pay with {payment:gift_card_7441813}, the {item:8490484782}', values),
      'I am Tomas Lindqvist (Tomas Lindqvist), zip 12345, tomas+ev1@example.com: cancel #W7654321 and #W1234567, pay with gift_card_1111111, the Smart Watch',
    );
    assert.equal(fillLine('how long do refunds take?', null), 'how long do refunds take?');
  });

  it("when a captured line names the customer's e-mail, orders, payment methods and zip, then they become placeholders", () => {
    const fixture = seedFixture('tomas_lindqvist_4161');
    assert.equal(
      templateOf('I am Tomas Lindqvist, zip 55408, TOMAS.LINDQVIST4161@example.com, order W2651773 and #W5505845, pay with gift_card_7441813', fixture),
      'I am Tomas Lindqvist, zip {zip}, {email}, order {order:#W2651773} and {order:#W5505845}, pay with {payment:gift_card_7441813}',
    );
  });
});

describe('eval store comparison', () => {
  it('when ids are renamed and renamed back, then the records are what they were', () => {
    const fixture = seedFixture('maya_okafor_5444');
    const ids = new Map([['maya_okafor_5444', 'maya_okafor_5444_ev1'], ['#W6676116', '#W1000001'], ['credit_card_1693992', 'credit_card_2000002']]);
    const back = new Map([...ids].map(([a, b]) => [b, a]));
    const renamed = renameIds(fixture.orders['#W6676116'] as PlainRecord, ids) as PlainRecord;
    assert.equal(renamed.order_id, '#W1000001');
    assert.equal(renamed.user_id, 'maya_okafor_5444_ev1');
    assert.equal((renamed.payment_history as PlainRecord[])[0]?.payment_method_id, 'credit_card_2000002');
    assert.deepEqual(renameIds(renamed, back), fixture.orders['#W6676116']);
    assert.ok(renameIds(fixture.user, ids) !== fixture.user);
    assert.ok(Object.keys((renameIds(fixture.user, ids) as PlainRecord).payment_methods as object).includes('credit_card_2000002'));
  });

  it('when records are compared, then object key order does not matter, list order does, and a null field is an absent one', () => {
    assert.ok(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }));
    assert.ok(!sameJson([1, 2], [2, 1]));
    assert.ok(sameJson({ a: 1, c: null }, { a: 1 }));
    assert.ok(!sameJson({ a: 1 }, { a: '1' }));
    assert.deepEqual(changedFields({ a: 1, b: 2 }, { a: 1, b: 3, c: 4 }), { b: 3, c: 4 });
    assert.deepEqual(recordDifferences('order #W1', { status: 'cancelled' }, { status: 'pending' }), ['order #W1 status: expected "cancelled", found "pending"']);
  });

  it('when the store changed a field the scenario does not list, then that is a difference too', () => {
    const fixture = seedFixture('tomas_lindqvist_4161');
    const pending = fixture.orders['#W2651773'] as PlainRecord;
    const found = { user: fixture.user, orders: { ...fixture.orders, '#W2651773': { ...pending, status: 'cancelled', cancel_reason: 'no longer needed' } } };
    assert.deepEqual(storeDifferences(fixture, { orders: { '#W2651773': { status: 'cancelled', cancel_reason: 'no longer needed' } } }, found), []);
    assert.deepEqual(storeDifferences(fixture, { orders: { '#W2651773': { status: 'cancelled' } } }, found), ['order #W2651773 cancel_reason: expected nothing, found "no longer needed"']);
    assert.deepEqual(storeDifferences(fixture, {}, { user: fixture.user, orders: {} }), ['order #W5505845: expected it in the store, found nothing', 'order #W2651773: expected it in the store, found nothing']);
  });
});

describe('eval capture: the records before the conversation', () => {
  const carried = (request: CarriedOut['request'], fields: Parameters<typeof draftProposal>[1]): CarriedOut => ({ request, proposal: sealProposal(draftProposal(request.kind, fields)) });

  it('when a gift-card order was cancelled, then undoing it gives back the status, the payment history and the balance', () => {
    const before = seedFixture('maya_okafor_5444');
    const order = before.orders['#W9642161'] as PlainRecord;
    const payment = (order.payment_history as PlainRecord[])[0] as PlainRecord;
    const card = (before.user.payment_methods as Record<string, PlainRecord>).gift_card_4411096 as PlainRecord;
    const after: PlainRecords = JSON.parse(JSON.stringify(before)) as PlainRecords;
    const cancelled = after.orders['#W9642161'] as PlainRecord;
    cancelled.status = 'cancelled';
    cancelled.cancel_reason = 'no longer needed';
    (cancelled.payment_history as PlainRecord[]).push({ ...payment, transaction_type: 'refund' });
    ((after.user.payment_methods as Record<string, PlainRecord>).gift_card_4411096 as PlainRecord).balance = Math.round((Number(card.balance) + Number(payment.amount)) * 100) / 100;

    const undone = undoActions(after, [carried({ kind: 'cancel_pending_order', orderId: '#W9642161', reason: 'no longer needed' }, { orderId: '#W9642161', basis: { orderStatus: 'pending', paymentEntries: 1 } })], new Map());
    assert.deepEqual(undone, before);
  });

  it('when an item, an address and the account were changed, then each is put back as it was, newest change first', () => {
    const before = seedFixture('kenji_watanabe_7905');
    const after: PlainRecords = JSON.parse(JSON.stringify(before)) as PlainRecords;
    const order = after.orders['#W7341318'] as PlainRecord;
    const [item] = order.items as PlainRecord[];
    Object.assign(item as PlainRecord, { item_id: '8139500642', options: { color: 'black', 'noise cancelling': 'yes' } });
    order.status = 'pending (item modified)';
    (order.payment_history as PlainRecord[]).push({ transaction_type: 'refund', amount: 0, payment_method_id: 'credit_card_7482370' });
    const oldAddress = before.orders['#W7341318']?.address as PlainRecord;
    const newAddress = { address1: '1 New Road', address2: '', city: 'Reno', country: 'USA', state: 'NV', zip: '89501' };
    order.address = newAddress;
    after.user.email = 'kenji@new.example.com';

    const undone = undoActions(
      after,
      [
        carried(
          { kind: 'modify_pending_order_items', orderId: '#W7341318', itemIds: ['3609688678'], newItemIds: ['8139500642'], paymentMethodId: 'credit_card_7482370' },
          { orderId: '#W7341318', basis: { orderStatus: 'pending', paymentEntries: 1 }, items: [{ itemId: '3609688678', productId: '4765894937', name: 'Wireless Earbuds', priceCents: 14999, newItemId: '8139500642', newPriceCents: 14999 }] },
        ),
        carried(
          { kind: 'modify_pending_order_address', orderId: '#W7341318', address: newAddress } as CarriedOut['request'],
          { orderId: '#W7341318', basis: { orderStatus: 'pending (item modified)', paymentEntries: 2 }, address: { from: oldAddress as never, to: newAddress } },
        ),
        carried(
          { kind: 'modify_user_account', userId: 'kenji_watanabe_7905', email: 'kenji@new.example.com' } as CarriedOut['request'],
          { account: { from: { firstName: 'Kenji', lastName: 'Watanabe', email: before.user.email as string }, to: { firstName: 'Kenji', lastName: 'Watanabe', email: 'kenji@new.example.com' } } },
        ),
      ],
      new Map([['3609688678', { color: 'white', 'noise cancelling': 'yes' }]]),
    );
    assert.deepEqual(undone, before);
  });
});
