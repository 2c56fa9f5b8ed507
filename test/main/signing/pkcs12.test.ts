import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateFingerprint } from '../../../main/signing/fingerprint';
import { MAX_P12_BYTES, readPkcs12 } from '../../../main/signing/pkcs12';
import { rc2DecryptBlock } from '../../../main/signing/rc2';
import { makeTempDir, openssl } from './helpers';

const P12_PASSWORD = 'pässwörd 123';

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

function mustRun(args: string[]): void {
  const result = openssl(args);
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
}

describe('reading .p12 files written by the openssl CLI', () => {
  const temp = makeTempDir('p12');
  const path = (name: string) => join(temp.dir, name);

  beforeAll(() => {
    // An organisation CA and, under it, one RSA and one EC signer.
    mustRun([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      path('ca.key'),
      '-out',
      path('ca.pem'),
      '-subj',
      '/O=Acme/CN=Acme root',
      '-days',
      '30',
      '-addext',
      'basicConstraints=critical,CA:TRUE,pathlen:0',
      '-addext',
      'keyUsage=critical,keyCertSign',
    ]);
    for (const [name, keyArgs] of [
      ['rsa', ['-newkey', 'rsa:2048']],
      ['ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']],
    ] as const) {
      mustRun([
        'req',
        '-new',
        ...keyArgs,
        '-nodes',
        '-keyout',
        path(`${name}.key`),
        '-out',
        path(`${name}.csr`),
        '-subj',
        `/O=Acme/title=CISO/CN=Signer ${name}`,
      ]);
      mustRun([
        'x509',
        '-req',
        '-in',
        path(`${name}.csr`),
        '-CA',
        path('ca.pem'),
        '-CAkey',
        path('ca.key'),
        '-CAcreateserial',
        '-out',
        path(`${name}.pem`),
        '-days',
        '20',
      ]);
      mustRun([
        'pkcs12',
        '-export',
        '-in',
        path(`${name}.pem`),
        '-inkey',
        path(`${name}.key`),
        '-certfile',
        path('ca.pem'),
        '-out',
        path(`${name}-modern.p12`),
        '-passout',
        `pass:${P12_PASSWORD}`,
      ]);
      mustRun([
        'pkcs12',
        '-export',
        '-legacy',
        '-in',
        path(`${name}.pem`),
        '-inkey',
        path(`${name}.key`),
        '-certfile',
        path('ca.pem'),
        '-out',
        path(`${name}-legacy.p12`),
        '-passout',
        `pass:${P12_PASSWORD}`,
      ]);
    }
    mustRun(['pkcs12', '-export', '-nokeys', '-in', path('ec.pem'), '-out', path('nokey.p12'), '-passout', `pass:${P12_PASSWORD}`]);
    writeFileSync(path('garbage.p12'), Buffer.from('this is not a PKCS#12 file at all'));
  });
  afterAll(() => temp.cleanup());

  for (const name of ['rsa', 'ec']) {
    for (const flavour of ['modern', 'legacy']) {
      it(`reads the ${name.toUpperCase()} key, its certificate and the chain from a ${flavour} file`, async () => {
        const info = openssl([
          'pkcs12',
          '-info',
          '-noout',
          '-in',
          path(`${name}-${flavour}.p12`),
          '-passin',
          `pass:${P12_PASSWORD}`,
          ...(flavour === 'legacy' ? ['-legacy'] : []),
        ]);
        expect(info.stderr).toContain(flavour === 'modern' ? 'AES-256-CBC' : 'pbeWithSHA1And40BitRC2-CBC');

        const contents = await readPkcs12(path(`${name}-${flavour}.p12`), P12_PASSWORD);
        expect(certificateFingerprint(contents.certificateDer)).toBe(
          certificateFingerprint(pemToDer(readFileSync(path(`${name}.pem`), 'utf8'))),
        );
        expect(contents.chainDer.map((der) => certificateFingerprint(der))).toEqual([
          certificateFingerprint(pemToDer(readFileSync(path('ca.pem'), 'utf8'))),
        ]);
        const expectedKey = pemToDer(openssl(['pkcs8', '-topk8', '-nocrypt', '-in', path(`${name}.key`)]).stdout);
        expect(Buffer.from(contents.privateKeyPkcs8)).toEqual(expectedKey);
      });
    }
  }

  it('says the .p12 password is wrong, for modern and legacy files alike', async () => {
    for (const file of ['ec-modern.p12', 'rsa-legacy.p12']) {
      await expect(readPkcs12(readFileSync(path(file)), 'not the password')).rejects.toMatchObject({
        kind: 'wrong-passphrase',
        message: 'The password for this .p12 file is not right.',
      });
    }
  });

  it('refuses files without a key, and files that are not PKCS#12, in plain words', async () => {
    await expect(readPkcs12(path('nokey.p12'), P12_PASSWORD)).rejects.toMatchObject({
      kind: 'invalid-input',
      message: 'This .p12 file holds no private key, so it cannot sign.',
    });
    await expect(readPkcs12(path('garbage.p12'), P12_PASSWORD)).rejects.toMatchObject({ kind: 'unreadable' });
    await expect(readPkcs12(path('missing.p12'), P12_PASSWORD)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('refuses a file far too large to be a .p12 before reading it, and says so in plain words', async () => {
    writeFileSync(path('huge.p12'), Buffer.alloc(MAX_P12_BYTES + 1));
    const refused = {
      kind: 'invalid-input',
      message: expect.stringContaining('far too large to be a .p12/.pfx certificate file') as unknown,
    };
    await expect(readPkcs12(path('huge.p12'), P12_PASSWORD)).rejects.toMatchObject(refused);
    await expect(readPkcs12(new Uint8Array(MAX_P12_BYTES + 1), P12_PASSWORD)).rejects.toMatchObject(refused);
    await expect(readPkcs12(temp.dir, P12_PASSWORD)).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('is a folder, not a file') as unknown,
    });
  });
});

describe('RC2 block decryption (RFC 2268 section 5 test vectors)', () => {
  const vectors = [
    { key: '0000000000000000', bits: 63, plain: '0000000000000000', cipher: 'ebb773f993278eff' },
    { key: 'ffffffffffffffff', bits: 64, plain: 'ffffffffffffffff', cipher: '278b27e42e2f0d49' },
    { key: '3000000000000000', bits: 64, plain: '1000000000000001', cipher: '30649edf9be7d2c2' },
    { key: '88', bits: 64, plain: '0000000000000000', cipher: '61a8a244adacccf0' },
    { key: '88bca90e90875a7f0f79c384627bafb2', bits: 128, plain: '0000000000000000', cipher: '2269552ab0f85ca6' },
  ];
  for (const v of vectors) {
    it(`decrypts key ${v.key} at ${v.bits} effective bits`, () => {
      const plain = rc2DecryptBlock(Buffer.from(v.key, 'hex'), v.bits, Buffer.from(v.cipher, 'hex'));
      expect(Buffer.from(plain).toString('hex')).toBe(v.plain);
    });
  }
});
