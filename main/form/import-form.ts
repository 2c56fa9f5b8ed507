import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { CURRENT_CATALOG, type Catalog } from '../../shared/catalog/index';
import { cleanField } from '../../shared/domain/assessment-text';
import { TEXT_FIELDS, type TextField } from '../../shared/domain/text-rules';
import type { Assessment, VendorRole } from '../../shared/domain/types';
import { localIsoDate } from '../../shared/domain/dates';
import { SscpError } from '../../shared/errors';
import { hashFile } from '../evidence/index';
import { exportCancelled, throwIfCancelled } from '../fs/cancel';
import { checkDestination } from '../fs/destination';
import { catalogFor } from '../services/validate';
import type { NewActionInput, SeedResponse, Workspace } from '../services/workspace';
import { fillForm } from './fill/fill-form';
import { readForm } from './read/read-form';
import type { FormReadResult } from './read/types';
import { writeForm, type WriteFormOptions } from './write/write-form';

export interface ImportFormOptions {
  /** The form has no vendor role; the whole form covers every theme, so this is the default. */
  readonly role?: VendorRole;
  /** Used when the form's cover has no Organisation (or to override it). */
  readonly organisation?: string;
  readonly catalog?: Catalog;
  /** Stops the import before anything is stored: the database is written in one transaction at the end, or not at all. */
  readonly signal?: AbortSignal;
}

/** The error for a form import stopped before anything was stored. */
export function formImportCancelled(): SscpError {
  return SscpError.because({ code: 'form-import-cancelled' });
}

/** What an import did, for the person to check: every row placed, and why any was not. */
export interface FormImportReport {
  readonly assessment: Assessment;
  readonly fileName: string;
  readonly sha256: string;
  readonly form: FormReadResult;
  /** Evidence files named in the record blocks that this database holds and that were linked. */
  readonly linkedEvidence: readonly { readonly claimId: string; readonly evidenceId: string; readonly fileName: string }[];
  /** Named in the record blocks but not in this database (attach them to link them). */
  readonly missingEvidence: readonly { readonly claimId: string; readonly fileName: string; readonly sha256: string }[];
}

/** A form read and hashed, not yet stored: reading first means a bad file touches no database. */
export interface PreparedFormImport {
  readonly path: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly catalog: Catalog;
  readonly form: FormReadResult;
}

export async function prepareFormImport(
  docxPath: string,
  catalog: Catalog = CURRENT_CATALOG,
  signal?: AbortSignal,
): Promise<PreparedFormImport> {
  throwIfCancelled(signal, formImportCancelled);
  const form = await readForm(docxPath, catalog);
  throwIfCancelled(signal, formImportCancelled);
  const { sha256 } = await hashFile(docxPath);
  throwIfCancelled(signal, formImportCancelled);
  return { path: docxPath, fileName: basename(docxPath), sha256, catalog, form };
}

/**
 * Imports a filled-in official form as a new draft (origin `imported-form`), all in one
 * transaction. Results stay not-assessed unless the form carries this app's record block;
 * claims with text are marked needs-review so the person checks what was brought in.
 */
export async function importForm(ws: Workspace, docxPath: string, options: ImportFormOptions = {}): Promise<FormImportReport> {
  const prepared = await prepareFormImport(docxPath, options.catalog, options.signal);
  // The last point a cancel applies: from here the import is one synchronous transaction.
  throwIfCancelled(options.signal, formImportCancelled);
  return storeFormImport(ws, prepared, options);
}

export function storeFormImport(
  ws: Workspace,
  prepared: PreparedFormImport,
  options: Omit<ImportFormOptions, 'catalog'> = {},
): FormImportReport {
  const { form, sha256, fileName, catalog } = prepared;
  const earlier = ws.findImport(sha256);
  if (earlier) {
    throw SscpError.because({
      code: 'form-already-imported',
      fileName,
      importedAt: earlier.importedAt,
      assessmentId: earlier.assessmentId,
    });
  }
  // Text from the form is held to the same rules as typing it in: hidden characters are
  // taken out and listed under "Please check", text over a limit is refused (never cut).
  const notes: string[] = [];
  const take = (value: string, rule: TextField, where: string): string => {
    const one = cleanField(value, rule, where);
    if (one.note) notes.push(one.note);
    if (one.length > rule.max) {
      throw SscpError.because({ code: 'form-text-too-long', fileName, where, length: one.length, max: rule.max });
    }
    return one.text;
  };
  const fromForm =
    form.cover.organisation === null ? null : take(form.cover.organisation, TEXT_FIELDS.organisation, 'the Organisation field');
  const organisation = options.organisation ?? fromForm;
  if (!organisation) {
    throw SscpError.because({ code: 'form-without-organisation', fileName });
  }

  const stored = new Map(
    ws
      .listEvidence()
      .filter((e) => e.item.present)
      .map((e) => [e.item.sha256, e.item]),
  );
  const linkedEvidence: FormImportReport['linkedEvidence'][number][] = [];
  const missingEvidence: FormImportReport['missingEvidence'][number][] = [];
  const responses: SeedResponse[] = [];
  const actions: NewActionInput[] = [];
  for (const row of form.rows) {
    const result = row.record?.result ?? 'not-assessed';
    const hasContent = row.evidenceText.trim() !== '' || row.arguments.trim() !== '' || result !== 'not-assessed';
    responses.push({
      claimId: row.claimId,
      evidenceText: take(row.evidenceText, TEXT_FIELDS.evidenceText, `the Evidence cell of claim ${row.claimId}`),
      arguments: take(row.arguments, TEXT_FIELDS.arguments, `the Arguments / Assumptions cell of claim ${row.claimId}`),
      result,
      status: hasContent ? 'needs-review' : 'not-started',
    });
    for (const a of row.record?.actions ?? []) {
      actions.push({
        claimId: row.claimId,
        description: take(a.description, TEXT_FIELDS.actionDescription, `a remedial action of claim ${row.claimId}`),
        owner: take(a.owner, TEXT_FIELDS.actionOwner, `the owner of a remedial action of claim ${row.claimId}`),
        dueDate: a.dueDate,
        state: a.state,
      });
    }
    for (const file of row.record?.evidenceFiles ?? []) {
      const item = stored.get(file.sha256);
      if (item) linkedEvidence.push({ claimId: row.claimId, evidenceId: item.id, fileName: item.fileName });
      else missingEvidence.push({ claimId: row.claimId, fileName: file.fileName, sha256: file.sha256 });
    }
  }

  const assessment = ws.createAssessment({
    organisation,
    role: options.role ?? 'developer-distributor',
    sroName: take(form.cover.assessorName ?? '', TEXT_FIELDS.sroName, 'the assessor Name field'),
    sroRole: take(form.cover.assessorRole ?? '', TEXT_FIELDS.sroRole, 'the assessor Role field'),
    catalog: { id: catalog.id, version: catalog.version },
    origin: 'imported-form',
    seed: {
      responses,
      actions,
      links: linkedEvidence.map(({ claimId, evidenceId }) => ({ claimId, evidenceId })),
      importedFrom: { sourceSha256: sha256, packId: null, kind: 'form' },
    },
  });
  return { assessment, fileName, sha256, form: { ...form, warnings: [...form.warnings, ...notes] }, linkedEvidence, missingEvidence };
}

export interface ExportFormOptions extends WriteFormOptions {
  /** The person agreed to replace an existing file (the save dialog asked, or --force). */
  readonly replace: boolean;
  /**
   * The person's own copy of the official blank form: filled in, everything else of it kept.
   * Without one, the form is generated in the official layout.
   */
  readonly templatePath?: string | null;
}

const formExportCancelled = () => exportCancelled('Word form');

export interface ExportFormResult {
  readonly path: string;
  /** Claims the template had no row for, added in a table at its end (empty without a template). */
  readonly appendedClaims: readonly string[];
  /** Cover fields the template has no place for. */
  readonly missingCoverFields: readonly string[];
}

/**
 * Writes an assessment as the official Word form and returns the absolute path written.
 * With a template, the person's copy of the form is filled in (see fillForm); without one, the
 * form is generated (see writeForm). The destination is checked before anything is built:
 * never the open database, its companions or its evidence folder, never the template itself,
 * and an existing file only with consent.
 */
export async function exportForm(
  ws: Workspace,
  assessmentId: string,
  outPath: string,
  options: ExportFormOptions,
): Promise<ExportFormResult> {
  const { signal } = options;
  throwIfCancelled(signal, formExportCancelled);
  const detail = ws.getAssessment(assessmentId);
  const target = await checkDestination(outPath, {
    what: 'Word form',
    database: ws.dbPath,
    replace: options.replace,
    existsHint: options.existsHint,
    exampleName: 'self-assessment-form.docx',
  });
  throwIfCancelled(signal, formExportCancelled);
  const catalog = catalogFor(detail.assessment);
  if (!options.templatePath) {
    await writeForm(detail, catalog, target, options);
    return { path: target, appendedClaims: [], missingCoverFields: [] };
  }
  if (await sameFile(options.templatePath, target)) {
    throw SscpError.because({ code: 'form-template-is-target', fileName: basename(target) });
  }
  const dateCompleted =
    options.dateCompleted !== undefined
      ? options.dateCompleted
      : localIsoDate(new Date(detail.assessment.signedAt ?? detail.assessment.updatedAt));
  const report = await fillForm(options.templatePath, detail, catalog, target, {
    dateCompleted,
    replace: options.replace,
    ...(options.existsHint ? { existsHint: options.existsHint } : {}),
    ...(signal ? { signal } : {}),
  });
  return { path: target, ...report };
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return x !== null && y !== null && x.dev === y.dev && x.ino === y.ino;
}
