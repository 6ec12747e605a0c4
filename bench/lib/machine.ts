import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  loadAverageAtStart: number[];
}

export function machineInfo(postgres: string): MachineInfo {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres,
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** CPU time spent so far, in ms: by one process, and by the whole machine (every core, every process). */
export interface CpuSample {
  processMs: number;
  machineBusyMs: number;
}

// Linux reports both in clock ticks, which are 1/100 s on every kernel config a VM gets.
const MS_PER_TICK = 10;

/** utime + stime from /proc/<pid>/stat; the fields after the parenthesised command name, which may hold spaces. */
export function processCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/** Busy time from the first line of /proc/stat: user, nice, system, irq, softirq and steal; idle and iowait left out. */
export function machineBusyMs(stat: string): number {
  const [user, nice, system, , , irq, softirq, steal] = stat.split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) * MS_PER_TICK;
}

export function cpuSample(pid: number): CpuSample {
  return { processMs: processCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8')), machineBusyMs: machineBusyMs(readFileSync('/proc/stat', 'utf8')) };
}
