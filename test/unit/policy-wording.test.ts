import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { formatMoney, type TranslatedLanguage } from '../../domain/messages';
import { describeProposal, proposalChangeWords, proposalChanges, proposalWords, wordsIn, type Wording, type Words } from '../../domain/policy';
import type { ActionRequest, Proposal } from '../../domain/policy/types';
import { englishOf } from '../../workflows/conversation/speaking';
import { sayPolicy } from '../../workflows/conversation/flows/steps/proposal';
import type { CarriedState } from '../../domain/conversation';
import { DENIALS, decideDenial, type DenialSituation } from '../support/policy-denials';
import { DELIVERED, DELIVERED_LAPTOP, MEI, NEW_ADDRESS, PENDING, PENDING_GIFT_CARD, PENDING_LAPTOP, proposalFor, SHIRT_BLUE_M, SHIRT_GREEN_L, SHIRT_RED_M, SHOES_10, SHOES_9, type Situation } from '../support/policy-fixtures';

const LANGUAGES: TranslatedLanguage[] = ['de', 'es', 'fr', 'pt'];

/** The reasons exactly as the policy wrote them before it worded them for other languages (audits compare them). */
const ENGLISH: [label: string, rule: string, reason: string][] = [
  ["the settings are invalid", "settings", "The policy settings are invalid: automaticRefundLimitCents must be a whole number of cents, 0 or more (got -1)."],
  ["no approver role is set", "settings", "The policy settings are invalid: refundApproverRoles must name at least one role."],
  ["an approver role is unknown", "settings", "The policy settings are invalid: refundApproverRoles: \"owner\" is not one of agent, supervisor."],
  ["the address rule setting is not a boolean", "settings", "The policy settings are invalid: addressChangeAfterItemModification must be true or false."],
  ["the action is unknown", "request-shape", "Unknown action: \"delete_account\"."],
  ["the order id is a number", "request-shape", "The cancel_pending_order request is malformed: orderId must be a non-empty string."],
  ["the order id is too long", "request-shape", "The cancel_pending_order request is malformed: orderId is not a valid id."],
  ["the cancel reason is not text", "request-shape", "The cancel_pending_order request is malformed: reason must be a string."],
  ["no item is listed", "request-shape", "The return_delivered_order_items request is malformed: itemIds must list at least one item id."],
  ["too many items are listed", "request-shape", "The return_delivered_order_items request is malformed: itemIds lists more than 100 items."],
  ["an item id is empty", "request-shape", "The return_delivered_order_items request is malformed: itemIds[0] must be a non-empty string."],
  ["the account change changes nothing", "request-shape", "The modify_user_account request is malformed: it must change the name, the e-mail address or both."],
  ["the new e-mail is not text", "request-shape", "The modify_user_account request is malformed: email must be a string."],
  ["the goodwill amount is not whole cents", "request-shape", "The goodwill_credit request is malformed: amountCents must be a whole number of cents."],
  ["the goodwill reason is empty", "request-shape", "The goodwill_credit request is malformed: reason must be a non-empty string."],
  ["the goodwill reason is too long", "request-shape", "The goodwill_credit request is malformed: reason must be at most 1000 characters."],
  ["the address is not an object", "address", "The new address is not usable: address must be an object."],
  ["an address field is missing", "address", "The new address is not usable: address.country must be a string."],
  ["an address field is too long", "address", "The new address is not usable: address.city must be at most 200 characters."],
  ["an address field holds a control character", "address", "The new address is not usable: address.city must not contain control characters."],
  ["the zip code is empty", "address", "The new address is not usable: address.zip must not be empty."],
  ["nobody is authenticated", "authentication", "The customer has not been authenticated in this conversation (email, or name and zip code)."],
  ["the store has no such order", "record-not-found", "Order #W0000001 was not found among the authenticated customer’s orders."],
  ["the order is someone else’s", "order-ownership", "Order #W0000001 was not found among the authenticated customer’s orders."],
  ["the customer record is missing", "record-not-found", "No customer record was found for mei_kim_1234."],
  ["the customer record is someone else’s", "customer-ownership", "The customer record given is not the authenticated customer’s."],
  ["someone else’s profile is changed", "customer-ownership", "Only the authenticated customer’s own profile can be changed in this conversation."],
  ["the cancel reason is another one", "cancel-reason", "The reason for cancelling must be 'no longer needed' or 'ordered by mistake'."],
  ["a processed order is cancelled", "order-status", "Order #W0000004 is processed; only pending orders can be cancelled."],
  ["a cancelled order gets a new address", "order-status", "Order #W0000005 is cancelled; only pending orders can be modified."],
  ["a pending order is returned", "order-status", "Order #W0000001 is pending; only delivered orders can be returned."],
  ["a pending order is exchanged", "order-status", "Order #W0000001 is pending; only delivered orders can be exchanged."],
  ["an item-modified order is cancelled", "items-modified-once", "Order #W0000003 already had its items modified, so it can no longer be cancelled."],
  ["an item-modified order has its items modified", "items-modified-once", "Order #W0000003 already had its items modified, so it can no longer be modified."],
  ["the payment was already changed", "payment-changed-once", "Order #W0000008's payment method was already changed (or its payment record is not a single payment); it can be changed only once."],
  ["an exchange was already requested", "return-or-exchange-once", "A return or exchange was already requested for order #W0000007; it can be requested only once per order."],
  ["a cancelled order gets goodwill", "order-status", "Order #W0000005 is cancelled and was refunded; no goodwill credit applies."],
  ["the item is not in the order", "items-in-order", "Item 2000000002 is not in order #W0000001."],
  ["an item ordered once is listed twice", "items-in-order", "Item 2000000001 is listed 2 times but order #W0000001 holds it 1 time."],
  ["an item ordered twice is listed three times", "items-in-order", "Item 2000000001 is listed 3 times but order #W0000002 holds it 2 times."],
  ["one item gets two new ones", "item-count", "1 item to change but 2 new items; each item needs exactly one new item."],
  ["two items get one new one", "item-count", "2 items to change but 1 new item; each item needs exactly one new item."],
  ["an item is changed for itself", "same-item", "Item 2000000001 cannot be changed for itself; choose a different option of the product."],
  ["the product record was not read", "record-not-found", "No product record was found for T-Shirt (product 1000000001)."],
  ["shoes are exchanged for a laptop", "same-product", "Item 4000000002 is not an option of Running Shoes (product 1000000002); an item can only change to another option of the same product."],
  ["the new option is sold out", "variant-available", "Item 2000000004 (T-Shirt) is not available."],
  ["someone else’s card pays", "payment-method-ownership", "Payment method credit_card_9 is not one of the customer’s payment methods."],
  ["a gift card is short of the new items", "gift-card-balance", "Gift card gift_card_4 has $5.99, not enough to pay $15.00 for the new items."],
  ["a gift card is short of the exchange", "gift-card-balance", "Gift card gift_card_4 has $5.99, not enough to pay $15.00 for the price difference."],
  ["a gift card is short of the order", "gift-card-balance", "Gift card gift_card_3 has $50.00, not enough to pay $100.00 for the order."],
  ["a refund goes to PayPal, which did not pay", "refund-destination", "A refund for order #W0000002 must go to its original payment method (credit_card_1) or to a gift card, not to paypal_2."],
  ["the new method is the current one", "payment-method-unchanged", "Order #W0000001 is already paid with credit_card_1; choose a different payment method."],
  ["the goodwill is zero", "goodwill-amount", "A goodwill credit must be more than $0.00."],
  ["the goodwill is more than was paid", "goodwill-amount", "A goodwill credit of $10.01 is more than remains of what was paid for order #W0000002 ($10.00)."],
  ["the earlier goodwill is unreadable", "goodwill-amount", "The goodwill already credited on order #W0000002 is not a readable amount."],
  ["the new first name is empty", "request-shape", "The new name is not usable: the first name is empty."],
  ["the new last name is empty", "request-shape", "The new name is not usable: the last name is empty."],
  ["the new first name is too long", "request-shape", "The new name is not usable: the first name is not usable."],
  ["the new last name has a control character", "request-shape", "The new name is not usable: the last name is not usable."],
  ["the new name is not an object", "request-shape", "The new name is not usable: the name must have a first and a last name."],
  ["the new e-mail is empty", "email", "The new e-mail address is not usable: the e-mail address is empty."],
  ["the new e-mail is too long", "email", "The new e-mail address is not usable: the e-mail address is longer than 254 characters."],
  ["the new e-mail is not one", "email", "The new e-mail address is not usable: mei at example is not a valid e-mail address."],
  ["whether the e-mail is free was not looked up", "record-not-found", "Whether the new e-mail address is in use was not looked up."],
  ["the e-mail is someone else’s", "email-taken", "That e-mail address already belongs to another account."],
  ["the account already has that name", "account-unchanged", "The account already has that name and e-mail address."],
  ["the orders were not looked up", "record-not-found", "The customer’s orders were not looked up."],
  ["one order is still open", "orders-open", "order #W0000001 (pending) is still open; an account can be closed once every order is delivered or cancelled."],
  ["three orders are still open", "orders-open", "orders #W0000001 (pending), #W0000004 (processed) and #W0000007 (exchange requested) are still open; an account can be closed once every order is delivered or cancelled."],
  ["the action was already done", "already-done", "This exact action was already carried out; it is not repeated."],
  ["an item-modified order is returned", "order-status", "Order #W0000003 is pending (item modified); only delivered orders can be returned."],
];

/** Ids, payment methods, e-mail addresses: facts that must come through every translation unchanged. */
const IDS = /#W\d+|\b\d{10}\b|\b(?:credit_card|paypal|gift_card)_\d+\b|\bmei_kim_\d+\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const AMOUNTS = /(-?)\$(\d+)\.(\d{2})/g;

/** What a translation must keep of the English: each id as it is, each amount formatted for the locale. */
function factFaults(english: string, text: string, language: string): string[] {
  const faults: string[] = [];
  for (const id of english.match(IDS) ?? []) if (!text.includes(id)) faults.push(`lost ${id}`);
  for (const [, sign, dollars, cents] of english.matchAll(AMOUNTS)) {
    const amount = formatMoney((sign ? -1 : 1) * (Number(dollars) * 100 + Number(cents)), language);
    if (!text.includes(amount)) faults.push(`lost the amount ${amount}`);
  }
  if (/\{\w+\}/.test(text)) faults.push('a placeholder was left unfilled');
  return faults;
}

/** The worded pieces inside a wording (a status, a nested problem, list entries). */
function nestedIn(text: Words): Wording[] {
  if (typeof text === 'string') return [];
  return Object.values(text.params ?? {}).flatMap((value) => {
    if (typeof value !== 'object') return [];
    if ('key' in value) return [value, ...nestedIn(value)];
    const pieces = 'joined' in value ? value.joined : 'listed' in value ? value.listed : [];
    return pieces.flatMap((piece) => (typeof piece === 'string' ? [] : [piece, ...nestedIn(piece)]));
  });
}

/** Every fault of one worded text in one language: facts lost, the sentence or a piece of it left in English. */
function wordingFaults(text: Words, language: TranslatedLanguage): string[] {
  const english = wordsIn('en', text);
  const said = wordsIn(language, text);
  const faults = factFaults(english, said, language);
  if (typeof text !== 'string' && said === english) faults.push('left in English');
  for (const piece of nestedIn(text)) {
    const pieceEnglish = wordsIn('en', piece);
    const pieceSaid = wordsIn(language, piece);
    const hasWords = /\p{L}/u.test(piece.key.replace(/\{\w+\}/g, ''));
    if (hasWords && pieceEnglish === pieceSaid) faults.push(`"${pieceEnglish}" not translated`);
    else if (pieceEnglish !== pieceSaid && said.includes(pieceEnglish)) faults.push(`"${pieceEnglish}" left in English`);
    if (!said.includes(pieceSaid)) faults.push(`"${pieceSaid}" missing`);
  }
  return faults.map((fault) => `${language}: ${fault} in "${said}"`);
}

describe('the policy’s refusals in the customer’s language', () => {
  it('has a row for every refusal the table covers, in the same order', () => {
    assert.deepEqual(DENIALS.map(([label]) => label), ENGLISH.map(([label]) => label));
  });

  for (const [index, [label, request, situation]] of DENIALS.entries()) {
    const [, rule, reason] = ENGLISH[index]!;
    it(`when ${label}, then ${rule} is said in English exactly as before and in de/es/fr/pt with its facts`, () => {
      const decision = decideDenial(request, situation);
      assert.equal(decision.outcome, 'deny', JSON.stringify(decision));
      if (decision.outcome !== 'deny') return;
      assert.equal(decision.rule, rule);
      assert.equal(decision.reason, reason);
      assert.equal(wordsIn('en', decision.wording), reason);
      assert.deepEqual(LANGUAGES.flatMap((language) => wordingFaults(decision.wording, language)), []);
    });
  }

  it('says a status refusal as a whole sentence in each language, the status in the language too', () => {
    const decision = decideDenial({ kind: 'cancel_pending_order', orderId: '#W0000004', reason: 'no longer needed' });
    assert.equal(decision.outcome, 'deny');
    if (decision.outcome !== 'deny') return;
    assert.deepEqual(
      LANGUAGES.map((language) => wordsIn(language, decision.wording)),
      [
        'Die Bestellung #W0000004 hat den Status „bearbeitet“; nur ausstehende Bestellungen können storniert werden.',
        'El pedido #W0000004 está en estado «procesado»; solo se pueden cancelar los pedidos pendientes.',
        'La commande #W0000004 est au statut « traitée » ; seules les commandes en attente peuvent être annulées.',
        'A encomenda #W0000004 está no estado «processada»; só as encomendas pendentes podem ser canceladas.',
      ],
    );
  });

  it('formats amounts for the locale in a refusal (a gift card short of the order)', () => {
    const decision = decideDenial({ kind: 'modify_pending_order_payment', orderId: PENDING, paymentMethodId: 'gift_card_3' });
    assert.equal(decision.outcome, 'deny');
    if (decision.outcome !== 'deny') return;
    assert.equal(
      wordsIn('de', decision.wording).replace(/\s/g, ' '),
      'Auf der Geschenkkarte gift_card_3 sind 50,00 $, nicht genug, um 100,00 $ für die Bestellung zu bezahlen.',
    );
  });

  it('lists open orders the way each language lists, statuses translated', () => {
    const decision = decideDenial({ kind: 'erase_user_account', userId: MEI }, {
      records: { customerOrders: [{ id: '#W1', status: 'pending' }, { id: '#W2', status: 'processed' }, { id: '#W3', status: 'return requested' }] },
    });
    assert.equal(decision.outcome, 'deny');
    if (decision.outcome !== 'deny') return;
    assert.equal(
      wordsIn('es', decision.wording),
      'Los pedidos #W1 (pendiente), #W2 (procesado) y #W3 (devolución solicitada) siguen abiertos; una cuenta se puede cerrar cuando todos los pedidos estén entregados o cancelados.',
    );
  });
});

const cancel = (orderId: string): ActionRequest => ({ kind: 'cancel_pending_order', orderId, reason: 'ordered by mistake' });
const modify = (newItemId: string): ActionRequest => ({
  kind: 'modify_pending_order_items',
  orderId: PENDING,
  itemIds: [SHIRT_BLUE_M],
  newItemIds: [newItemId],
  paymentMethodId: 'credit_card_1',
});
const goodwill = (amountCents: number, paymentMethodId = 'credit_card_1'): ActionRequest => ({
  kind: 'goodwill_credit',
  orderId: DELIVERED,
  amountCents,
  paymentMethodId,
  reason: 'late parcel',
});

describe('the policy’s proposals in the customer’s language', () => {
  const proposals: [string, ActionRequest, DenialSituation?][] = [
    ['a cancellation', cancel(PENDING)],
    ['an order’s new address', { kind: 'modify_pending_order_address', orderId: PENDING, address: NEW_ADDRESS }],
    ['a new default address', { kind: 'modify_user_address', userId: MEI, address: NEW_ADDRESS }],
    ['a new name and e-mail address', { kind: 'modify_user_account', userId: MEI, name: { firstName: 'Mei', lastName: 'Park' }, email: 'mei.new@example.com' }, { records: { emailHolderId: null } }],
    ['closing the account', { kind: 'erase_user_account', userId: MEI }, { records: { customerOrders: [] } }],
    ['another payment method', { kind: 'modify_pending_order_payment', orderId: PENDING_GIFT_CARD, paymentMethodId: 'credit_card_1' }],
    ['changed items', { kind: 'modify_pending_order_items', orderId: PENDING, itemIds: [SHIRT_BLUE_M, SHOES_9], newItemIds: [SHIRT_GREEN_L, SHOES_10], paymentMethodId: 'credit_card_1' }],
    ['an exchange', { kind: 'exchange_delivered_order_items', orderId: DELIVERED, itemIds: [SHIRT_BLUE_M], newItemIds: [SHIRT_RED_M], paymentMethodId: 'credit_card_1' }],
    ['a return over the refund limit', { kind: 'return_delivered_order_items', orderId: DELIVERED_LAPTOP, itemIds: ['4000000001'], paymentMethodId: 'paypal_2' }],
    ['a return an agent approves', { kind: 'return_delivered_order_items', orderId: DELIVERED, itemIds: [SHOES_9], paymentMethodId: 'credit_card_1' }, { settings: { automaticRefundLimitCents: 5000, refundApproverRoles: ['agent'] } }],
    ['goodwill', goodwill(1000)],
    ['a transfer to a person', { kind: 'transfer_to_human', summary: 'wants to dispute a charge' }],
  ];
  for (const [label, request, situation] of proposals) {
    it(`when ${label} is proposed, then every line reads in de/es/fr/pt with its facts, and the English lines are describeProposal’s`, () => {
      const decision = decideDenial(request, situation);
      const proposal: Proposal | undefined = decision.outcome === 'deny' ? undefined : decision.proposal;
      assert.ok(proposal, JSON.stringify(decision));
      if (!proposal) return;
      const lines = proposalWords(proposal);
      assert.ok(lines.length > 0);
      assert.deepEqual(lines.map((line) => wordsIn('en', line)), describeProposal(proposal));
      for (const line of lines) assert.notEqual(typeof line, 'string', `"${line}" has no template: it would reach every language in English`);
      assert.deepEqual(LANGUAGES.flatMap((language) => lines.flatMap((line) => wordingFaults(line, language))), []);
    });
  }

  it('words a cancellation in German with its reason and refund', () => {
    const lines = proposalWords(proposalFor(cancel(PENDING))).map((line) => wordsIn('de', line).replace(/\s/g, ' '));
    assert.deepEqual(lines.slice(0, 2), ['Die Bestellung #W0000001 stornieren (Grund: versehentlich bestellt).', '100,00 $ auf credit_card_1 erstatten.']);
  });

  it('words an item change in French, prices for the locale', () => {
    const [line] = proposalWords(proposalFor(modify(SHIRT_RED_M))).map((l) => wordsIn('fr', l).replace(/\s/g, ' '));
    assert.equal(line, 'Modifier des articles de la commande #W0000001 : T-Shirt 2000000001 (20,00 $US) → 2000000002 (25,00 $US).');
  });

  it('words the approval a proposal needs, read back from its English reason', () => {
    const proposal = proposalFor({ kind: 'return_delivered_order_items', orderId: DELIVERED_LAPTOP, itemIds: ['4000000001'], paymentMethodId: 'paypal_2' });
    const lines = proposalWords(proposal).map((line) => wordsIn('de', line).replace(/\s/g, ' '));
    assert.ok(lines.includes('Eine Erstattung von 600,00 $ liegt über der automatischen Grenze von 500,00 $; ein Vorgesetzter muss sie genehmigen.'), lines.join('\n'));
  });

  it('shows an approval reason it cannot read back as it is, never a wrong amount', () => {
    const proposal = proposalFor({ kind: 'return_delivered_order_items', orderId: DELIVERED_LAPTOP, itemIds: ['4000000001'], paymentMethodId: 'paypal_2' });
    const odd = { ...proposal, approval: { role: 'supervisor' as const, reason: 'A supervisor must look at this refund.' } };
    assert.ok(proposalWords(odd).includes('A supervisor must look at this refund.'));
  });
});

describe('what changed since a proposal, in the customer’s language', () => {
  const cases: [string, [ActionRequest, Situation], [ActionRequest, Situation]][] = [
    ['the refund limit was lowered below the refund', [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 100_000 } }], [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 10_000 } }]],
    ['the refund limit was raised above it', [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 0 } }], [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 100_000 } }]],
    ['the approving role changed', [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 0 } }], [cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 0, refundApproverRoles: ['agent'] } }]],
    ['the new item changed', [modify(SHIRT_RED_M), {}], [modify(SHIRT_GREEN_L), {}]],
    ['the goodwill amount changed', [goodwill(1000), {}], [goodwill(1500), {}]],
    ['the goodwill goes elsewhere', [goodwill(1000), {}], [goodwill(1000, 'gift_card_3'), {}]],
    ['another action', [cancel(PENDING), {}], [goodwill(1000), {}]],
  ];
  for (const [label, [beforeRequest, beforeSituation], [afterRequest, afterSituation]] of cases) {
    it(`when ${label}, then each change reads in de/es/fr/pt and in English as proposalChanges says`, () => {
      const before = proposalFor(beforeRequest, beforeSituation);
      const after = proposalFor(afterRequest, afterSituation);
      const changes = proposalChangeWords(before, after);
      assert.ok(changes.length > 0);
      assert.deepEqual(changes.map((line) => wordsIn('en', line)), proposalChanges(before, after));
      assert.deepEqual(LANGUAGES.flatMap((language) => changes.flatMap((line) => wordingFaults(line, language))), []);
    });
  }

  it('says a new approval in Portuguese with both amounts for the locale', () => {
    const before = proposalFor(cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 100_000 } });
    const after = proposalFor(cancel(PENDING_LAPTOP), { settings: { automaticRefundLimitCents: 10_000 } });
    assert.deepEqual(
      proposalChangeWords(before, after).map((line) => wordsIn('pt', line).replace(/\s/g, ' ')),
      ['Agora precisa primeiro de uma aprovação: Um reembolso de 600,00 US$ ultrapassa o limite automático de 100,00 US$; tem de ser aprovado por um supervisor.'],
    );
  });
});

describe('the conversation saying the policy’s words', () => {
  const conversation = (language?: string): Pick<CarriedState, 'language' | 'spoken'> => (language ? { language: { language, by: 'request' } } : {});

  it('says a refusal in the conversation’s language and keeps its English for the console', () => {
    const decision = decideDenial({ kind: 'modify_pending_order_items', orderId: PENDING, itemIds: [SHOES_9], newItemIds: [SHOES_10], paymentMethodId: 'gift_card_4' });
    assert.equal(decision.outcome, 'deny');
    if (decision.outcome !== 'deny') return;
    const state = conversation('fr');
    const said = sayPolicy(state, decision.wording);
    assert.equal(said.replace(/\s/g, ' '), 'La carte cadeau gift_card_4 a 5,99 $US, pas assez pour payer 15,00 $US pour les nouveaux articles.');
    assert.equal(englishOf(said, state.spoken ?? []), decision.reason);
  });

  it('puts a nested refusal back together in English (a status inside a sentence)', () => {
    const decision = decideDenial({ kind: 'return_delivered_order_items', orderId: PENDING, itemIds: [SHOES_9], paymentMethodId: 'credit_card_1' });
    assert.equal(decision.outcome, 'deny');
    if (decision.outcome !== 'deny') return;
    for (const language of LANGUAGES) {
      const state = conversation(language);
      const said = sayPolicy(state, decision.wording);
      assert.notEqual(said, decision.reason);
      assert.equal(englishOf(said, state.spoken ?? []), decision.reason, language);
    }
  });

  it('says exactly the English reason in an English conversation, and keeps nothing beside it', () => {
    const decision = decideDenial({ kind: 'cancel_pending_order', orderId: '#W0000004', reason: 'no longer needed' });
    assert.equal(decision.outcome, 'deny');
    if (decision.outcome !== 'deny') return;
    const state = conversation();
    assert.equal(sayPolicy(state, decision.wording), 'Order #W0000004 is processed; only pending orders can be cancelled.');
    assert.equal(state.spoken, undefined);
  });
});
