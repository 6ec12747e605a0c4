import { extname, join } from 'node:path';
import { parentPort, ResourceLimits, Worker, workerData } from 'node:worker_threads';

/** What a module worker posts back: its one answer, or its failure with the `code` that classifies it. */
type WorkerReply<T> = { ok: true; value: T } | { ok: false; error: { message: string; code?: unknown } };

// Run from TypeScript source (jest), a worker thread has no transform of its own: this compiles the worker's .ts
// modules with SWC, which is there whenever the source is. Built, the worker is plain JavaScript and this is not used.
const FROM_SOURCE = `
const [file, swc] = process.argv.slice(-2);
const { readFileSync } = require('node:fs');
const { transformSync } = require(swc);
const options = (filename) => ({ filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
require.extensions['.ts'] = (module, filename) => module._compile(transformSync(readFileSync(filename, 'utf8'), options(filename)).code, filename);
require(file);
`;

/**
 * Runs the module `name` in `dir` (a sibling of the caller, without extension) in a worker thread, hands it `data`,
 * and answers what the module's `serveInWorker` handler returned. A failure in the worker rejects with an Error
 * carrying the original `code` (a SQLSTATE or socket code), so that a database outage there still reads as one here.
 */
export function runInWorker<T>(dir: string, name: string, data: unknown, resourceLimits?: ResourceLimits): Promise<T> {
  const extension = extname(__filename);
  const file = join(dir, `${name}${extension}`);
  const worker =
    extension === '.ts'
      ? new Worker(FROM_SOURCE, { eval: true, argv: [file, require.resolve('@swc/core')], workerData: data, resourceLimits })
      : new Worker(file, { workerData: data, resourceLimits });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.once('message', (reply: WorkerReply<T>) =>
      settle(() => (reply.ok ? resolve(reply.value) : reject(Object.assign(new Error(reply.error.message), { code: reply.error.code })))),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`Worker ${name} exited with code ${code} before answering`))));
  });
}

/** The worker's side: runs `handler` on the data runInWorker handed over and posts its answer or failure back. */
export function serveInWorker<T>(handler: (data: never) => Promise<T>): void {
  const port = parentPort;
  if (port === null) return;
  handler(workerData as never).then(
    (value) => port.postMessage({ ok: true, value } satisfies WorkerReply<T>),
    (error: unknown) => {
      const { message, code } = error instanceof Error ? (error as Error & { code?: unknown }) : { message: String(error), code: undefined };
      port.postMessage({ ok: false, error: { message, code } } satisfies WorkerReply<T>);
    },
  );
}
