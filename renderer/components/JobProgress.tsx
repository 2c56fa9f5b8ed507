import { useWork, workText, type Work } from '../stores/work';
import { OutsideText } from './OutsideText';
import { ProgressBar } from './ProgressBar';

/**
 * One piece of long work as the app shows it everywhere: what is happening and to which file
 * (as safe text), the stage it last reported, its bar, and Cancel for a job that stops when
 * asked. The status bar lists every job through it; a card shows its own job through
 * `JobProgressAt`.
 */
export function JobProgress({ work }: { readonly work: Work }) {
  return (
    <span className="job-progress">
      <span data-testid="work-label">
        {work.label}
        {work.name ? (
          <>
            {' '}
            <OutsideText text={work.name} />
          </>
        ) : null}
        {work.stage ? `: ${work.stage}` : null}
      </span>
      <ProgressBar done={work.done} total={work.total} label={workText(work)} />
      {work.cancel ? (
        <button type="button" className="button small" onClick={work.cancel}>
          Cancel<span className="visually-hidden"> {workText(work)}</span>
        </button>
      ) : null}
    </span>
  );
}

/**
 * The job started from `place` (see Work.place), where the person started it: the same
 * label, bar and Cancel as in the status bar, or nothing while no such job runs.
 */
export function JobProgressAt({ place }: { readonly place: string }) {
  const work = useWork((s) => s.items.find((w) => w.place === place));
  if (!work) return null;
  return (
    <div className="job-progress-at" data-testid={`job-progress-${place}`}>
      <JobProgress work={work} />
    </div>
  );
}
