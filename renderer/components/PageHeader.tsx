import type { ReactNode } from 'react';

export function PageHeader(props: { readonly title: string; readonly subtitle?: ReactNode; readonly actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1 id="page-title" tabIndex={-1}>
          {props.title}
        </h1>
        {props.subtitle ? <p className="subtitle">{props.subtitle}</p> : null}
      </div>
      {props.actions ? <div className="button-row">{props.actions}</div> : null}
    </header>
  );
}
