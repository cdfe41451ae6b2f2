/**
 * The two XLIFF routes of the plugin (server/src/routes/admin-translation.ts), through the
 * admin's authenticated fetch client.
 */
import { type FetchClient, isFetchError } from '@strapi/strapi/admin';
import type { XliffImportResponse } from '../../../server/src/xliff/xliff-import-response';
import { describeFailure } from '../framework/load-framework';
import { PLUGIN_ID } from '../pluginId';
import { downloadName } from './download-name';
import { type ImportOutcome, outcomeOfError } from './import-outcome';

export async function exportXliff(client: FetchClient, locale: string, selection: readonly string[]): Promise<{ blob: Blob; name: string }> {
  const response = await client.get(`/${PLUGIN_ID}/xliff/export`, { params: { locale, selection: selection.join(',') }, responseType: 'blob' });
  return { blob: response.data, name: downloadName(response.headers?.get('Content-Disposition'), locale) };
}

/**
 * Sends the file's text as the `xliff` field of a multipart form. The fetch client sends any
 * other body as JSON, whose size limit (1 MB in Strapi's body parser) a full export can pass;
 * form fields are accepted up to 20 MB, the import route's own limit.
 */
export async function importXliff(client: FetchClient, xliff: string): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('xliff', xliff);
  try {
    const { data } = await client.post<XliffImportResponse>(`/${PLUGIN_ID}/xliff/import`, form);
    return { kind: 'imported', result: data.data };
  } catch (error) {
    if (isFetchError(error)) return outcomeOfError(error.status, error.response?.data, describeFailure(error));
    return { kind: 'failed', reason: describeFailure(error), status: undefined };
  }
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked on the next tick: the click starts the download synchronously, the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
