/**
 * The admin panel (admin/src, bundled for the browser) shares nothing with the server but the
 * contract: what crosses between them (response types, UIDs, role codes) is in contract/, and an
 * import of server/ code would put server internals into the admin's types (or its bundle) and
 * let the two drift apart unseen. The contract modules it reaches must not need Node either
 * (node:crypto, say): the browser has none.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const PLUGIN_DIR = path.resolve(import.meta.dirname, '..', '..');
const ADMIN_DIR = path.join(PLUGIN_DIR, 'admin', 'src');
const CONTRACT_DIR = path.join(PLUGIN_DIR, 'contract');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

/** Every module a file imports or re-exports, static or dynamic, as written. */
function specifiers(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => imported.fileName);
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

const inside = (dir: string, file: string): boolean => !path.relative(dir, file).startsWith('..');

/** The relative imports of `files` that resolve outside admin/src, as "file → target". */
function importsLeavingTheAdmin(files: readonly string[]): { from: string; specifier: string; target: string | undefined }[] {
  return files.flatMap((file) =>
    specifiers(file)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => ({ from: file, specifier, target: resolveRelative(file, specifier) }))
      .filter(({ target }) => target === undefined || !inside(ADMIN_DIR, target)),
  );
}

/** The contract files reachable from `entry` through relative imports, itself included. */
function contractClosure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const specifier of specifiers(entry)) {
    if (!specifier.startsWith('.')) continue;
    const target = resolveRelative(entry, specifier);
    if (target && inside(CONTRACT_DIR, target)) contractClosure(target, seen);
  }
  return seen;
}

describe('the admin panel', () => {
  const files = sourceFiles(ADMIN_DIR);
  const leaving = importsLeavingTheAdmin(files);
  const show = (entries: typeof leaving) => entries.map(({ from, specifier }) => `${path.relative(PLUGIN_DIR, from)} → ${specifier}`);

  it('is scanned whole (the scan would pass vacuously on an empty or moved folder)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((file) => file.endsWith(path.join('admin', 'src', 'index.ts')))).toBe(true);
    // The admin reads the contract's types: a scan that finds none of those imports sees nothing.
    expect(leaving.length).toBeGreaterThan(10);
  });

  it('imports nothing outside admin/src but the contract', () => {
    expect(show(leaving.filter(({ target }) => target === undefined || !inside(CONTRACT_DIR, target)))).toEqual([]);
  });

  it('reaches no contract module that needs Node (the browser bundle has no node:crypto)', () => {
    const reached = new Set(leaving.flatMap(({ target }) => (target ? [...contractClosure(target)] : [])));
    const needingNode = [...reached].filter((file) => specifiers(file).some((specifier) => specifier.startsWith('node:')));
    expect(needingNode.map((file) => path.relative(PLUGIN_DIR, file))).toEqual([]);
  });
});
