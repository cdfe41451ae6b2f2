/**
 * The SQLite statement cache (src/sqlite-statements.ts) on a real better-sqlite3 connection:
 * one prepared statement per SQL text, never a busy one handed out twice, the least recently
 * used evicted, results unchanged.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cacheSqliteStatements, type SqliteConnection } from '../../src/sqlite-statements.ts';

const require = createRequire(import.meta.url);

interface Statement {
  busy: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
  iterate(...params: unknown[]): IterableIterator<unknown>;
}
interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
}

function openDatabase(size?: number): Database {
  const BetterSqlite3 = require('better-sqlite3') as new (file: string) => Database;
  const db = new BetterSqlite3(':memory:');
  db.exec('create table t (id integer primary key, name text)');
  cacheSqliteStatements(db as unknown as SqliteConnection, size);
  return db;
}

describe('SQLite statement cache', () => {
  it('prepares each SQL text once and gives the same rows', () => {
    const db = openDatabase();
    const insert = db.prepare('insert into t (name) values (?)');
    expect(db.prepare('insert into t (name) values (?)')).toBe(insert);
    db.prepare('insert into t (name) values (?)').run('a');
    db.prepare('insert into t (name) values (?)').run('b');
    const select = db.prepare('select name from t order by id');
    expect(db.prepare('select name from t order by id')).toBe(select);
    expect(db.prepare('select name from t order by id').all()).toEqual([{ name: 'a' }, { name: 'b' }]);
    db.close();
  });

  it('never hands out a statement that is still being iterated', () => {
    const db = openDatabase();
    db.prepare('insert into t (name) values (?)').run('a');
    db.prepare('insert into t (name) values (?)').run('b');
    const sql = 'select name from t order by id';
    const first = db.prepare(sql);
    const rows = first.iterate();
    rows.next();
    expect(first.busy).toBe(true);
    const second = db.prepare(sql);
    expect(second).not.toBe(first);
    expect(second.all()).toEqual([{ name: 'a' }, { name: 'b' }]);
    rows.return?.();
    expect(db.prepare(sql)).toBe(first);
    db.close();
  });

  it('keeps at most `size` texts, the least recently used evicted first', () => {
    const db = openDatabase(2);
    const a = db.prepare('select 1 as a');
    const b = db.prepare('select 2 as b');
    expect(db.prepare('select 1 as a')).toBe(a); // a is now the most recently used
    db.prepare('select 3 as c'); // evicts b
    expect(db.prepare('select 1 as a')).toBe(a);
    expect(db.prepare('select 2 as b')).not.toBe(b);
    db.close();
  });
});
