/**
 * A small reader of nginx configuration files, enough to check the proxy's config
 * (deploy/nginx/proxy.conf) where no nginx binary runs: it tokenises the text the way nginx does
 * (comments, quotes, `;` and braces) and returns the tree of directives, and throws, naming the
 * line, on what nginx itself would refuse to parse (an unclosed block or quote, a directive with no
 * `;`, a stray `}`). What each directive means is left to nginx: `nginx -t` checks that, where an
 * nginx is installed (scripts/tests/docker-compose.test.ts).
 *
 * Erasable TypeScript: plain Node and vitest load it.
 */
export interface NginxDirective {
  name: string;
  args: string[];
  line: number;
  /** The directives inside its `{ … }`, for a block directive. */
  block?: NginxDirective[];
}

interface Token {
  text: string;
  line: number;
  /** `;`, `{` or `}` as syntax, not inside quotes. */
  syntax: boolean;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\n') {
      line += 1;
      index += 1;
    } else if (/\s/.test(char)) {
      index += 1;
    } else if (char === '#') {
      while (index < text.length && text[index] !== '\n') index += 1;
    } else if (char === ';' || char === '{' || char === '}') {
      tokens.push({ text: char, line, syntax: true });
      index += 1;
    } else if (char === '"' || char === "'") {
      const start = line;
      let value = '';
      index += 1;
      while (index < text.length && text[index] !== char) {
        if (text[index] === '\\' && index + 1 < text.length) index += 1;
        if (text[index] === '\n') line += 1;
        value += text[index];
        index += 1;
      }
      if (index >= text.length) throw new Error(`line ${start}: unclosed ${char} quote`);
      index += 1;
      tokens.push({ text: value, line: start, syntax: false });
    } else {
      let value = '';
      while (index < text.length && !/[\s;{}#"']/.test(text[index]!)) {
        value += text[index];
        index += 1;
      }
      tokens.push({ text: value, line, syntax: false });
    }
  }
  return tokens;
}

export function parseNginxConfig(text: string): NginxDirective[] {
  const tokens = tokenise(text);
  let position = 0;
  const readBlock = (closing: boolean, openedAt: number): NginxDirective[] => {
    const directives: NginxDirective[] = [];
    while (position < tokens.length) {
      const first = tokens[position]!;
      if (first.syntax && first.text === '}') {
        if (!closing) throw new Error(`line ${first.line}: "}" closes no block`);
        position += 1;
        return directives;
      }
      if (first.syntax) throw new Error(`line ${first.line}: unexpected "${first.text}"`);
      const directive: NginxDirective = { name: first.text, args: [], line: first.line };
      position += 1;
      for (;;) {
        const token = tokens[position];
        if (!token) throw new Error(`line ${directive.line}: "${directive.name}" is not terminated by ";" or "{"`);
        position += 1;
        if (!token.syntax) {
          directive.args.push(token.text);
        } else if (token.text === ';') {
          break;
        } else if (token.text === '{') {
          directive.block = readBlock(true, token.line);
          break;
        } else {
          throw new Error(`line ${token.line}: "${directive.name}" is not terminated by ";" before "}"`);
        }
      }
      directives.push(directive);
    }
    if (closing) throw new Error(`line ${openedAt}: the block opened here is never closed`);
    return directives;
  };
  return readBlock(false, 0);
}

/** Every directive of that name, at any depth. */
export function findDirectives(directives: readonly NginxDirective[], name: string): NginxDirective[] {
  return directives.flatMap((directive) => [...(directive.name === name ? [directive] : []), ...findDirectives(directive.block ?? [], name)]);
}
