import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { writeActionPlan, writeAttestation, writeAuditSummary, writeEvidenceIndex, writeHowToVerify } from './appendix';
import { writeClaims, writeScope } from './claims';
import { writeCover } from './cover';
import type { ReportModel } from './model';
import { writeSummary } from './summary';
import { ReportWriter } from './writer';
import { GENERATOR_NAME } from '../types';

/**
 * Lays the report out with pdfkit straight into the file open as `fd` (the pack's temp file,
 * new and empty), from its start; the caller keeps the file open and closes it. What pdfkit
 * writes is a complete PDF; the evidence and signature are appended after it.
 */
export async function renderReport(model: ReportModel, fd: number): Promise<void> {
  const a = model.input.detail.assessment;
  const producer = `${GENERATOR_NAME} ${model.generatorVersion}`;
  const w = new ReportWriter({
    title: `${a.organisation}: Software Security Code of Practice evidence pack`,
    author: a.sroName,
    subject: `Self-assessment against ${model.input.catalog.title} (${model.input.catalog.id} ${model.input.catalog.version}), signed by the Senior Responsible Owner`,
    keywords: `SSCP; Software Security Code of Practice; evidence pack; ${model.packId}`,
    producer,
    createdAt: model.generatedAt,
  });
  // A numeric descriptor, not the FileHandle: a stream holding a FileHandle keeps its close waiting.
  const out = createWriteStream('', { fd, start: 0, autoClose: false });
  w.doc.pipe(out);
  try {
    writeCover(w, model);
    writeSummary(w, model);
    writeScope(w, model);
    writeClaims(w, model);
    writeActionPlan(w, model);
    writeEvidenceIndex(w, model);
    writeAuditSummary(w, model);
    writeAttestation(w, model);
    writeHowToVerify(w, model);
    w.finishStructure();
    w.decoratePages(`${a.organisation}  ·  SSCP evidence pack`, `Pack ${model.packId}`);
    w.doc.end();
    await finished(out);
  } catch (e) {
    // No write of the stream may land after the caller closes the descriptor (whose number
    // may then name another file): it is stopped, and its write under way waited for.
    w.doc.unpipe(out);
    out.destroy();
    await finished(out).catch(() => undefined);
    throw e;
  }
}
