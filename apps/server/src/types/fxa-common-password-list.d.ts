declare module 'fxa-common-password-list' {
  /** Whether `password` is on Mozilla's list of common passwords (exact, case-sensitive). */
  const list: { test(password: string): boolean };
  export default list;
}
