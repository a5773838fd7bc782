import { ConsoleLogger, LogLevel } from '@nestjs/common';

const LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

/**
 * Readable lines for a person at a terminal during development; one JSON object per line everywhere
 * else (production, containers, pipes, CI), for log collectors. Same content either way: messages are
 * objects of ids, routes and counts, never personal data.
 */
export function readableLogs(
  nodeEnv: string | undefined = process.env.NODE_ENV,
  stdoutIsTty: boolean = Boolean(process.stdout.isTTY),
): boolean {
  return stdoutIsTty && nodeEnv !== 'production';
}

/** `key=value` for one value: plain words stay bare, anything else is JSON (quoted, escaped, one line). */
function fieldValue(value: unknown): string {
  if (typeof value === 'string') return /^[\w.:/@+-]+$/.test(value) ? value : JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? String(value);
}

/** A structured message as one readable line: `msg key=value key=value`; `msg` itself stays unquoted. */
export function readableMessage(message: unknown): string | undefined {
  if (!message || typeof message !== 'object' || Array.isArray(message) || message instanceof Error)
    return undefined;
  const { msg, ...fields } = message as Record<string, unknown>;
  const pairs = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${fieldValue(v)}`);
  return [typeof msg === 'string' ? msg : undefined, ...pairs].filter(Boolean).join(' ');
}

/** Nest's console format (time, level, context, colours) with objects as `key=value` instead of inspect() dumps. */
export class ReadableLogger extends ConsoleLogger {
  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    const line = readableMessage(message);
    return line === undefined ? super.stringifyMessage(message, logLevel) : this.colorize(line, logLevel);
  }
}

/** The levels up to and including `level` (LOG_LEVEL). */
export function levelsUpTo(level: string): LogLevel[] {
  return [...LEVELS.slice(0, Math.max(LEVELS.indexOf(level as (typeof LEVELS)[number]), 0) + 1)];
}

/** A logger in the format readableLogs() picks; `context` names the part of the app that logs. */
export function createConsoleLogger(
  options: { context?: string; level?: string; nodeEnv?: string } = {},
): ConsoleLogger {
  const logLevels = levelsUpTo(options.level ?? 'verbose');
  const readable = readableLogs(options.nodeEnv);
  const config = readable ? { logLevels, colors: true } : { logLevels, json: true, colors: false };
  const Logger = readable ? ReadableLogger : ConsoleLogger;
  return options.context ? new Logger(options.context, config) : new Logger(config);
}
