import type { ReactNode } from 'react';
import { useAssessment } from '../stores/assessment';
import { useNavigation, type Route } from '../stores/navigation';
import { fileName, useSession } from '../stores/session';
import { Icon, type IconName } from './Icon';

function NavItem(props: { readonly icon: IconName; readonly label: string; readonly route: Route; readonly disabled?: boolean }) {
  const current = useNavigation((s) => s.route);
  const go = useNavigation((s) => s.go);
  const active = current.name === props.route.name;
  return (
    <button
      type="button"
      className="nav-item"
      aria-current={active ? 'page' : undefined}
      disabled={props.disabled}
      onClick={() => go(props.route)}
    >
      <Icon name={props.icon} />
      {props.label}
    </button>
  );
}

function NavGroup(props: { readonly heading: string; readonly children: ReactNode }) {
  const id = `nav-${props.heading.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="nav-group" role="group" aria-labelledby={id}>
      <div className="nav-heading" id={id}>
        {props.heading}
      </div>
      {props.children}
    </div>
  );
}

/** The way around the app: always the same places, in the order of the SRO's journey. */
export function Sidebar() {
  const dbPath = useSession((s) => s.dbPath);
  const assessmentId = useNavigation((s) => s.currentAssessmentId);
  const organisation = useAssessment((s) => (s.detail?.assessment.id === assessmentId ? s.detail?.assessment.organisation : undefined));
  const noDb = dbPath === null;
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <path d="M16 2 4 7v8c0 7.5 5 12.8 12 15 7-2.2 12-7.5 12-15V7z" fill="#3d8bc4" />
          <path d="m10.5 16.5 4 4 7.5-8.5" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <div>
          <div className="brand-name">SSCP Evidence Pack</div>
          <div className="brand-sub">Software Security Code of Practice</div>
        </div>
      </div>
      <NavGroup heading="Assessments">
        <NavItem icon="home" label="All assessments" route={{ name: 'start' }} />
        <NavItem icon="plus" label="New assessment" route={{ name: 'new-assessment' }} disabled={noDb} />
      </NavGroup>
      {assessmentId ? (
        <NavGroup heading={organisation ?? 'This assessment'}>
          <NavItem icon="list" label="Claims" route={{ name: 'workspace', assessmentId, claimId: null }} />
          <NavItem icon="chart" label="Dashboard" route={{ name: 'dashboard', assessmentId }} />
          <NavItem icon="import" label="Contributions" route={{ name: 'contributions', assessmentId }} />
          <NavItem icon="pen" label="Sign and export" route={{ name: 'sign', assessmentId }} />
        </NavGroup>
      ) : null}
      <NavGroup heading="This file">
        <NavItem icon="folder" label="Evidence library" route={{ name: 'library' }} disabled={noDb} />
        <NavItem icon="import" label="Import" route={{ name: 'import' }} disabled={noDb} />
        <NavItem icon="pen" label="Contribute" route={{ name: 'contribute' }} disabled={noDb} />
        <NavItem icon="compare" label="Compare" route={{ name: 'compare' }} disabled={noDb} />
        <NavItem icon="settings" label="Settings" route={{ name: 'settings' }} />
      </NavGroup>
      <div className="sidebar-footer">{dbPath ? <span title={dbPath}>File: {fileName(dbPath)}</span> : 'No file of assessments open'}</div>
    </nav>
  );
}
