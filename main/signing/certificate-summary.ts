import type { CertificateSummary } from '../../shared/domain/signing';
import { certificateFingerprint } from './fingerprint';
import { OID_TITLE } from './certificates';
import * as x509 from './x509';

export type { CertificateSummary } from '../../shared/domain/signing';

function firstField(name: x509.Name, field: string): string | null {
  return name.getField(field)[0] ?? null;
}

export function summariseCertificate(certificate: x509.X509Certificate): CertificateSummary {
  const constraints = certificate.getExtension(x509.BasicConstraintsExtension);
  return {
    commonName: firstField(certificate.subjectName, 'CN'),
    title: firstField(certificate.subjectName, OID_TITLE),
    organisation: firstField(certificate.subjectName, 'O'),
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber.toLowerCase(),
    fingerprint: certificateFingerprint(new Uint8Array(certificate.rawData)),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    isCertificateAuthority: constraints?.ca ?? false,
  };
}
