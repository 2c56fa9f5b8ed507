import { basename } from 'node:path';
import { listClaims, type Catalog } from '../../../shared/catalog/index';
import { SscpError } from '../../../shared/errors';
import { FORM_V04, formV04ImportNotes, usesFormV04Numbering } from '../form-versions';
import { splitRecord } from '../result-block';
import { blockParagraphs } from './block-text';
import { readCoverFields } from './cover-fields';
import { FORM_COLUMNS, readFormStructure, type FormStructure } from './form-tables';
import { readDocumentXml } from './open-docx';
import { DocumentXmlError, parseDocumentXml } from './parse-document-xml';
import { placeRows, where } from './place-rows';
import type { FormReadResult, FormRow, PlacedRow, UnplacedRow } from './types';

export type { FormCover, FormReadResult, PlacedRow, PlacementMethod, RowSource, UnplacedRow } from './types';

/**
 * Reads a filled-in official self-assessment form (.docx) and places its rows on the
 * catalog's claims. Nothing is dropped: a row that cannot be placed is in `unplaced` with the
 * reason, and every oddity is in `warnings`.
 */
export async function readForm(path: string, catalog: Catalog): Promise<FormReadResult> {
  const xml = await readDocumentXml(path);
  return readFormXml(xml, catalog, basename(path));
}

/** The same, from the text of `word/document.xml` (for tests and other containers). */
export function readFormXml(xml: string, catalog: Catalog, fileName = 'The document'): FormReadResult {
  return analyseFormXml(xml, catalog, fileName).result;
}

/** A form read, with where each placed claim's row is in the document (for filling it in). */
export interface FormAnalysis {
  readonly result: FormReadResult;
  readonly structure: FormStructure;
  /** Claim id → the row placed on it. */
  readonly placedRows: ReadonlyMap<string, FormRow>;
}

/** readFormXml, keeping the document structure and the placed rows. */
export function analyseFormXml(xml: string, catalog: Catalog, fileName = 'The document'): FormAnalysis {
  let blocks;
  try {
    blocks = parseDocumentXml(xml);
  } catch (e) {
    if (!(e instanceof DocumentXmlError)) throw e;
    throw SscpError.because({ code: 'form-content-damaged', fileName, detail: e.message });
  }
  const structure = readFormStructure(blocks);
  if (structure.formTableCount === 0) {
    throw SscpError.because({ code: 'form-not-sscp', columns: FORM_COLUMNS });
  }
  const coverReading = readCoverFields(structure.coverBlocks);
  const warnings: string[] = [...coverReading.warnings];
  // The appendix of claims a filled template lacked is APC-numbered: only the form's own rows say whose numbering it uses.
  const v04 = usesFormV04Numbering(new Set(structure.rows.filter((r) => !r.inAppendix).map((r) => r.number)));
  const { placed, rejected } = placeRows(structure.rows, catalog, v04 ? { renumber: FORM_V04.renumbered, numberingName: 'form v0.4' } : {});
  const fromAppendix = new Set(placed.filter((p) => p.row.inAppendix).map((p) => p.claimId));
  const notes = v04 ? formV04ImportNotes(catalog, saysVersion04(structure.coverBlocks), fromAppendix) : [];

  const rows: PlacedRow[] = placed.map(({ row, claimId, method, similarity, note, renumberedFrom }) => {
    const split = splitRecord(row.argumentParagraphs);
    if (split.problems.length > 0) {
      warnings.push(
        `Claim ${claimId} (${where(row.source)}): the assessment record in the Arguments cell could not be read (${split.problems.join('; ')}); it was kept as text.`,
      );
    }
    // A row placed by the form's own numbering, its text agreeing, is explained by the notes.
    const explained = renumberedFrom !== null && method === 'number-and-text';
    if (note && !explained) warnings.push(`Claim ${claimId} (${where(row.source)}): ${note}`);
    return {
      claimId,
      reference: row.reference,
      claimText: row.claimText,
      evidenceText: row.evidenceText,
      arguments: split.body.join('\n'),
      record: split.record,
      method,
      similarity: round(similarity),
      note,
      renumberedFrom,
      source: row.source,
    };
  });

  const unplaced: UnplacedRow[] = [
    ...rejected.map(({ row, reason }) => unplacedRow(row, reason)),
    ...structure.strayRows.map((row) =>
      unplacedRow(row, `"${row.reference}" is a heading row, but it has evidence or arguments text, which belongs on a claim row.`),
    ),
  ];
  for (const u of unplaced) warnings.push(`Not placed (${where(u.source)}, Reference "${u.reference}"): ${u.reason}`);

  const filled = new Set(rows.filter((r) => r.evidenceText.trim() !== '' || r.arguments.trim() !== '').map((r) => r.claimId));
  const emptyClaims = listClaims(catalog)
    .map((c) => c.claim.id)
    .filter((id) => !filled.has(id));

  return {
    result: { cover: coverReading.cover, rows, unplaced, emptyClaims, numbering: v04 ? 'form-v0.4' : 'apc', notes, warnings },
    structure,
    placedRows: new Map(placed.map((p) => [p.claimId, p.row])),
  };
}

/** Whether the text outside the form's tables (its title page) says "Version 0.4". */
function saysVersion04(blocks: Parameters<typeof blockParagraphs>[0]): boolean {
  return blockParagraphs(blocks).some((p) => /\bversion\s*0\.4\b/i.test(p));
}

function unplacedRow(row: FormRow, reason: string): UnplacedRow {
  return {
    reference: row.reference,
    claimText: row.claimText,
    evidenceText: row.evidenceText,
    arguments: row.argumentParagraphs.join('\n'),
    reason,
    source: row.source,
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
