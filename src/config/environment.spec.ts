import { ConfigError, loadEnvironment, trustProxyOption } from './environment';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'j'.repeat(32),
  INSZ_HASH_KEY: 'k'.repeat(32),
  DATABASE_URL: 'postgres://jobteam_owner@db.example/jobteam',
};

const failureOf = (source: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadEnvironment(source);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected loadEnvironment to refuse this configuration');
};

describe('loadEnvironment', () => {
  it('needs no variables at all and fills in the documented defaults', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './.data',
      DB_POOL_SIZE: 10,
      MIGRATIONS_RUN: true,
      DEMO_SEED: true,
      JWT_EXPIRES_IN: 28800,
      LOGIN_RATE_LIMIT: 60,
      LOGIN_ACCOUNT_FREE_FAILURES: 5,
      BOOTSTRAP_PARTNERSHIP: 'Jobteam Gent',
      BOOTSTRAP_ORGANISATION: 'Stad Gent',
      LOG_LEVEL: 'log',
      RATE_LIMIT_PER_USER: 600,
      RATE_LIMIT_PER_ADDRESS: 1200,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      SHUTDOWN_DELAY_SECONDS: 5,
      SHUTDOWN_TIMEOUT_SECONDS: 20,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_PG_PORT).toBeUndefined();
  });

  it('turns numbers and switches from strings', () => {
    const env = loadEnvironment({
      PORT: '8080',
      DEMO_SEED: 'false',
      MIGRATIONS_RUN: '0',
      EMBEDDED_PG_PORT: '55432',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DEMO_SEED: false,
      MIGRATIONS_RUN: false,
      EMBEDDED_PG_PORT: 55432,
    });
  });

  it.each([
    ['RATE_LIMIT_PER_USER', '0'],
    ['RATE_LIMIT_PER_ADDRESS', 'many'],
    ['RATE_LIMIT_WINDOW_SECONDS', '7200'],
    ['SHUTDOWN_DELAY_SECONDS', '-1'],
    ['SHUTDOWN_TIMEOUT_SECONDS', '0'],
  ])('refuses %s=%s with a message naming it', (name, value) => {
    const err = failureOf({ [name]: value });
    expect(err.message).toContain(`  ${name}: `);
  });

  it.each(['abc', '70000', '-1', '3.5'])('refuses PORT=%s with a message naming PORT', (port) => {
    const err = failureOf({ PORT: port });
    expect(err.message).toMatch(/^Invalid configuration:\n {2}PORT: /);
  });

  it('names every malformed variable at once', () => {
    const err = failureOf({ LOG_LEVEL: 'chatty', NODE_ENV: 'staging', JWT_SECRET: 'short' });
    expect(err.message).toContain('LOG_LEVEL:');
    expect(err.message).toContain('NODE_ENV:');
    expect(err.message).toContain('JWT_SECRET:');
    expect(err.message).not.toContain('PORT:');
  });

  it('starts in production when the secrets and DATABASE_URL are given', () => {
    expect(loadEnvironment(PRODUCTION).NODE_ENV).toBe('production');
  });

  it.each(['JWT_SECRET', 'INSZ_HASH_KEY', 'DATABASE_URL'])('refuses production without %s', (name) => {
    const err = failureOf({ ...PRODUCTION, [name]: undefined });
    expect(err.message).toBe(`In production these must be set: ${name}`);
  });

  it('lists every missing production variable', () => {
    expect(failureOf({ NODE_ENV: 'production' }).message).toBe(
      'In production these must be set: JWT_SECRET, INSZ_HASH_KEY, DATABASE_URL',
    );
  });

  it('refuses a bootstrap email without a password, and the reverse', () => {
    const message = 'BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together';
    expect(failureOf({ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org' }).message).toBe(message);
    expect(failureOf({ BOOTSTRAP_ADMIN_PASSWORD: 'a-long-password' }).message).toBe(message);
    const env = loadEnvironment({
      BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org',
      BOOTSTRAP_ADMIN_PASSWORD: 'a-long-password',
    });
    expect(env.BOOTSTRAP_ADMIN_EMAIL).toBe('admin@example.org');
  });

  it('refuses a bootstrap password shorter than 12 characters', () => {
    const err = failureOf({ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org', BOOTSTRAP_ADMIN_PASSWORD: 'short' });
    expect(err.message).toContain('BOOTSTRAP_ADMIN_PASSWORD:');
  });
});

describe('database pool configuration', () => {
  it('reads DB_POOL_SIZE, DB_STATEMENT_TIMEOUT_MS and DB_ACQUIRE_TIMEOUT_MS as numbers', () => {
    const env = loadEnvironment({
      DB_POOL_SIZE: '24',
      DB_STATEMENT_TIMEOUT_MS: '2500',
      DB_ACQUIRE_TIMEOUT_MS: '750',
    });
    expect([env.DB_POOL_SIZE, env.DB_STATEMENT_TIMEOUT_MS, env.DB_ACQUIRE_TIMEOUT_MS]).toEqual([
      24, 2500, 750,
    ]);
  });

  it('has safe defaults', () => {
    const env = loadEnvironment({});
    expect([env.DB_POOL_SIZE, env.DB_STATEMENT_TIMEOUT_MS, env.DB_ACQUIRE_TIMEOUT_MS]).toEqual([
      10, 15000, 5000,
    ]);
  });

  it.each([
    ['DB_POOL_SIZE', '0'],
    ['DB_POOL_SIZE', '500'],
    ['DB_POOL_SIZE', 'many'],
    ['DB_STATEMENT_TIMEOUT_MS', '10'],
    ['DB_ACQUIRE_TIMEOUT_MS', '-1'],
    ['REPORT_MIN_CELL', '1'],
    ['REPORT_MIN_CELL', 'few'],
  ])('refuses to start with %s=%s and names the variable', (key, value) => {
    expect(() => loadEnvironment({ [key]: value })).toThrow(ConfigError);
    expect(() => loadEnvironment({ [key]: value })).toThrow(new RegExp(key));
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.1, 192.168.0.0/16,::1', ['10.0.0.1', '192.168.0.0/16', '::1']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
  ])('reads TRUST_PROXY=%s as Fastify trustProxy %j', (value, option) => {
    expect(trustProxyOption(value)).toEqual(option);
    expect(() => loadEnvironment(value === undefined ? {} : { TRUST_PROXY: value })).not.toThrow();
  });

  it.each(['yes please', '10.0.0.0/33', 'proxy.example'])('refuses TRUST_PROXY=%s and names it', (value) => {
    expect(failureOf({ TRUST_PROXY: value }).message).toMatch(/TRUST_PROXY/);
  });

  it('suppresses special-category report cells below 5 unless REPORT_MIN_CELL says otherwise', () => {
    expect(loadEnvironment({}).REPORT_MIN_CELL).toBe(5);
    expect(loadEnvironment({ REPORT_MIN_CELL: '10' }).REPORT_MIN_CELL).toBe(10);
  });
});
