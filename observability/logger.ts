import pino from 'pino';
import type { Logger as TemporalLogger, LogLevel as TemporalLogLevel, LogMetadata } from '@temporalio/common';
import { REDACTED, scrubText, scrubValue } from './pii';

import type { LogLevel } from './log-levels';

export { LOG_LEVELS, type LogLevel } from './log-levels';

export type Logger = pino.Logger;

export interface LoggerOptions {
  level: LogLevel;
  /** Where the JSON lines go: a file descriptor (standard output by default) or a stream a test reads. */
  destination?: pino.DestinationStream | 1 | 2;
  /** Fields on every line, e.g. which process wrote it. */
  base?: Record<string, unknown>;
}

// The shapes that reach the logger most: a request's headers and a customer on an object. The scrubber
// below redacts the same keys at any depth; these paths catch them before any formatter is involved.
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'body',
  'req.body',
  'email',
  '*.email',
  '*.name',
  '*.firstName',
  '*.lastName',
  '*.address',
  'customer',
];

/** JSON lines at `level`, with personal data redacted from every field and message. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { pid: process.pid, ...options.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // Every logged object is scrubbed whole; a child's bindings (ours: service, component) get the paths only.
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubValue(object) as Record<string, unknown>,
      },
      // The formatter has already made `err` a scrubbed plain object; pino's own serializer would rename its type.
      serializers: { err: scrubValue },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg: unknown) => (typeof arg === 'string' ? scrubText(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    typeof options.destination === 'object' ? options.destination : pino.destination({ fd: options.destination ?? 1, sync: true }),
  );
}

/** For code paths whose caller did not ask for logs (tests mostly); a real pino logger that writes nothing. */
export const silentLogger: Logger = createLogger({ level: 'silent' });

const TEMPORAL_LEVELS: Record<TemporalLogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal SDK's logger interface over pino: the worker's own messages become JSON lines too.
 * `drop` leaves out messages someone else already reports.
 */
export function temporalLogger(logger: Logger, drop: (meta: LogMetadata) => boolean = () => false): TemporalLogger {
  const write = (level: TemporalLogLevel, message: string, meta: LogMetadata = {}) => {
    if (!drop(meta)) logger[TEMPORAL_LEVELS[level]]({ ...meta }, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

/** `logger`, or a child of it that writes only from `level` up when `logger` is more talkative. */
export function quieterOf(logger: Logger, level: Exclude<LogLevel, 'silent'>): Logger {
  const wanted = logger.levels.values[level] ?? Infinity;
  return logger.levelVal >= wanted ? logger : logger.child({}, { level });
}
