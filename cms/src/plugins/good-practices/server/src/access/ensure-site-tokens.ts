/**
 * Makes the site's API tokens exist with exactly the access keys the deployment gives
 * (SITE_READ_TOKEN, SITE_PREVIEW_TOKEN), so the site and the CMS are configured from the same
 * environment instead of copying a key out of the admin panel.
 *
 * Each token is of type custom with least privilege: the read token may call the public read
 * actions only, the preview token the preview action only. The deployment owns these tokens: at
 * every boot their key, type and permissions are set back to the above (an admin who wants
 * another token creates one under another name). A token whose variable is unset is left alone.
 */
import type { Core } from '@strapi/strapi';
import { PREVIEW_ACTION, PUBLIC_READ_ACTIONS, SITE_PREVIEW_TOKEN_NAME, SITE_READ_TOKEN_NAME } from './site-tokens-spec';
import type { SiteTokenKeys } from '../../../contract/services';

interface ContentApiToken {
  id: number | string;
  name: string;
  type: string;
  permissions?: string[];
}

/** The parts of Strapi's content-API token service used here. */
interface TokenService {
  getByName(name: string): Promise<ContentApiToken | null>;
  create(attributes: Record<string, unknown>): Promise<ContentApiToken>;
  update(id: ContentApiToken['id'], attributes: Record<string, unknown>): Promise<ContentApiToken>;
  hash(accessKey: string): string;
}

interface EncryptionService {
  encrypt(value: string): string;
}

/** Strapi generates 256 hex characters; a deployment's own key must at least not be guessable. */
const MIN_KEY_LENGTH = 32;

function tokenService(strapi: Core.Strapi): TokenService {
  // 'admin::api-token' is the pre-5.3x name of the content-API token service, kept as an alias.
  const service = (strapi.service('admin::api-token-content-api') ?? strapi.service('admin::api-token')) as unknown as TokenService | undefined;
  if (!service) throw new Error('Strapi has no API token service');
  return service;
}

function checkKey(variable: string, key: string): void {
  if (key.length < MIN_KEY_LENGTH || /\s/.test(key)) {
    throw new Error(`${variable} must be at least ${MIN_KEY_LENGTH} characters without spaces (generate one with \`openssl rand -hex 32\`).`);
  }
}

async function ensureToken(strapi: Core.Strapi, spec: { name: string; description: string; permissions: string[] }, accessKey: string): Promise<'created' | 'updated' | 'unchanged'> {
  const tokens = tokenService(strapi);
  let outcome: 'created' | 'updated' | 'unchanged' = 'unchanged';
  let token = await tokens.getByName(spec.name);
  if (!token) {
    token = await tokens.create({ name: spec.name, description: spec.description, type: 'custom', lifespan: null, permissions: spec.permissions });
    outcome = 'created';
  } else {
    const current = [...(token.permissions ?? [])].sort();
    const wanted = [...spec.permissions].sort();
    if (token.type !== 'custom' || JSON.stringify(current) !== JSON.stringify(wanted)) {
      await tokens.update(token.id, { type: 'custom', permissions: spec.permissions });
      outcome = 'updated';
    }
  }
  // Strapi stores the key's salted hash (what authentication compares) and, encrypted, the key
  // itself (what the admin shows); the service can only generate random keys, so set both here.
  const stored = (await strapi.db.query('admin::api-token').findOne({ where: { id: token.id }, select: ['accessKey'] })) as { accessKey: string } | null;
  const hash = tokens.hash(accessKey);
  if (stored?.accessKey !== hash) {
    const encryption = strapi.service('admin::encryption') as unknown as EncryptionService;
    await strapi.db.query('admin::api-token').update({ where: { id: token.id }, data: { accessKey: hash, encryptedKey: encryption.encrypt(accessKey) } });
    if (outcome === 'unchanged') outcome = 'updated';
  }
  return outcome;
}

export async function ensureSiteTokens(strapi: Core.Strapi, keys: SiteTokenKeys): Promise<void> {
  const read = keys.read?.trim();
  const preview = keys.preview?.trim();
  if (read) checkKey('SITE_READ_TOKEN', read);
  if (preview) checkKey('SITE_PREVIEW_TOKEN', preview);
  if (read && preview && read === preview) throw new Error('SITE_READ_TOKEN and SITE_PREVIEW_TOKEN must differ: the preview key reads drafts.');

  const specs = [
    read && { key: read, spec: { name: SITE_READ_TOKEN_NAME, description: 'The site reads the public API (SITE_READ_TOKEN; managed by the deployment).', permissions: PUBLIC_READ_ACTIONS } },
    preview && { key: preview, spec: { name: SITE_PREVIEW_TOKEN_NAME, description: 'The site previews draft practices (SITE_PREVIEW_TOKEN; managed by the deployment).', permissions: [PREVIEW_ACTION] } },
  ].filter((entry): entry is { key: string; spec: { name: string; description: string; permissions: string[] } } => Boolean(entry));

  for (const { key, spec } of specs) {
    const outcome = await strapi.db.transaction(() => ensureToken(strapi, spec, key));
    if (outcome !== 'unchanged') strapi.log.info(`[good-practices] API token “${spec.name}” ${outcome} from the environment.`);
  }
}
