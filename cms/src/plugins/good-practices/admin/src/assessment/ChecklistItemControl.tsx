import { Radio, Typography } from '@strapi/design-system';
import * as React from 'react';
import { styled } from 'styled-components';
import { useText } from '../translations/messages';
import { CHECKLIST_STATES, isChecklistState, type ChecklistState } from './assessment-value';
import { stateLabels } from './state-labels';

interface ChecklistItemControlProps {
  itemKey: string;
  /** The item's text in the locale being edited. */
  text: string;
  state: ChecklistState;
  disabled: boolean;
  onStateChange: (itemKey: string, state: ChecklistState) => void;
}

/**
 * One checklist item: its text is the legend of a fieldset holding a Met / Not met / Not assessed
 * radio group, so a screen reader announces the item with each choice. The coloured edge repeats
 * the state for the eye (the checked radio says it in words).
 */
export const ChecklistItemControl = React.memo(function ChecklistItemControl({ itemKey, text, state, disabled, onStateChange }: ChecklistItemControlProps) {
  const label = useText();
  return (
    <ItemFieldset $state={state} disabled={disabled}>
      <Typography tag="legend" variant="omega" textColor="neutral800" dir="auto">
        {text}
      </Typography>
      <StateGroup
        value={state}
        disabled={disabled}
        orientation="horizontal"
        onValueChange={(value) => {
          if (isChecklistState(value)) onStateChange(itemKey, value);
        }}
      >
        {CHECKLIST_STATES.map((choice) => (
          <Radio.Item key={choice} value={choice}>
            {label(stateLabels[choice])}
          </Radio.Item>
        ))}
      </StateGroup>
    </ItemFieldset>
  );
});

const edgeColor = { met: 'success500', 'not-met': 'danger500', 'not-assessed': 'neutral300' } as const;

const ItemFieldset = styled.fieldset<{ $state: ChecklistState }>`
  margin: 0;
  min-width: 0;
  border: 0;
  border-inline-start: 4px solid ${({ theme, $state }) => theme.colors[edgeColor[$state]]};
  padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
  display: grid;
  grid-template-columns: minmax(0, 1fr) auto;
  align-items: center;
  gap: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[6]}`};

  & + & {
    border-top: 1px solid ${({ theme }) => theme.colors.neutral150};
  }

  /* A floated legend becomes an ordinary grid item instead of sitting on the border. */
  > legend {
    float: inline-start;
    padding: 0;
  }

  @media (max-width: 1100px) {
    grid-template-columns: minmax(0, 1fr);
  }
`;

const StateGroup = styled(Radio.Group)`
  flex-direction: row;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.spaces[4]};
`;
