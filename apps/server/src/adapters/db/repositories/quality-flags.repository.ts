import type { Sql } from '../database.js';
import type { QualityFlagKind } from '../schema.js';
import { jsonColumn } from '../json-column.js';

export type { QualityFlagKind } from '../schema.js';

/**
 * Records a quality flag; a message or handoff is flagged at most once per kind (a unique index),
 * so recording it again changes nothing.
 */
export async function insertQualityFlag(
  tx: Sql,
  f: { id: string; handoffId: string; conversationId: string; messageId: string | null; kind: QualityFlagKind; detail: Record<string, unknown>; createdAt: Date },
): Promise<void> {
  await tx
    .insertInto('qualityFlags')
    .values({ ...f, detail: jsonColumn(f.detail) })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
