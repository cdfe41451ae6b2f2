import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import type { CustomFieldInputProps } from '../components/custom-field-props';
import { useText } from '../translations/messages';
import { countryOptions } from './country-options';

/**
 * Input of the `plugin::good-practices.country` custom field: the practice's country chosen by its
 * name in the admin user's language (typing filters the list), stored as its ISO 3166-1 alpha-2
 * code. The text box keeps the attribute's name, as the Content Manager's own inputs do, so that
 * the save check's links find it.
 */
export default function CountryInput({ name, label, hint, required = false, disabled = false, labelAction, error: propsError }: CustomFieldInputProps) {
  const { locale } = useIntl();
  const text = useText();
  const field = useField<string | null>(name);
  const value = typeof field.value === 'string' && field.value !== '' ? field.value : undefined;
  const options = React.useMemo(() => countryOptions(locale, value, (code) => text('country.unknownCode', { code })), [locale, value, text]);
  const chosenName = options.find((option) => option.code === value)?.name ?? '';
  // The box shows what the editor is typing (to filter), otherwise the chosen country's name: the
  // design system's Combobox does not name a value whose option list has not been opened yet.
  const [typed, setTyped] = React.useState<string | null>(null);
  const choose = (code: string | null) => {
    setTyped(null);
    field.onChange(name, code);
  };

  return (
    <Field.Root name={name} error={field.error ?? propsError} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <Combobox
        name={name}
        value={value}
        textValue={typed ?? chosenName}
        onTextValueChange={setTyped}
        onBlur={() => setTyped(null)}
        disabled={disabled}
        placeholder={text('country.placeholder')}
        noOptionsMessage={() => text('country.noMatch')}
        clearLabel={text('country.clear')}
        onChange={(code) => choose(code ? code : null)}
        onClear={() => choose(null)}
      >
        {options.map((option) => (
          <ComboboxOption key={option.code} value={option.code}>
            {option.name}
          </ComboboxOption>
        ))}
      </Combobox>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}
