import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { p1363ToDer } from '../../../main/signing/ecdsa-signature';

describe('p1363ToDer', () => {
  it('matches what openssl-backed node:crypto produces and accepts', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 200; i += 1) {
      const data = Buffer.from(`message ${i}`);
      const p1363 = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = p1363ToDer(p1363);
      expect(verify('sha256', data, publicKey, der)).toBe(true);
    }
  });

  it('keeps integers positive and minimal', () => {
    const r = new Uint8Array(32).fill(0xff);
    const s = new Uint8Array(32);
    s[31] = 0x05;
    const der = p1363ToDer(new Uint8Array([...r, ...s]));
    expect(Buffer.from(der).toString('hex')).toBe(`3026022100${'ff'.repeat(32)}020105`);
  });
});
