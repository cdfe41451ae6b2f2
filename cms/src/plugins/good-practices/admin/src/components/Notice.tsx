import { Box, Typography } from '@strapi/design-system';
import type * as React from 'react';

interface NoticeProps {
  variant: 'warning' | 'danger' | 'neutral';
  title?: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}

const colors = {
  warning: { background: 'warning100', border: 'warning200' },
  danger: { background: 'danger100', border: 'danger200' },
  neutral: { background: 'neutral100', border: 'neutral200' },
} as const;

/**
 * A message inside a field that stays until its cause is gone (the design-system Alert always
 * offers a close button, which would only hide a fact the editor needs).
 */
export function Notice({ variant, title, children, action }: NoticeProps) {
  return (
    <Box
      background={colors[variant].background}
      borderColor={colors[variant].border}
      borderStyle="solid"
      borderWidth="1px"
      hasRadius
      padding={3}
      role={variant === 'danger' ? 'alert' : 'status'}
    >
      {title ? (
        <Typography tag="p" variant="omega" fontWeight="bold" textColor="neutral800">
          {title}
        </Typography>
      ) : null}
      <Typography tag="p" variant="omega" textColor="neutral800">
        {children}
      </Typography>
      {action ? <Box paddingTop={2}>{action}</Box> : null}
    </Box>
  );
}
