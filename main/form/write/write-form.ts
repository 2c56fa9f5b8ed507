import { writeFileAtomic } from '../../fs/write-file-atomic';
import { Packer } from 'docx';
import type { Catalog } from '../../../shared/catalog/index';
import { localIsoDate } from '../../../shared/domain/dates';
import type { AssessmentDetail, IsoDate } from '../../../shared/domain/types';
import { SscpError } from '../../../shared/errors';
import { buildFormDocument } from './build-form-document';

export interface WriteFormOptions {
  /** Defaults to the day the assessment was signed, or else last changed, on this computer's calendar. */
  readonly dateCompleted?: IsoDate | null;
}

/**
 * Writes the assessment as the official Word self-assessment form. The file appears whole or
 * not at all: it is written beside the target, flushed, then renamed over it.
 */
export async function writeForm(detail: AssessmentDetail, catalog: Catalog, outPath: string, options: WriteFormOptions = {}): Promise<void> {
  const { assessment } = detail;
  const dateCompleted = options.dateCompleted !== undefined ? options.dateCompleted : localIsoDate(new Date(assessment.signedAt ?? assessment.updatedAt));
  const bytes = await Packer.toBuffer(buildFormDocument(detail, catalog, { dateCompleted }));
  try {
    await writeFileAtomic(outPath, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new SscpError('invalid-input', `The form could not be saved to ${outPath}: ${code}.`, 'Choose a folder you can write to, with enough free space, and close the file if Word has it open.');
  }
}
