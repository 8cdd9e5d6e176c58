/**
 * Fills `{name}` placeholders in one pass. Values are inserted as they are and never scanned
 * again, so a team called "{case}" cannot pull in another value. An unknown placeholder is left
 * visible rather than blanked, so a missing value shows up in tests instead of as a gap.
 */
export function interpolate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
