import { spawn } from 'node:child_process';
import { writeSync } from 'node:fs';
import { childEntry } from '../setup/child-bundle';

/** When to kill the child: on the first line it prints that matches, then after a short extra pause. */
export interface KillMoment {
  readonly when: (line: string) => boolean;
  readonly extraDelayMs: number;
}

export interface KillOutcome {
  /** False when the child finished before the moment came. */
  readonly killed: boolean;
  readonly lines: string[];
}

/**
 * Runs a TypeScript child script (bundled once, run by plain Node), SIGKILLs it at the planned moment and resolves
 * once it has exited; a child that fails on its own (not killed, non-zero exit) rejects with its stderr.
 * Shared by the crash tests so each one only says what the child does and when to pull the plug.
 */
export async function runAndKill(childScript: string, args: readonly string[], moment: KillMoment): Promise<KillOutcome> {
  const entry = await childEntry(childScript);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    let armed = false;
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (!armed && moment.when(line)) {
          armed = true;
          const kill = () => child.kill('SIGKILL');
          if (moment.extraDelayMs === 0) kill();
          else setTimeout(kill, moment.extraDelayMs);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ killed: signal === 'SIGKILL', lines });
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
}

/**
 * For a child script: prints `line` and then blocks this thread for good, so a kill planned
 * on that line lands exactly at this point of the work, not somewhere after it.
 */
export function holdForKill(line: string): never {
  writeSync(1, `${line}\n`);
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0);
}

/** A child held at a moment (see holdForKill), still alive, for tests of what others see meanwhile. */
export interface HeldChild {
  readonly pid: number;
  /** SIGKILLs the child and resolves once it has exited. */
  kill(): Promise<void>;
}

/**
 * Runs a child script until it prints `line` and holds there; rejects if it exits first.
 * The caller kills it when done looking.
 */
export async function runUntilHeld(childScript: string, args: readonly string[], line: string): Promise<HeldChild> {
  const entry = await childEntry(childScript);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let held = false;
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!held && stdout.split('\n').includes(line)) {
        held = true;
        resolve({
          pid: child.pid!,
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!held) reject(new Error(`child exited (${code}) before "${line}": ${stderr}`));
    });
  });
}
