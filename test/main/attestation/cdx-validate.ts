import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

/**
 * Validates a document against the official CycloneDX 1.6 JSON schema (strict: no property
 * the schema does not define) with the CycloneDX project's own library; null when valid.
 */
export async function cdxProblems(json: string): Promise<unknown> {
  return validator.validate(json);
}
