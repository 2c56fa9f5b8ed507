import { readFileSync } from 'node:fs';

/** Whether a process with this id exists on this machine (one we may not signal still exists). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let bootId: string | undefined;

/**
 * This boot of the machine, where the system says (Linux); '' elsewhere. A process id recorded
 * in an earlier boot names no process now, even if a new process happens to have that number.
 */
export function currentBootId(): string {
  if (bootId === undefined) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootId = '';
    }
  }
  return bootId;
}
