/** The Baton mark and name. */
export function Brand({ large }: { large?: boolean }) {
  return (
    <div className={large ? 'brand brand-large' : 'brand'}>
      <span className="brand-mark" aria-hidden="true">
        B
      </span>
      <span className="brand-name">Baton</span>
    </div>
  );
}
