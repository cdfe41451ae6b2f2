/**
 * The slice of a document-service middleware call that the invariants read. Strapi's own
 * `Modules.Documents.Middleware.Context` is a union over every content type and action; the
 * guards only need these fields and read them defensively.
 */
import { isPlainObject } from '../domain/json-values';

export type Next = () => Promise<unknown>;

export interface DocumentParams {
  documentId?: string;
  locale?: unknown;
  status?: unknown;
  data?: unknown;
  [key: string]: unknown;
}

export interface DocumentContext {
  uid: string;
  action: string;
  params: DocumentParams;
}

export type WriteAction = 'create' | 'update' | 'clone';

export function isWriteAction(action: string): action is WriteAction {
  return action === 'create' || action === 'update' || action === 'clone';
}

export function writtenData(params: DocumentParams): Record<string, unknown> {
  return isPlainObject(params.data) ? params.data : {};
}

/** True when the write sets the field (to a value or to null); undefined means "not written". */
export function writes(data: Record<string, unknown>, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(data, field) && data[field] !== undefined;
}

/** documentId of the entry (or first entry) a document-service action returned. */
export function resultDocumentId(result: unknown): string | undefined {
  if (!isPlainObject(result)) return undefined;
  if (typeof result.documentId === 'string') return result.documentId;
  if (Array.isArray(result.entries) && isPlainObject(result.entries[0]) && typeof result.entries[0].documentId === 'string') {
    return result.entries[0].documentId;
  }
  return undefined;
}
