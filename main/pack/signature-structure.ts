import type { PdfFileReader } from './pdf/file-reader';
import { asArray, asDict, asNumber, asRef, dict, name, PdfDict, ref, textString, type PdfRef, type PdfValue } from './pdf/objects';

/** The parts of pdfkit's structure tree the signature field is hung into. */
export interface BaseStructure {
  readonly rootRef: PdfRef;
  readonly root: PdfDict;
  readonly documentRef: PdfRef;
  readonly document: PdfDict;
  /** The parent tree's /Nums, flat: key, value, key, value… */
  readonly parentNums: readonly PdfValue[];
  readonly nextKey: number;
}

/** Reads the tagged report's structure tree root and its one Document element. */
export async function readBaseStructure(reader: PdfFileReader, catalog: PdfDict): Promise<BaseStructure> {
  const rootRef = asRef(catalog.get('StructTreeRoot'));
  if (!rootRef) throw new Error('pdfkit wrote no structure tree (the report must be tagged)');
  const root = asDict((await reader.readObject(rootRef)).value)!;
  const documentRef = asRef(asArray(root.get('K'))?.[0] ?? root.get('K'));
  if (!documentRef) throw new Error('the structure tree has no Document element');
  const document = asDict((await reader.readObject(documentRef)).value)!;
  const parentTree = asDict(await reader.resolve(root.get('ParentTree')));
  if (!parentTree || parentTree.has('Kids')) throw new Error('the structure parent tree is not one flat /Nums array');
  const nextKey = asNumber(root.get('ParentTreeNextKey'));
  if (nextKey === null) throw new Error('the structure tree has no /ParentTreeNextKey');
  return { rootRef, root, documentRef, document, parentNums: asArray(parentTree.get('Nums')) ?? [], nextKey };
}

/** What readers and assistive technology say for the invisible signature field. */
export function signatureFieldDescription(signerName: string): string {
  return `Digital signature of the Senior Responsible Owner, ${signerName}, certifying this document (not visible on the page)`;
}

/**
 * The signature widget as part of the document's logical structure, as PDF/UA asks of every
 * annotation that is not hidden: a Form element, last in the Document, holding an object
 * reference (/OBJR) to the widget; the widget's /StructParent leads back to it through the
 * parent tree. Returns the objects to write (the new Form element, the Document element and
 * the structure tree root rewritten) and the widget's /StructParent key.
 */
export function signatureStructure(
  base: BaseStructure,
  formNum: number,
  widgetNum: number,
  pageRef: PdfRef,
  signerName: string,
): { objects: [number, PdfDict][]; structParent: number } {
  const key = base.nextKey;
  const form = dict({
    Type: name('StructElem'),
    S: name('Form'),
    P: base.documentRef,
    Pg: pageRef,
    Alt: textString(signatureFieldDescription(signerName)),
    K: dict({ Type: name('OBJR'), Obj: ref(widgetNum), Pg: pageRef }),
  });
  const kids = base.document.get('K');
  const documentKids: PdfValue[] = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
  const document = new PdfDict(base.document.entries).set('K', [...documentKids, ref(formNum)]);
  const first = asNumber(base.parentNums[0]) ?? key;
  const tree = dict({ Limits: [first, key], Nums: [...base.parentNums, key, ref(formNum)] });
  const root = new PdfDict(base.root.entries).set('ParentTree', tree).set('ParentTreeNextKey', key + 1);
  return {
    objects: [
      [formNum, form],
      [base.documentRef.num, document],
      [base.rootRef.num, root],
    ],
    structParent: key,
  };
}
