import { basename } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Catalog } from '../../../shared/catalog/index';
import type { AssessmentDetail, IsoDate } from '../../../shared/domain/types';
import { exportCancelled, throwIfCancelled } from '../../fs/cancel';
import { writeFileAtomic } from '../../fs/write-file-atomic';
import { readDocxArchive } from '../read/open-docx';
import { fillFormXml, type FilledForm } from './fill-form-xml';

export interface FillFormOptions {
  readonly dateCompleted: IsoDate | null;
  readonly replace: boolean;
  readonly existsHint?: string;
  /** Stops the export after the template is read, after the new file is built, and before it is put in place. */
  readonly signal?: AbortSignal;
}

/** What filling in a template did, beyond the claims it had rows for. */
export type FillReport = Omit<FilledForm, 'xml'>;

/**
 * Fills in the person's own copy of the official form (see fillFormXml) and writes it to
 * outPath whole or not at all. Every part of the template other than `word/document.xml`
 * (styles, images, headers, numbering) goes into the new file unchanged, in the same order.
 */
export async function fillForm(
  templatePath: string,
  detail: AssessmentDetail,
  catalog: Catalog,
  outPath: string,
  options: FillFormOptions,
): Promise<FillReport> {
  const cancelled = () => exportCancelled('Word form');
  throwIfCancelled(options.signal, cancelled);
  const bytes = await fillFormBytes(templatePath, detail, catalog, options.dateCompleted);
  throwIfCancelled(options.signal, cancelled);
  await writeFileAtomic(outPath, bytes.file, {
    what: 'Word form',
    replace: options.replace,
    existsHint: options.existsHint,
    signal: options.signal,
  });
  return bytes.report;
}

export async function fillFormBytes(
  templatePath: string,
  detail: AssessmentDetail,
  catalog: Catalog,
  dateCompleted: IsoDate | null,
): Promise<{ file: Uint8Array; report: FillReport }> {
  const archive = await readDocxArchive(templatePath);
  const { xml, ...report } = fillFormXml(archive.documentXml, detail, catalog, { dateCompleted, fileName: basename(templatePath) });
  const entries: Zippable = {};
  for (const part of archive.parts) {
    entries[part.name] = part.name === 'word/document.xml' ? new TextEncoder().encode(xml) : part.data;
  }
  return { file: zipSync(entries, { level: 6 }), report };
}
