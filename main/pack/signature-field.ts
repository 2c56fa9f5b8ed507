import { dict, name, pdfDate, ref, serialize, textString } from './pdf/objects';

/**
 * Room for the DER CMS: 16 KiB holds a signer certificate, a chain of a few certificates and
 * a timestamp token later; the hex string in the file is twice that.
 */
export const SIGNATURE_CAPACITY_BYTES = 16 * 1024;
export const SIGNATURE_HEX_LENGTH = SIGNATURE_CAPACITY_BYTES * 2;

/** Ten digits per /ByteRange number: files up to ~10 GB, the same ceiling as the xref table. */
const BYTE_RANGE_WIDTH = 10;
export const BYTE_RANGE_PLACEHOLDER = `[0 ${'0'.repeat(BYTE_RANGE_WIDTH)} ${'0'.repeat(BYTE_RANGE_WIDTH)} ${'0'.repeat(BYTE_RANGE_WIDTH)}]`;

export function byteRangeText(a: number, b: number, c: number): string {
  const pad = (n: number) => {
    const s = String(n);
    if (s.length > BYTE_RANGE_WIDTH) throw new Error('The pack is too large for its signature byte range (10 GB).');
    return s.padStart(BYTE_RANGE_WIDTH, '0');
  };
  return `[0 ${pad(a)} ${pad(b)} ${pad(c)}]`;
}

/**
 * The DocMDP permission the SRO's certification grants (ISO 32000-1 §12.8.2.2, table 254):
 * 1 = no changes of any kind, not even another signature or a timestamp. The pack is a final
 * record of one assessment: a countersignature or a later document timestamp would be an
 * incremental update, which P=1 forbids, and that is intended (see docs/pack.md).
 */
export const DOCMDP_PERMISSION = 1;

/** What each DocMDP level allows, for people. */
export function docMdpPermissionText(p: number): string {
  switch (p) {
    case 1:
      return 'no changes of any kind are allowed';
    case 2:
      return 'only form filling and further signatures are allowed';
    case 3:
      return 'only form filling, further signatures and annotations are allowed';
    default:
      return 'the permission level is not one the PDF standard defines';
  }
}

/** The signature reference that makes a signature a DocMDP certification signature. */
export function docMdpReference(permission: number) {
  return dict({
    Type: name('SigRef'),
    TransformMethod: name('DocMDP'),
    TransformParams: dict({ Type: name('TransformParams'), P: permission, V: name('1.2') }),
  });
}

/**
 * The start of the signature dictionary, up to and including `/Contents `: everything the
 * first signed byte range ends with. /ByteRange comes after /Contents, so it falls in the
 * second range and can be filled in once the file's length is known, without a second pass.
 * The /Reference makes it a certification (DocMDP) signature; the catalog's /Perms points here.
 */
export function signatureDictHead(signerName: string, signingTime: Date, reason: string): string {
  const fields = dict({
    Type: name('Sig'),
    Filter: name('Adobe.PPKLite'),
    SubFilter: name('ETSI.CAdES.detached'),
    Name: textString(signerName),
    Reason: textString(reason),
    M: pdfDate(signingTime),
    Reference: [docMdpReference(DOCMDP_PERMISSION)],
  });
  const text = serialize(fields);
  return `${text.slice(0, -2)} /Contents `;
}

/** The bytes between the ranges: a zero-filled hex string to be overwritten by the CMS. */
export function signatureGap(): string {
  return `<${'0'.repeat(SIGNATURE_HEX_LENGTH)}>`;
}

export function signatureDictTail(byteRange: string): string {
  return ` /ByteRange ${byteRange}>>\nendobj\n`;
}

/**
 * The widget of an invisible signature field: print + locked flags (132), empty appearance,
 * a description for assistive technology (/TU), and its place in the structure tree.
 */
export function signatureWidget(sigNum: number, pageNum: number, appearanceNum: number, description: string, structParent: number) {
  return dict({
    Type: name('Annot'),
    Subtype: name('Widget'),
    FT: name('Sig'),
    T: textString('SRO signature'),
    TU: textString(description),
    StructParent: structParent,
    V: ref(sigNum),
    F: 132,
    Rect: [0, 0, 0, 0],
    P: ref(pageNum),
    AP: dict({ N: ref(appearanceNum) }),
  });
}

export function emptyAppearance() {
  return dict({ Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 0, 0], Resources: dict({}) });
}
