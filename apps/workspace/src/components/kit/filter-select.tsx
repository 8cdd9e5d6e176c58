/** A compact labelled select that narrows what a panel shows; `all` is the label of the '' option. */
export function FilterSelect({ label, value, onChange, all, options }: { label: string; value: string; onChange(value: string): void; all?: string; options: readonly { value: string; label: string }[] }) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {all !== undefined ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
