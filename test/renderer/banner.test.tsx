// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Banner, type BannerTone } from '../../renderer/components/Banner';

const RENDERER = join(import.meta.dirname, '../../renderer');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

describe('the banner', () => {
  afterEach(() => cleanup());

  it('is a note, read in order, unless it is told it is news', () => {
    render(<Banner tone="warning" title="This pack was imported before." />);
    const note = screen.getByRole('note');
    expect(note.textContent).toBe('This pack was imported before.');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces an outcome politely and a failure assertively', () => {
    render(
      <>
        <Banner tone="success" live="polite" title="Saved." />
        <Banner tone="error" live="assertive" title="Not saved." />
      </>,
    );
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    expect(screen.getByRole('alert').textContent).toBe('Not saved.');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('takes its colours from the tone, with no tone class for a plain notice', () => {
    const tones: BannerTone[] = ['neutral', 'info', 'success', 'warning', 'error'];
    const { container } = render(
      <>
        {tones.map((tone) => (
          <Banner key={tone} tone={tone} title={tone} />
        ))}
      </>,
    );
    expect([...container.querySelectorAll('.banner')].map((b) => b.className)).toEqual([
      'banner',
      'banner info',
      'banner success',
      'banner warning',
      'banner error',
    ]);
  });

  it('puts the title in bold, the body beneath it as given, and the actions beside them', () => {
    const { container } = render(
      <Banner tone="info" title="A title" actions={<button type="button">Open it</button>}>
        <span>First line.</span>
        <ul>
          <li>An item</li>
        </ul>
      </Banner>,
    );
    const banner = container.firstElementChild!;
    const [body, action] = [...banner.children];
    expect(body!.className).toBe('banner-body');
    expect([...body!.children].map((c) => c.outerHTML)).toEqual([
      '<span class="banner-title">A title</span>',
      '<span>First line.</span>',
      '<ul><li>An item</li></ul>',
    ]);
    expect(action!.outerHTML).toBe('<button type="button">Open it</button>');
  });

  it('leaves out the title when there is none, so a one-line notice is not bold', () => {
    const { container } = render(<Banner tone="info">Placed on claim 4.3.2.</Banner>);
    expect(container.querySelector('.banner-title')).toBeNull();
    expect(container.querySelector('.banner-body')!.textContent).toBe('Placed on claim 4.3.2.');
  });

  it('is the only markup for a banner in the renderer', () => {
    const own = join(RENDERER, 'components/Banner.tsx');
    const handMade = sources(RENDERER)
      .filter((path) => path !== own && /className=\{?["'`]banner[\s"'`-]/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(RENDERER, path));
    expect(handMade).toEqual([]);
  });
});
