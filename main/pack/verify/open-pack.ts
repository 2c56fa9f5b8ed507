import { SscpError } from '../../../shared/errors';
import { openRegularFile } from '../../fs/regular-file';
import { PdfFileReader } from '../pdf/file-reader';
import { HashThread } from './hash-thread';

/**
 * A pack opened for verification: the one descriptor every read of it uses, and the second
 * thread, already hashing it from byte 0 for the signature while the caller gets on with the
 * rest (loading the signature code, the key store, the pack's structure). verifyPackReading
 * takes it over and closes it; whoever opened it and then does not hand it over closes it.
 */
export interface OpenedPack {
  readonly reader: PdfFileReader;
  readonly thread: HashThread;
  /** Stops the thread, then closes the file (in that order: its descriptor number could be reused). */
  close(): Promise<void>;
}

/** The file opened once, as an ordinary file (a folder, pipe or device is refused before it is read), and a PDF. */
async function openPdf(path: string): Promise<PdfFileReader> {
  const { handle } = await openRegularFile(path, { hint: 'Give the .pdf evidence pack you received.' });
  let head: Buffer;
  try {
    head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
  } catch (e) {
    await handle.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw SscpError.because({ code: 'verify-pack-unreadable', path, errno: code ?? null });
  }
  if (head.toString('latin1') !== '%PDF-') {
    await handle.close();
    throw SscpError.because({ code: 'verify-pack-not-pdf', path });
  }
  return PdfFileReader.over(handle);
}

/**
 * Opens the pack at `path` and starts hashing it on a second thread at once. This module loads
 * nothing heavy (no signature or certificate code), so a command can call it first and load
 * the rest while the pack is being hashed. Refuses, as verify does, a path that is not an
 * ordinary file or not a PDF; then no thread is left running.
 */
export async function openPackToVerify(path: string): Promise<OpenedPack> {
  // The thread boots (tens of milliseconds) while the file is opened and checked.
  const thread = new HashThread();
  let reader: PdfFileReader;
  try {
    reader = await openPdf(path);
  } catch (e) {
    await thread.close();
    throw e;
  }
  thread.begin({ fd: reader.fd, size: reader.size });
  let closed: Promise<void> | null = null;
  return {
    reader,
    thread,
    close: () =>
      (closed ??= (async () => {
        try {
          await thread.close();
        } finally {
          await reader.close();
        }
      })()),
  };
}
