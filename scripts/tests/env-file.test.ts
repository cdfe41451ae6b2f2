import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureLocalEnv, parseEnv } from '../lib/env-file.ts';

describe('local .env', () => {
  it('parses comments, quotes and values containing =', () => {
    expect(parseEnv('# c\nA=1\nB="two words"\nC=a=b==\n\n  D = x \nnot a line\n')).toEqual({ A: '1', B: 'two words', C: 'a=b==', D: 'x' });
  });

  describe('holds secrets, so only its owner may read it', () => {
    const dirs: string[] = [];
    const envFile = () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'gp-env-'));
      dirs.push(dir);
      return path.join(dir, '.env');
    };
    const modeOf = (file: string) => statSync(file).mode & 0o777;
    afterEach(() => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    });

    it('is created with mode 0600', () => {
      const file = envFile();
      const { created } = ensureLocalEnv(file, {});
      expect(created).toContain('APP_KEYS');
      expect(modeOf(file)).toBe(0o600);
    });

    it('is narrowed to 0600 when it exists with wider permissions, whether or not keys are added', () => {
      const complete = envFile();
      ensureLocalEnv(complete, {});
      chmodSync(complete, 0o644);
      const before = readFileSync(complete, 'utf8');
      expect(ensureLocalEnv(complete, {}).created).toEqual([]);
      expect(modeOf(complete)).toBe(0o600);
      expect(readFileSync(complete, 'utf8')).toBe(before);

      const partial = envFile();
      writeFileSync(partial, 'CMS_PORT=1342\n', { mode: 0o664 });
      chmodSync(partial, 0o664);
      const { values, created } = ensureLocalEnv(partial, {});
      expect(created).toContain('JWT_SECRET');
      expect(values.CMS_PORT).toBe('1342');
      expect(modeOf(partial)).toBe(0o600);
    });
  });
});
