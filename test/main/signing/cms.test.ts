import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDigest, verifyCms, type UnlockedIdentity } from '../../../main/signing/cms';
import { OID } from '../../../main/signing/cms-oids';
import { certificateFingerprint, formatFingerprint } from '../../../main/signing/fingerprint';
import { createIdentityMaterial, unlockedIdentityFromMaterial, type IdentityMaterial } from '../../../main/signing/identity-material';
import * as x509 from '../../../main/signing/x509';
import { makeTempDir, openssl, UNICODE_ORG } from './helpers';

const subject = { sroName: 'Zoë Åberg-Łukasiewicz', sroRole: 'Chief Information Security Officer', organisation: UNICODE_ORG };
const content = Buffer.from('%PDF-1.7 pretend byte ranges … ünïcödé 株式会社\n'.repeat(500));
const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

interface Signer {
  material: IdentityMaterial;
  identity: UnlockedIdentity;
  cms: Uint8Array;
}

async function makeSigner(algorithm: 'p256' | 'rsa3072', withRoot: boolean): Promise<Signer> {
  const material = await createIdentityMaterial({ subject, algorithm, withRoot });
  const identity = await unlockedIdentityFromMaterial(`${algorithm}-${withRoot ? 'org' : 'self'}`, material);
  const cms = await signDigest(sha256(content), identity, new Date());
  return { material, identity, cms };
}

function pem(certificate: x509.X509Certificate): string {
  return certificate.toString('pem');
}

function replaceSignerCertificate(cms: Uint8Array, replacementDer: Uint8Array): Uint8Array {
  const contentInfo = pkijs.ContentInfo.fromBER(cms.slice().buffer);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const certificates = [...(signedData.certificates ?? [])];
  certificates[0] = pkijs.Certificate.fromBER(replacementDer.slice().buffer);
  signedData.certificates = certificates;
  const rebuilt = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(rebuilt.toSchema().toBER(false));
}

describe('CMS signatures checked by openssl and by verifyCms', () => {
  const temp = makeTempDir('cms');
  const dataPath = join(temp.dir, 'data.bin');
  const tamperedPath = join(temp.dir, 'tampered.bin');
  let p256Org: Signer;
  let rsaSelf: Signer;
  let p256Self: Signer;

  beforeAll(async () => {
    writeFileSync(dataPath, content);
    const tampered = Buffer.from(content);
    tampered[1234] = (tampered[1234] ?? 0) ^ 0x01;
    writeFileSync(tamperedPath, tampered);
    [p256Org, rsaSelf, p256Self] = await Promise.all([makeSigner('p256', true), makeSigner('rsa3072', false), makeSigner('p256', false)]);
  });
  afterAll(() => temp.cleanup());

  function opensslVerify(cms: Uint8Array, name: string, contentPath: string, trust: string[]) {
    const sigPath = join(temp.dir, `${name}.der`);
    writeFileSync(sigPath, cms);
    return openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sigPath,
      '-content',
      contentPath,
      ...trust,
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
  }

  it('produces an ECDSA signature that openssl verifies to the organisation root, and verifyCms trusts that root', async () => {
    const rootPem = pem(p256Org.material.root!.certificate);
    const rootPath = join(temp.dir, 'root.pem');
    writeFileSync(rootPath, rootPem);
    const result = opensslVerify(p256Org.cms, 'p256-org', dataPath, ['-CAfile', rootPath]);
    expect(result.stderr).toContain('Verification successful');
    expect(result.status).toBe(0);

    const verification = await verifyCms(p256Org.cms, sha256(content), { rootsPem: [rootPem] });
    expect(verification).toMatchObject({
      parsed: true,
      digestMatches: true,
      signatureValid: true,
      signingCertificate: 'match',
      intact: true,
      trust: 'trusted-root',
      certificatesTimeValid: true,
      problems: [],
    });
    expect(verification.signer).toMatchObject({ commonName: subject.sroName, title: subject.sroRole, organisation: UNICODE_ORG });
    expect(verification.signer?.fingerprint).toBe(certificateFingerprint(p256Org.identity.certificate.der));
    expect(verification.certificates).toHaveLength(2);
  });

  it('produces an RSA signature that openssl accepts, pinned by the signer fingerprint', async () => {
    const result = opensslVerify(rsaSelf.cms, 'rsa-self', dataPath, ['-noverify']);
    expect(result.status).toBe(0);
    const fingerprint = formatFingerprint(certificateFingerprint(rsaSelf.identity.certificate.der), { colons: true });
    const verification = await verifyCms(rsaSelf.cms, sha256(content), { fingerprint: fingerprint.toUpperCase() });
    expect(verification).toMatchObject({ intact: true, trust: 'pinned-fingerprint', problems: [] });
  });

  it('reports a self-signed signer as untrusted when nothing to trust is given, without calling it a problem', async () => {
    const verification = await verifyCms(p256Self.cms, sha256(content));
    expect(verification).toMatchObject({ intact: true, trust: 'untrusted', problems: [] });
  });

  it('fails openssl and reports a digest mismatch when one byte of content changes', async () => {
    const result = opensslVerify(p256Org.cms, 'p256-tampered', tamperedPath, ['-noverify']);
    expect(result.status).not.toBe(0);
    const verification = await verifyCms(p256Org.cms, sha256(readFileSync(tamperedPath)), {});
    expect(verification.digestMatches).toBe(false);
    expect(verification.signatureValid).toBe(true);
    expect(verification.intact).toBe(false);
    expect(verification.problems.join(' ')).toMatch(/changed since it was signed/);
  });

  it('flags a swapped signer certificate that carries the same key, issuer and serial', async () => {
    const original = p256Self.material.signer.certificate;
    const impostor = await x509.X509CertificateGenerator.create({
      serialNumber: original.serialNumber,
      subject: original.subjectName,
      issuer: original.issuerName,
      notBefore: original.notBefore,
      notAfter: new Date(original.notAfter.getTime() + 86_400_000 * 365),
      publicKey: p256Self.material.signer.keys.publicKey,
      signingKey: p256Self.material.signer.keys.privateKey,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
      extensions: [...original.extensions],
    });
    const swapped = replaceSignerCertificate(p256Self.cms, new Uint8Array(impostor.rawData));
    const verification = await verifyCms(swapped, sha256(content));
    expect(verification.parsed).toBe(true);
    expect(verification.signatureValid).toBe(true);
    expect(verification.digestMatches).toBe(true);
    expect(verification.signingCertificate).toBe('mismatch');
    expect(verification.intact).toBe(false);
    expect(verification.problems.join(' ')).toMatch(/signing-certificate-v2/);
  });

  it('reports a signature altered after signing as invalid', async () => {
    const altered = p256Self.cms.slice();
    // The signature value is the last element: flip a bit near the end of the DER.
    altered[altered.length - 5] = (altered[altered.length - 5] ?? 0) ^ 0x01;
    const verification = await verifyCms(altered, sha256(content));
    expect(verification.signatureValid).toBe(false);
    expect(verification.intact).toBe(false);
  });

  it('says not-trusted when the signer does not chain to the given root or match the fingerprint', async () => {
    const otherRoot = pem(p256Org.material.root!.certificate);
    const byRoot = await verifyCms(rsaSelf.cms, sha256(content), { rootsPem: [otherRoot] });
    expect(byRoot.trust).toBe('not-trusted');
    expect(byRoot.intact).toBe(true);
    expect(byRoot.problems.join(' ')).toMatch(/not who you expected/);
    const byFingerprint = await verifyCms(rsaSelf.cms, sha256(content), {
      fingerprint: certificateFingerprint(p256Self.identity.certificate.der),
    });
    expect(byFingerprint.trust).toBe('not-trusted');
  });

  it('needs every anchor given to hold: the right root does not excuse a wrong fingerprint, nor the reverse', async () => {
    const root = pem(p256Org.material.root!.certificate);
    const rightPin = certificateFingerprint(p256Org.identity.certificate.der);
    const both = await verifyCms(p256Org.cms, sha256(content), { rootsPem: [root], fingerprint: rightPin });
    expect(both.trust).toBe('trusted-root');
    expect(both.trustDecision?.checks.map((c) => [c.basis, c.held])).toEqual([
      ['trusted-root', true],
      ['pinned-fingerprint', true],
    ]);
    const zeroPin = await verifyCms(p256Org.cms, sha256(content), { rootsPem: [root], fingerprint: '0'.repeat(64) });
    expect(zeroPin.trust).toBe('not-trusted');
    expect(zeroPin.trustDecision?.checks.map((c) => [c.basis, c.held])).toEqual([
      ['trusted-root', true],
      ['pinned-fingerprint', false],
    ]);
    expect(zeroPin.problems.join(' ')).toContain('Every trusted root and fingerprint given must match');
    const wrongRoot = await verifyCms(p256Org.cms, sha256(content), {
      rootsPem: [pem(rsaSelf.identity.certificate.parsed)],
      fingerprint: rightPin,
    });
    expect(wrongRoot.trust).toBe('not-trusted');
  });

  it('trusts the signer as one of the own identities only when nothing else is given, and never over a failed anchor', async () => {
    const own = [{ label: 'mine', certificateDer: new Uint8Array(p256Self.identity.certificate.der) }];
    const mine = await verifyCms(p256Self.cms, sha256(content), { own });
    expect(mine.trust).toBe('own-identity');
    expect(mine.trustDecision).toMatchObject({ status: 'trusted', trustedBy: ['own-identity'], ownIdentity: 'mine' });
    const someoneElse = await verifyCms(rsaSelf.cms, sha256(content), { own });
    expect(someoneElse.trust).toBe('untrusted');
    expect(someoneElse.trustDecision?.status).toBe('unknown');
    const mineButWrongPin = await verifyCms(p256Self.cms, sha256(content), { own, fingerprint: '0'.repeat(64) });
    expect(mineButWrongPin.trust).toBe('not-trusted');
  });

  it('accepts the organisation root fingerprint as a pin, but not a root certificate merely included by an impostor', async () => {
    const rootDer = new Uint8Array(p256Org.material.root!.certificate.rawData);
    const rootFingerprint = certificateFingerprint(rootDer);
    const genuine = await verifyCms(p256Org.cms, sha256(content), { fingerprint: rootFingerprint });
    expect(genuine.trust).toBe('pinned-fingerprint');

    const impostor: UnlockedIdentity = { ...p256Self.identity, chain: [rootDer] };
    const impostorCms = await signDigest(sha256(content), impostor, new Date());
    const forged = await verifyCms(impostorCms, sha256(content), {
      fingerprint: rootFingerprint,
      rootsPem: [pem(p256Org.material.root!.certificate)],
    });
    expect(forged.trust).toBe('not-trusted');
    expect(forged.intact).toBe(true);
  });

  it('signs exactly content-type, message-digest and signing-certificate-v2 (no signing-time, as PAdES requires), detached', () => {
    const contentInfo = pkijs.ContentInfo.fromBER(p256Org.cms.slice().buffer);
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    expect(signedData.encapContentInfo.eContentType).toBe(OID.data);
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    const types = signedData.signerInfos[0]!.signedAttrs!.attributes.map((a) => a.type).sort();
    expect(types).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(temp.dir, 'p256-org.der')]);
    expect(printed.stdout).toContain('id-smime-aa-signingCertificateV2');
    expect(printed.stdout).not.toContain('signingTime');
  });

  it('takes Node Buffers (views into a shared pool) as well as plain Uint8Arrays', async () => {
    const sigPath = join(temp.dir, 'buffer-case.der');
    writeFileSync(sigPath, p256Org.cms);
    const fromDisk = readFileSync(sigPath);
    const digest = createHash('sha256').update(content).digest();
    expect((await verifyCms(fromDisk, digest)).intact).toBe(true);
    const fresh = await signDigest(digest, p256Self.identity, new Date());
    expect((await verifyCms(fresh, digest)).intact).toBe(true);
  });

  it('accepts zero padding after the DER, as PDF /Contents carries it', async () => {
    const padded = new Uint8Array(p256Org.cms.length + 4096);
    padded.set(p256Org.cms);
    const verification = await verifyCms(padded, sha256(content));
    expect(verification.intact).toBe(true);
  });

  it('reports certificates outside their validity period at the given time', async () => {
    const later = new Date(Date.now() + 3 * 365 * 86_400_000);
    const verification = await verifyCms(p256Org.cms, sha256(content), { at: later, rootsPem: [pem(p256Org.material.root!.certificate)] });
    expect(verification.certificatesTimeValid).toBe(false);
    expect(verification.problems.join(' ')).toMatch(/signer's certificate was not valid on/);
  });

  it('never throws on malformed CMS bytes', async () => {
    const digest = sha256(content);
    for (const bytes of [
      new Uint8Array(0),
      new Uint8Array([0x30, 0x82, 0xff]),
      new Uint8Array(300).fill(0x41),
      p256Org.cms.subarray(0, 200),
    ]) {
      const verification = await verifyCms(bytes, digest);
      expect(verification.parsed).toBe(false);
      expect(verification.intact).toBe(false);
      expect(verification.problems.length).toBeGreaterThan(0);
    }
    const notSigned = new Uint8Array(new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.data })] }).toBER(false));
    expect((await verifyCms(notSigned, digest)).parsed).toBe(false);
  });

  it('refuses to sign outside the certificate validity period', async () => {
    const later = new Date(Date.now() + 3 * 365 * 86_400_000);
    await expect(signDigest(sha256(content), p256Self.identity, later)).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('rejects an unreadable trusted root with a plain message', async () => {
    await expect(verifyCms(p256Org.cms, sha256(content), { rootsPem: ['not a certificate'] })).rejects.toMatchObject({
      kind: 'invalid-input',
      message: 'The trusted root certificate could not be read.',
    });
  });
});
