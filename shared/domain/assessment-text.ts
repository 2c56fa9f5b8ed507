import { characterCount, cleanText, listRemoved, textProblem, TEXT_FIELDS, type TextField } from './text-rules';
import type { AssessmentDetail } from './types';

/**
 * Every piece of text an assessment carries, with the rule it is held to and where it is:
 * what the pack exporter checks before signing and what the importers clean, so the two
 * can never disagree about a field.
 */
interface TextSlot {
  readonly value: string;
  readonly rule: TextField;
  /** "the organisation name", "the arguments text of claim 1.2.1". */
  readonly where: string;
  readonly set: (value: string) => void;
}

function slots(d: Mutable): TextSlot[] {
  const a = d.assessment;
  const out: TextSlot[] = [
    { value: a.organisation, rule: TEXT_FIELDS.organisation, where: 'the organisation name', set: (v) => (a.organisation = v) },
    { value: a.sroName, rule: TEXT_FIELDS.sroName, where: 'the SRO name', set: (v) => (a.sroName = v) },
    { value: a.sroRole, rule: TEXT_FIELDS.sroRole, where: 'the SRO role', set: (v) => (a.sroRole = v) },
  ];
  a.products.forEach((p, i) =>
    out.push({ value: p, rule: TEXT_FIELDS.product, where: `product name ${i + 1}`, set: (v) => (a.products[i] = v) }),
  );
  for (const r of d.responses) {
    out.push({
      value: r.evidenceText,
      rule: TEXT_FIELDS.evidenceText,
      where: `the evidence text of claim ${r.claimId}`,
      set: (v) => (r.evidenceText = v),
    });
    out.push({
      value: r.arguments,
      rule: TEXT_FIELDS.arguments,
      where: `the arguments text of claim ${r.claimId}`,
      set: (v) => (r.arguments = v),
    });
  }
  for (const x of d.actions) {
    out.push({
      value: x.description,
      rule: TEXT_FIELDS.actionDescription,
      where: `the description of an action on claim ${x.claimId}`,
      set: (v) => (x.description = v),
    });
    out.push({
      value: x.owner,
      rule: TEXT_FIELDS.actionOwner,
      where: `the owner of an action on claim ${x.claimId}`,
      set: (v) => (x.owner = v),
    });
  }
  d.evidence.forEach((e, i) => {
    out.push({
      value: e.fileName,
      rule: TEXT_FIELDS.evidenceName,
      where: `the name of evidence file ${i + 1}`,
      set: (v) => (e.fileName = v),
    });
    out.push({
      value: e.description,
      rule: TEXT_FIELDS.evidenceDescription,
      where: `the description of evidence file ${i + 1}`,
      set: (v) => (e.description = v),
    });
    out.push({ value: e.owner, rule: TEXT_FIELDS.evidenceOwner, where: `the owner of evidence item ${i + 1}`, set: (v) => (e.owner = v) });
  });
  return out;
}

type Mutable = {
  assessment: { organisation: string; sroName: string; sroRole: string; products: string[] };
  responses: { claimId: string; evidenceText: string; arguments: string }[];
  actions: { claimId: string; description: string; owner: string }[];
  evidence: { fileName: string; description: string; owner: string }[];
};

function copy(detail: AssessmentDetail): AssessmentDetail & Mutable {
  return {
    ...detail,
    assessment: { ...detail.assessment, products: [...detail.assessment.products] },
    responses: detail.responses.map((r) => ({ ...r })),
    actions: detail.actions.map((x) => ({ ...x })),
    evidence: detail.evidence.map((e) => ({ ...e })),
  };
}

export interface TextFault {
  readonly where: string;
  readonly message: string;
  readonly hint: string;
}

/**
 * The first field a pack may not carry as it is, for the exporter: any field over its
 * length, and control, bidirectional or invisible characters anywhere but in evidence file
 * names (those the pack renames safely and reports; see `main/pack/attachment-names.ts`).
 */
export function firstPackTextFault(detail: AssessmentDetail): TextFault | null {
  for (const slot of slots(copy(detail))) {
    const lengthOnly = slot.rule === TEXT_FIELDS.evidenceName;
    if (lengthOnly && characterCount(slot.value) <= slot.rule.max) continue;
    const problem = textProblem(slot.value, { ...slot.rule, label: slot.where.replace(/^the /, '') });
    if (problem) return { where: slot.where, ...problem };
  }
  return null;
}

export interface CleanedAssessment {
  readonly detail: AssessmentDetail;
  /** One sentence per field that held characters it may not, saying which were taken out. */
  readonly notes: readonly string[];
  /** The first field over its limit (an importer refuses these: text is never cut), or null. */
  readonly tooLong: { readonly where: string; readonly length: number; readonly max: number } | null;
}

/**
 * For importers (packs and forms): a copy of the assessment with every control,
 * bidirectional and invisible character taken out of each field (line breaks and tabs stay
 * in free text; in one-line fields they become spaces), a note per field that changed, and
 * the first field too long to take.
 */
export function cleanAssessmentText(detail: AssessmentDetail): CleanedAssessment {
  const cleaned = copy(detail);
  const notes: string[] = [];
  let tooLong: CleanedAssessment['tooLong'] = null;
  for (const slot of slots(cleaned)) {
    const one = cleanField(slot.value, slot.rule, slot.where);
    if (one.note) {
      slot.set(one.text);
      notes.push(one.note);
    }
    if (!tooLong && one.length > slot.rule.max) tooLong = { where: slot.where, length: one.length, max: slot.rule.max };
  }
  return { detail: cleaned, notes, tooLong };
}

/** One imported field cleaned (see cleanAssessmentText): the text, a note if it changed, its length. */
export function cleanField(value: string, rule: TextField, where: string): { text: string; note: string | null; length: number } {
  const { text, removed } = cleanText(value, rule.shape);
  const note =
    removed.length === 0
      ? null
      : `${capitalise(where)} held ${removed.length === 1 ? 'a character' : 'characters'} that can disguise text or control a terminal (${listRemoved(removed)}); ${removed.length === 1 ? 'it was' : 'they were'} taken out.`;
  return { text, note, length: characterCount(text) };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
