import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  BM25_B,
  BM25_K1,
  MAX_CANDIDATES,
  MAX_PASSAGE_CHARS,
  MIN_TOPIC_COVERAGE,
  MIN_TOP_SCORE,
  answerWithCitation,
  buildIndex,
  excerpt,
  findAnswer,
  idf,
  parseBlocks,
  search,
  sectionsOf,
  stem,
  termScore,
  tokenise,
  topicCoverage,
  type Article,
} from '../../domain/knowledge';
import { loadHelpCentre } from '../../knowledge/help-centre';

const article = (id: string, body: string, title = id, tags: string[] = []): Article => ({ id, title, tags, body });

describe('tokenising', () => {
  const STEMS: [string[], string][] = [
    [['cancel', 'cancels', 'cancelled', 'canceled', 'cancelling', 'cancellation', 'cancellations'], 'cancel'],
    [['refund', 'refunds', 'refunded', 'refunding'], 'refund'],
    [['ship', 'ships', 'shipped', 'shipping', 'shipment'], 'ship'],
    [['deliver', 'delivered', 'delivery', 'deliveries'], 'deliver'],
    [['exchange', 'exchanges', 'exchanged', 'exchanging'], 'exchang'],
    [['modify', 'modified', 'modifies', 'modification', 'modifying'], 'modifi'],
    [['charge', 'charges', 'charged', 'charging'], 'charg'],
    [['pay', 'paid', 'payment', 'payments', 'paying'], 'pay'],
    [['address', 'addresses'], 'addres'],
    [['parcel', 'parcels', 'package', 'packages'], 'packag'],
    [['colour', 'color', 'colours'], 'color'],
    [['status'], 'status'],
    [['day', 'days'], 'day'],
  ];
  for (const [words, expected] of STEMS) {
    it(`when "${words.join('", "')}" are stemmed, then each is "${expected}"`, () => {
      assert.deepEqual(words.map(stem), words.map(() => expected));
    });
  }

  const TEXTS: [string, string[]][] = [
    ['Where is my REFUND?', ['refund']],
    ["I don't want the shoes", ['sho']],
    ['Can I change my e-mail address?', ['chang', 'email', 'addres']],
    ['the parcel’s tracking number', ['packag', 'track', 'number']],
    ['how do I do it, please?', []],
    ['a b c 5-7', []],
    ['what payment options are there', ['pay', 'method']],
    ['which ways to pay do you have', ['pay', 'method']],
    ["my payment didn't go through", ['pay', 'fail']],
  ];
  for (const [text, terms] of TEXTS) {
    it(`when "${text}" is tokenised, then the terms are [${terms.join(', ')}]`, () => {
      assert.deepEqual(tokenise(text), terms);
    });
  }
});

describe('BM25 scoring', () => {
  // Three one-paragraph sections; "lamp" is in one, "order" in all three.
  const index = buildIndex(
    [
      article('a', 'order lamp'),
      article('b', 'order mug'),
      article('c', 'order skillet skillet skillet'),
    ].flatMap((a) => sectionsOf({ ...a, title: '' })),
  );

  it('when the constants are read, then they are the usual Okapi values', () => {
    assert.equal(BM25_K1, 1.2);
    assert.equal(BM25_B, 0.75);
  });

  const IDF: [string, number][] = [
    ['lamp', Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))],
    ['order', Math.log(1 + (3 - 3 + 0.5) / (3 + 0.5))],
    ['unseen', Math.log(1 + (3 + 0.5) / 0.5)],
  ];
  for (const [term, expected] of IDF) {
    it(`when the idf of "${term}" is taken, then it is ${expected.toFixed(4)}`, () => {
      assert.ok(Math.abs(idf(index, term) - expected) < 1e-12);
    });
  }

  it('when a term is rarer, then its idf is higher, and a term in every section still counts a little', () => {
    assert.ok(idf(index, 'unseen') > idf(index, 'lamp'));
    assert.ok(idf(index, 'lamp') > idf(index, 'order'));
    assert.ok(idf(index, 'order') > 0);
  });

  // termScore(idf = 1, tf, length, average) for a section of the average length is tf·(k1+1)/(tf+k1).
  const TF: [number, number, number, number][] = [
    [0, 10, 10, 0],
    [1, 10, 10, 1],
    [2, 10, 10, (2 * 2.2) / (2 + 1.2)],
    [3, 10, 10, (3 * 2.2) / (3 + 1.2)],
    [10, 10, 10, (10 * 2.2) / (10 + 1.2)],
    [1, 20, 10, 2.2 / (1 + 1.2 * (1 - 0.75 + 0.75 * 2))],
    [1, 5, 10, 2.2 / (1 + 1.2 * (1 - 0.75 + 0.75 * 0.5))],
  ];
  for (const [tf, length, average, expected] of TF) {
    it(`when a term occurs ${tf} times in a section of ${length} terms (average ${average}), then it scores ${expected.toFixed(4)} × idf`, () => {
      assert.ok(Math.abs(termScore(1, tf, length, average) - expected) < 1e-12);
    });
  }

  it('when a term repeats, then each repetition adds less and the score stays under (k1+1) × idf', () => {
    const scores = [1, 2, 3, 4, 5, 50].map((tf) => termScore(2, tf, 10, 10));
    const gains = scores.slice(1, 5).map((s, i) => s - (scores[i] as number));
    for (let i = 1; i < gains.length; i++) assert.ok((gains[i] as number) < (gains[i - 1] as number));
    assert.ok(scores.every((s) => s < 2 * (BM25_K1 + 1)));
  });

  it('when a query is searched, then sections come best first with their scores, and k limits them', () => {
    const hits = search(index, 'lamp order', 10);
    assert.deepEqual(hits.map((h) => h.section.articleId), ['a', 'b', 'c']);
    // Section a: 2 terms, the average is 8/3, so each of its terms weighs 2.2 / (1 + 1.2 × (0.25 + 0.75 × 2 / (8/3))).
    const weight = 2.2 / (1 + 1.2 * (0.25 + (0.75 * 2) / (8 / 3)));
    assert.ok(Math.abs((hits[0]?.score ?? 0) - (idf(index, 'lamp') + idf(index, 'order')) * weight) < 1e-12);
    assert.ok((hits[1]?.score ?? 0) > (hits[2]?.score ?? 0), 'the longer section scores lower for the same term');
    assert.equal(search(index, 'lamp order', 1).length, 1);
  });

  it('when a query has only stop words or unknown words, then nothing is found', () => {
    assert.deepEqual(search(index, 'what is it?', 5), []);
    assert.deepEqual(search(index, 'blorp', 5), []);
  });

  it('when a query repeats a word, then it scores as if said once', () => {
    assert.equal(search(index, 'lamp lamp lamp', 1)[0]?.score, search(index, 'lamp', 1)[0]?.score);
  });
});

describe('articles into sections', () => {
  it('when a body has headings, paragraphs and a list, then it becomes those blocks and one section per paragraph or list', () => {
    const body = '## Before\nFirst line\nwrapped.\n\nSecond.\n- one\n- two\n  continued\n\n## After\nLast.';
    assert.deepEqual(parseBlocks(body), [
      { kind: 'heading', text: 'Before' },
      { kind: 'paragraph', text: 'First line wrapped.' },
      { kind: 'paragraph', text: 'Second.' },
      { kind: 'list', items: ['one', 'two continued'] },
      { kind: 'heading', text: 'After' },
      { kind: 'paragraph', text: 'Last.' },
    ]);
    const sections = sectionsOf(article('x', body, 'X title', ['tag']));
    assert.deepEqual(
      sections.map((s) => [s.heading, s.text]),
      [
        ['Before', 'First line wrapped.'],
        ['Before', 'Second.'],
        ['Before', '- one\n- two continued'],
        ['After', 'Last.'],
      ],
    );
    assert.ok(sections.every((s) => s.articleId === 'x' && s.title === 'X title' && s.searchText.includes('tag')));
  });
});

describe('excerpts and citations', () => {
  const sentence = (n: number) => `Sentence number ${n} says a little more about the topic at hand.`;
  const long = Array.from({ length: 12 }, (_, i) => sentence(i + 1)).join(' ');

  it('when a passage is short, then it is quoted whole', () => {
    assert.equal(excerpt('  Short and sweet.  '), 'Short and sweet.');
  });

  it('when a passage is long, then whole sentences up to the limit are quoted', () => {
    const quoted = excerpt(long);
    assert.ok(quoted.length <= MAX_PASSAGE_CHARS);
    assert.ok(long.startsWith(quoted));
    assert.match(quoted, /\.$/);
  });

  it('when the first sentence alone is too long, then it is cut at a word with an ellipsis', () => {
    const quoted = excerpt(`${'word '.repeat(200)}end.`);
    assert.ok(quoted.length <= MAX_PASSAGE_CHARS);
    assert.match(quoted, /word…$/);
  });

  it('when a hit is cited, then the passage is followed by the article title and its link', () => {
    assert.equal(
      answerWithCitation({ articleId: 'refunds', title: 'Refunds and refund times', passage: 'Gift card refunds are immediate.' }),
      'Gift card refunds are immediate.\n\nSource: Refunds and refund times (/help/refunds)',
    );
  });
});

describe('the confidence decision', () => {
  it('when two articles say the same thing, then neither is clearly ahead and both are offered', () => {
    const index = buildIndex([article('one', 'Lamps ship in a box.'), article('two', 'Lamps ship in a box.')].flatMap(sectionsOf));
    const answer = findAnswer(index, 'how do lamps ship');
    assert.deepEqual(answer, { confident: false, candidates: [{ articleId: 'one', title: 'one' }, { articleId: 'two', title: 'two' }] });
  });

  it('when nothing matches, then it is not confident and offers no candidates', () => {
    const index = buildIndex([article('one', 'Lamps ship in a box.')].flatMap(sectionsOf));
    assert.deepEqual(findAnswer(index, 'blorp'), { confident: false, candidates: [] });
  });

  it('when the best passage is clearly ahead, then it is the answer, with its score', () => {
    const others = ['mugs', 'skillets', 'blankets', 'watches', 'backpacks', 'jackets', 'earbuds', 'presses', 'mats', 'games'];
    const index = buildIndex(
      [
        article('lamps', 'Lamps ship in a padded box with a spare bulb.', 'Lamps'),
        ...others.map((name) => article(name, `${name} ship in paper.`, name)),
      ].flatMap(sectionsOf),
    );
    const answer = findAnswer(index, 'does the lamp come with a spare bulb');
    assert.equal(answer.confident, true);
    assert.ok(answer.confident && answer.articleId === 'lamps' && answer.score >= MIN_TOP_SCORE);
  });
});

describe('the help centre answers customer questions', () => {
  const helpCentre = loadHelpCentre();

  it('when the shipped articles are loaded, then there are 12 to 24, each with short passages', () => {
    assert.ok(helpCentre.articles.length >= 12 && helpCentre.articles.length <= 24, `${helpCentre.articles.length} articles`);
    for (const a of helpCentre.articles) {
      const sections = sectionsOf(a);
      assert.ok(sections.length >= 2, `${a.id} has at least two paragraphs`);
      for (const s of sections) assert.ok(s.text.length <= MAX_PASSAGE_CHARS, `${a.id}: a paragraph of ${s.text.length} characters`);
    }
  });

  // [question, article, something the quoted passage must say]
  const QUESTIONS: [string, string, RegExp?][] = [
    ['How long does delivery take?', 'shipping-and-delivery', /3 to 7 business days/],
    ['Do you offer express shipping?', 'shipping-and-delivery', /express/],
    ['when will my parcel arrive', 'shipping-and-delivery'],
    ['How do I get a tracking number for my package?', 'tracking-your-order', /tracking number/],
    ['my order has no tracking number yet, is something wrong?', 'tracking-your-order', /pending order has not shipped/],
    ['tracking says delivered but I never got the package', 'tracking-your-order', /cannot find it/],
    ['what does processed mean for my order status?', 'order-statuses', /^Processed/],
    ['Is there a fee to cancel an order?', 'cancelling-an-order', /no cancellation fee/],
    ['can I still cancel after my order has been processed', 'cancelling-an-order', /no longer be cancelled/],
    ['How do I return an item?', 'returns', /return an item/],
    ['the jacket does not fit, can I send it back?', 'returns'],
    ['how long does a refund take to show on my credit card', 'refunds', /5 to 7 business days/],
    ['how fast is a refund to a gift card', 'refunds', /immediately/],
    ['will I get my refund on PayPal?', 'refunds', /PayPal/],
    ['can I exchange shoes for a different size', 'exchanges'],
    ['can I swap the color of an item after delivery', 'exchanges'],
    ['I ordered the wrong size, can I change the item before it ships?', 'changing-items-in-an-order'],
    ['can I change items more than once', 'changing-items-in-an-order', /only once per order/],
    ['I moved, how do I change the delivery address of my order?', 'changing-the-delivery-address'],
    ['which payment methods do you accept?', 'payment-methods', /credit cards, PayPal and our own gift cards/],
    ['do you take cash on delivery or bank transfer', 'payment-methods'],
    ['can I pay my pending order with a different card', 'changing-the-payment-method'],
    ['I was charged twice for the same order', 'payment-problems', /two charges/],
    ['my payment was declined', 'payment-problems', /declined/],
    ['how do I update the default address on my account', 'your-account', /default address/],
    ['can I talk to a real person', 'talking-to-a-person'],
    ['how do I make a complaint', 'talking-to-a-person', /complaint/],
    ['how do you use my personal data', 'privacy-and-your-data'],
    ['please delete my data', 'privacy-and-your-data', /deleted/],
    ['what can I use a gift card for', 'gift-cards'],
    ['the lamp arrived broken', 'damaged-or-wrong-items'],
    ['how do I create an account', 'signing-in-and-accounts', /sign-up page/],
    ['I want to open a new account', 'signing-in-and-accounts', /sign-up page/],
    ['the sign up page says my email is already registered', 'signing-in-and-accounts', /already have an account/],
    ['how can I switch to another account', 'signing-in-and-accounts', /sign out/],
    ['I forgot my password', 'signing-in-and-accounts', /reset link/],
    ['how do I change the email address on my account', 'your-account', /old e-mail address/],
  ];
  for (const [question, articleId, says] of QUESTIONS) {
    it(`when a customer asks "${question}", then the answer comes from ${articleId}`, () => {
      const answer = findAnswer(helpCentre.index, question);
      assert.ok(answer.confident, `not confident: ${JSON.stringify(answer)}`);
      assert.equal(answer.articleId, articleId, answer.passage);
      assert.equal(answer.title, helpCentre.article(articleId)?.title);
      assert.ok(answer.passage.length > 0 && answer.passage.length <= MAX_PASSAGE_CHARS);
      if (says) assert.match(answer.passage, says);
    });
  }

  const OUT_OF_SCOPE = [
    "what's the weather like today?",
    'is it going to rain tomorrow',
    'tell me a joke',
    "what's the capital of France",
    'asdf qwerty zxcv',
    'blorp',
    'how long does it take to cook pasta',
    'who won the football game last night',
    'what is the meaning of life',
    'what time is it',
    'what is your name',
    'what is the stock price of apple',
    'what is the best credit card for travel rewards',
    'how do I change my car insurance address',
    'what is the exchange rate for euros',
    'I want to return to the main menu',
    'order',
    '',
  ];
  for (const question of OUT_OF_SCOPE) {
    it(`when a customer says "${question}", then the help centre is not confident`, () => {
      const answer = findAnswer(helpCentre.index, question);
      assert.equal(answer.confident, false, JSON.stringify(answer));
      assert.ok(!answer.confident && answer.candidates.length <= MAX_CANDIDATES);
    });
  }
});

// Questions about topics next to each other (payment options and payment problems, refund times and
// shipping times, an order's address and the account's): an unrelated article is worse than none.
describe('the help centre tells neighbouring topics apart', () => {
  const helpCentre = loadHelpCentre();
  const answerOf = (question: string) => {
    const answer = findAnswer(helpCentre.index, question);
    return answer.confident ? answer.articleId : undefined;
  };

  // [question, the article that answers it]
  const ANSWERED: [string, string][] = [
    ['what payment options are available', 'payment-methods'],
    ['do you accept Mastercard', 'payment-methods'],
    ['can I pay by bank transfer', 'payment-methods'],
    ['my payment did not go through', 'payment-problems'],
    ['why was my card declined', 'payment-problems'],
    ['I see two charges on my statement for one order', 'payment-problems'],
    ['you charged me the wrong amount', 'payment-problems'],
    ['can I switch my pending order to PayPal', 'changing-the-payment-method'],
    ['how do I check my gift card balance', 'gift-cards'],
    ['how long do refunds take?', 'refunds'],
    ['how long does a refund take', 'refunds'],
    ['how long until my refund shows up on my card', 'refunds'],
    ['what is your return policy', 'returns'],
    ['can I return only part of my order', 'returns'],
    ['can I exchange an item for a different product', 'exchanges'],
    ['what does pending mean', 'order-statuses'],
    ['what does delivered mean on my order', 'order-statuses'],
    ['do you offer next day delivery', 'shipping-and-delivery'],
    ['my package says delivered but it is not here', 'tracking-your-order'],
    ['why does my pending order have no tracking number', 'tracking-your-order'],
    ['an item is missing from my package', 'damaged-or-wrong-items'],
    ['can I change my shipping address after ordering', 'changing-the-delivery-address'],
  ];
  for (const [question, articleId] of ANSWERED) {
    it(`when a customer asks "${question}", then ${articleId} answers it`, () => {
      assert.equal(answerOf(question), articleId);
    });
  }

  // Close to two articles at once: the right one, or none and the bot asks, but never the neighbour.
  const RIGHT_OR_NONE: [string, string][] = [
    ['what are my payment options', 'payment-methods'],
    ['what forms of payment do you take', 'payment-methods'],
    ['has my refund been sent', 'refunds'],
    ['when will my order arrive', 'shipping-and-delivery'],
    ['will changing my default address change my open orders', 'your-account'],
  ];
  for (const [question, articleId] of RIGHT_OR_NONE) {
    it(`when a customer asks "${question}", then ${articleId} answers it or nothing does`, () => {
      assert.ok([articleId, undefined].includes(answerOf(question)), `answered from ${answerOf(question)}`);
    });
  }

  // Their words are in the help centre, their subject is not.
  const NOT_ANSWERED = [
    'when will the hoodie be back in stock',
    'do you price match',
    'are your products made in the USA',
    'what is the warranty on the lamp',
    'what size should I order',
    'do you offer student discounts',
    'what are your opening hours',
    'do you have a physical store',
    'how do I clean leather boots',
    'is there a mobile app',
    'what options does the office chair come in',
    'do you pay your employees well',
    'can I pay my electricity bill here',
    'what is the delivery address of your head office',
    'can I split the payment between two cards',
  ];
  for (const question of NOT_ANSWERED) {
    it(`when a customer asks "${question}", then no article answers it`, () => {
      assert.equal(answerOf(question), undefined);
    });
  }

  it('when a passage holds the words of a question but its article is about something else, then its topic coverage is below the minimum', () => {
    const hits = (question: string) => search(helpCentre.index, question, helpCentre.index.sections.length);
    const coverage = (question: string, articleId: string) => {
      const hit = hits(question).find((h) => h.section.articleId === articleId);
      assert.ok(hit, `${articleId} has a passage with the words of "${question}"`);
      return topicCoverage(helpCentre.index, hit, question);
    };
    assert.ok(coverage('when will the hoodie be back in stock', 'exchanges') < MIN_TOPIC_COVERAGE);
    assert.ok(coverage('how do I check my gift card balance', 'payment-problems') < MIN_TOPIC_COVERAGE);
    assert.ok(coverage('how do I check my gift card balance', 'gift-cards') >= MIN_TOPIC_COVERAGE);
  });
});
