/**
 * The Content Manager configuration of one content type as a flat map of the values the plugin
 * manages ("path" → value), so that each can be compared and written on its own: a label an
 * administrator changed by hand is kept while the help text next to it is still updated.
 * Pure: no Strapi.
 */
import type { AdminTypePresentation } from '../../../contract/admin-fields';

export type ManagedValues = Record<string, unknown>;

/** What Strapi stores for a content type (the parts the plugin touches). */
export interface StoredConfiguration {
  settings: Record<string, unknown> & { mainField?: string };
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { edit: { name: string; size: number }[][]; list: string[] } & Record<string, unknown>;
}

export interface SchemaShape {
  attributes: Record<string, { type?: string }>;
}

/** The values the plugin wants, for the attributes the schema has. */
export function wantedValues(presentation: AdminTypePresentation, schema: SchemaShape): ManagedValues {
  const has = (name: string) => name in schema.attributes;
  const values: ManagedValues = { 'settings.mainField': presentation.mainField };
  for (const [name, text] of Object.entries(presentation.fields)) {
    if (!has(name)) continue;
    values[`metadatas.${name}.edit.label`] = text.label;
    values[`metadatas.${name}.edit.description`] = text.description;
    values[`metadatas.${name}.list.label`] = text.label;
  }
  for (const [name, mainField] of Object.entries(presentation.relationMainFields ?? {})) {
    if (has(name)) values[`metadatas.${name}.edit.mainField`] = mainField;
  }
  values['layouts.edit'] = presentation.groups.flatMap((group) => group.rows.map((row) => row.filter((field) => has(field.name)))).filter((row) => row.length > 0);
  values['layouts.list'] = presentation.list.filter((name) => has(name) || name === 'updatedAt' || name === 'createdAt');
  return values;
}

/** The value at `path` in a stored configuration (layouts are compared whole). */
export function storedValue(configuration: StoredConfiguration, path: string): unknown {
  let value: unknown = configuration;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function withValue(configuration: StoredConfiguration, path: string, value: unknown): void {
  const parts = path.split('.');
  let target = configuration as unknown as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    if (target[part] === null || typeof target[part] !== 'object') target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  target[parts[parts.length - 1] as string] = value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What Strapi itself puts at `path` when it generates a configuration (field name as label, no
 * help text, the first string field as main field, fields in schema order): a value still equal
 * to it was never chosen by anyone, so the plugin may replace it. For layouts Strapi's default
 * row breaks depend on field sizes; an edit layout whose fields are in schema order counts as
 * untouched, whatever the rows.
 */
export function isStrapiDefault(path: string, value: unknown, schema: SchemaShape, targetSchema?: SchemaShape): boolean {
  const [kind, field, view, property] = path.split('.');
  if (path === 'settings.mainField') return value === undefined || value === 'id' || value === firstStringAttribute(schema);
  if (path === 'layouts.edit') {
    const names = (value as { name: string }[][] | undefined)?.flat().map((entry) => entry.name) ?? [];
    const order = Object.keys(schema.attributes).filter((name) => names.includes(name));
    return sameValue(names, order);
  }
  if (path === 'layouts.list') {
    const names = (value as string[] | undefined) ?? [];
    return sameValue(names, Object.keys(schema.attributes).filter((name) => names.includes(name)));
  }
  if (kind !== 'metadatas' || field === undefined) return false;
  if (property === 'label') return value === undefined || value === field;
  if (property === 'description') return value === undefined || value === '';
  if (view === 'edit' && property === 'mainField') return value === undefined || value === 'id' || (targetSchema !== undefined && value === firstStringAttribute(targetSchema));
  return false;
}

function firstStringAttribute(schema: SchemaShape): string | undefined {
  return Object.keys(schema.attributes).find((name) => schema.attributes[name]?.type === 'string' && name !== 'id');
}
