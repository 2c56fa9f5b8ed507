import { useLayoutEffect, useRef } from 'react';
import { percent } from '../format/numbers';
import './ProgressBar.css';

/** A labelled progress bar; the fill width is set through the DOM, which the CSP allows. */
export function ProgressBar(props: {
  readonly done: number;
  readonly total: number;
  readonly label: string;
  readonly tone?: 'accent' | 'met';
}) {
  const fill = useRef<HTMLDivElement>(null);
  const value = percent(props.done, props.total);
  useLayoutEffect(() => {
    fill.current?.style.setProperty('width', `${value}%`);
  }, [value]);
  return (
    <div
      className={`progress ${props.tone === 'met' ? 'met' : ''}`}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
    >
      <div className="progress-fill" ref={fill} />
    </div>
  );
}
