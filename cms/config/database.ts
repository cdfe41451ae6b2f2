import path from 'path';
import type { Core } from '@strapi/strapi';
import { cacheSqliteStatements, type SqliteConnection } from '../src/sqlite-statements';

/**
 * SQLite for local use and tests (zero setup), PostgreSQL for production and CI.
 * DATABASE_URL wins over the discrete DATABASE_* settings when given.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: env('DATABASE_URL'),
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'strapi'),
          user: env('DATABASE_USERNAME', 'strapi'),
          password: env('DATABASE_PASSWORD', ''),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" (default) or "postgres".`);
  }

  // Relative to the app folder (dist/config/.. /..), so tests can point at a throw-away file.
  const filename = env('DATABASE_FILENAME', '.tmp/data.db');
  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.isAbsolute(filename) ? filename : path.join(__dirname, '..', '..', filename),
      },
      useNullAsDefault: true,
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      pool: {
        // Runs after Strapi's own (pragma foreign_keys), with the native better-sqlite3 connection.
        afterCreate: (connection: unknown, done: (error?: Error, connection?: unknown) => void) => {
          cacheSqliteStatements(connection as SqliteConnection);
          done(undefined, connection);
        },
      },
    },
  };
};

export default config;
