import { exportForm, importForm, prepareFormImport } from '../../form/import-form';
import type { FormReadResult } from '../../form/read/types';
import type { FormPlacementView } from '../../../shared/ipc/views-form';
import type { HandlerTable } from '../dispatch';
import type { HandlerContext } from './context';

type Channels = 'forms.previewImport' | 'forms.import' | 'forms.export';

/** The placement report without the row texts, which the person already has in the form. */
function placementView(fileName: string, form: FormReadResult): FormPlacementView {
  return {
    fileName,
    cover: form.cover,
    rows: form.rows.map((r) => ({ claimId: r.claimId, reference: r.reference, method: r.method, similarity: r.similarity, note: r.note, source: r.source })),
    unplaced: form.unplaced.map((u) => ({ reference: u.reference, claimText: u.claimText, reason: u.reason, source: u.source })),
    emptyClaims: form.emptyClaims,
    warnings: form.warnings,
  };
}

export function formHandlers({ ws, jobs }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'forms.previewImport': async ({ path }) => {
      const jobId = jobs.start(async ({ progress }) => {
        progress('Reading the form', 0, 1);
        const prepared = await prepareFormImport(path);
        return placementView(prepared.fileName, prepared.form);
      });
      return { jobId };
    },
    'forms.import': async ({ path, role }) => {
      const workspace = ws();
      const jobId = jobs.start(async ({ progress }) => {
        progress('Reading the form', 0, 1);
        const report = await importForm(workspace, path, role ? { role } : {});
        return {
          assessment: report.assessment,
          placement: placementView(report.fileName, report.form),
          linkedEvidence: report.linkedEvidence.map((e) => ({ claimId: e.claimId, fileName: e.fileName })),
          missingEvidence: report.missingEvidence.map((e) => ({ claimId: e.claimId, fileName: e.fileName })),
        };
      });
      return { jobId };
    },
    'forms.export': async ({ assessmentId, outPath }) => {
      const workspace = ws();
      const jobId = jobs.start(async ({ progress }) => {
        progress('Writing the form', 0, 1);
        await exportForm(workspace, assessmentId, outPath);
        return { path: outPath };
      });
      return { jobId };
    },
  };
}
