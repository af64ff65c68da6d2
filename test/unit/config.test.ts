import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'mocha';
import { ConfigError, loadConfig } from '../../config/config';

describe('loadConfig', () => {
  it('when nothing is set, then the embedded defaults are used', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.sqliteFile, path.resolve('data', 'support.sqlite'));
    assert.equal(config.temporalAddress, undefined);
    assert.equal(config.temporalNamespace, 'default');
    assert.equal(config.taskQueue, 'support-conversations');
    assert.equal(config.idleTimeoutMs, 24 * 60 * 60_000);
    assert.equal(config.turnTimeoutMs, 20_000);
    assert.equal(config.reconcileEveryMinutes, 15);
    assert.equal(config.refundRetryMs, 6 * 3_600_000);
  });

  it('when INVOICE_LINK_HOURS is unset or set, then invoice links last 24 hours or that long', () => {
    assert.equal(loadConfig({}).invoiceLinkMs, 24 * 3_600_000);
    assert.equal(loadConfig({ INVOICE_LINK_HOURS: '0.5' }).invoiceLinkMs, 1_800_000);
  });

  it('when RECONCILE_EVERY_MINUTES is set, then the reconciliation schedule takes it', () => {
    assert.equal(loadConfig({ RECONCILE_EVERY_MINUTES: '5' }).reconcileEveryMinutes, 5);
  });

  it('when values are set, then they are parsed and typed', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/support',
      TEMPORAL_ADDRESS: 'temporal:7233',
      CONVERSATION_IDLE_TIMEOUT_MINUTES: '30',
      DATA_DIR: '/tmp/x',
      TURN_TIMEOUT_SECONDS: '2.5',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, 'postgres://u:p@db:5432/support');
    assert.equal(config.temporalAddress, 'temporal:7233');
    assert.equal(config.idleTimeoutMs, 30 * 60_000);
    assert.equal(config.sqliteFile, '/tmp/x/support.sqlite');
    assert.equal(config.turnTimeoutMs, 2_500);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['a port that is not a number', { PORT: 'eighty' }, /PORT/],
    ['a port out of range', { PORT: '70000' }, /PORT/],
    ['a MySQL URL', { DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    ['an address without a port', { TEMPORAL_ADDRESS: 'temporal' }, /TEMPORAL_ADDRESS must look like host:port/],
    ['a zero idle timeout', { CONVERSATION_IDLE_TIMEOUT_MINUTES: '0' }, /CONVERSATION_IDLE_TIMEOUT_MINUTES/],
    ['a turn timeout that is not a number', { TURN_TIMEOUT_SECONDS: 'soon' }, /TURN_TIMEOUT_SECONDS/],
    ['a zero turn timeout', { TURN_TIMEOUT_SECONDS: '0' }, /TURN_TIMEOUT_SECONDS/],
    ['a negative refund retry budget', { REFUND_RETRY_MINUTES: '-5' }, /REFUND_RETRY_MINUTES/],
    ['a refund retry budget in words', { REFUND_RETRY_MINUTES: 'a while' }, /REFUND_RETRY_MINUTES/],
    ['an erasure grace period of zero days', { ACCOUNT_ERASURE_GRACE_DAYS: '0' }, /ACCOUNT_ERASURE_GRACE_DAYS/],
    ['a public base URL that is not a URL', { PUBLIC_BASE_URL: 'support.example' }, /PUBLIC_BASE_URL must be an http\(s\) URL/],
    ['a reconciliation interval of zero', { RECONCILE_EVERY_MINUTES: '0' }, /RECONCILE_EVERY_MINUTES must be at least 1/],
    ['a fractional reconciliation interval', { RECONCILE_EVERY_MINUTES: '2.5' }, /RECONCILE_EVERY_MINUTES must be a whole number/],
    ['a reconciliation interval in words', { RECONCILE_EVERY_MINUTES: 'hourly' }, /RECONCILE_EVERY_MINUTES must be a whole number/],
    ['an invoice link of no time', { INVOICE_LINK_HOURS: '0' }, /INVOICE_LINK_HOURS must be more than 0/],
    ['an invoice link in words', { INVOICE_LINK_HOURS: 'a day' }, /INVOICE_LINK_HOURS must be a number/],
  ];
  for (const [label, env, message] of bad) {
    it(`when given ${label}, then a ConfigError names the variable`, () => {
      assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && message.test(err.message));
    });
  }
});
