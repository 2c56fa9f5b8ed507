import { DATE_FORMAT_SETTINGS, dateExample, dateStyleFor, type DateFormatSetting } from '../../../shared/format/dates';
import { OutsideText } from '../../components/OutsideText';
import { dateStyleOf } from '../../format/dates';
import { attempt, useAnnouncer } from '../../stores/announcer';
import { useSession } from '../../stores/session';

const LABELS: Readonly<Record<Exclude<DateFormatSetting, 'auto'>, string>> = {
  'day-month-year': 'Day month year',
  iso: 'ISO, year first',
  'day-first': 'Numeric, day first',
  'month-first': 'Numeric, month first',
};

/**
 * How the app shows and reads dates: every date on screen and every date box follow this. The
 * signed pack and the command line do not: a recipient must read the same pack whatever the
 * SRO's computer is set to.
 */
export function DatesSection() {
  const settings = useSession((s) => s.settings);
  const updateSettings = useSession((s) => s.updateSettings);
  const chosen = settings?.dateFormat ?? 'auto';
  const locale = settings?.systemLocale ?? null;
  const choose = (dateFormat: DateFormatSetting) =>
    void attempt(async () => {
      await updateSettings({ dateFormat });
      const example = dateExample(dateStyleOf(useSession.getState().settings));
      useAnnouncer.getState().announce(`Dates now show as ${example} (1 March 2026).`);
    });
  const autoExample = dateExample(dateStyleFor('auto', locale));
  return (
    <section className="card card-body section" aria-labelledby="dates-heading">
      <h2 id="dates-heading">Dates</h2>
      <fieldset aria-describedby="dates-help">
        <legend>Show and type dates as</legend>
        <div className="radio-list">
          {DATE_FORMAT_SETTINGS.map((value) => (
            <label key={value} className="checkbox-row">
              <input type="radio" name="date-format" value={value} checked={chosen === value} onChange={() => choose(value)} />
              {value === 'auto' ? (
                <span>
                  Automatic, from this computer
                  {locale ? (
                    <>
                      {' '}
                      (<OutsideText text={locale} /> → {autoExample})
                    </>
                  ) : (
                    ` (region not known → ${autoExample})`
                  )}
                </span>
              ) : (
                <span>
                  {LABELS[value]} ({dateExample(dateStyleFor(value, locale))})
                </span>
              )}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="field-help" id="dates-help">
        Automatic uses your computer's regional format where its order is clear, and 1 Mar 2026 where it is not. A date typed as numbers
        that could be two days is never guessed. Signed packs always write dates as 1 March 2026, so every recipient reads the same pack.
      </p>
    </section>
  );
}
