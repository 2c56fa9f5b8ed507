import type { Catalog } from '../../../shared/catalog/index';
import type { AssessmentRollup, ClaimCounts } from '../../../shared/domain/rollup';
import { StatusMark } from '../../components/StatusMark';
import { ROLLUP_LABELS } from '../../format/labels';
import { useNavigation } from '../../stores/navigation';

const SEGMENTS = ['met', 'partially-met', 'not-met', 'not-applicable', 'not-assessed'] as const;

/** One stacked bar per principle: its in-scope claims by result, drawn in SVG (no inline styles). */
function Bar({ counts, label }: { readonly counts: ClaimCounts; readonly label: string }) {
  const total = SEGMENTS.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return <span className="muted chart-none">Out of scope</span>;
  // Each segment starts where the ones before it end.
  const widths = SEGMENTS.map((s) => (counts[s] * 100) / total);
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  const description = SEGMENTS.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${ROLLUP_LABELS[s].toLowerCase()}`)
    .join(', ');
  return (
    <svg className="chart-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={`${label}: ${description}`}>
      {SEGMENTS.map((s, i) => {
        const width = widths[i] ?? 0;
        return width > 0 ? <rect key={s} className={`seg seg-${s}`} x={starts[i]} y={0} width={width} height={10} /> : null;
      })}
    </svg>
  );
}

export function ResultsChart({
  catalog,
  rollup,
  assessmentId,
}: {
  readonly catalog: Catalog;
  readonly rollup: AssessmentRollup;
  readonly assessmentId: string;
}) {
  const go = useNavigation((s) => s.go);
  return (
    <div className="chart">
      <ul className="chart-legend" aria-label="Legend">
        {SEGMENTS.map((s) => (
          <li key={s}>
            <span className={`legend-swatch seg-${s}`} aria-hidden="true" />
            {ROLLUP_LABELS[s]}
          </li>
        ))}
      </ul>
      {catalog.themes.map((theme, ti) => {
        const themeRollup = rollup.themes[ti]!;
        return (
          <div key={theme.id} className="chart-theme">
            <div className="chart-theme-head">
              <h3>
                Theme {theme.id}: {theme.title}
              </h3>
              <StatusMark status={themeRollup.status} />
            </div>
            <table className="chart-table">
              <tbody>
                {theme.principles.map((principle, pi) => {
                  const p = themeRollup.principles[pi]!;
                  return (
                    <tr key={principle.id}>
                      <th scope="row">
                        <button
                          type="button"
                          className="button quiet chart-link"
                          onClick={() => go({ name: 'workspace', assessmentId, claimId: principle.claims[0]?.id ?? null })}
                        >
                          {principle.id} {principle.title}
                        </button>
                      </th>
                      <td className="chart-bar-cell">
                        <Bar counts={p.counts} label={`Principle ${principle.id}`} />
                      </td>
                      <td className="chart-status">
                        <StatusMark status={p.status} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
