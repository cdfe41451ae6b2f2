import { DEFAULT_DATA_LICENCE, type Site } from '../../../contract';
import { isPlainObject } from '../domain/json-values';
import { mapImage } from './media';
import type { SiteRow } from './public-rows';
import { isoDateTime, text } from './values';

/** Only string labels are served; the site falls back to its own defaults for any other key. */
function labelsOf(value: unknown): Record<string, string> {
  if (!isPlainObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * The data licence: the editors' choice, else CC BY 4.0 (rows written before the field existed
 * hold null). The default licence's address goes with its name only, never with another licence.
 */
function dataLicenceOf(row: SiteRow): Site['dataLicence'] {
  const name = text(row.dataLicence);
  if (!name) return { ...DEFAULT_DATA_LICENCE };
  const url = text(row.dataLicenceUrl);
  if (url) return { name, url };
  return { name, url: name === DEFAULT_DATA_LICENCE.name ? DEFAULT_DATA_LICENCE.url : null };
}

export function mapSite(row: SiteRow): Site {
  return {
    locale: row.locale,
    siteName: row.siteName,
    tagline: text(row.tagline),
    logo: mapImage(row.logo),
    intro: text(row.intro),
    about: text(row.about),
    partners: text(row.partners),
    privacy: text(row.privacy),
    footer: {
      consortium: text(row.consortium),
      fundingDisclaimer: text(row.fundingDisclaimer),
      contactEmail: text(row.contactEmail),
      privacyPolicyUrl: text(row.privacyPolicyUrl),
    },
    labels: labelsOf(row.labels),
    dataLicence: dataLicenceOf(row),
    updatedAt: isoDateTime(row.updatedAt) ?? new Date(0).toISOString(),
  };
}
