import { Api } from './api';
import { BenchServer, serverVersion, startServer } from './database';
import { machineInfo, MachineInfo } from './machine';
import { BenchService, startService } from './service';

export interface BenchEnvironment {
  server: BenchServer;
  appDatabaseUrl: string;
  service: BenchService;
  api: Api;
  machine: MachineInfo;
  close(): Promise<void>;
}

/** Server, a fresh application database and the service on it; close() undoes all three, also after a failure. */
export async function openEnvironment(options: { poolSize?: number }): Promise<BenchEnvironment> {
  const server = await startServer();
  let service: BenchService | undefined;
  try {
    const appDatabaseUrl = await server.createDatabase('bench_app');
    service = await startService(appDatabaseUrl, options);
    const machine = machineInfo(await serverVersion(server.url));
    const started = service;
    return {
      server,
      appDatabaseUrl,
      service: started,
      api: new Api(started.baseUrl),
      machine,
      async close() {
        await started.stop();
        await server.stop();
      },
    };
  } catch (error) {
    await service?.stop();
    await server.stop();
    throw error;
  }
}

/** Stops everything on Ctrl-C too: a bench must not leave a postgres or a service running on a shared machine. */
export function closeOnSignal(close: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().finally(() => process.exit(130));
    });
  }
}
