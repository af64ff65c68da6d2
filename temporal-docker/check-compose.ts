/**
 * Checks temporal-docker/docker-compose.yml against the product's contracts, without a Docker engine.
 *
 * `checkCompose(compose)` is pure: it takes the parsed compose file and returns the problems it finds
 * (an empty list when all is well). Checks that need the repository's files (the Dockerfile, the entry
 * files, the init script) run only when a `RepoView` is passed; `fsRepo(root)` gives one over the disk.
 *
 *   node --import tsx temporal-docker/check-compose.ts    # prints the problems, exits 1 if any
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { parse } from 'yaml';
import { ENV_VARS, loadConfig, type Config } from '../config/config';

const posix = nodePath.posix;

/** The parsed compose file (as the `yaml` package returns it). */
export type ComposeObject = unknown;

/** Read-only view of the repository; paths are relative to its root, with forward slashes. */
export interface RepoView {
  exists(path: string): boolean;
  read(path: string): string | undefined;
  list(dir: string): string[];
}

export interface CheckOptions {
  /** When given, the files the compose file and the Dockerfile refer to are checked too. */
  repo?: RepoView;
  /** Directory of the compose file, relative to the repository root. */
  composeDir?: string;
}

export const EXPECTED_SERVICES = ['postgresql', 'temporal', 'temporal-ui', 'payments', 'worker', 'api'] as const;
/** The file each app service runs, relative to the repository root (= the image's WORKDIR). */
export const ENTRY_FILES = { worker: 'workers/main.ts', api: 'api/main.ts', payments: 'payments/main.ts' } as const;
export const TEMPORAL_FRONTEND_PORT = 7233;
export const POSTGRES_PORT = 5432;
export const TEMPORAL_UI_PORT = 8080;
/** What `${VAR}` (no default) becomes when the compose file is resolved without a real environment. */
export const DUMMY_VALUE = 'dummy';

const APP_SERVICES = ['worker', 'api'] as const;
type AppService = (typeof APP_SERVICES)[number];
/** Settings the worker and the API must agree on. */
const SHARED_APP_VARS = ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE'] as const;

/** The worker's cache settings (docs/BENCHMARKS.md measures them); the compose file must set them. */
export const WORKER_TUNING_VARS = ['WORKER_MAX_CACHED_WORKFLOWS', 'WORKER_STICKY_TIMEOUT_SECONDS'] as const;

type Env = Record<string, string | undefined>;
type Rec = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Interpolation, as `docker compose` does it on the host side.

/**
 * Resolves compose interpolation in one string: `$$` → `$`; `${VAR:-d}` / `${VAR-d}` → the value or d;
 * `${VAR:+a}` / `${VAR+a}` → a when set; `${VAR}`, `$VAR`, `${VAR:?e}` → the value, or `DUMMY_VALUE`
 * when `env` lacks it.
 */
export function interpolate(text: string, env: Env = {}): string {
  const pattern = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  return text.replace(
    pattern,
    (_m, dollar: string | undefined, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
      if (dollar) return '$';
      const name = (braced ?? bare) as string;
      const value = env[name];
      const isSet = value !== undefined;
      const isNonEmpty = isSet && value !== '';
      switch (op) {
        case ':-':
          return isNonEmpty ? value : interpolate(arg ?? '', env);
        case '-':
          return isSet ? value : interpolate(arg ?? '', env);
        case ':+':
          return isNonEmpty ? interpolate(arg ?? '', env) : '';
        case '+':
          return isSet ? interpolate(arg ?? '', env) : '';
        default: // none, ':?', '?': a required value
          return isSet ? value : DUMMY_VALUE;
      }
    },
  );
}

/** The compose object with every string interpolated (keys are left as they are). */
export function resolveCompose<T>(value: T, env: Env = {}): T {
  if (typeof value === 'string') return interpolate(value, env) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => resolveCompose(v, env)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveCompose(v, env)])) as T;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Readers for the pieces of a service definition (each accepts compose's short and long forms).

function asRecord(value: unknown): Rec | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Rec) : undefined;
}

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A service's `environment` as name → value (`undefined` for a name given without a value). */
export function serviceEnv(service: Rec | undefined): Env {
  const raw = service?.environment;
  const env: Env = {};
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const text = String(item);
      const eq = text.indexOf('=');
      if (eq < 0) env[text] = undefined;
      else env[text.slice(0, eq)] = text.slice(eq + 1);
    }
  } else {
    for (const [name, value] of Object.entries(asRecord(raw) ?? {})) env[name] = scalar(value);
  }
  return env;
}

export interface PortMapping {
  hostIp?: string;
  published?: number;
  /** How many host ports a `3000-3001:3000` range publishes (1 for a single port). */
  publishedCount?: number;
  target: number;
}

/** A service's `ports` (short `[ip:]published:target[/proto]` or long `{target, published}` form). */
export function servicePorts(service: Rec | undefined): PortMapping[] {
  const raw = service?.ports;
  if (!Array.isArray(raw)) return [];
  const out: PortMapping[] = [];
  for (const item of raw) {
    const long = asRecord(item);
    if (long) {
      const target = Number(long.target);
      const published = long.published === undefined ? undefined : Number(String(long.published));
      const hostIp = scalar(long.host_ip);
      out.push({ target, ...(published === undefined ? {} : { published }), ...(hostIp ? { hostIp } : {}) });
      continue;
    }
    const parts = String(item).replace(/\/(tcp|udp|sctp)$/, '').split(':');
    const target = Number(parts.pop());
    const publishedText = parts.pop();
    const hostIp = parts.length > 0 ? parts.join(':') : undefined;
    // A range publishes one host port per replica: `3000-3001:3000` is two.
    const [first, last] = (publishedText ?? '').split('-');
    out.push({
      target,
      ...(publishedText === undefined ? {} : { published: Number(first), publishedCount: last === undefined ? 1 : Number(last) - Number(first) + 1 }),
      ...(hostIp ? { hostIp } : {}),
    });
  }
  return out;
}

/** The container ports a service listens on, as far as the compose file tells (`ports` and `expose`). */
function containerPorts(service: Rec | undefined): number[] {
  const exposed = Array.isArray(service?.expose) ? service.expose.map((p) => Number(String(p).split('/')[0])) : [];
  return [...servicePorts(service).map((p) => p.target), ...exposed];
}

/** The condition under which `service` waits for `dependency`, or undefined when it does not. */
export function dependsOnCondition(service: Rec | undefined, dependency: string): string | undefined {
  const raw = service?.depends_on;
  if (Array.isArray(raw)) return raw.map(String).includes(dependency) ? 'service_started' : undefined;
  const entry = asRecord(raw)?.[dependency];
  if (entry === undefined) return undefined;
  return scalar(asRecord(entry)?.condition) ?? 'service_started';
}

/** The health check command as one string, or undefined when there is none (or it is disabled). */
export function healthcheckCommand(service: Rec | undefined): string | undefined {
  const hc = asRecord(service?.healthcheck);
  if (!hc || hc.disable === true) return undefined;
  const test = hc.test;
  if (typeof test === 'string') return test.trim() === '' ? undefined : test;
  if (!Array.isArray(test) || test.length === 0) return undefined;
  const [kind, ...rest] = test.map(String);
  if (kind === 'NONE') return undefined;
  if (kind === 'CMD' || kind === 'CMD-SHELL') return rest.length > 0 ? rest.join(' ') : undefined;
  return [kind, ...rest].join(' ');
}

/** A service's `command` as a list of words. */
function commandWords(service: Rec | undefined): string[] | undefined {
  const raw = service?.command;
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'string') return raw.trim().split(/\s+/);
  return undefined;
}

/** Why an image reference is not pinned to a specific version, or undefined when it is. */
export function imagePinProblem(image: string): string | undefined {
  const at = image.indexOf('@');
  if (at >= 0) return /^sha256:[0-9a-f]{64}$/.test(image.slice(at + 1)) ? undefined : 'has a malformed digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'has no tag (that means latest)';
  const tag = image.slice(colon + 1);
  if (tag === '' || tag === 'latest') return 'is tagged latest';
  if (!/^v?\d+\.\d+/.test(tag)) return `has tag "${tag}", which is not a specific version (want at least major.minor)`;
  return undefined;
}

/** Where a compose-relative path lands, relative to the repository root ('.' for the root itself). */
function fromComposeDir(composeDir: string, p: string): string {
  return posix.normalize(posix.join(composeDir, p)).replace(/\/$/, '') || '.';
}

// ---------------------------------------------------------------------------------------------
// The check.

/** Returns every problem found in the compose object (and, with `options.repo`, in the files it uses). */
export function checkCompose(composeObject: ComposeObject, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const composeDir = options.composeDir ?? 'temporal-docker';
  const compose = asRecord(resolveCompose(composeObject));
  const services = asRecord(compose?.services);
  if (!services) return ['the compose file has no services'];

  const svc = (name: string): Rec | undefined => asRecord(services[name]);
  for (const name of EXPECTED_SERVICES) {
    if (!svc(name)) problems.push(`services.${name}: missing`);
  }

  // Every image pinned.
  for (const [name, value] of Object.entries(services)) {
    const image = scalar(asRecord(value)?.image);
    if (image === undefined) continue;
    const why = imagePinProblem(image);
    if (why) problems.push(`services.${name}.image: "${image}" ${why}`);
  }

  // Health checks where others wait on them.
  const healthOf: Record<string, RegExp> = {
    postgresql: /pg_isready/,
    temporal: /temporal operator|tctl/,
    api: /\/healthz/,
  };
  for (const [name, shape] of Object.entries(healthOf)) {
    if (!svc(name)) continue;
    const cmd = healthcheckCommand(svc(name));
    if (cmd === undefined) problems.push(`services.${name}.healthcheck: missing`);
    else if (!shape.test(cmd)) problems.push(`services.${name}.healthcheck: "${cmd}" does not match ${shape}`);
  }

  // Start order: wait for health, not for the container to exist.
  const mustWait: Array<[string, string]> = [
    ['temporal', 'postgresql'],
    ['temporal-ui', 'temporal'],
    ['worker', 'postgresql'],
    ['worker', 'temporal'],
    ['api', 'postgresql'],
    ['api', 'temporal'],
  ];
  for (const [who, dep] of mustWait) {
    if (!svc(who) || !svc(dep)) continue;
    const condition = dependsOnCondition(svc(who), dep);
    if (condition !== 'service_healthy') {
      problems.push(
        `services.${who}.depends_on.${dep}: ${condition === undefined ? 'missing' : `condition is ${condition}`}, want condition: service_healthy`,
      );
    }
  }

  // PostgreSQL: the credentials everyone else must use.
  const pg = svc('postgresql');
  const pgEnv = serviceEnv(pg);
  const superUser = pgEnv.POSTGRES_USER ?? 'postgres';
  const superPassword = pgEnv.POSTGRES_PASSWORD;
  const usesAppLogin = pgEnv.APP_DB_USER !== undefined;
  const appDb = usesAppLogin
    ? { user: pgEnv.APP_DB_USER, password: pgEnv.APP_DB_PASSWORD, db: pgEnv.APP_DB_NAME ?? pgEnv.APP_DB_USER }
    : { user: superUser, password: superPassword, db: pgEnv.POSTGRES_DB ?? superUser };
  const pgMounts = pg ? volumeMounts(pg) : [];
  if (pg) {
    if (!superPassword) problems.push('services.postgresql.environment.POSTGRES_PASSWORD: missing');
    if (!pgMounts.some((m) => m.target === '/var/lib/postgresql/data')) {
      problems.push('services.postgresql.volumes: nothing mounted at /var/lib/postgresql/data (the data would die with the container)');
    }
    if (usesAppLogin) {
      for (const name of ['APP_DB_PASSWORD', 'APP_DB_NAME']) {
        if (!pgEnv[name]) problems.push(`services.postgresql.environment.${name}: missing (APP_DB_USER is set)`);
      }
      if (!pgMounts.some((m) => m.target === '/docker-entrypoint-initdb.d')) {
        problems.push('services.postgresql.volumes: no init script directory at /docker-entrypoint-initdb.d to create APP_DB_USER');
      }
    }
  }

  // Temporal server.
  const temporal = svc('temporal');
  const temporalEnv = serviceEnv(temporal);
  const temporalNamespace = temporalEnv.DEFAULT_NAMESPACE ?? 'default';
  if (temporal) {
    if (!['postgres12', 'postgres12_pgx'].includes(temporalEnv.DB ?? '')) {
      problems.push(`services.temporal.environment.DB: "${temporalEnv.DB ?? ''}", want postgres12 or postgres12_pgx`);
    }
    const seeds = (temporalEnv.POSTGRES_SEEDS ?? '').split(',').map((s) => s.trim());
    if (!seeds.includes('postgresql')) {
      problems.push(`services.temporal.environment.POSTGRES_SEEDS: "${temporalEnv.POSTGRES_SEEDS ?? ''}" does not name the postgresql service`);
    }
    if (temporalEnv.DB_PORT !== undefined && temporalEnv.DB_PORT !== String(POSTGRES_PORT)) {
      problems.push(`services.temporal.environment.DB_PORT: ${temporalEnv.DB_PORT}, want ${POSTGRES_PORT}`);
    }
    if (pg && temporalEnv.POSTGRES_USER !== superUser) {
      problems.push(`services.temporal.environment.POSTGRES_USER: "${temporalEnv.POSTGRES_USER ?? ''}" is not postgresql's POSTGRES_USER "${superUser}"`);
    }
    if (pg && temporalEnv.POSTGRES_PWD !== superPassword) {
      problems.push("services.temporal.environment.POSTGRES_PWD: differs from postgresql's POSTGRES_PASSWORD");
    }
    if (!containerPorts(temporal).includes(TEMPORAL_FRONTEND_PORT)) {
      problems.push(`services.temporal: port ${TEMPORAL_FRONTEND_PORT} is neither published nor exposed`);
    }
  }

  // Temporal UI.
  const ui = svc('temporal-ui');
  if (ui) {
    const address = serviceEnv(ui).TEMPORAL_ADDRESS;
    const why = temporalAddressProblem(address, temporal);
    if (why) problems.push(`services.temporal-ui.environment.TEMPORAL_ADDRESS: ${why}`);
    if (!servicePorts(ui).some((p) => p.target === TEMPORAL_UI_PORT && p.published !== undefined)) {
      problems.push(`services.temporal-ui.ports: container port ${TEMPORAL_UI_PORT} is not published`);
    }
  }

  // Worker and API.
  const envNames = new Set<string>(ENV_VARS);
  const configs: Partial<Record<AppService, { env: Env; config: Config }>> = {};
  for (const name of APP_SERVICES) {
    const service = svc(name);
    if (!service) continue;
    const where = `services.${name}`;

    problems.push(...buildAndCommandProblems(service, where, ENTRY_FILES[name], composeDir));

    if (service.env_file !== undefined) {
      problems.push(`${where}.env_file: not allowed; give each setting in environment so its name can be checked against ENV_VARS`);
    }
    const env = serviceEnv(service);
    for (const envName of Object.keys(env)) {
      if (!envNames.has(envName)) problems.push(`${where}.environment.${envName}: not a name in ENV_VARS (config/config.ts)`);
    }
    try {
      configs[name] = { env, config: loadConfig(env) };
    } catch (error) {
      problems.push(`${where}.environment: loadConfig() rejects it: ${(error as Error).message.replace(/\s+/g, ' ')}`);
      continue;
    }
    const config = configs[name].config;

    const addressWhy = temporalAddressProblem(config.temporalAddress, temporal);
    if (addressWhy) problems.push(`${where}.environment.TEMPORAL_ADDRESS: ${addressWhy}`);
    if (temporal && config.temporalNamespace !== temporalNamespace) {
      problems.push(
        `${where}.environment.TEMPORAL_NAMESPACE: "${config.temporalNamespace}" is not the namespace the temporal service creates ("${temporalNamespace}")`,
      );
    }
    if (pg) {
      const dbWhy = databaseUrlProblem(config.databaseUrl, appDb);
      if (dbWhy) problems.push(`${where}.environment.DATABASE_URL: ${dbWhy}`);
    }
  }

  // The sandbox payment provider, and the worker pointing at it.
  const paymentsService = svc('payments');
  if (paymentsService) {
    problems.push(...buildAndCommandProblems(paymentsService, 'services.payments', ENTRY_FILES.payments, composeDir));
    const paymentsEnv = serviceEnv(paymentsService);
    for (const envName of Object.keys(paymentsEnv)) {
      if (!envNames.has(envName)) problems.push(`services.payments.environment.${envName}: not a name in ENV_VARS (config/config.ts)`);
    }
    if (healthcheckCommand(paymentsService) === undefined) problems.push('services.payments.healthcheck: missing');
    const workerConfig = configs.worker?.config;
    try {
      const sandboxPort = loadConfig(paymentsEnv).paymentsSandboxPort;
      const want = `http://payments:${sandboxPort}`;
      if (workerConfig && workerConfig.paymentProviderUrl.replace(/\/$/, '') !== want) {
        problems.push(`services.worker.environment.PAYMENT_PROVIDER_URL: "${workerConfig.paymentProviderUrl}", want ${want}`);
      }
    } catch (error) {
      problems.push(`services.payments.environment: loadConfig() rejects it: ${(error as Error).message.replace(/\s+/g, ' ')}`);
    }
  }

  // The API's port: listens on PORT, publishes PORT, probes PORT.
  const api = configs.api;
  if (api) {
    const port = api.config.port;
    const ports = servicePorts(svc('api'));
    if (!ports.some((p) => p.target === port)) {
      problems.push(`services.api.ports: container port ${port} (PORT) is not published`);
    } else if (!ports.some((p) => p.target === port && p.published === port)) {
      problems.push(`services.api.ports: PORT ${port} is published under another host port`);
    }
    const probe = healthcheckCommand(svc('api')) ?? '';
    if (probe && !probe.includes('process.env.PORT') && !probe.includes(`:${port}/healthz`)) {
      problems.push(`services.api.healthcheck: does not probe PORT ${port}`);
    }
  }

  // Replicas: a whole number of them, and each API replica gets a host port of its own.
  for (const name of APP_SERVICES) {
    const raw = asRecord(svc(name)?.deploy)?.replicas;
    if (raw === undefined) continue;
    const replicas = Number(scalar(raw));
    if (!Number.isInteger(replicas) || replicas < 1) {
      problems.push(`services.${name}.deploy.replicas: "${scalar(raw) ?? ''}" is not a whole number of at least 1`);
      continue;
    }
    if (name === 'api' && api) {
      const published = servicePorts(svc('api')).find((p) => p.target === api.config.port);
      if (published && (published.publishedCount ?? 1) < replicas) {
        problems.push(`services.api.ports: ${replicas} replicas but ${published.publishedCount ?? 1} host port(s) for PORT ${api.config.port}; publish a range (e.g. 3000-3001:3000)`);
      }
    }
  }
  // The worker tuning the benchmark chose is set explicitly, so an operator sees and can change it.
  if (configs.worker) {
    for (const name of WORKER_TUNING_VARS) {
      if (!(name in configs.worker.env)) problems.push(`services.worker.environment.${name}: missing (the worker tuning docs/PRODUCTION.md explains)`);
    }
  }

  // Worker and API agree.
  const worker = configs.worker;
  if (worker && api) {
    for (const name of SHARED_APP_VARS) {
      if ((worker.env[name] ?? '') !== (api.env[name] ?? '')) {
        problems.push(`services.worker/api.environment.${name}: the worker and the API disagree`);
      }
    }
  }

  if (options.repo) problems.push(...checkRepoFiles(services, options.repo, composeDir, pgMounts, usesAppLogin));
  return problems;
}

function temporalAddressProblem(address: string | undefined, temporal: Rec | undefined): string | undefined {
  if (!address) return 'missing';
  const match = /^([^\s:]+):(\d+)$/.exec(address);
  if (!match) return `"${address}" is not host:port`;
  if (match[1] !== 'temporal') return `"${address}" does not point at the temporal service`;
  const port = Number(match[2]);
  if (port !== TEMPORAL_FRONTEND_PORT) return `"${address}" is not the frontend port ${TEMPORAL_FRONTEND_PORT}`;
  if (temporal && !containerPorts(temporal).includes(port)) return `"${address}": the temporal service does not expose ${port}`;
  return undefined;
}

function databaseUrlProblem(
  databaseUrl: string | undefined,
  want: { user: string | undefined; password: string | undefined; db: string | undefined },
): string | undefined {
  if (!databaseUrl) return 'missing (the app would fall back to its SQLite file)';
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return 'not a URL';
  }
  const found: string[] = [];
  if (url.hostname !== 'postgresql') found.push(`host "${url.hostname}" is not the postgresql service`);
  if (url.port !== '' && url.port !== String(POSTGRES_PORT)) found.push(`port ${url.port} is not ${POSTGRES_PORT}`);
  if (decodeURIComponent(url.username) !== want.user) found.push(`user "${decodeURIComponent(url.username)}" is not "${want.user ?? ''}"`);
  if (decodeURIComponent(url.password) !== (want.password ?? '')) found.push('password differs from the one postgresql creates');
  const db = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (db !== want.db) found.push(`database "${db}" is not "${want.db ?? ''}"`);
  return found.length > 0 ? found.join('; ') : undefined;
}

interface Mount {
  source: string | undefined;
  target: string;
}

function volumeMounts(service: Rec): Mount[] {
  const raw = service.volumes;
  if (!Array.isArray(raw)) return [];
  return raw.map((item): Mount => {
    const long = asRecord(item);
    if (long) return { source: scalar(long.source), target: scalar(long.target) ?? '' };
    const parts = String(item).split(':');
    if (parts.length === 1) return { source: undefined, target: parts[0] ?? '' };
    return { source: parts[0], target: parts[1] ?? '' };
  });
}

/** A bind mount's source as a repository path, or undefined for a named volume. */
function bindSource(mount: Mount, composeDir: string): string | undefined {
  const source = mount.source;
  if (source === undefined || !/^\.{1,2}(\/|$)/.test(source)) return undefined;
  return fromComposeDir(composeDir, source);
}

// ---------------------------------------------------------------------------------------------
// Checks of the files the compose file and the Dockerfile use.

function checkRepoFiles(services: Rec, repo: RepoView, composeDir: string, pgMounts: Mount[], usesAppLogin: boolean): string[] {
  const problems: string[] = [];

  // Bind mounts exist.
  for (const [name, value] of Object.entries(services)) {
    const service = asRecord(value);
    if (!service) continue;
    for (const mount of volumeMounts(service)) {
      const source = bindSource(mount, composeDir);
      if (source !== undefined && !repo.exists(source)) problems.push(`services.${name}.volumes: "${mount.source}" (${source}) does not exist`);
    }
  }

  // The init script creates the app's login and database.
  const initMount = pgMounts.find((m) => m.target === '/docker-entrypoint-initdb.d');
  const initDir = initMount ? bindSource(initMount, composeDir) : undefined;
  if (usesAppLogin && initDir !== undefined && repo.exists(initDir)) {
    const scripts = repo.list(initDir).filter((f) => /\.(sh|sql)$/.test(f));
    const texts = scripts.map((f) => repo.read(posix.join(initDir, f)) ?? '').join('\n');
    for (const name of ['APP_DB_USER', 'APP_DB_PASSWORD', 'APP_DB_NAME']) {
      if (!texts.includes(name)) problems.push(`${initDir}: no init script uses ${name}`);
    }
  }

  // Temporal's dynamic config file is reachable through a mount.
  const temporal = asRecord(services.temporal);
  const dynamicConfig = serviceEnv(temporal).DYNAMIC_CONFIG_FILE_PATH;
  if (temporal && dynamicConfig) {
    const inContainer = posix.resolve('/etc/temporal', dynamicConfig);
    const mount = volumeMounts(temporal).find((m) => inContainer.startsWith(`${m.target.replace(/\/$/, '')}/`));
    const source = mount ? bindSource(mount, composeDir) : undefined;
    if (mount === undefined || source === undefined) {
      problems.push(`services.temporal.environment.DYNAMIC_CONFIG_FILE_PATH: ${inContainer} is not inside a bind mount`);
    } else {
      const file = posix.join(source, posix.relative(mount.target, inContainer));
      if (!repo.exists(file)) problems.push(`services.temporal.environment.DYNAMIC_CONFIG_FILE_PATH: ${file} does not exist`);
    }
  }

  // The Dockerfile and what it and the commands run.
  const dockerfile = repo.read('Dockerfile');
  if (dockerfile === undefined) {
    problems.push('Dockerfile: missing at the repository root');
  } else {
    problems.push(...checkDockerfile(dockerfile, repo));
  }
  for (const name of APP_SERVICES) {
    const words = commandWords(asRecord(services[name])) ?? [];
    for (const file of words.filter((w) => /\.[cm]?[jt]s$/.test(w))) {
      if (!repo.exists(file)) problems.push(`services.${name}.command: ${file} does not exist in the repository`);
    }
  }

  // tsx must survive the image's pruning of dev dependencies.
  const pkgText = repo.read('package.json');
  if (pkgText !== undefined) {
    const pkg = JSON.parse(pkgText) as { dependencies?: Record<string, string> };
    if (!pkg.dependencies?.tsx) problems.push('package.json: tsx is not in dependencies, but the image runs TypeScript with it after pruning dev dependencies');
  }

  // The build context keeps what the image needs.
  const ignore = repo.read('.dockerignore');
  if (ignore === undefined) {
    problems.push('.dockerignore: missing (node_modules and data would be sent to the build)');
  } else {
    const lines = ignore.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (!lines.some((l) => /^(\*\*\/)?node_modules\/?$/.test(l))) problems.push('.dockerignore: does not exclude node_modules');
    const needed = ['package.json', 'package-lock.json', ...Object.values(ENTRY_FILES)];
    for (const file of needed) {
      const top = file.split('/')[0] ?? file;
      if (lines.some((l) => l.replace(/\/$/, '') === file || l.replace(/\/$/, '') === top)) {
        problems.push(`.dockerignore: excludes ${file}, which the image needs`);
      }
    }
  }
  return problems;
}

/** Pinned base images and a CMD that runs a file that exists. */
function checkDockerfile(text: string, repo: RepoView): string[] {
  const problems: string[] = [];
  const joined = text.replace(/\\\r?\n/g, ' ');
  const args: Env = {};
  const stages = new Set<string>();
  let cmd: string[] | undefined;
  for (const rawLine of joined.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [instruction = '', ...restWords] = line.split(/\s+/);
    const rest = line.slice(instruction.length).trim();
    switch (instruction.toUpperCase()) {
      case 'ARG': {
        const eq = rest.indexOf('=');
        if (eq > 0) args[rest.slice(0, eq)] = rest.slice(eq + 1).replace(/^"(.*)"$/, '$1');
        break;
      }
      case 'FROM': {
        const words = restWords.filter((w) => !w.startsWith('--'));
        const image = interpolate(words[0] ?? '', args);
        if (words[1]?.toUpperCase() === 'AS' && words[2]) stages.add(words[2]);
        if (image === 'scratch' || stages.has(image)) break;
        const why = imagePinProblem(image);
        if (why) problems.push(`Dockerfile: FROM "${image}" ${why}`);
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT':
        if (instruction.toUpperCase() === 'CMD') {
          try {
            const parsed: unknown = JSON.parse(rest);
            cmd = Array.isArray(parsed) ? parsed.map(String) : rest.split(/\s+/);
          } catch {
            cmd = rest.split(/\s+/);
          }
        }
        break;
      default:
        break;
    }
  }
  if (!cmd) {
    problems.push('Dockerfile: no CMD');
  } else {
    for (const file of cmd.filter((w) => /\.[cm]?[jt]s$/.test(w))) {
      if (!repo.exists(file)) problems.push(`Dockerfile: CMD runs ${file}, which does not exist in the repository`);
    }
  }
  return problems;
}

/** A RepoView over a directory on disk. */
export function fsRepo(root: string): RepoView {
  const at = (p: string): string => nodePath.join(root, ...p.split('/'));
  return {
    exists: (p) => fs.existsSync(at(p)),
    read: (p) => {
      try {
        return fs.readFileSync(at(p), 'utf8');
      } catch {
        return undefined;
      }
    },
    list: (dir) => {
      try {
        return fs.readdirSync(at(dir));
      } catch {
        return [];
      }
    },
  };
}

/** Parses the compose file on disk. */
export function readComposeFile(file: string): ComposeObject {
  return parse(fs.readFileSync(file, 'utf8')) as ComposeObject;
}

if (require.main === module) {
  const root = nodePath.resolve(__dirname, '..');
  const file = nodePath.join(__dirname, 'docker-compose.yml');
  const problems = checkCompose(readComposeFile(file), { repo: fsRepo(root) });
  for (const problem of problems) console.error(problem);
  console.log(problems.length === 0 ? `${nodePath.relative(root, file)}: no problems` : `${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

/** The service builds from the repository's root Dockerfile and runs `entry` with node --import tsx. */
function buildAndCommandProblems(service: Rec, where: string, expectedEntry: string, composeDir: string): string[] {
  const problems: string[] = [];
  const build = service.build;
  const buildRec = asRecord(build);
  const context = typeof build === 'string' ? build : scalar(buildRec?.context);
  if (context === undefined) {
    problems.push(`${where}.build: missing, want the repository's root Dockerfile`);
  } else {
    const contextPath = fromComposeDir(composeDir, context);
    const dockerfile = posix.normalize(posix.join(contextPath, scalar(buildRec?.dockerfile) ?? 'Dockerfile'));
    if (contextPath !== '.') problems.push(`${where}.build.context: "${context}" is not the repository root`);
    if (dockerfile !== 'Dockerfile') problems.push(`${where}.build.dockerfile: resolves to "${dockerfile}", want the root Dockerfile`);
  }

  const words = commandWords(service);
  if (!words) {
    problems.push(`${where}.command: missing, want node --import tsx ${expectedEntry}`);
  } else {
    const scripts = words.filter((w) => /\.[cm]?[jt]s$/.test(w));
    if (words[0] !== 'node' || !scripts.includes(expectedEntry)) {
      problems.push(`${where}.command: "${words.join(' ')}", want node --import tsx ${expectedEntry}`);
    }
    if (scripts.some((s) => s.endsWith('ts')) && !words.some((w, i) => w === 'tsx' && words[i - 1] === '--import')) {
      problems.push(`${where}.command: runs TypeScript without --import tsx`);
    }
  }

  return problems;
}
