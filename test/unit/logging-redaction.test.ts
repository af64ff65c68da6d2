import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { ConfigError, loadConfig } from '../../config/config';
import { workflowIdFor } from '../../domain/conversation';
import { conversationIdOfPath, conversationIdOfWorkflow } from '../../observability/conversation-ids';
import { createLogger, quieterOf, temporalLogger, type LogLevel } from '../../observability/logger';
import { scrubText, scrubValue } from '../../observability/pii';

/** A pino destination that keeps each JSON line, parsed. */
function captured() {
  const lines: Record<string, any>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

const CONVERSATION = '5b0c3f0e-8d1a-4c4e-9a57-2f6d1e9b7c31';

describe('log redaction and the logger', () => {
  describe('scrubText', () => {
    const cases: [string, string, string][] = [
      ['an e-mail address', 'write to ana.lopez+shop@example.co.uk please', 'write to [email] please'],
      ['an URL-encoded e-mail in a path', '/v1/customers/ana.lopez%40example.com/orders', '/v1/customers/[email]/orders'],
      ['two e-mails', 'a@b.io or c.d@e.org', '[email] or [email]'],
      ['a card number in one run', 'card 4111111111111111 expired', 'card [card] expired'],
      ['a card number in groups of four', 'it is 4111 1111 1111 1111.', 'it is [card].'],
      ['a card number with dashes', '5500-0000-0000-0004', '[card]'],
      ['a 13-digit card number', 'old visa 4222222222222', 'old visa [card]'],
      ['a 19-digit card number', '6011000990139424123', '[card]'],
      ['an order id', 'order #W1234567 is late', 'order #W1234567 is late'],
      ['a conversation id (a UUID)', `conversation ${CONVERSATION}`, `conversation ${CONVERSATION}`],
      ['a UUID of digits only', '12345678-1234-1234-1234-123456789012', '12345678-1234-1234-1234-123456789012'],
      ['a payment method id', 'credit_card_7815826', 'credit_card_7815826'],
      ['a zip code and an amount', 'zip 97214, refund $1,200.50', 'zip 97214, refund $1,200.50'],
      ['twelve digits (too short for a card)', '123456789012', '123456789012'],
      ['twenty digits (too long for a card)', '12345678901234567890', '12345678901234567890'],
      ['nothing personal', 'worker polling support-conversations', 'worker polling support-conversations'],
      ['a phone number with dashes', 'call me on 555-123-4567 tonight', 'call me on [phone] tonight'],
      ['a phone number with brackets', 'my number is (555) 123-4567.', 'my number is [phone].'],
      ['a phone number with a country code', 'reach me at +1 555 123 4567', 'reach me at [phone]'],
      ['a phone number in one run', 'tel 5551234567', 'tel [phone]'],
      ['an international number', 'ring +44 207 946 0958', 'ring [phone]'],
      ['a timestamp', 'at 2026-01-02T03:04:05.000Z', 'at 2026-01-02T03:04:05.000Z'],
      ['eleven digits in one run', 'ref 12345678901', 'ref 12345678901'],
    ];
    for (const [what, text, expected] of cases) {
      it(`when the text holds ${what}, then it reads "${expected}"`, () => {
        assert.equal(scrubText(text), expected);
      });
    }
  });

  describe('scrubValue', () => {
    const cases: [string, unknown, unknown][] = [
      ['an e-mail field', { email: 'ana@example.com', orderId: '#W1234567' }, { email: '[redacted]', orderId: '#W1234567' }],
      [
        'a tau-style user record',
        { user: { name: { first_name: 'Ana', last_name: 'Lopez' }, address: { address1: '1 Main St', city: 'Austin', zip: '78701' }, user_id: 'ana_lopez_1234' } },
        { user: { name: '[redacted]', address: '[redacted]', user_id: 'ana_lopez_1234' } },
      ],
      ['name fields in any spelling', { firstName: 'Ana', last_name: 'Lopez', 'Full-Name': 'Ana Lopez' }, { firstName: '[redacted]', last_name: '[redacted]', 'Full-Name': '[redacted]' }],
      ['address parts', { address1: '1 Main St', address2: 'Apt 2', postcode: 'SW1A 1AA', state: 'TX' }, { address1: '[redacted]', address2: '[redacted]', postcode: '[redacted]', state: 'TX' }],
      ['phone fields in any spelling', { phone: '555-123-4567', phone_number: '5551234567', Mobile: '555', telephone: '1' }, { phone: '[redacted]', phone_number: '[redacted]', Mobile: '[redacted]', telephone: '[redacted]' }],
      ['card digits', { lastFour: '1111', note: 'paid with 4111 1111 1111 1111' }, { lastFour: '[redacted]', note: 'paid with [card]' }],
      ['customer words and secrets', { text: 'I live at 1 Main St', authorization: 'Bearer sst_channel_x', token: 'sst_x' }, { text: '[redacted]', authorization: '[redacted]', token: '[redacted]' }],
      ['e-mails deep in arrays', { turns: [{ said: 'mail me at a@b.io' }, ['c@d.io']] }, { turns: [{ said: 'mail me at [email]' }, ['[email]']] }],
      ['empty PII fields', { email: null, name: undefined }, { email: null, name: undefined }],
      ['numbers, booleans and dates', { attempt: 2, ok: true, at: new Date('2026-01-02T03:04:05.000Z') }, { attempt: 2, ok: true, at: '2026-01-02T03:04:05.000Z' }],
    ];
    for (const [what, value, expected] of cases) {
      it(`when given ${what}, then the copy is safe to log`, () => {
        assert.deepEqual(scrubValue(value), expected);
      });
    }

    it('when given an error, then its class stays and its message and stack are scrubbed', () => {
      const err = new TypeError('no customer ana@example.com');
      const out = scrubValue({ err }) as { err: Record<string, string> };
      assert.equal(out.err.type, 'TypeError');
      assert.equal(out.err.message, 'no customer [email]');
      assert.match(out.err.stack ?? '', /^TypeError: no customer \[email\]/);
      assert.doesNotMatch(JSON.stringify(out), /ana@example\.com/);
    });

    it('when the value refers to itself, then the cycle is marked instead of followed', () => {
      const loop: Record<string, unknown> = { id: 'x' };
      loop.self = loop;
      assert.deepEqual(scrubValue(loop), { id: 'x', self: '[circular]' });
    });

    it('when the same object appears twice side by side, then both copies are kept', () => {
      const shared = { orderId: '#W1234567' };
      assert.deepEqual(scrubValue({ a: shared, b: shared }), { a: shared, b: shared });
    });
  });

  describe('conversation ids', () => {
    const workflows: [string, string | undefined][] = [
      [workflowIdFor(CONVERSATION), CONVERSATION],
      [`${workflowIdFor(CONVERSATION)}-return-p1-0`, CONVERSATION],
      ['refund-abc123', undefined],
      ['conversation-not-a-uuid', undefined],
    ];
    for (const [workflowId, expected] of workflows) {
      it(`when the workflow id is ${workflowId}, then the conversation is ${expected ?? 'none'}`, () => {
        assert.equal(conversationIdOfWorkflow(workflowId), expected);
      });
    }
    const paths: [string, string | undefined][] = [
      [`/v1/conversations/${CONVERSATION}`, CONVERSATION],
      [`/v1/conversations/${CONVERSATION}/messages`, CONVERSATION],
      ['/v1/conversations', undefined],
      ['/v1/conversations/ana%40example.com', undefined],
      ['/v1/agent/queue', undefined],
    ];
    for (const [path, expected] of paths) {
      it(`when the path is ${path}, then the conversation is ${expected ?? 'none'}`, () => {
        assert.equal(conversationIdOfPath(path), expected);
      });
    }
  });

  describe('LOG_LEVEL', () => {
    it('when it is unset, then the level is info', () => {
      assert.equal(loadConfig({}).logLevel, 'info');
    });

    it('when it is debug, then the level is debug', () => {
      assert.equal(loadConfig({ LOG_LEVEL: 'debug' }).logLevel, 'debug');
    });

    it('when it is not a level, then a ConfigError names the variable and the choices', () => {
      assert.throws(
        () => loadConfig({ LOG_LEVEL: 'verbose' }),
        (err: unknown) => err instanceof ConfigError && /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/.test(err.message),
      );
    });
  });

  describe('createLogger', () => {
    const written: [LogLevel, string[]][] = [
      ['trace', ['trace', 'debug', 'info', 'warn', 'error', 'fatal']],
      ['info', ['info', 'warn', 'error', 'fatal']],
      ['warn', ['warn', 'error', 'fatal']],
      ['fatal', ['fatal']],
      ['silent', []],
    ];
    for (const [level, expected] of written) {
      it(`when the level is ${level}, then exactly ${expected.join(', ') || 'nothing'} is written`, () => {
        const out = captured();
        const logger = createLogger({ level, destination: out.stream });
        for (const at of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) logger[at](`at ${at}`);
        assert.deepEqual(out.lines.map((l) => l.level), expected);
        assert.deepEqual(out.lines.map((l) => l.msg), expected.map((at) => `at ${at}`));
      });
    }

    it('when a line has a time, then it is ISO 8601 and the level is a word', () => {
      const out = captured();
      createLogger({ level: 'info', destination: out.stream, base: { service: 'api' } }).info('up');
      const [line] = out.lines;
      assert.equal(line?.level, 'info');
      assert.equal(line?.service, 'api');
      assert.match(String(line?.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('when the message or the fields hold personal data, then the line holds none of it', () => {
      const out = captured();
      const logger = createLogger({ level: 'info', destination: out.stream });
      logger.info(
        {
          req: { method: 'POST', headers: { authorization: 'Bearer sst_channel_secret' } },
          email: 'ana@example.com',
          customer: { firstName: 'Ana', verified: true },
          deep: { a: { b: { c: { address1: '1 Main St', note: 'card 4111111111111111' } } } },
        },
        'lookup for ana@example.com with 4111 1111 1111 1111',
      );
      const [line] = out.lines;
      assert.equal(line?.msg, 'lookup for [email] with [card]');
      assert.equal(line?.req.headers.authorization, '[redacted]');
      assert.equal(line?.req.method, 'POST');
      assert.equal(line?.email, '[redacted]');
      assert.equal(line?.customer, '[redacted]');
      assert.deepEqual(line?.deep.a.b.c, { address1: '[redacted]', note: 'card [card]' });
      assert.doesNotMatch(JSON.stringify(out.lines), /ana@example|sst_channel_secret|Main St|4111/);
    });

    it('when an error is logged, then its type stays and its message is scrubbed', () => {
      const out = captured();
      createLogger({ level: 'info', destination: out.stream }).error({ err: new RangeError('no customer ana@example.com') }, 'failed');
      assert.equal(out.lines[0]?.err.type, 'RangeError');
      assert.equal(out.lines[0]?.err.message, 'no customer [email]');
    });

    it('when a child has a known personal field in its bindings, then its lines have it redacted', () => {
      const out = captured();
      createLogger({ level: 'info', destination: out.stream }).child({ email: 'ana@example.com' }).info('x');
      assert.equal(out.lines[0]?.email, '[redacted]');
    });

    it('when made quieter than its parent, then the child drops what is below its level and never adds more', () => {
      const out = captured();
      const parent = createLogger({ level: 'info', destination: out.stream });
      const quiet = quieterOf(parent, 'warn');
      quiet.info('dropped');
      quiet.warn('kept');
      assert.equal(quieterOf(createLogger({ level: 'error', destination: out.stream }), 'warn').level, 'error');
      assert.deepEqual(out.lines.map((l) => l.msg), ['kept']);
    });
  });

  describe('temporalLogger', () => {
    it('when the Temporal SDK logs at each of its levels, then the pino line has the matching level and the metadata', () => {
      const out = captured();
      const logger = temporalLogger(createLogger({ level: 'trace', destination: out.stream }));
      logger.log('WARN', 'worker state changed', { sdkComponent: 'worker', taskQueue: 'q' });
      logger.trace('t');
      logger.debug('d');
      logger.info('i', { workflowId: workflowIdFor(CONVERSATION) });
      logger.error('e for ana@example.com');
      assert.deepEqual(out.lines.map((l) => [l.level, l.msg]), [
        ['warn', 'worker state changed'],
        ['trace', 't'],
        ['debug', 'd'],
        ['info', 'i'],
        ['error', 'e for [email]'],
      ]);
      assert.equal(out.lines[0]?.sdkComponent, 'worker');
      assert.equal(out.lines[3]?.workflowId, workflowIdFor(CONVERSATION));
    });
  });
});
