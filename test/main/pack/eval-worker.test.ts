import { describe, expect, it } from 'vitest';
import { startEvalWorker, THREAD_FAILED, threadError, threadFailedSource, type ThreadFailure } from '../../../main/pack/eval-worker';

/** Runs `body` in a thread and collects what the frame reports, until the thread is gone. */
function run(body: string, workerData?: unknown): Promise<{ messages: unknown[]; causes: Error[] }> {
  const messages: unknown[] = [];
  const causes: Error[] = [];
  const source = `const { parentPort, workerData } = require('node:worker_threads');\nconst ${THREAD_FAILED} = ${threadFailedSource};\n${body}`;
  return new Promise((resolve) => {
    startEvalWorker<unknown>('the test thread', source, workerData, {
      message: (m) => messages.push(m),
      gone: (cause) => {
        causes.push(cause);
        // 'exit' follows an uncaught error: give it the chance to report a second time.
        setTimeout(() => resolve({ messages, causes }), 50);
      },
    });
  });
}

describe('the frame every pack thread runs in', () => {
  it('delivers messages, then reports the end once, in the words of the thread it names', async () => {
    const { messages, causes } = await run(`parentPort.postMessage({ op: 'hello', n: workerData.n });`, { n: 7 });
    expect(messages).toEqual([{ op: 'hello', n: 7 }]);
    expect(causes.map((c) => c.message)).toEqual(['the test thread stopped with exit code 0']);
  });

  it('reports an uncaught error once, as itself, not again when the thread then exits', async () => {
    const { causes } = await run(`throw new RangeError('the thread broke');`);
    expect(causes).toHaveLength(1);
    expect(causes[0]).toBeInstanceOf(RangeError);
    expect(causes[0]!.message).toBe('the thread broke');
  });

  it('reports a crash by its exit code', async () => {
    const { causes } = await run(`process.exit(3);`);
    expect(causes.map((c) => c.message)).toEqual(['the test thread stopped with exit code 3']);
  });

  it("passes a thread's own failure on with its errno facts, for the caller to word", async () => {
    const { messages } = await run(
      `try { require('node:fs').readFileSync('/nonexistent/sscp-eval-worker'); } catch (e) { ${THREAD_FAILED}(e); }`,
    );
    expect(messages).toHaveLength(1);
    const failure = messages[0] as ThreadFailure;
    expect(failure.op).toBe('error');
    const error = threadError(failure) as NodeJS.ErrnoException;
    expect(error.code).toBe('ENOENT');
    expect(error.syscall).toBe('open');
    expect(error.message).toContain('/nonexistent/sscp-eval-worker');
  });
});
