import { Flex, Typography } from '@strapi/design-system';
import * as React from 'react';

interface FieldFrameProps {
  label: string;
  labelAction?: React.ReactNode;
  required?: boolean;
  /** Always shown, unlike a design-system Field hint, which an error hides. */
  hints: readonly React.ReactNode[];
  /** The server's (or the form's) message for this field, in plain words. */
  error?: string;
  children: React.ReactNode;
}

/**
 * Label, hints and error of an input made of many controls. It is a named group (the controls
 * inside have their own labels); the error sits right under the label, where it is seen before
 * scrolling through the framework, and carries the attribute the Content Manager uses to find
 * the first field in error.
 */
export function FieldFrame({ label, labelAction, required = false, hints, error, children }: FieldFrameProps) {
  const id = React.useId();
  const hintIds = hints.map((_, index) => `${id}-hint-${index}`);
  const describedBy = [...hintIds, ...(error ? [`${id}-error`] : [])].join(' ');

  return (
    <Flex direction="column" alignItems="stretch" gap={2} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy || undefined}>
      <Flex gap={1}>
        <Typography id={`${id}-label`} variant="pi" fontWeight="bold" textColor="neutral800">
          {label}
          {required ? (
            <Typography textColor="danger600" aria-hidden>
              *
            </Typography>
          ) : null}
        </Typography>
        {labelAction}
      </Flex>
      {hints.map((hint, index) => (
        <Typography key={hintIds[index]} id={hintIds[index]} tag="p" variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      ))}
      {error ? (
        <Typography id={`${id}-error`} tag="p" variant="pi" textColor="danger600" data-strapi-field-error role="alert">
          {error}
        </Typography>
      ) : null}
      {children}
    </Flex>
  );
}
