// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AboutSection } from '../../renderer/screens/settings/AboutSection';
import { useSession } from '../../renderer/stores/session';

describe('the About section', () => {
  afterEach(cleanup);

  it('names the catalog and the document versions it follows', () => {
    useSession.setState({
      appInfo: { productName: 'SSCP Evidence Pack', version: '1.0.0', catalogVersion: 'uk-sscp 2025.2', licences: [] },
    });
    render(<AboutSection />);
    expect(screen.getByText('uk-sscp 2025.2')).toBeTruthy();
    expect(screen.getByText('The catalog follows').nextElementSibling?.textContent).toBe(
      'Code of Practice May 2025; Implementation guidance v1.0; Assurance Principles and Claims (APC) v1.0; self-assessment form v0.4',
    );
  });
});
