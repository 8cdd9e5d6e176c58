import { DataTable } from '../../components/kit/data-table';
import { formatTime } from '../../hooks';
import type { PolicyVersion } from './policy-draft';

/** Who changed the policy and when, newest first. */
export function PolicyVersions({ versions }: { versions: PolicyVersion[] }) {
  return (
    <>
      <h3 className="subhead">Version history</h3>
      <DataTable
        testId="policy-versions"
        rows={versions.slice().sort((a, b) => b.version - a.version)}
        rowKey={(v) => String(v.version)}
        empty={<p className="muted small">No changes yet: the policy comes from the configuration file or the defaults.</p>}
        columns={[
          { header: 'Version', cell: (v) => `v${v.version}` },
          { header: 'Changed by', cell: (v) => v.createdBy },
          { header: 'When', cell: (v) => formatTime(v.createdAt) },
        ]}
      />
    </>
  );
}
