// The production compose stack (temporal-docker/) checked without a Docker engine: the file is parsed
// and held against the product's contracts (ENV_VARS and loadConfig in config/config.ts, the root
// Dockerfile, the entry files), and the checker itself is shown to catch each kind of mistake.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'mocha';
import { ENV_VARS, loadConfig } from '../../config/config';
import {
  DUMMY_VALUE,
  checkCompose,
  dependsOnCondition,
  fsRepo,
  healthcheckCommand,
  imagePinProblem,
  interpolate,
  readComposeFile,
  resolveCompose,
  serviceEnv,
  servicePorts,
  type RepoView,
} from '../../temporal-docker/check-compose';

const root = path.resolve(__dirname, '..', '..');
const composeFile = path.join(root, 'temporal-docker', 'docker-compose.yml');

type Rec = Record<string, any>;

/** A fresh, mutable copy of the compose file as parsed (interpolation not resolved). */
function compose(): Rec {
  return readComposeFile(composeFile) as Rec;
}
/** The compose file with `${VAR:-default}` resolved to the default and `${VAR}` to a dummy. */
function resolved(): Rec {
  return resolveCompose(compose());
}
function problemsAfter(mutate: (c: Rec) => void, repo?: RepoView): string[] {
  const c = compose();
  mutate(c);
  return checkCompose(c, repo ? { repo } : {});
}
function assertReported(problems: string[], pattern: RegExp): void {
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `expected a problem matching ${pattern}, got:\n${problems.join('\n') || '(none)'}`,
  );
}

describe('temporal-docker/docker-compose.yml', () => {
  it('when the compose file is checked, then no problem is found', () => {
    assert.deepEqual(checkCompose(compose()), []);
  });

  it('when the files it refers to are checked in the repository, then they all exist and fit', () => {
    // The root Dockerfile (pinned base, CMD file exists), workers/main.ts and api/main.ts, the init
    // script and dynamic config mounts, tsx kept as a runtime dependency, .dockerignore.
    assert.deepEqual(checkCompose(compose(), { repo: fsRepo(root) }), []);
  });

  it('when the services are listed, then PostgreSQL, Temporal, its UI, the worker and the API are all there', () => {
    const services = Object.keys(resolved().services);
    for (const name of ['postgresql', 'temporal', 'temporal-ui', 'worker', 'api']) assert.ok(services.includes(name), name);
  });

  it('when the images are read, then each one is pinned to a specific version', () => {
    const images = Object.entries(resolved().services as Record<string, Rec>)
      .filter(([, s]) => s.image !== undefined)
      .map(([name, s]) => [name, String(s.image)] as const);
    assert.deepEqual(images.map(([name]) => name).sort(), ['postgresql', 'temporal', 'temporal-ui']);
    for (const [name, image] of images) {
      assert.equal(imagePinProblem(image), undefined, `${name}: ${image}`);
      assert.match(image, /:\d+\.\d+/, `${name}: ${image}`);
    }
  });

  it('when the worker and the API are read, then both build the root Dockerfile and run their entry file with tsx', () => {
    const { worker, api } = resolved().services;
    for (const service of [worker, api]) {
      assert.equal(path.resolve(path.dirname(composeFile), service.build.context), root);
      assert.equal(service.build.dockerfile ?? 'Dockerfile', 'Dockerfile');
    }
    assert.deepEqual(worker.command, ['node', '--import', 'tsx', 'workers/main.ts']);
    assert.deepEqual(api.command, ['node', '--import', 'tsx', 'api/main.ts']);
  });

  it('when the worker and API environments are read, then every name is one of ENV_VARS', () => {
    const known = new Set<string>(ENV_VARS);
    for (const name of ['worker', 'api']) {
      const names = Object.keys(serviceEnv(resolved().services[name]));
      assert.ok(names.length > 0, name);
      assert.deepEqual(names.filter((n) => !known.has(n)), [], name);
    }
  });

  it('when the worker and API environments are fed to loadConfig, then they reach the temporal and postgresql services', () => {
    const { services } = resolved();
    const pg = serviceEnv(services.postgresql);
    const temporal = serviceEnv(services.temporal);
    for (const name of ['worker', 'api']) {
      const config = loadConfig(serviceEnv(services[name]));
      assert.equal(config.temporalAddress, 'temporal:7233', name);
      assert.equal(config.temporalNamespace, 'default', name);
      assert.equal(config.temporalNamespace, temporal.DEFAULT_NAMESPACE, name);
      assert.equal(config.taskQueue, 'support-conversations', name);
      assert.equal(config.anthropicApiKey, undefined, `${name}: no key unless the operator gives one`);
      const url = new URL(config.databaseUrl ?? '');
      assert.equal(url.protocol, 'postgres:', name);
      assert.equal(url.hostname, 'postgresql', name);
      assert.equal(url.port, '5432', name);
      assert.equal(url.username, pg.APP_DB_USER, name);
      assert.equal(url.password, pg.APP_DB_PASSWORD, name);
      assert.equal(url.pathname, `/${pg.APP_DB_NAME}`, name);
    }
    assert.equal(loadConfig(serviceEnv(services.api)).port, 3000);
  });

  it('when the operator sets variables in the environment, then the worker and API follow them', () => {
    const env = { APP_DB_PASSWORD: 's3cret', TEMPORAL_NAMESPACE: 'support', ANTHROPIC_API_KEY: 'sk-test' };
    const { services } = resolveCompose(compose(), env);
    const config = loadConfig(serviceEnv(services.worker));
    assert.equal(config.databaseUrl, 'postgres://support:s3cret@postgresql:5432/support');
    assert.equal(config.temporalNamespace, 'support');
    assert.equal(serviceEnv(services.temporal).DEFAULT_NAMESPACE, 'support');
    assert.equal(serviceEnv(services.postgresql).APP_DB_PASSWORD, 's3cret');
    assert.equal(config.anthropicApiKey, 'sk-test');
  });

  it('when the ports are read, then the API publishes its PORT and the UI points at the Temporal frontend', () => {
    const { services } = resolved();
    const apiPort = loadConfig(serviceEnv(services.api)).port;
    assert.ok(servicePorts(services.api).some((p) => p.target === apiPort && p.published === apiPort));
    assert.ok(servicePorts(services.temporal).some((p) => p.target === 7233));
    assert.equal(serviceEnv(services['temporal-ui']).TEMPORAL_ADDRESS, 'temporal:7233');
    assert.ok(servicePorts(services['temporal-ui']).some((p) => p.target === 8080 && p.published === 8080));
  });

  it('when the health checks and start order are read, then dependants wait for healthy services', () => {
    const { services } = resolved();
    assert.match(healthcheckCommand(services.postgresql) ?? '', /pg_isready/);
    assert.match(healthcheckCommand(services.temporal) ?? '', /temporal operator/);
    assert.match(healthcheckCommand(services.api) ?? '', /\/healthz/);
    const healthy: Array<[string, string]> = [
      ['temporal', 'postgresql'],
      ['temporal-ui', 'temporal'],
      ['worker', 'postgresql'],
      ['worker', 'temporal'],
      ['api', 'postgresql'],
      ['api', 'temporal'],
    ];
    for (const [who, dep] of healthy) assert.equal(dependsOnCondition(services[who], dep), 'service_healthy', `${who} → ${dep}`);
  });

  it('when the init script is read, then it creates the login and database that DATABASE_URL names', () => {
    const pg = resolved().services.postgresql;
    assert.ok((pg.volumes as string[]).some((v) => v.startsWith('./postgres-init:/docker-entrypoint-initdb.d')));
    const script = fsRepo(root).read('temporal-docker/postgres-init/10-create-app-database.sh') ?? '';
    assert.match(script, /CREATE ROLE :"app_user" WITH LOGIN PASSWORD :'app_password'/);
    assert.match(script, /CREATE DATABASE :"app_db" OWNER :"app_user"/);
  });
});

describe('checkCompose on mutated copies', () => {
  const cases: Array<{ when: string; mutate: (c: Rec) => void; reported: RegExp }> = [
    {
      when: 'the worker gets a variable that is not in ENV_VARS',
      mutate: (c) => (c.services.worker.environment.NODE_OPTIONS = '--max-old-space-size=512'),
      reported: /services\.worker\.environment\.NODE_OPTIONS: not a name in ENV_VARS/,
    },
    {
      when: 'the API takes its environment in list form with an unknown name',
      mutate: (c) => (c.services.api.environment = ['PORT=3000', 'DATABASE_URL=postgres://support:support@postgresql:5432/support', 'NODE_ENV=production']),
      reported: /services\.api\.environment\.NODE_ENV: not a name in ENV_VARS/,
    },
    {
      when: 'the worker points its payment provider somewhere other than the payments service',
      mutate: (c) => (c.services.worker.environment.PAYMENT_PROVIDER_URL = 'http://payments:9999'),
      reported: /services\.worker\.environment\.PAYMENT_PROVIDER_URL: "http:\/\/payments:9999", want http:\/\/payments:4010/,
    },
    {
      when: 'the payments service runs another file',
      mutate: (c) => (c.services.payments.command = ['node', '--import', 'tsx', 'workers/main.ts']),
      reported: /services\.payments\.command: .*want node --import tsx payments\/main\.ts/,
    },
    {
      when: 'the payments service loses its health check',
      mutate: (c) => delete c.services.payments.healthcheck,
      reported: /services\.payments\.healthcheck: missing/,
    },
    {
      when: 'the API reads an env_file',
      mutate: (c) => (c.services.api.env_file = '.env'),
      reported: /services\.api\.env_file: not allowed/,
    },
    {
      when: 'the UI image is tagged latest',
      mutate: (c) => (c.services['temporal-ui'].image = 'temporalio/ui:latest'),
      reported: /services\.temporal-ui\.image: "temporalio\/ui:latest" is tagged latest/,
    },
    {
      when: 'the PostgreSQL image has no tag',
      mutate: (c) => (c.services.postgresql.image = 'postgres'),
      reported: /services\.postgresql\.image: "postgres" has no tag/,
    },
    {
      when: 'the Temporal image floats on a major version',
      mutate: (c) => (c.services.temporal.image = 'temporalio/auto-setup:1'),
      reported: /services\.temporal\.image: .* not a specific version/,
    },
    {
      when: 'an expected service is missing',
      mutate: (c) => delete c.services['temporal-ui'],
      reported: /services\.temporal-ui: missing/,
    },
    {
      when: 'DATABASE_URL carries another password than PostgreSQL creates',
      mutate: (c) => (c.services.worker.environment.DATABASE_URL = 'postgres://support:wrong@postgresql:5432/support'),
      reported: /services\.worker\.environment\.DATABASE_URL: password differs/,
    },
    {
      when: 'DATABASE_URL points at another host and database',
      mutate: (c) => (c.services.api.environment.DATABASE_URL = 'postgres://support:support@localhost:5432/app'),
      reported: /services\.api\.environment\.DATABASE_URL: host "localhost" is not the postgresql service; database "app" is not "support"/,
    },
    {
      when: 'DATABASE_URL is not a postgres URL, so loadConfig rejects it',
      mutate: (c) => (c.services.worker.environment.DATABASE_URL = 'mysql://support:support@postgresql/support'),
      reported: /services\.worker\.environment: loadConfig\(\) rejects it: .*DATABASE_URL/,
    },
    {
      when: 'the worker has no DATABASE_URL',
      mutate: (c) => delete c.services.worker.environment.DATABASE_URL,
      reported: /services\.worker\.environment\.DATABASE_URL: missing/,
    },
    {
      when: 'the worker points at the wrong Temporal port',
      mutate: (c) => (c.services.worker.environment.TEMPORAL_ADDRESS = 'temporal:7234'),
      reported: /services\.worker\.environment\.TEMPORAL_ADDRESS: "temporal:7234" is not the frontend port 7233/,
    },
    {
      when: 'the worker and the API use different task queues',
      mutate: (c) => (c.services.api.environment.TEMPORAL_TASK_QUEUE = 'other-queue'),
      reported: /services\.worker\/api\.environment\.TEMPORAL_TASK_QUEUE: the worker and the API disagree/,
    },
    {
      when: 'the API uses a namespace the temporal service does not create',
      mutate: (c) => (c.services.api.environment.TEMPORAL_NAMESPACE = 'support'),
      reported: /services\.api\.environment\.TEMPORAL_NAMESPACE: "support" is not the namespace the temporal service creates \("default"\)/,
    },
    {
      when: 'the UI points at another host',
      mutate: (c) => (c.services['temporal-ui'].environment.TEMPORAL_ADDRESS = 'localhost:7233'),
      reported: /services\.temporal-ui\.environment\.TEMPORAL_ADDRESS: "localhost:7233" does not point at the temporal service/,
    },
    {
      when: 'Temporal logs in with another password than PostgreSQL has',
      mutate: (c) => (c.services.temporal.environment.POSTGRES_PWD = 'nope'),
      reported: /services\.temporal\.environment\.POSTGRES_PWD: differs/,
    },
    {
      when: 'the API listens on a PORT it does not publish',
      mutate: (c) => (c.services.api.environment.PORT = '4000'),
      reported: /services\.api\.ports: container port 4000 \(PORT\) is not published/,
    },
    {
      when: 'the API publishes its PORT under another host port',
      mutate: (c) => (c.services.api.ports = ['8000:3000']),
      reported: /services\.api\.ports: PORT 3000 is published under another host port/,
    },
    {
      when: 'the API has no health check',
      mutate: (c) => delete c.services.api.healthcheck,
      reported: /services\.api\.healthcheck: missing/,
    },
    {
      when: 'the PostgreSQL health check is disabled',
      mutate: (c) => (c.services.postgresql.healthcheck = { disable: true }),
      reported: /services\.postgresql\.healthcheck: missing/,
    },
    {
      when: 'the API waits for Temporal only to start, not to be healthy',
      mutate: (c) => (c.services.api.depends_on = ['postgresql', 'temporal']),
      reported: /services\.api\.depends_on\.temporal: condition is service_started, want condition: service_healthy/,
    },
    {
      when: 'Temporal does not wait for PostgreSQL',
      mutate: (c) => delete c.services.temporal.depends_on,
      reported: /services\.temporal\.depends_on\.postgresql: missing/,
    },
    {
      when: 'the worker is built from another context',
      mutate: (c) => (c.services.worker.build = { context: '.', dockerfile: 'Dockerfile' }),
      reported: /services\.worker\.build\.context: "\." is not the repository root/,
    },
    {
      when: 'the API runs another entry file',
      mutate: (c) => (c.services.api.command = ['node', '--import', 'tsx', 'api/server.ts']),
      reported: /services\.api\.command: "node --import tsx api\/server\.ts", want node --import tsx api\/main\.ts/,
    },
    {
      when: 'the worker runs TypeScript without tsx',
      mutate: (c) => (c.services.worker.command = 'node workers/main.ts'),
      reported: /services\.worker\.command: runs TypeScript without --import tsx/,
    },
    {
      when: 'PostgreSQL keeps its data in the container only',
      mutate: (c) => (c.services.postgresql.volumes = ['./postgres-init:/docker-entrypoint-initdb.d:ro']),
      reported: /services\.postgresql\.volumes: nothing mounted at \/var\/lib\/postgresql\/data/,
    },
  ];
  for (const { when, mutate, reported } of cases) {
    it(`when ${when}, then the problem is reported`, () => {
      assertReported(problemsAfter(mutate), reported);
    });
  }

  it('when the repository lacks an entry file or the Dockerfile, then each is reported', () => {
    const real = fsRepo(root);
    const missing = new Set(['workers/main.ts', 'Dockerfile']);
    const repo: RepoView = {
      exists: (p) => !missing.has(p) && real.exists(p),
      read: (p) => (missing.has(p) ? undefined : real.read(p)),
      list: (d) => real.list(d),
    };
    const problems = checkCompose(compose(), { repo });
    assertReported(problems, /services\.worker\.command: workers\/main\.ts does not exist/);
    assertReported(problems, /Dockerfile: missing at the repository root/);
  });

  it('when the Dockerfile uses an unpinned base or runs a missing file, then it is reported', () => {
    const real = fsRepo(root);
    const repo: RepoView = {
      ...real,
      read: (p) => (p === 'Dockerfile' ? 'FROM node:20-bookworm-slim\nWORKDIR /app\nCMD ["node", "--import", "tsx", "api/gone.ts"]\n' : real.read(p)),
    };
    const problems = checkCompose(compose(), { repo });
    assertReported(problems, /Dockerfile: FROM "node:20-bookworm-slim" has tag "20-bookworm-slim", which is not a specific version/);
    assertReported(problems, /Dockerfile: CMD runs api\/gone\.ts, which does not exist/);
  });

  it('when tsx is only a dev dependency or .dockerignore drops the lockfile, then it is reported', () => {
    const real = fsRepo(root);
    const repo: RepoView = {
      ...real,
      read: (p) => {
        if (p === 'package.json') return JSON.stringify({ dependencies: {}, devDependencies: { tsx: '^4.0.0' } });
        if (p === '.dockerignore') return 'node_modules\npackage-lock.json\n';
        return real.read(p);
      },
    };
    const problems = checkCompose(compose(), { repo });
    assertReported(problems, /package\.json: tsx is not in dependencies/);
    assertReported(problems, /\.dockerignore: excludes package-lock\.json/);
  });

  it('when the stack is scaled, then workers and APIs run as replicas with the chosen worker tuning, each API with a host port', () => {
    const services = resolved().services;
    assert.equal(Number(services.worker.deploy.replicas), 2);
    assert.equal(Number(services.api.deploy.replicas), 2);
    assert.deepEqual(servicePorts(services.api).map((p) => [p.published, p.publishedCount, p.target]), [[3000, 2, 3000]]);
    const tuning = loadConfig(serviceEnv(services.worker) as NodeJS.ProcessEnv).workerTuning;
    assert.deepEqual(tuning, loadConfig({}).workerTuning);
  });

  it('when replicas are not a whole number, outnumber the API host ports, or the worker tuning is left out, then each is reported', () => {
    assertReported(problemsAfter((c) => (c.services.worker.deploy.replicas = 'two')), /services\.worker\.deploy\.replicas: "two"/);
    assertReported(problemsAfter((c) => (c.services.api.deploy.replicas = 3)), /services\.api\.ports: 3 replicas but 2 host port/);
    assertReported(problemsAfter((c) => (c.services.api.ports = ['3000:3000'])), /services\.api\.ports: 2 replicas but 1 host port/);
    assertReported(problemsAfter((c) => delete c.services.worker.environment.WORKER_MAX_CACHED_WORKFLOWS), /services\.worker\.environment\.WORKER_MAX_CACHED_WORKFLOWS: missing/);
    assertReported(problemsAfter((c) => (c.services.worker.environment.WORKER_MAX_CACHED_WORKFLOWS = '-1')), /services\.worker\.environment: loadConfig\(\) rejects it/);
  });

  it('when the compose object is not a compose file, then that is the one problem', () => {
    assert.deepEqual(checkCompose({ version: '3' }), ['the compose file has no services']);
    assert.deepEqual(checkCompose(null), ['the compose file has no services']);
  });
});

describe('compose interpolation', () => {
  const table: Array<[string, Record<string, string>, string]> = [
    ['${A:-x}', {}, 'x'],
    ['${A:-x}', { A: '' }, 'x'],
    ['${A-x}', { A: '' }, ''],
    ['${A:-x}', { A: 'y' }, 'y'],
    ['${A}', {}, DUMMY_VALUE],
    ['$A/b', { A: 'y' }, 'y/b'],
    ['${A:?need A}', {}, DUMMY_VALUE],
    ['${A:+on}', { A: '1' }, 'on'],
    ['${A:+on}', {}, ''],
    ['$$HOME and $${X}', {}, '$HOME and ${X}'],
    ['postgres://u:${P:-p}@h/${D:-d}', { D: 'db' }, 'postgres://u:p@h/db'],
  ];
  for (const [text, env, want] of table) {
    it(`when "${text}" is resolved with ${JSON.stringify(env)}, then it reads "${want}"`, () => {
      assert.equal(interpolate(text, env), want);
    });
  }
});
