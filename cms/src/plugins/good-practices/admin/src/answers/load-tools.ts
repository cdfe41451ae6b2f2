/**
 * The inspiring tools an answer can cite, read through the Content Manager's own API (so the
 * editor's permissions apply), drafts included: a tool written today can be cited before it is
 * published. One request per locale at a time, kept for a minute.
 */
import { getFetchClient } from '@strapi/strapi/admin';

const TOOL_UID = 'plugin::good-practices.tool';
const PAGE_SIZE = 100;
/** Guard against a server that keeps announcing more pages. */
const MAX_PAGES = 50;
const KEEP_FOR_MS = 60_000;

export type ToolStatus = 'draft' | 'published' | 'modified';

export interface Tool {
  documentId: string;
  name: string;
  status: ToolStatus | null;
}

interface ContentManagerList {
  results: Array<{ documentId: string; name?: string | null; status?: string | null }>;
  pagination: { page: number; pageCount: number };
}

const requests = new Map<string, { promise: Promise<Tool[]>; at: number }>();

export function loadTools(locale: string): Promise<Tool[]> {
  const cached = requests.get(locale);
  if (cached && Date.now() - cached.at < KEEP_FOR_MS) return cached.promise;
  const promise = fetchTools(locale);
  requests.set(locale, { promise, at: Date.now() });
  promise.catch(() => requests.delete(locale));
  return promise;
}

function toolStatus(status: string | null | undefined): ToolStatus | null {
  return status === 'draft' || status === 'published' || status === 'modified' ? status : null;
}

async function fetchTools(locale: string): Promise<Tool[]> {
  const { get } = getFetchClient();
  const tools: Tool[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { data } = await get<ContentManagerList>(`/content-manager/collection-types/${TOOL_UID}`, {
      params: { page, pageSize: PAGE_SIZE, sort: 'name:ASC', locale },
    });
    for (const row of data.results) {
      tools.push({ documentId: row.documentId, name: row.name?.trim() || row.documentId, status: toolStatus(row.status) });
    }
    if (page >= data.pagination.pageCount) break;
  }
  return tools;
}
