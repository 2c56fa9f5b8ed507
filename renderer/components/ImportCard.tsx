import type { ReactNode } from 'react';

/**
 * A card that brings one kind of file in: its heading with the button that chooses the file,
 * then the card's own bodies (what was found, the preview, the result).
 */
export function ImportCard({
  id,
  title,
  chooseLabel,
  primary = false,
  disabled,
  onChoose,
  children,
}: {
  /** Names the heading `${id}-heading`, which labels the card. */
  readonly id: string;
  readonly title: string;
  readonly chooseLabel: string;
  /** Whether choosing is the main thing on the screen. */
  readonly primary?: boolean;
  readonly disabled: boolean;
  readonly onChoose: () => void;
  readonly children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <div className="card-header">
        <h2 id={`${id}-heading`}>{title}</h2>
        <button type="button" className={primary ? 'button primary' : 'button'} disabled={disabled} onClick={onChoose}>
          {chooseLabel}
        </button>
      </div>
      {children}
    </section>
  );
}
