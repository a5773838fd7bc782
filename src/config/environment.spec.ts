import { ConfigError, loadEnvironment } from './environment';

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
  ])('refuses to start with %s=%s and names the variable', (key, value) => {
    expect(() => loadEnvironment({ [key]: value })).toThrow(ConfigError);
    expect(() => loadEnvironment({ [key]: value })).toThrow(new RegExp(key));
  });
});
