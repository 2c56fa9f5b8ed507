import { escapeUnsafe, hasUnsafeCharacter } from '../../shared/domain/text-rules';
import './OutsideText.css';

/**
 * Text that came from outside (a pack, a form, a certificate, a file name). React already
 * escapes markup, but bidirectional overrides would still reorder what is shown
 * (`invoice\u202Efdp.exe` reads as `invoiceexe.pdf`) and invisible characters would hide.
 * Each such character is shown as a visible escape (`\u{202e}`, `\n`), marked so a person
 * notices, and the whole text is isolated with <bdi> so it cannot reorder what is around it.
 */
export function OutsideText({ text }: { readonly text: string }) {
  if (!hasUnsafeCharacter(text)) return <bdi>{text}</bdi>;
  return (
    <bdi className="outside-text-escaped" title="This text holds hidden or control characters, shown here as escapes.">
      {escapeUnsafe(text, false)}
    </bdi>
  );
}
