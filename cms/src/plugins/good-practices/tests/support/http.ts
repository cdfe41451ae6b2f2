/** Small fetch helpers: every call returns the status and the parsed JSON body. */
export interface JsonResponse<Body = unknown> {
  status: number;
  body: Body;
}

export async function getJson<Body = unknown>(url: string, headers: Record<string, string> = {}): Promise<JsonResponse<Body>> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Body };
}

export async function sendJson<Body = unknown>(
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<Body>> {
  const response = await fetch(url, {
    method,
    headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Body };
}
