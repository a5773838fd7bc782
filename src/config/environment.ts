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
  @Transform(toInt) @IsInt() @Min(1) LOGIN_RATE_LIMIT = 10;

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
  /** On SIGTERM: seconds readiness answers 503 while still serving, then at most this long for in-flight requests. */
  @Transform(toInt) @IsInt() @Min(0) @Max(300) SHUTDOWN_DELAY_SECONDS = 5;
  @Transform(toInt) @IsInt() @Min(1) @Max(600) SHUTDOWN_TIMEOUT_SECONDS = 20;
}

export class ConfigError extends Error {}

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
  if (Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)) {
    throw new ConfigError('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  return env;
}
