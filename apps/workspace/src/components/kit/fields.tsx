import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** What every labelled field has: the control's id, its label, an optional hint and error. */
export interface FieldFrame {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The error beside the control (a `FormError.at(...)`), shown after the hint. */
  error?: ReactNode;
  /** Extra classes on the field's wrapper, e.g. `field-wide`. */
  className?: string;
}

/** The id of a field's hint, which the control is described by while it has no error. */
export const hintId = (id: string) => `${id}-hint`;

/** A label above a control, then the hint and the error: the layout of every form field. */
export function Field({ id, label, hint, error, className, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p id={hintId(id)} className="hint">
          {hint}
        </p>
      ) : null}
      {error}
    </div>
  );
}

/** The hint describes the control unless an error (from `invalid` props) does. */
const described = (id: string, hint: ReactNode, own: string | undefined) => own ?? (hint ? hintId(id) : undefined);

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> & { value: string; onChange(value: string): void };

/** A labelled text, number, email or password input; `type` is passed through. */
export function InputField({ id, label, hint, error, className, value, onChange, ...input }: FieldFrame & InputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} {...input} aria-describedby={described(id, hint, input['aria-describedby'])} />
    </Field>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> & { value: string; onChange(value: string): void; children: ReactNode };

/** A labelled select; the options are its children. */
export function SelectField({ id, label, hint, error, className, value, onChange, children, ...select }: FieldFrame & SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...select} aria-describedby={described(id, hint, select['aria-describedby'])}>
        {children}
      </select>
    </Field>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> & { value: string; onChange(value: string): void };

/** A labelled multi-line text area. */
export function TextAreaField({ id, label, hint, error, className, value, onChange, ...area }: FieldFrame & TextAreaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} {...area} aria-describedby={described(id, hint, area['aria-describedby'])} />
    </Field>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked' | 'onChange'> & { checked: boolean; onChange(checked: boolean): void; children: ReactNode };

/** A checkbox inside its label (the text is the children). */
export function Checkbox({ checked, onChange, children, ...input }: CheckboxProps) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} {...input} /> {children}
    </label>
  );
}

/** A grid of checkboxes, one per option, for picking several values (teams, events, topics). */
export function CheckList<T extends string>({ options, isChecked, onToggle, disabled }: { options: readonly { value: T; label: ReactNode }[]; isChecked(value: T): boolean; onToggle(value: T, checked: boolean): void; disabled?: boolean }) {
  return (
    <div className="topic-grid">
      {options.map((o) => (
        <Checkbox key={o.value} checked={isChecked(o.value)} onChange={(c) => onToggle(o.value, c)} disabled={disabled}>
          {o.label}
        </Checkbox>
      ))}
    </div>
  );
}

/** `list` with `value` added or taken out: the toggle of a CheckList over an array. */
export function toggled<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((x) => x !== value);
}

/** One radio button inside its label; the group shares `name`. */
export function Radio({ name, checked, onSelect, value, children }: { name: string; checked: boolean; onSelect(): void; value?: string; children: ReactNode }) {
  return (
    <label>
      <input type="radio" name={name} value={value} checked={checked} onChange={onSelect} /> {children}
    </label>
  );
}
