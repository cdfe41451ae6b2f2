/** A website or link stored for visitors must be an absolute http(s) address they can open. */
export function isHttpUrl(value: string): boolean {
  if (value.trim() !== value || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}
