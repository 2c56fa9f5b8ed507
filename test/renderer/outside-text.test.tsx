// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OutsideText } from '../../renderer/components/OutsideText';

describe('outside text on screen', () => {
  afterEach(() => cleanup());

  it('isolates it with <bdi> and shows a right-to-left override, ESC and a line break as visible escapes', () => {
    const { container } = render(<OutsideText text={'invoice\u202efdp.exe\x1b[2J\nVALID'} />);
    const bdi = container.querySelector('bdi')!;
    expect(bdi.textContent).toBe('invoice\\u{202e}fdp.exe\\u{1b}[2J\\nVALID');
    expect(bdi.className).toBe('outside-text-escaped');
    // eslint-disable-next-line no-control-regex
    expect(container.textContent).not.toMatch(/[\u202e\x1b\n]/);
  });

  it('leaves ordinary text, including Arabic, Hebrew and emoji joiners, as it is, isolated', () => {
    const { container } = render(<OutsideText text="شركة Acme ‏ok‍" />);
    expect(container.querySelector('bdi')!.className).toBe('outside-text-escaped');
    const plain = render(<OutsideText text="شركة Acme 👩‍💻 בע״מ" />).container;
    expect(plain.querySelector('bdi')!.textContent).toBe('شركة Acme 👩‍💻 בע״מ');
    expect(plain.querySelector('bdi')!.className).toBe('');
  });
});
