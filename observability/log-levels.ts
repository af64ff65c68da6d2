/** pino's levels, most severe first; `silent` writes nothing. Pure, so config can validate without loading pino. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
