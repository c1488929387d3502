import type { BuiltinHandoutLang } from '../../../../shared/handouts/languages'
import { BUILTIN_HANDOUT_LANGS, langLabel } from '../../../../shared/handouts/languages'

/**
 * The footer line in each handout language: a sheet prints the line of its own language, none
 * when that line is empty (so a French sheet never carries an English line).
 */
export function FooterLinesField(props: {
  lines: Record<BuiltinHandoutLang, string>
  onChange: (lines: Record<BuiltinHandoutLang, string>) => void
  error?: string
}) {
  const { lines, onChange, error } = props
  const describedBy = ['profile-footerLines-hint', error ? 'profile-footerLines-error' : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div
      className={error ? 'field field--invalid' : 'field'}
      role="group"
      aria-labelledby="profile-footerLines-label"
    >
      <span className="field__label" id="profile-footerLines-label">
        Footer line (optional)
      </span>
      <p className="field__hint" id="profile-footerLines-hint">
        Printed at the bottom of every page of a sheet in that language, for example your opening
        hours. Leave a language empty to print no line on its sheets.
      </p>
      {BUILTIN_HANDOUT_LANGS.map((lang, i) => (
        <div className="footer-lines__row" key={lang}>
          {/* The first box carries the field's id, so a save error can move the focus to it. */}
          <label htmlFor={i === 0 ? 'profile-footerLines' : `profile-footerLines-${lang}`}>
            {langLabel(lang)}
          </label>
          <input
            id={i === 0 ? 'profile-footerLines' : `profile-footerLines-${lang}`}
            lang={lang}
            value={lines[lang]}
            maxLength={250}
            aria-invalid={!!error}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ ...lines, [lang]: e.target.value })}
          />
        </div>
      ))}
      {error && (
        <p className="field__error" id="profile-footerLines-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
