import { describe, expect, it } from 'vitest';
import { formatRecord, RECORD_MARKER, splitRecord } from '../../../main/form/result-block';

describe('the assessment record block in the Arguments cell', () => {
  it('formats and reads back a result, actions and files', () => {
    const record = {
      result: 'partially-met' as const,
      actions: [
        { description: 'Fix (soon), then check', owner: 'A (B), C', dueDate: '2026-01-31', state: 'open' as const },
        { description: 'Done thing', owner: '', dueDate: null, state: 'done' as const },
      ],
      evidenceFiles: [{ fileName: 'a (1).pdf', sha256: 'b'.repeat(64) }],
    };
    const paragraphs = formatRecord(record);
    expect(paragraphs).toEqual([
      RECORD_MARKER,
      'Result: Partially met',
      'Remedial action: Fix (soon), then check (owner: A (B), C, due: 31/01/2026, open)',
      'Remedial action: Done thing (owner: not set, due: not set, done)',
      `Evidence file: a (1).pdf (SHA-256 ${'b'.repeat(64)})`,
    ]);
    expect(splitRecord(['My text', '', ...paragraphs])).toEqual({ body: ['My text', ''], record, problems: [] });
  });

  it('leaves a hand-typed "Result:" line without the marker as the person\'s text', () => {
    expect(splitRecord(['Result: Met', 'because'])).toEqual({ body: ['Result: Met', 'because'], record: null, problems: [] });
  });

  it('keeps the whole cell as text and reports why when the block was edited into something unreadable', () => {
    const split = splitRecord([
      'Mine',
      RECORD_MARKER,
      'Result: Mostly fine',
      'Remedial action: x (owner: y, due: 31/02/2026, open)',
      'a note added in Word',
    ]);
    expect(split.record).toBeNull();
    expect(split.body).toEqual([
      'Mine',
      RECORD_MARKER,
      'Result: Mostly fine',
      'Remedial action: x (owner: y, due: 31/02/2026, open)',
      'a note added in Word',
    ]);
    expect(split.problems).toEqual([
      'unknown result "Mostly fine"',
      '"31/02/2026" is not a real date',
      'unrecognised line "a note added in Word"',
    ]);
  });

  it('reports a block with no result line', () => {
    expect(splitRecord([RECORD_MARKER]).problems).toEqual(['no "Result:" line']);
  });
});
