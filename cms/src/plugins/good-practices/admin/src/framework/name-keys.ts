/**
 * The server's validation messages quote framework keys (“inclusivity.accessible-services.2”).
 * Editors know items by their text, so a quoted key the framework knows is replaced by its text
 * (shortened); the key itself means nothing to them and is not shown.
 */
const QUOTED_KEY = /“([a-z0-9]+(?:[.-][a-z0-9]+)*)”/g;
const MAX_TEXT = 80;

export function nameKeysIn(message: string, texts: ReadonlyMap<string, string>): string {
  return message.replace(QUOTED_KEY, (quoted, key: string) => {
    const text = texts.get(key);
    if (text === undefined) return quoted;
    const short = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
    return `“${short}”`;
  });
}
