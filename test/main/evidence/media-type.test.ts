import { describe, expect, it } from 'vitest';
import { mediaTypeFor } from '../../../main/evidence/index';

describe('mediaTypeFor', () => {
  it.each([
    ['Policy.PDF', 'application/pdf'],
    ['plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['risks.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['deck.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['shot.png', 'image/png'],
    ['photo.JPG', 'image/jpeg'],
    ['notes.txt', 'text/plain'],
    ['README.md', 'text/markdown'],
    ['assets.csv', 'text/csv'],
    ['data.json', 'application/json'],
    ['app.cdx.json', 'application/vnd.cyclonedx+json'],
    ['feed.xml', 'application/xml'],
    ['page.html', 'text/html'],
    ['logs.zip', 'application/zip'],
    ['logs.tar.gz', 'application/gzip'],
    ['binary', 'application/octet-stream'],
    ['weird.xyz', 'application/octet-stream'],
    ['.pdf', 'application/octet-stream'],
  ])('%s → %s', (name, type) => {
    expect(mediaTypeFor(name)).toBe(type);
  });
});
