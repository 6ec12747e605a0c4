// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const frameworkImports = ['@nestjs/*', 'typeorm', 'pg', 'pg-boss', 'nestjs-pino', 'fastify', '@fastify/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'coverage/**', '.data/**', 'bench/results/**', 'test-artifacts/**', '*.js', '*.mjs', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The pure core stays framework-free and clock-free so that it can be reasoned about and tested alone.
    files: ['src/calendar/**/*.ts', 'src/**/machine/**/*.ts', 'src/**/*-rules.ts', 'src/audit/audit-chain.ts', 'src/risk/**/*.ts', 'src/deadlines/deadline-timers.ts', 'src/cases/routes/enforcement-routes.ts'],
    ignores: ['src/**/*.controller.ts', 'src/**/*.service.ts', 'src/**/*.module.ts', 'src/**/dto/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: frameworkImports, message: 'The pure core imports no framework or I/O library.' }] }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The pure core takes dates as arguments.' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/main.ts', 'src/database/migration-cli.ts', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through AppConfig; src/config is the only reader of process.env.' }],
    },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The console: the rules of hooks, and the React Compiler's checks that come with them in v7.
    files: ['web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
);
