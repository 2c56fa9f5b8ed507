import { describe, expect, it } from 'vitest';
import { cleanAssessmentText, firstPackTextFault } from '../../../shared/domain/assessment-text';
import { checkText, cleanText, escapeUnsafe, findUnsafe, TEXT_FIELDS, textProblem } from '../../../shared/domain/text-rules';
import { isSscpError } from '../../../shared/errors';
import { detail as makeDetail } from './fixtures';

describe('the text rules', () => {
  it('names the field, the character and its position, counting characters as a person does', () => {
    expect(textProblem('😀😀\x1b', TEXT_FIELDS.organisation)?.message).toBe(
      'The organisation name holds a control character (U+001B) at position 3.',
    );
    expect(textProblem('a\u202eb', TEXT_FIELDS.evidenceName)?.message).toMatch(
      /^The evidence name holds a bidirectional control character \(U\+202E\)/,
    );
    expect(textProblem('a\u200bb', TEXT_FIELDS.sroName)?.message).toBe(
      'The SRO name holds an invisible formatting character (U+200B) at position 2.',
    );
    expect(textProblem('a\u2028b', TEXT_FIELDS.sroRole)?.hint).toBe('Type the SRO role on one line.');
    expect(textProblem('😀'.repeat(200), TEXT_FIELDS.organisation)).toBeNull();
    expect(textProblem('😀'.repeat(201), TEXT_FIELDS.organisation)?.message).toBe(
      'The organisation name is 201 characters long; the most allowed is 200.',
    );
  });

  it('lets free text hold line breaks and tabs, and names in every script hold joiners', () => {
    expect(findUnsafe('one\r\ntwo\tthree', 'text')).toBeNull();
    expect(findUnsafe('one\ntwo', 'line')).toEqual({ char: '\n', position: 4 });
    for (const name of ['می‌خواهم', 'क्‍ष', '👩‍💻 Team', 'Zoë & Søn Łódź 株式会社', 'שלום', 'مرحبا'])
      expect(findUnsafe(name, 'line')).toBeNull();
    expect(() => checkText('x\x7f', TEXT_FIELDS.actionOwner)).toThrow(expect.objectContaining({ kind: 'invalid-input' }) as Error);
    try {
      checkText('\ud800', TEXT_FIELDS.product);
    } catch (e) {
      expect(isSscpError(e) && e.message).toBe('The product name holds a broken character (U+D800) at position 1.');
    }
  });

  it('escapes visibly and cleans for importers', () => {
    expect(escapeUnsafe('a\x1b[1m\u202e\n\t\r\u{e0041}', false)).toBe('a\\u{1b}[1m\\u{202e}\\n\\t\\r\\u{e0041}');
    expect(escapeUnsafe('a\n\tb\x9b', true)).toBe('a\n\tb\\u{9b}');
    expect(cleanText(' Acme\u202e\nLtd\x1b ', 'line')).toEqual({ text: 'Acme Ltd', removed: ['\u202e', '\n', '\x1b'] });
    expect(cleanText('keep\nlines\u200b', 'text')).toEqual({ text: 'keep\nlines', removed: ['\u200b'] });
  });

  it('the exporter and the importers judge the same fields: what one refuses the other cleans or refuses', () => {
    const detail = makeDetail();
    expect(firstPackTextFault(detail)).toBeNull();
    const hostile = { ...detail, assessment: { ...detail.assessment, sroRole: 'CTO\x1b[8m' } };
    expect(firstPackTextFault(hostile)?.message).toBe('The SRO role holds a control character (U+001B) at position 4.');
    const cleaned = cleanAssessmentText(hostile);
    expect(cleaned.detail.assessment.sroRole).toBe('CTO[8m');
    expect(cleaned.notes).toEqual([
      'The SRO role held a character that can disguise text or control a terminal (U+001B); it was taken out.',
    ]);
    expect(firstPackTextFault(cleaned.detail)).toBeNull();
    const long = { ...detail, assessment: { ...detail.assessment, organisation: 'A'.repeat(1600) } };
    expect(firstPackTextFault(long)?.message).toBe('The organisation name is 1,600 characters long; the most allowed is 200.');
    expect(cleanAssessmentText(long).tooLong).toEqual({ where: 'the organisation name', length: 1600, max: 200 });
  });
});
