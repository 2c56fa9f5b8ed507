import { describeDiffTotals, type AssessmentDiff } from '../../../shared/domain/diff';

export function ThemeSummary({ diff }: { readonly diff: AssessmentDiff }) {
  return (
    <section className="card" aria-labelledby="summary-heading">
      <div className="card-header">
        <h2 id="summary-heading">Summary</h2>
        <span className="muted" data-testid="diff-totals">
          {describeDiffTotals(diff)}
        </span>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Theme</th>
            <th scope="col" className="numeric">
              Claims changed
            </th>
            <th scope="col" className="numeric">
              Results
            </th>
            <th scope="col" className="numeric">
              Wording
            </th>
            <th scope="col" className="numeric">
              Evidence added
            </th>
            <th scope="col" className="numeric">
              Replaced
            </th>
            <th scope="col" className="numeric">
              Removed
            </th>
            <th scope="col" className="numeric">
              Actions closed
            </th>
          </tr>
        </thead>
        <tbody>
          {diff.themes.map((theme) => (
            <tr key={theme.themeId}>
              <th scope="row">
                {theme.themeId}. {theme.title}
              </th>
              <td className="numeric">{theme.changedClaims}</td>
              <td className="numeric">{theme.resultChanges}</td>
              <td className="numeric">{theme.textChanges}</td>
              <td className="numeric">{theme.evidenceAdded}</td>
              <td className="numeric">{theme.evidenceReplaced}</td>
              <td className="numeric">{theme.evidenceRemoved}</td>
              <td className="numeric">{theme.actionsClosed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
