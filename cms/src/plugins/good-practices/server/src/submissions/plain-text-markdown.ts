/**
 * A visitor's answer is plain text, but answers are stored and rendered as Markdown (editors
 * write them so). Escaping every ASCII punctuation character (CommonMark lets a backslash escape
 * any of them) makes the stored Markdown render as exactly the text typed: `<b>`, `[x](y)` or
 * `# Title` show as written, never as markup. Blank lines still separate paragraphs.
 */
export function plainTextAsMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`);
}
