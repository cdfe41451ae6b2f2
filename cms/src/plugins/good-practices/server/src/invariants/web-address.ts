/**
 * A website or link stored for visitors must be an absolute http(s) address they can open.
 * Written out in full ("http://" or "https://"): the URL parser would also accept "http:/host" or
 * "https:\\host", which the practice schema's regex (checked by the admin before saving) refuses,
 * and the two must agree.
 */
const SCHEME = /^https?:\/\/[^/\\?#]/i;

export function isHttpUrl(value: string): boolean {
  if (value.trim() !== value || /\s/.test(value) || !SCHEME.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}
