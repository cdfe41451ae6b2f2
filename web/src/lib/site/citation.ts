/**
 * How to cite a published practice: BibTeX and RIS produced by citation-js from one CSL-JSON
 * record, and the schema.org JSON-LD of its page. The date is that of the published version
 * (its publication, else its last update), so a citation names the version that was read; no
 * "accessed" date, so the files are the same on every request of one version (cacheable, and
 * equal in both rendering modes).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { PracticeDetail, Site } from 'strapi-plugin-good-practices/contract';

export interface CitationSource {
  practice: PracticeDetail;
  /** Absolute URL of the practice's page in the locale cited. */
  url: string;
  siteName: string;
  licence: Site['dataLicence'];
}

/** The date of the published version, as [year, month, day]. */
export function versionDate(practice: Pick<PracticeDetail, 'publishedAt' | 'updatedAt'>): [number, number, number] {
  const date = new Date(practice.publishedAt ?? practice.updatedAt);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

function cslOf({ practice, url, siteName }: CitationSource): Record<string, unknown> {
  return {
    id: practice.slug,
    'citation-key': practice.slug,
    'citation-label': practice.slug,
    type: 'webpage',
    title: practice.title,
    ...(practice.summary ? { abstract: practice.summary } : {}),
    // The database is the author of its practice records (they have no personal authors).
    author: [{ literal: siteName }],
    publisher: siteName,
    'container-title': siteName,
    URL: url,
    language: practice.locale,
    issued: { 'date-parts': [versionDate(practice)] },
    ...(practice.integrationAreas.length > 0 ? { keyword: practice.integrationAreas.map((a) => a.name).join(', ') } : {}),
  };
}

export function bibtexOf(source: CitationSource): string {
  return new Cite([cslOf(source)]).format('bibtex');
}

type RisRecord = Record<string, string | number | (string | number)[]>;

/**
 * RIS from citation-js's own mapping of the record (`type: 'object'`), written out here: the
 * plugin's text output hard-wraps every value at 70 characters, which breaks URLs and words in
 * two (`UR  - …/portal-for-the-recognition-of-fore` + `ign-qualifications/`) for every reader.
 * One line per value, `TY` first and `ER` last, lines ending in CRLF as the specification says.
 */
export function risOf(source: CitationSource): string {
  const records = new Cite([cslOf(source)]).format('ris', { type: 'object' }) as unknown as RisRecord[];
  const lines: string[] = [];
  for (const record of records) {
    lines.push(`TY  - ${String(record.TY)}`);
    for (const [tag, value] of Object.entries(record)) {
      if (tag === 'TY') continue;
      for (const one of ([] as (string | number)[]).concat(value)) {
        // Values are one line each: no line break may start a new tag inside a value.
        const text = String(one).replace(/\s+/g, ' ').trim();
        if (text) lines.push(`${tag}  - ${text}`);
      }
    }
    lines.push('ER  - ');
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** schema.org description of the practice, for the page's `<script type="application/ld+json">`. */
export function jsonLdOf({ practice, url, siteName, licence }: CitationSource): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': url,
    url,
    name: practice.title,
    ...(practice.summary ? { description: practice.summary } : {}),
    inLanguage: practice.locale,
    ...(practice.publishedAt ? { datePublished: practice.publishedAt } : {}),
    dateModified: practice.updatedAt,
    author: { '@type': 'Organization', name: siteName },
    publisher: { '@type': 'Organization', name: siteName },
    license: licence.url ?? licence.name,
    ...(practice.country ? { spatialCoverage: { '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: practice.country } } } : {}),
    ...(practice.projectStart ? { temporalCoverage: `${practice.projectStart}/${practice.projectEnd ?? '..'}` } : {}),
    ...(practice.website && /^https?:\/\//i.test(practice.website) ? { sameAs: practice.website } : {}),
    keywords: [...practice.integrationAreas, ...practice.targetGroups].map((term) => term.name),
  };
}

/**
 * JSON-LD as the text of a script element: `<` is written `\u003c`, so no text of a practice can
 * close the element (`</script>`) or open a comment; the JSON means the same.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
