import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PKCS12_KDF_PURPOSE, pkcs12Kdf, pkcs12PasswordBytes } from './pkcs12-kdf';

/**
 * Writes a PKCS#12 (.p12) file as OpenSSL 3 does by default, so its default provider reads it
 * without `-legacy`: keys in PKCS#8 shrouded bags and certificates in an encrypted safe, both
 * under PBES2 (AES-256-CBC, PBKDF2-HMAC-SHA256), and an HMAC-SHA256 integrity MAC with the
 * RFC 7292 key derivation. Each key and its certificate share a localKeyId, so tools pair them.
 */

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

/** PBKDF2-HMAC-SHA256 iterations for the key and certificate encryption, and the MAC's derivation. */
export const P12_DEFAULT_ITERATIONS = 600_000;

export interface Pkcs12Entry {
  /** PKCS#8 DER. */
  readonly privateKeyPkcs8: Uint8Array;
  readonly certificateDer: Uint8Array;
  readonly friendlyName: string;
}

export interface WritePkcs12Options {
  /** The signing key and its certificate first; then, optionally, the organisation root's key and certificate. */
  readonly keys: readonly Pkcs12Entry[];
  /** Certificates with no key in the file (the chain above the signer). */
  readonly otherCertificates: readonly Uint8Array[];
  readonly password: string;
  readonly iterations?: number;
}

const oid = (value: string): asn1js.ObjectIdentifier => new asn1js.ObjectIdentifier({ value });
// A copy: Node Buffers are often views into a larger shared pool.
const ownBuffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;
const octetString = (bytes: Uint8Array): asn1js.OctetString => new asn1js.OctetString({ valueHex: ownBuffer(bytes) });
const explicit0 = (value: asn1js.AsnType): asn1js.Constructed =>
  new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [value] });
const der = (value: asn1js.AsnType): Uint8Array => new Uint8Array(value.toBER(false));

function attributes(friendlyName: string | null, localKeyId: Uint8Array): asn1js.Set {
  const items = [new asn1js.Sequence({ value: [oid(OID.localKeyId), new asn1js.Set({ value: [octetString(localKeyId)] })] })];
  if (friendlyName !== null)
    items.unshift(
      new asn1js.Sequence({ value: [oid(OID.friendlyName), new asn1js.Set({ value: [new asn1js.BmpString({ value: friendlyName })] })] }),
    );
  return new asn1js.Set({ value: items });
}

/** PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC (RFC 8018): the algorithm identifier and the ciphertext. */
function pbes2Encrypt(plain: Uint8Array, password: string, iterations: number): { algorithm: asn1js.Sequence; ciphertext: Uint8Array } {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  // The password as UTF-8, as OpenSSL hands it to PBKDF2 (and as pkcs12-decrypt.ts reads it).
  const key = pbkdf2Sync(Buffer.from(password.normalize('NFC'), 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const ciphertext = new Uint8Array(Buffer.concat([cipher.update(plain), cipher.final()]));
  const algorithm = new asn1js.Sequence({
    value: [
      oid(OID.pbes2),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              oid(OID.pbkdf2),
              new asn1js.Sequence({
                value: [
                  octetString(salt),
                  new asn1js.Integer({ value: iterations }),
                  new asn1js.Sequence({ value: [oid(OID.hmacWithSha256), new asn1js.Null()] }),
                ],
              }),
            ],
          }),
          new asn1js.Sequence({ value: [oid(OID.aes256Cbc), octetString(iv)] }),
        ],
      }),
    ],
  });
  return { algorithm, ciphertext };
}

function safeBag(bagId: string, value: asn1js.AsnType, attrs: asn1js.Set): asn1js.Sequence {
  return new asn1js.Sequence({ value: [oid(bagId), explicit0(value), attrs] });
}

function dataContentInfo(content: Uint8Array): asn1js.Sequence {
  return new asn1js.Sequence({ value: [oid(OID.data), explicit0(octetString(content))] });
}

function encryptedContentInfo(content: Uint8Array, password: string, iterations: number): asn1js.Sequence {
  const { algorithm, ciphertext } = pbes2Encrypt(content, password, iterations);
  const encryptedData = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Sequence({
        value: [
          oid(OID.data),
          algorithm,
          new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: ownBuffer(ciphertext) }),
        ],
      }),
    ],
  });
  return new asn1js.Sequence({ value: [oid(OID.encryptedData), explicit0(encryptedData)] });
}

/** The .p12 file's bytes. */
export function writePkcs12(options: WritePkcs12Options): Uint8Array {
  const iterations = options.iterations ?? P12_DEFAULT_ITERATIONS;
  const keyBags: asn1js.Sequence[] = [];
  const certBags: asn1js.Sequence[] = [];
  options.keys.forEach((entry, index) => {
    // A localKeyId pairs each key with its certificate; a counter is enough inside one file.
    const localKeyId = new Uint8Array([0x53, 0x53, 0x43, 0x50, index + 1]);
    const { algorithm, ciphertext } = pbes2Encrypt(entry.privateKeyPkcs8, options.password, iterations);
    keyBags.push(
      safeBag(
        OID.shroudedKeyBag,
        new asn1js.Sequence({ value: [algorithm, octetString(ciphertext)] }),
        attributes(entry.friendlyName, localKeyId),
      ),
    );
    certBags.push(
      safeBag(
        OID.certBag,
        new asn1js.Sequence({ value: [oid(OID.x509Certificate), explicit0(octetString(entry.certificateDer))] }),
        attributes(entry.friendlyName, localKeyId),
      ),
    );
  });
  for (const certificate of options.otherCertificates) {
    certBags.push(
      new asn1js.Sequence({
        value: [
          oid(OID.certBag),
          explicit0(new asn1js.Sequence({ value: [oid(OID.x509Certificate), explicit0(octetString(certificate))] })),
        ],
      }),
    );
  }
  const authSafe = der(
    new asn1js.Sequence({
      value: [
        encryptedContentInfo(der(new asn1js.Sequence({ value: certBags })), options.password, iterations),
        dataContentInfo(der(new asn1js.Sequence({ value: keyBags }))),
      ],
    }),
  );
  const macSalt = randomBytes(16);
  const macKey = pkcs12Kdf('sha256', pkcs12PasswordBytes(options.password), macSalt, iterations, PKCS12_KDF_PURPOSE.mac, 32);
  const mac = createHmac('sha256', macKey).update(authSafe).digest();
  const pfx = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 3 }),
      dataContentInfo(authSafe),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [oid(OID.sha256), new asn1js.Null()] }), octetString(mac)] }),
          octetString(macSalt),
          new asn1js.Integer({ value: iterations }),
        ],
      }),
    ],
  });
  return der(pfx);
}
