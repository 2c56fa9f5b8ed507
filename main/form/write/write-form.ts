import { exportCancelled, throwIfCancelled } from '../../fs/cancel';
import { writeFileAtomic } from '../../fs/write-file-atomic';
import { Packer } from 'docx';
import type { Catalog } from '../../../shared/catalog/index';
import { localIsoDate } from '../../../shared/domain/dates';
import type { AssessmentDetail, IsoDate } from '../../../shared/domain/types';
import { buildFormDocument } from './build-form-document';

export interface WriteFormOptions {
  /** Defaults to the day the assessment was signed, or else last changed, on this computer's calendar. */
  readonly dateCompleted?: IsoDate | null;
  /** Replace an existing file at outPath (the default); false refuses one. */
  readonly replace?: boolean;
  readonly existsHint?: string;
  /** Stops the export between building the document and writing it, and before the file is put in place. */
  readonly signal?: AbortSignal;
}

const formCancelled = () => exportCancelled('Word form');

/**
 * Writes the assessment as the official Word self-assessment form. The file appears whole or
 * not at all: it is written beside the target, flushed, then renamed over it. The caller
 * checks the destination first (see exportForm).
 */
export async function writeForm(
  detail: AssessmentDetail,
  catalog: Catalog,
  outPath: string,
  options: WriteFormOptions = {},
): Promise<void> {
  const { assessment } = detail;
  const dateCompleted =
    options.dateCompleted !== undefined ? options.dateCompleted : localIsoDate(new Date(assessment.signedAt ?? assessment.updatedAt));
  const document = buildFormDocument(detail, catalog, { dateCompleted });
  throwIfCancelled(options.signal, formCancelled);
  const bytes = await Packer.toBuffer(document);
  throwIfCancelled(options.signal, formCancelled);
  // A failure (read-only folder, disk full, the file open in Word) is an SscpError saying so.
  await writeFileAtomic(outPath, bytes, {
    what: 'Word form',
    replace: options.replace ?? true,
    existsHint: options.existsHint,
    signal: options.signal,
  });
}
