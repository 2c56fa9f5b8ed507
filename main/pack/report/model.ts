import { describeScope } from '../../../shared/domain/applicability';
import { rollupAssessment, type AssessmentRollup } from '../../../shared/domain/rollup';
import type { ManifestFile } from '../manifest';
import type { PackInput } from '../types';

/** What the report pages read: the input plus everything worked out from it once. */
export interface ReportModel {
  readonly input: PackInput;
  readonly packId: string;
  readonly generatedAt: Date;
  readonly generatorVersion: string;
  readonly files: readonly ManifestFile[];
  /** Manifest entry of each evidence item, by evidence id. */
  readonly fileByEvidenceId: ReadonlyMap<string, ManifestFile>;
  readonly rollup: AssessmentRollup;
  readonly scopeSentence: string;
}

export function buildReportModel(
  input: PackInput,
  packId: string,
  generatedAt: Date,
  generatorVersion: string,
  files: readonly ManifestFile[],
): ReportModel {
  const fileByEvidenceId = new Map<string, ManifestFile>();
  input.detail.evidence.filter((item) => item.kind === 'file').forEach((item, i) => fileByEvidenceId.set(item.id, files[i]!));
  return {
    input,
    packId,
    generatedAt,
    generatorVersion,
    files,
    fileByEvidenceId,
    rollup: rollupAssessment(input.detail, input.catalog),
    scopeSentence: describeScope(input.detail.assessment),
  };
}
