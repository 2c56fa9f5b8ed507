import { Worker } from 'node:worker_threads';

/**
 * The frame every thread of the pack code shares (verify's second thread, export's hashing
 * thread, its deflating thread). Each runs a CommonJS source given as a string (`eval`): the
 * same code runs from the sources under tsx, from the CLI bundle and from the app's build,
 * with no worker file to resolve on disk.
 */

/** How a thread's source reports a failure of its own (a read or write that failed): `${THREAD_FAILED}(err)`. */
export const THREAD_FAILED = 'threadFailed';

/** The function each source defines (`const threadFailed = ${threadFailedSource}`) to report a failure, errno facts included. */
export const threadFailedSource = `(err) => require('node:worker_threads').parentPort.postMessage({ op: 'error', message: String(err && err.message), code: err && err.code, syscall: err && err.syscall })`;

/** The message `threadFailed` posts. */
export interface ThreadFailure {
  readonly op: 'error';
  readonly message: string;
  readonly code?: string;
  readonly syscall?: string;
}

/** The error a thread reported, with its errno code and syscall, for the caller to word (a full disk, a read that failed). */
export function threadError(m: ThreadFailure): Error {
  return Object.assign(new Error(m.message), { code: m.code, syscall: m.syscall });
}

export interface EvalWorkerHandlers<M> {
  /** Each message the thread posts (its `op: 'error'` ones too). */
  readonly message: (m: M) => void;
  /**
   * The thread ended, whatever the cause: an uncaught error, a crash, `terminate`, its work
   * done. Called once. Whoever waits on it must be released here, or a caller hangs forever.
   */
  readonly gone: (cause: Error) => void;
}

/**
 * Starts a thread running `source`. `name` says which thread it is, in the words that end
 * "… stopped with exit code N" when it stops.
 */
export function startEvalWorker<M>(name: string, source: string, workerData: unknown, on: EvalWorkerHandlers<M>): Worker {
  const worker = new Worker(source, { eval: true, workerData });
  let ended = false;
  const gone = (cause: Error) => {
    if (ended) return;
    ended = true;
    on.gone(cause);
  };
  worker.on('message', on.message);
  worker.on('error', gone);
  worker.on('exit', (code) => gone(new Error(`${name} stopped with exit code ${code}`)));
  return worker;
}
