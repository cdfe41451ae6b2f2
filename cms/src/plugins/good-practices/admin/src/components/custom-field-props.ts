import type * as React from 'react';

/**
 * What the Content Manager's edit view gives a custom field's Input (Strapi 5: the field's layout
 * props, spread with the `useField` result). Only what the plugin's inputs use is listed; the
 * value itself is read with `useField(name)`.
 */
export interface CustomFieldInputProps {
  /** Path of the field in the form: the attribute name. */
  name: string;
  label: string;
  /** The field's description from the edit view layout, if any. */
  hint?: React.ReactNode;
  required?: boolean;
  /** True when the user may not edit the field (RBAC) or the form is disabled. */
  disabled?: boolean;
  /** The i18n plugin's "localized" marker, shown next to the label. */
  labelAction?: React.ReactNode;
  error?: string;
}
