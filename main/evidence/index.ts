/** Evidence files stored once by SHA-256 beside the database, and their verification. */
export {
  BlobStore,
  EVIDENCE_DIR_MODE,
  EVIDENCE_FILE_MODE,
  evidenceDirFor,
  hashFile,
  type IngestOptions,
  type StoredBlob,
} from './blob-store';
export { mediaTypeFor, UNKNOWN_MEDIA_TYPE } from './media-type';
export { verifyEvidence, type EvidenceProblem, type EvidenceReport } from './verify-evidence';
