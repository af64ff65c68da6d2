import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { ACTION_ARTICLES, INTENT_ARTICLES, asksHelpCentre, routeTurn, type HelpCentreFinding, type TurnRoute, type TurnToRoute } from '../../domain/dialogue/help-or-action';
import { intentDefinition } from '../../domain/intents';
import { loadHelpCentre } from '../../knowledge/help-centre';

const FLOWS = ['cancel_order', 'track_order', 'track_refund', 'return_items', 'modify_items', 'exchange_items', 'modify_payment_method', 'change_shipping_address', 'update_default_address'] as const;
type Flow = (typeof FLOWS)[number];
const isFlow = (label: string): label is Flow => (FLOWS as readonly string[]).includes(label);

const article = (articleId: string): HelpCentreFinding => ({ confident: true, articleId });
const unsure: HelpCentreFinding = { confident: false };

const ROUTES: [string, TurnToRoute, TurnRoute<Flow>][] = [
  ['a confident request with a flow, whatever the help centre says', { label: 'modify_items', found: article('changing-items-in-an-order') }, { to: 'flow', flow: 'modify_items', withArticle: false, why: 'intent' }],
  ['a confident request the help centre was not asked about', { label: 'cancel_order' }, { to: 'flow', flow: 'cancel_order', withArticle: false, why: 'intent' }],
  ['a question whose article fits its intent', { label: 'check_payment_methods', found: article('payment-methods') }, { to: 'article' }],
  ['a question about payment options answered by a double-charge article', { label: 'check_payment_methods', found: article('payment-problems') }, { to: 'intent' }],
  ['a question about payment options answered by an article about changing items', { label: 'check_payment_methods', found: article('changing-items-in-an-order') }, { to: 'intent' }],
  ['a refund-time question answered by the shipping article', { label: 'check_refund_policy', found: article('shipping-and-delivery') }, { to: 'intent' }],
  ['a question whose intent lists no articles, with a confident one', { label: 'create_account', found: article('your-account') }, { to: 'article' }],
  ['a question the help centre is unsure about', { label: 'check_payment_methods', found: unsure }, { to: 'intent' }],
  [
    'an unsure message whose model guess is a request and whose article is about doing it',
    { candidate: 'modify_items', found: article('changing-items-in-an-order') },
    { to: 'flow', flow: 'modify_items', withArticle: true, why: 'candidate_and_article' },
  ],
  ['an unsure message whose guess and article disagree', { candidate: 'cancel_order', found: article('changing-items-in-an-order') }, { to: 'article' }],
  ['an unsure message whose guess is a request and the help centre is unsure', { candidate: 'cancel_order', found: unsure }, { to: 'intent' }],
  ['an unsure message whose guess is not a request the bot carries out', { candidate: 'check_refund_policy', found: article('refunds') }, { to: 'article' }],
  ['an unsure message with an article about the account, not a request', { candidate: 'update_default_address', found: article('your-account') }, { to: 'article' }],
  ['an unsure message with no article', { candidate: 'modify_items', found: unsure }, { to: 'intent' }],
];

describe('routeTurn', () => {
  for (const [when, turn, route] of ROUTES) {
    it(`when ${when}, then it goes to ${route.to}${route.to === 'flow' ? ` ${route.flow}` : ''}`, () => {
      assert.deepEqual(routeTurn(turn, isFlow), route);
    });
  }

  it('when every action article is looked up, then it is an article the help centre ships, for a flow or an intent the product knows', () => {
    const helpCentre = loadHelpCentre();
    for (const [flow, articleId] of Object.entries(ACTION_ARTICLES)) {
      assert.ok(isFlow(flow), flow);
      assert.ok(helpCentre.article(articleId), articleId);
    }
    for (const [intent, articleIds] of Object.entries(INTENT_ARTICLES)) {
      assert.ok(intentDefinition(intent), intent);
      for (const articleId of articleIds) assert.ok(helpCentre.article(articleId), `${intent}: ${articleId}`);
    }
  });
});

describe('asksHelpCentre', () => {
  const kindOf = (label: string) => intentDefinition(label)?.kind;
  const TABLE: [string | undefined, boolean][] = [
    [undefined, true],
    ['check_payment_methods', true],
    ['check_refund_policy', true],
    ['track_order', false],
    ['cancel_order', false],
    ['greeting', false],
  ];
  for (const [label, asks] of TABLE) {
    it(`when the intent is ${label ?? 'unknown'}, then the help centre is ${asks ? '' : 'not '}asked`, () => {
      assert.equal(asksHelpCentre(label, kindOf, isFlow), asks);
    });
  }
});
