import { finished } from 'node:stream/promises';
import { writeActionPlan, writeAttestation, writeAuditSummary, writeEvidenceIndex, writeHowToVerify } from './appendix';
import { writeClaims, writeScope } from './claims';
import { writeCover } from './cover';
import type { ReportModel } from './model';
import { writeSummary } from './summary';
import { ReportWriter } from './writer';
import { GENERATOR_NAME } from '../types';
import { newFile } from '../../fs/new-file';

/**
 * Lays the report out with pdfkit straight into `path` (the pack's temp file). What pdfkit
 * writes is a complete PDF; the evidence and signature are appended after it.
 */
export async function renderReport(model: ReportModel, path: string): Promise<void> {
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
  const out = newFile(path);
  try {
    w.doc.pipe(out.stream);

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
    await finished(out.stream);
  } catch (e) {
    // A layout that fails leaves neither an open descriptor nor the file.
    await out.discard();
    throw e;
  }
}
