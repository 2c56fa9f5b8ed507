import type { Assessment } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import type { BlobStore } from '../evidence/index';
import { findAssessment } from '../store/assessments-repo';
import type { Db } from '../store/index';
import { isExportLeaseAbort, onExportLeaseAbort } from './export-lease';

/** What every workspace operation works on: the database and the evidence blobs beside it. */
export interface StoreContext {
  readonly db: Db;
  readonly blobs: BlobStore;
  /** Opened only to read (a database the user may not change): nothing is written, not even recovery. */
  readonly readOnly?: boolean;
}

/**
 * Runs `fn` in one IMMEDIATE transaction: it takes the write lock up front, so two windows
 * writing at once wait their turn (busy_timeout) instead of failing halfway.
 */
export function inWriteTransaction<T>(ctx: StoreContext, fn: () => T): T {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return ctx.db.transaction(fn).immediate();
    } catch (e) {
      // The write met an assessment being signed (the services' check or the export_leases
      // triggers): run it again once leases whose holder died are cleared, or say so in words.
      if (!isExportLeaseAbort(e)) throw e;
      const next = onExportLeaseAbort(ctx, attempt === 0);
      if ('error' in next) throw next.error;
    }
  }
}

export function requireAssessment(ctx: StoreContext, id: string): Assessment {
  const a = typeof id === 'string' ? findAssessment(ctx.db, id) : undefined;
  if (!a) throw SscpError.because({ code: 'assessment-not-found', id: String(id) });
  return a;
}
