/**
 * The two XLIFF routes of the plugin (server/src/routes/admin-translation.ts), through the
 * admin's authenticated fetch client.
 */
import { type FetchClient, isFetchError } from '@strapi/strapi/admin';
import type { XliffImportResponse } from '../../../contract/admin-api';
import { describeFailure } from '../framework/load-framework';
import { PLUGIN_ID } from '../pluginId';
import { downloadName } from './download-name';
import { type ImportOutcome, outcomeOfError } from './import-outcome';

export async function exportXliff(client: FetchClient, locale: string, selection: readonly string[]): Promise<{ blob: Blob; name: string }> {
  const response = await client.get(`/${PLUGIN_ID}/xliff/export`, { params: { locale, selection: selection.join(',') }, responseType: 'blob' });
  return { blob: response.data, name: downloadName(response.headers?.get('Content-Disposition'), locale) };
}

/**
 * Sends the file itself as the `xliff` part of a multipart form (the fetch client sends any other
 * body as JSON, whose 1 MB limit a full export can pass). The bytes go as they are: the server
 * decodes them as strict UTF-8, so a file saved in another encoding is refused naming its line
 * (the browser's own decoding would have replaced the bad bytes silently), and refuses a file
 * over the import's size limit (XLIFF_MAX_UPLOAD_MB) from its length alone.
 */
export async function importXliff(client: FetchClient, file: Blob, name: string): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('xliff', file, name);
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
