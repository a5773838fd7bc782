import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** Every environment variable the API reads. The app refuses to start when one is malformed. */
export class Environment {
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' =
    'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '127.0.0.1';
  @IsString() DATA_DIR = './.data';

  @IsOptional() @IsString() DATABASE_URL?: string;
  @IsOptional() @IsString() DATABASE_APP_URL?: string;
  @IsOptional() @IsString() DATABASE_APP_PASSWORD?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535) EMBEDDED_PG_PORT?: number;
  @Transform(toInt) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE = 10;
  @Transform(toInt) @IsInt() @Min(100) DB_STATEMENT_TIMEOUT_MS = 15000;
  @Transform(toInt) @IsInt() @Min(100) DB_ACQUIRE_TIMEOUT_MS = 5000;
  @Transform(toBool) @IsBoolean() MIGRATIONS_RUN = true;
  @Transform(toBool) @IsBoolean() DEMO_SEED = true;

  @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @Transform(toInt) @IsInt() @Min(60) JWT_EXPIRES_IN = 8 * 3600;
  @IsOptional() @IsString() @MinLength(32) INSZ_HASH_KEY?: string;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_RATE_LIMIT = 60;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_ADDRESS_FAILURE_LIMIT = 100;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_ACCOUNT_FREE_FAILURES = 5;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_BACKOFF_SECONDS = 30;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_BACKOFF_MAX_SECONDS = 900;
  /**
   * Fastify's trustProxy: unset or `false` uses the socket address; `true` trusts every proxy; a number
   * trusts that many hops; anything else is a comma-separated list of proxy addresses, CIDR ranges or
   * `loopback` / `linklocal` / `uniquelocal`.
   * Only then is the client address taken from X-Forwarded-For.
   */
  @IsOptional() @IsString() TRUST_PROXY?: string;

  @IsOptional() @IsString() BOOTSTRAP_ADMIN_EMAIL?: string;
  @IsOptional() @IsString() @MinLength(12) BOOTSTRAP_ADMIN_PASSWORD?: string;
  @IsString() BOOTSTRAP_PARTNERSHIP = 'Jobteam Gent';
  @IsString() BOOTSTRAP_ORGANISATION = 'Stad Gent';

  @IsOptional() @IsString() CORS_ORIGINS?: string;
  /** Requests per window per user (a token we signed), and per client address for requests without one. */
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_PER_USER = 600;
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_PER_ADDRESS = 1200;
  @Transform(toInt) @IsInt() @Min(1) @Max(3600) RATE_LIMIT_WINDOW_SECONDS = 60;
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']) LOG_LEVEL: string = 'log';
  @Transform(toInt) @IsInt() @Min(1) RETENTION_MONTHS = 24;
  /** Ed25519 private key (base64 PKCS#8 DER) for audit checkpoints; else generated into DATA_DIR/secrets.json. */
  @IsOptional() @IsString() @MinLength(40) AUDIT_SIGNING_KEY?: string;
  /** How often the process seals the audit chains and signs a checkpoint: at least every minute. */
  @Transform(toInt) @IsInt() @Min(1000) @Max(60000) AUDIT_SEAL_INTERVAL_MS = 60000;
  /** Special-category report cells below this count are suppressed (issue 12, item 8). */
  @Transform(toInt) @IsInt() @Min(2) @Max(1000) REPORT_MIN_CELL = 5;
  /** On SIGTERM: seconds readiness answers 503 while still serving, then at most this long for in-flight requests. */
  @Transform(toInt) @IsInt() @Min(0) @Max(300) SHUTDOWN_DELAY_SECONDS = 5;
  @Transform(toInt) @IsInt() @Min(1) @Max(600) SHUTDOWN_TIMEOUT_SECONDS = 20;
}

export class ConfigError extends Error {}

/** TRUST_PROXY as Fastify's trustProxy option; undefined when malformed (loadEnvironment refuses that). */
export function trustProxyOption(value: string | undefined): boolean | number | string[] | undefined {
  const v = value?.trim().toLowerCase();
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim());
  const valid = list.every((entry) => {
    // proxy-addr's names for the private ranges
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (!family || rest.length) return false;
    return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  return valid ? list : undefined;
}

export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const env = plainToInstance(Environment, { ...source }, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (env.NODE_ENV === 'production') {
    const missing = ['JWT_SECRET', 'INSZ_HASH_KEY', 'DATABASE_URL'].filter((k) => !source[k]);
    if (missing.length) throw new ConfigError(`In production these must be set: ${missing.join(', ')}`);
  }
  if (trustProxyOption(env.TRUST_PROXY) === undefined) {
    throw new ConfigError(
      'TRUST_PROXY must be true, false, a hop count, or a comma-separated list of proxy addresses or CIDR ranges',
    );
  }
  if (Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)) {
    throw new ConfigError('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  return env;
}
