/**
 * The plugin's API contract (paths, zod schemas) and revalidation webhook, loaded so that Node
 * does not warn about them: the plugin's package.json declares no module type, so plain Node
 * detects ESM in each contract file and prints MODULE_TYPELESS_PACKAGE_JSON. That is harmless
 * here; the bench drops that one warning instead of touching the plugin's package.json.
 */
const emitWarning = process.emitWarning;
process.emitWarning = function quiet(this: NodeJS.Process, warning: string | Error, ...rest: unknown[]): void {
  const options = rest[0];
  const code = typeof options === 'object' && options !== null ? (options as { code?: string }).code : rest[1];
  if (code === 'MODULE_TYPELESS_PACKAGE_JSON' || /MODULE_TYPELESS_PACKAGE_JSON|Module type of .*contract\/[\w-]+\.ts/.test(String(warning))) return;
  return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
} as typeof process.emitWarning;

const contract = await import('../../cms/src/plugins/good-practices/contract/index.ts');
const webhook = await import('../../cms/src/plugins/good-practices/contract/revalidation-webhook.ts');
process.emitWarning = emitWarning;

export const {
  apiPaths,
  frameworkResponse,
  localesResponse,
  MAX_PAGE_SIZE,
  practiceDetailListResponse,
  practiceListResponse,
  practiceResponse,
  siteResponse,
  taxonomyResponse,
  toolDetailListResponse,
  toolListResponse,
  toolResponse,
} = contract;

export const { revalidationSignature } = webhook;
