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

  it('when WIDGET_ORIGINS is unset, *, a list or not origins, then the widget runs anywhere, on those, or the start stops naming it', () => {
    assert.equal(loadConfig({}).widgetOrigins, 'any');
    assert.equal(loadConfig({ WIDGET_ORIGINS: '*' }).widgetOrigins, 'any');
    assert.deepEqual(loadConfig({ WIDGET_ORIGINS: 'https://shop.example, http://localhost:8080' }).widgetOrigins, ['https://shop.example', 'http://localhost:8080']);
    assert.throws(() => loadConfig({ WIDGET_ORIGINS: 'shop.example' }), (err: unknown) => err instanceof ConfigError && /WIDGET_ORIGINS/.test(err.message));
    assert.throws(() => loadConfig({ WIDGET_ORIGINS: 'https://shop.example/path' }), (err: unknown) => err instanceof ConfigError && /WIDGET_ORIGINS/.test(err.message));
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

  it('when the worker metrics settings are unset, then the worker serves them on 127.0.0.1:9464 and the API reads them there', () => {
    const config = loadConfig({});
    assert.equal(config.workerMetricsAddress, '127.0.0.1:9464');
    assert.equal(config.workerMetricsUrl, 'http://127.0.0.1:9464/metrics');
    assert.equal(config.metricsToken, undefined);
  });

  it('when only WORKER_METRICS_ADDRESS is set, then the API reads the worker there (a wildcard host on the loopback)', () => {
    assert.equal(loadConfig({ WORKER_METRICS_ADDRESS: 'localhost:9999' }).workerMetricsUrl, 'http://localhost:9999/metrics');
    assert.equal(loadConfig({ WORKER_METRICS_ADDRESS: '0.0.0.0:9464' }).workerMetricsUrl, 'http://127.0.0.1:9464/metrics');
  });

  it('when WORKER_METRICS_URL names another host, then the API reads the worker there whatever its bind address', () => {
    const config = loadConfig({ WORKER_METRICS_ADDRESS: '0.0.0.0:9464', WORKER_METRICS_URL: 'http://worker:9464/metrics' });
    assert.equal(config.workerMetricsAddress, '0.0.0.0:9464');
    assert.equal(config.workerMetricsUrl, 'http://worker:9464/metrics');
  });

  it('when the worker metrics are off, then neither the worker serves them nor the API reads them', () => {
    const config = loadConfig({ WORKER_METRICS_ADDRESS: 'off' });
    assert.equal(config.workerMetricsAddress, undefined);
    assert.equal(config.workerMetricsUrl, undefined);
    assert.equal(loadConfig({ WORKER_METRICS_URL: 'off' }).workerMetricsUrl, undefined);
    assert.equal(loadConfig({ WORKER_METRICS_URL: 'off' }).workerMetricsAddress, '127.0.0.1:9464');
  });

  it('when the worker cache settings are unset or set, then the worker keeps 100 conversations and waits 10 s for a sticky worker, or what is set', () => {
    assert.deepEqual(loadConfig({}).workerTuning, { maxCachedWorkflows: 100, stickyTimeoutMs: 10_000 });
    assert.deepEqual(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '0', WORKER_STICKY_TIMEOUT_SECONDS: '2.5' }).workerTuning, { maxCachedWorkflows: 0, stickyTimeoutMs: 2500 });
  });

  it('when METRICS_TOKEN is set, then /metrics is configured to want it', () => {
    assert.equal(loadConfig({ METRICS_TOKEN: 'a-long-enough-scrape-token' }).metricsToken, 'a-long-enough-scrape-token');
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
    ['a worker metrics address without a port', { WORKER_METRICS_ADDRESS: '127.0.0.1' }, /WORKER_METRICS_ADDRESS must look like host:port/],
    ['a worker metrics address on port 0', { WORKER_METRICS_ADDRESS: '127.0.0.1:0' }, /WORKER_METRICS_ADDRESS must look like host:port \(port 1-65535\)/],
    ['a worker metrics port out of range', { WORKER_METRICS_ADDRESS: '127.0.0.1:70000' }, /WORKER_METRICS_ADDRESS/],
    ['a worker metrics URL that is not a URL', { WORKER_METRICS_URL: 'worker:9464' }, /WORKER_METRICS_URL must be an http\(s\) URL, or off/],
    ['a fractional worker cache size', { WORKER_MAX_CACHED_WORKFLOWS: '10.5' }, /WORKER_MAX_CACHED_WORKFLOWS must be a whole number/],
    ['a negative worker cache size', { WORKER_MAX_CACHED_WORKFLOWS: '-1' }, /WORKER_MAX_CACHED_WORKFLOWS must be 0 \(no cache\) or more/],
    ['a sticky timeout of zero', { WORKER_STICKY_TIMEOUT_SECONDS: '0' }, /WORKER_STICKY_TIMEOUT_SECONDS must be more than 0/],
    ['a short metrics token', { METRICS_TOKEN: 'secret' }, /METRICS_TOKEN must be at least 16 characters/],
  ];
  for (const [label, env, message] of bad) {
    it(`when given ${label}, then a ConfigError names the variable`, () => {
      assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && message.test(err.message));
    });
  }
});
