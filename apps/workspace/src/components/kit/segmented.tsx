/** A row of toggle buttons of which one is pressed: a period, a scope, a grouping. */
export function Segmented<T extends string | number>({ label, options, value, onChange, small }: { label: string; options: readonly (readonly [T, string])[]; value: T; onChange(value: T): void; small?: boolean }) {
  return (
    <div className={small ? 'segmented segmented-small' : 'segmented'} role="group" aria-label={label}>
      {options.map(([v, text]) => (
        <button key={v} type="button" aria-pressed={value === v} onClick={() => onChange(v)}>
          {text}
        </button>
      ))}
    </div>
  );
}
