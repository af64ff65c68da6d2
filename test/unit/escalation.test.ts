import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { type Decision, type Turn } from '../../domain/conversation';
import { extractEntities } from '../../domain/entities';
import {
  ESCALATION_REASON_CODES,
  assessEscalation,
  detailTerms,
  findSwears,
  findThreat,
  nearlySame,
  negativeScore,
  readCaps,
  type EscalationInput,
  type EscalationReasonCode,
} from '../../domain/escalation';

const AT = '2026-01-01T00:00:00.000Z';
const customer = (seq: number, text: string): Turn => ({ seq, from: 'customer', text, at: AT });
const bot = (seq: number, text: string): Turn => ({ seq, from: 'bot', text, at: AT });
const reply = (seq: number, intent: string, tier: Decision['tier'] = 'model'): Decision => ({ seq, kind: 'reply', intent, tier, confidence: 0.9, at: AT });
const step = (seq: number, rule: string): Decision => ({ seq, kind: 'dialogue', intent: rule.split(':')[0], rule, at: AT });

const input = (text: string, more: Partial<EscalationInput> = {}): EscalationInput => ({
  text,
  transcript: [],
  decisions: [],
  unsureStreak: 0,
  ...more,
});

// While the bot asks for an e-mail or an address, the details in the message are what it may excuse.
const givingDetails = (text: string, more: Partial<EscalationInput> = {}): EscalationInput => input(text, { knownTerms: detailTerms(extractEntities(text)), ...more });
const inFlow = (seq: number, rule: string, heard?: string): Decision => ({ ...step(seq, rule), ...(heard ? { heard } : {}) });

const ADDRESS = '742 Evergreen Terrace, Apt 2, Springfield, IL 62704, USA';
const ASK_ADDRESS = 'What is the new address? Please write it on one line.';

const ESCALATES: [string, EscalationInput, EscalationReasonCode][] = [
  [
    'the customer sends the same unreadable address a third time at the same question',
    input('somewhere near the old mill', {
      answering: 'change_shipping_address:address',
      transcript: [customer(1, 'somewhere near the old mill'), bot(2, ASK_ADDRESS), customer(3, 'somewhere near the old mill'), bot(4, ASK_ADDRESS)],
      decisions: [step(1, 'change_shipping_address:address'), step(3, 'change_shipping_address:address')],
    }),
    'intent_loop',
  ],
  [
    'the customer repeats a request while the bot keeps asking for the e-mail',
    input('where is my refund please', {
      answering: 'track_refund:email',
      transcript: [customer(1, 'where is my refund'), bot(2, 'What is your e-mail?'), customer(3, 'hello? where is my refund'), bot(4, 'What is your e-mail?')],
      decisions: [reply(1, 'track_refund', 'keyword'), step(3, 'track_refund:email')],
    }),
    'intent_loop',
  ],
  ['the customer writes "I\'ll sue you"', input("I'll sue you"), 'legal_threat'],
  ['the customer writes "my lawyer will be in touch"', input('my lawyer will be in touch'), 'legal_threat'],
  ['the customer writes "I will take legal action"', input('I will take legal action if this is not fixed'), 'legal_threat'],
  ['the customer threatens to take the store to court', input('I am going to take you to court'), 'legal_threat'],
  ['the customer writes "I\'ll dispute the charge with my bank"', input("I'll dispute the charge with my bank"), 'chargeback_threat'],
  ['the customer writes "chargeback"', input('chargeback'), 'chargeback_threat'],
  ['the customer writes "I will open a dispute with PayPal"', input('fine, I will open a dispute with PayPal'), 'chargeback_threat'],
  ['the customer threatens a chargeback while the bot asks for the e-mail', givingDetails("I'm filing a chargeback"), 'chargeback_threat'],
  ['the customer shouts while the bot asks for the e-mail', givingDetails('WHY DO YOU NEED MY EMAIL, JUST CANCEL IT'), 'shouting'],
  ['the customer shouts around the e-mail they give', givingDetails('HERE IS YOUR STUPID EMAIL TOMAS@EXAMPLE.COM NOW HURRY UP'), 'shouting'],
  [
    'a second complaint comes inside a flow, the first one heard there too',
    input('I am really disappointed with you', {
      intent: 'complaint',
      transcript: [customer(1, 'cancel my order'), bot(2, 'What is your e-mail?'), customer(3, 'your service is terrible'), bot(4, 'What is your e-mail?')],
      decisions: [reply(1, 'cancel_order', 'keyword'), inFlow(3, 'cancel_order:email', 'complaint')],
    }),
    'repeated_complaint',
  ],
  ['the classifier says contact_human_agent', input('can someone else look at this', { intent: 'contact_human_agent' }), 'explicit_request'],
  ['the customer writes "I want to talk to a human"', input('I want to talk to a human'), 'explicit_request'],
  ['the customer writes "can I speak with a real person?"', input('can I speak with a real person?'), 'explicit_request'],
  ['the customer writes "let me speak to someone"', input('let me speak to someone'), 'explicit_request'],
  ['the customer writes "transfer me to a representative"', input('transfer me to a representative'), 'explicit_request'],
  ['the customer writes "agent please"', input('agent please'), 'explicit_request'],
  ['the customer writes "WHY IS NOBODY HELPING ME"', input('WHY IS NOBODY HELPING ME'), 'shouting'],
  ['the customer writes "THIS ORDER NEVER ARRIVED and I paid"', input('THIS ORDER NEVER ARRIVED and I paid'), 'shouting'],
  ['the customer writes "this is bullshit"', input('this is bullshit'), 'profanity'],
  ['the customer writes "fuck you"', input('fuck you'), 'profanity'],
  ['the customer writes "sh1t service" in leetspeak', input('sh1t service'), 'profanity'],
  ['the customer writes "you are useless"', input('you are useless'), 'insult'],
  ['the customer writes "stupid bot"', input('stupid bot'), 'insult'],
  ['the customer writes "your company is a joke"', input('your company is a joke'), 'insult'],
  [
    'a complaint comes a second time in words',
    input('Still nothing, this is the third time I write', {
      transcript: [customer(1, 'My parcel is late and that is unacceptable'), bot(2, 'Sorry to hear that. Could you give me your e-mail?')],
    }),
    'repeated_complaint',
  ],
  [
    'a complaint comes a second time by intent',
    input('I want to complain about the courier', {
      intent: 'complaint',
      transcript: [customer(1, 'I want to file a complaint'), bot(2, 'I have noted it.')],
      decisions: [reply(1, 'complaint', 'keyword')],
    }),
    'repeated_complaint',
  ],
  [
    'the last three messages read more and more negative',
    input('this is terrible, I am so angry', {
      transcript: [customer(1, 'where is my order?'), bot(2, 'It is on its way.'), customer(3, 'it is late and I am annoyed'), bot(4, 'I understand.')],
    }),
    'negative_trend',
  ],
  [
    'track_order comes a third time with no flow step in between',
    input('where is my parcel', { intent: 'track_order', decisions: [reply(1, 'track_order'), reply(3, 'track_order')] }),
    'intent_loop',
  ],
  [
    'a flow was dropped between the same intents (no progress)',
    input('cancel my order', {
      intent: 'cancel_order',
      decisions: [reply(1, 'cancel_order'), step(2, 'cancel_order:dropped'), reply(3, 'cancel_order')],
    }),
    'intent_loop',
  ],
  [
    'the customer sends nearly the same message a third time',
    input('Where is my refund???', {
      transcript: [customer(1, 'where is my refund'), bot(2, 'Let me check.'), customer(3, 'hello? where is my refund please'), bot(4, 'Could you give me your e-mail?')],
    }),
    'intent_loop',
  ],
  [
    'the bot gave the same reply three times in a row',
    input('blorp', {
      transcript: [customer(1, 'x'), bot(2, 'Sorry, I did not get that.'), customer(3, 'y'), bot(4, 'Sorry, I did not get that.'), customer(5, 'z'), bot(6, 'Sorry, I did not get that.')],
    }),
    'bot_repeating',
  ],
  ['the bot could not tell what the customer wants twice in a row', input('blorp', { unsureStreak: 2 }), 'unsure_twice'],
];

const CALM: [string, EscalationInput][] = [
  [
    "the customer gives the same address for an order, for the account and for another order, each taken and confirmed",
    input(ADDRESS, {
      answering: 'change_shipping_address:address',
      transcript: [
        customer(1, 'change the delivery address of #W2651773'), bot(2, ASK_ADDRESS), customer(3, ADDRESS), bot(4, 'Shall I change it?'), customer(5, 'yes'), bot(6, 'Done.'),
        customer(7, 'update my default address too'), bot(8, ASK_ADDRESS), customer(9, ADDRESS), bot(10, 'Shall I change it?'), customer(11, 'yes'), bot(12, 'Done.'),
        customer(13, 'and the address of #W9642161'), bot(14, ASK_ADDRESS),
      ],
      decisions: [
        reply(1, 'change_shipping_address', 'keyword'), step(3, 'change_shipping_address:address'), step(5, 'change_shipping_address:confirmation'),
        reply(7, 'update_default_address', 'keyword'), step(9, 'update_default_address:address'), step(11, 'update_default_address:confirmation'),
        reply(13, 'change_shipping_address', 'keyword'),
      ],
    }),
  ],
  ['the customer writes "I don\'t want to sue anyone, I just want my refund"', input("I don't want to sue anyone, I just want my refund")],
  ['the customer writes about a friend called Sue', input('my friend Sue ordered it for me')],
  ['the customer says a lawyer friend recommended the store', input('my lawyer friend recommended your store')],
  ['the customer says their bank shows the payment as pending', input('my bank says the payment is pending')],
  ['the customer asks about a court order', input('what is a court order')],
  ['the customer gives their name and zip in capitals when asked', givingDetails('MY NAME IS NOAH BROWN, ZIP 80279')],
  ['the customer gives an address in capitals when asked', givingDetails('742 EVERGREEN TERRACE, APT 2, SPRINGFIELD, IL 62704, USA')],
  ['the customer gives their e-mail in capitals when asked', givingDetails('IT IS TOMAS.LINDQVIST@EXAMPLE.COM')],
  [
    'a complaint comes inside a flow for the first time',
    input('your service is terrible', {
      intent: 'complaint',
      transcript: [customer(1, 'cancel my order'), bot(2, 'What is your e-mail?')],
      decisions: [reply(1, 'cancel_order', 'keyword')],
    }),
  ],
  ['the customer writes an all-caps order id "where is #W2651773"', input('where is #W2651773')],
  ['the customer writes an order id without the hash "W2651773 STATUS?"', input('W2651773 STATUS?')],
  ['the customer writes "WHY?" once', input('WHY?')],
  ['the customer writes "OK"', input('OK')],
  ['the customer types their e-mail in capitals', input("IT'S TOMAS.LINDQVIST@EXAMPLE.COM")],
  [
    'the customer types an address in capitals that was being asked for',
    input('742 EVERGREEN TERRACE, APT 2, SPRINGFIELD, IL 62704, USA', { knownTerms: ['742 EVERGREEN TERRACE, APT 2, SPRINGFIELD, IL 62704, USA'] }),
  ],
  ['the customer writes "I need an ASAP update please"', input('I need an ASAP update please')],
  ['the customer writes "ship it by UPS to the USA, PDF invoice please"', input('ship it by UPS to the USA, PDF invoice please')],
  [
    'the customer names a product in capitals that is a known term',
    input('I want the MECHANICAL KEYBOARD in blue', { knownTerms: ['MECHANICAL KEYBOARD', 'W2651773'] }),
  ],
  ['the customer writes a polite request', input('Hello, could you please tell me where my order is? Thank you!')],
  ['the customer writes "thanks, that was helpful"', input('thanks, that was helpful')],
  ['the customer complains once, mildly', input('This is ridiculous, my parcel is late')],
  ['the customer writes "where is my order!!!"', input('where is my order!!!')],
  ['the customer writes "I don\'t want to talk to a human"', input("I don't want to talk to a human")],
  ['the customer writes "I spoke to an agent yesterday"', input('I spoke to an agent yesterday and it was fine')],
  ['the customer swears in relief, at nobody', input('holy shit it arrived, thanks!')],
  ['the customer calls their own mistake stupid', input('I made a stupid mistake in my address')],
  ['the customer writes "Scunthorpe"', input('please ship it to Scunthorpe')],
  ['the customer writes words with profane substrings', input('I need to assess the class of cocktail glasses, grape colour, and the cockpit model from Penistone')],
  ['the customer writes "no problem, not bad at all"', input('no problem, not bad at all')],
  [
    'the same intent comes a third time but a flow step went forward in between',
    input('where is my parcel', { intent: 'track_order', decisions: [reply(1, 'track_order'), step(2, 'track_order:email'), reply(3, 'track_order')] }),
  ],
  [
    'the customer says thanks a third time',
    input('thanks', { intent: 'thanks', decisions: [reply(1, 'thanks'), reply(3, 'thanks')] }),
  ],
  [
    'the customer answers "yes" a third time inside a flow',
    input('yes', { transcript: [customer(1, 'yes'), bot(2, 'Which order?'), customer(3, 'yes'), bot(4, 'Confirm?')] }),
  ],
  [
    'the bot gave the same reply only twice',
    input('blorp', { transcript: [bot(1, 'Sorry, I did not get that.'), customer(2, 'x'), bot(3, 'Sorry, I did not get that.')] }),
  ],
  [
    'the customer is mildly negative but not rising enough',
    input('the box is damaged and one item is missing', {
      transcript: [customer(1, 'hi'), bot(2, 'Hello!'), customer(3, 'my parcel is late'), bot(4, 'Let me check.')],
    }),
  ],
  ['the bot could not tell what the customer wants once', input('blorp', { unsureStreak: 1 })],
];

describe('assessEscalation', () => {
  for (const [when, given, code] of ESCALATES) {
    it(`when ${when}, then it escalates with ${code}`, () => {
      const verdict = assessEscalation(given);
      assert.equal(verdict.escalate, true);
      assert.ok(
        verdict.reasons.some((r) => r.code === code),
        `reasons: ${JSON.stringify(verdict.reasons)}`,
      );
    });
  }
  for (const [when, given] of CALM) {
    it(`when ${when}, then it does not escalate`, () => {
      const verdict = assessEscalation(given);
      assert.deepEqual(verdict.reasons, []);
      assert.equal(verdict.escalate, false);
    });
  }

  it('when the tables run, then every reason code has an escalating case', () => {
    const covered = new Set(ESCALATES.map(([, , code]) => code));
    assert.deepEqual(ESCALATION_REASON_CODES.filter((c) => !covered.has(c)), []);
  });

  it('when the same input is assessed twice, then the verdict is the same', () => {
    const [, given] = ESCALATES.find(([, , code]) => code === 'repeated_complaint') ?? [];
    assert.ok(given);
    assert.deepEqual(assessEscalation(given), assessEscalation(given));
  });

  it('when a message is calm but an earlier turn complained, then the agent sees a signal pointing at that turn', () => {
    const verdict = assessEscalation(input('ok, thanks', { transcript: [customer(1, 'this is unacceptable'), bot(2, 'Sorry.')] }));
    assert.equal(verdict.escalate, false);
    assert.deepEqual(verdict.signals, [{ code: 'complaint', seq: 1, detail: 'the customer complained' }]);
  });

  it('when a conversation recorded before answers stopped counting as repeats is replayed, then the same address three times still escalates as it did', () => {
    const [, given] = CALM.find(([when]) => when.includes('same address for an order')) ?? [];
    assert.ok(given);
    assert.deepEqual(assessEscalation({ ...given, answersCountAsRepeats: true }).reasons.map((r) => r.code), ['intent_loop']);
  });

  it('when a conversation recorded before the threat check is replayed, then a threat does not escalate, as it did not then', () => {
    assert.equal(assessEscalation(input("I'll sue you", { withoutThreatCheck: true })).escalate, false);
  });

  it('when many exclamation marks come alone, then they are a signal, not an escalation', () => {
    const verdict = assessEscalation(input('where is my order!!!'));
    assert.deepEqual(verdict.signals.map((s) => s.code), ['exclamations']);
  });
});

describe('findThreat', () => {
  const table: [string, 'legal_threat' | 'chargeback_threat' | undefined][] = [
    ["I'll sue", 'legal_threat'],
    ["I'm going to sue your company", 'legal_threat'],
    ["I'm contacting my attorney", 'legal_threat'],
    ['see you in court', 'legal_threat'],
    ['I will report you to the BBB', 'legal_threat'],
    ['I will dispute this payment', 'chargeback_threat'],
    ["I'll ask my bank to reverse the payment", 'chargeback_threat'],
    ["I'll just do a charge-back", 'chargeback_threat'],
    ['the suede boots', undefined],
    ['can I dispute a review', undefined],
    ['I am a lawyer and need an invoice', undefined],
  ];
  for (const [text, code] of table) {
    it(`when the customer writes "${text}", then ${code ?? 'no threat'} is found`, () => {
      assert.equal(findThreat(text)?.code, code);
    });
  }
});

describe('readCaps', () => {
  const table: [string, string[], number, string[]][] = [
    ['WHY?', [], 1, ['WHY']],
    ['where is #W2651773', [], 1, []],
    ['I need it ASAP, OK?', [], 1, []],
    ['I want the MECHANICAL KEYBOARD', ['MECHANICAL KEYBOARD'], 2, []],
    ['I want the MECHANICAL KEYBOARD', [], 4, ['MECHANICAL', 'KEYBOARD']],
    ["I DON'T CARE ABOUT zip 62704", [], 4, ["DON'T", 'CARE', 'ABOUT']],
  ];
  for (const [text, knownTerms, realWords, shouted] of table) {
    it(`when the customer writes "${text}"${knownTerms.length ? ' with known terms' : ''}, then ${shouted.length} of ${realWords} real words shout`, () => {
      const reading = readCaps(text, knownTerms);
      assert.equal(reading.realWords, realWords);
      assert.deepEqual(reading.shoutedWords, shouted);
    });
  }
});

describe('findSwears', () => {
  const table: [string, { word: string; kind: string; aimed: boolean }[]][] = [
    ['this is bullshit', [{ word: 'bullshit', kind: 'profanity', aimed: true }]],
    ['what the f*ck', [{ word: 'f*ck', kind: 'profanity', aimed: false }]],
    ['sh!t service!!', [{ word: 'sh!t', kind: 'profanity', aimed: true }]],
    ['can you help, the stupid zipper broke', [{ word: 'stupid', kind: 'insult', aimed: false }]],
    ['you guys are so useless', [{ word: 'useless', kind: 'insult', aimed: true }]],
    ['Scunthorpe', []],
    ['class', []],
    ['assess', []],
    ['cocktail', []],
    ['grape', []],
    ['cockpit', []],
    ['Penistone', []],
  ];
  for (const [text, expected] of table) {
    it(`when the customer writes "${text}", then ${expected.length ? expected.map((s) => `${s.aimed ? 'aimed ' : ''}${s.kind}`).join(', ') : 'nothing'} is found`, () => {
      assert.deepEqual(findSwears(text), expected);
    });
  }
});

describe('negativeScore', () => {
  const table: [string, number][] = [
    ['where is my order?', 0],
    ['no problem, not bad at all', 0],
    ['it is late and I am annoyed', 2],
    ['this is terrible, I am so angry', 4],
    ['this is bullshit!!', 3],
  ];
  for (const [text, score] of table) {
    it(`when the customer writes "${text}", then the negative score is ${score}`, () => {
      assert.equal(negativeScore(text), score);
    });
  }
});

describe('nearlySame', () => {
  const table: [string, string, boolean][] = [
    ['where is my refund', 'Where is my refund???', true],
    ['where is my refund', 'hello? where is my refund please', true],
    ['where is my refund', 'where is my order', false],
    ['yes', 'no', false],
  ];
  for (const [a, b, same] of table) {
    it(`when "${a}" meets "${b}", then they are ${same ? '' : 'not '}nearly the same`, () => {
      assert.equal(nearlySame(a, b), same);
    });
  }
});
