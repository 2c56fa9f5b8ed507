// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FormPlacementView } from '../../shared/ipc/views-form';
import { FormImportCard } from '../../renderer/screens/import/FormImportCard';
import { useImports } from '../../renderer/stores/imports';
import { installFakeApi } from './fake-api';

const V04_NOTE =
  'This is the self-assessment form v0.4 (43 claims): its claim 4.3.1 (customers are told of incidents promptly) is claim 4.3.2 in APC v1.0 and in catalog 2025.2, and was placed there.';

function placement(overrides: Partial<FormPlacementView> = {}): FormPlacementView {
  return {
    fileName: 'form.docx',
    cover: { organisation: 'Contoso Apps plc', assessorName: null, assessorRole: null, dateCompleted: null },
    rows: [
      {
        claimId: '4.3.2',
        reference: 'Claim 4.3.1',
        method: 'number-and-text',
        similarity: 0.727,
        note: 'Form v0.4 numbers this claim 4.3.1; it is claim 4.3.2 in APC v1.0 and in catalog 2025.2.',
        source: { table: 14, row: 4 },
      },
    ],
    unplaced: [],
    emptyClaims: ['2.1.6', '4.3.1'],
    numbering: 'form-v0.4',
    notes: [V04_NOTE],
    warnings: [],
    ...overrides,
  };
}

describe('the form import card', () => {
  beforeEach(() => {
    installFakeApi();
  });
  afterEach(() => {
    cleanup();
    useImports.setState({ formPlacement: null, formResult: null });
  });

  it('shows the form v0.4 mapping as a note, and the row placed on 4.3.2 says why', () => {
    useImports.setState({ formPlacement: placement() });
    render(<FormImportCard />);
    expect(screen.getByText(V04_NOTE).closest('.banner')?.className).toContain('info');
    const row = screen.getByRole('row', { name: /Claim 4\.3\.1 \(table 14, row 4\)/ });
    expect(row.textContent).toContain('4.3.2');
    expect(row.textContent).toContain('Form v0.4 numbers this claim 4.3.1');
  });
});
