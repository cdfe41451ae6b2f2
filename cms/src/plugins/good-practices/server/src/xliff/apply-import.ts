/**
 * Writes an import plan: every write through the document service (so the plugin's invariants,
 * i18n's copy of shared fields and the site notification apply as to any edit), drafts only:
 * every translatable type has draft & publish and `update` writes the draft, so an uploaded file
 * is public only once an editor publishes it (tests/integration/draft-leaks-framework.test.ts).
 * All in one transaction: an invariant refusing the tenth entry leaves the nine before it
 * unwritten too.
 */
import type { Core } from '@strapi/strapi';
import { createStampsStore } from '../translation/stamps-store';
import { yieldToEventLoop } from './event-loop';
import type { ImportPlan } from './plan-import';
import type { XliffImportResult } from '../../../contract/admin-api';

interface UntypedWrites {
  update(params: Record<string, unknown>): Promise<{ documentId?: string } | null>;
}

export async function applyImport(strapi: Core.Strapi, plan: ImportPlan): Promise<XliffImportResult> {
  const stamps = createStampsStore(strapi);
  const written: XliffImportResult['written'] = [];
  await strapi.db.transaction(async () => {
    for (const write of plan.writes) {
      // SQLite's driver is synchronous: without this turn, a file of many entries would hold the
      // event loop for the whole transaction.
      await yieldToEventLoop();
      const documents = strapi.documents(write.type.uid) as unknown as UntypedWrites;
      const result = await documents.update({ documentId: write.documentId, locale: plan.locale, data: write.data });
      if (!result) throw new Error(`The ${write.type.kind} ${write.documentId} disappeared during the import.`);
      // After the write (whose own stamp records the current source): the file's source wins.
      await stamps.record(write.type.kind, write.entryId, plan.locale, write.stamps);
      written.push({ kind: write.type.kind, documentId: write.documentId, entryId: write.entryId, label: write.label, created: write.isNew, fields: Object.keys(write.data), untranslated: write.untranslated });
    }
  });
  return { locale: plan.locale, units: plan.units, written, unchanged: plan.unchanged, skipped: plan.skipped };
}
