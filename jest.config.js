/** Jest runs unit specs beside the code (and the benchmark's own), e2e specs under test/, all against one embedded PostgreSQL. */
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];

// NestJS 12, pg-boss 12, openapi-typescript's parser chain and a few of their dependencies ship ESM only; jest on
// Node 20 cannot require() them.
const esmOnly = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', 'load-esm',
  'pg-boss', 'serialize-error', 'non-error', 'content-disposition', 'cookie', 'openapi-typescript', 'parse-json',
  'index-to-position', 'supports-color', 'change-case'];

module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/bench'],
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  testTimeout: 30000,
};
