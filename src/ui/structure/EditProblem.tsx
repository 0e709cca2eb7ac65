/**
 * Why a structure edit was refused, shown by what was refused (role `alert`, so it is read out)
 * until the next attempt: `below` a row or panel, as the last line of a `form`, or `inline` in a
 * one-line form (wrapping under its button).
 */
export function EditProblem({ text, place }: { text: string | null; place: 'below' | 'form' | 'inline' }) {
  if (!text) return null;
  if (place === 'inline') {
    return (
      <span role="alert" className="field-error st-error">
        {text}
      </span>
    );
  }
  return (
    <p role="alert" className={place === 'form' ? 'field-error st-form-error' : 'field-error'}>
      {text}
    </p>
  );
}
