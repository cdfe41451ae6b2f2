import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import { type MessageKey, useText } from '../translations/messages';
import {
  actionsAt,
  applyAction,
  localToday,
  readStatus,
  stepIndex,
  VALIDATION_STEPS,
  type ValidationStatus,
  type WorkflowAction,
} from './validation-workflow';

const STEP_LABELS: Record<ValidationStatus, MessageKey> = {
  submitted: 'editView.workflow.step.submitted',
  'in-review': 'editView.workflow.step.in-review',
  validated: 'editView.workflow.step.validated',
};

const ACTION_LABELS: Record<WorkflowAction, MessageKey> = {
  submit: 'editView.workflow.action.submit',
  startReview: 'editView.workflow.action.startReview',
  validate: 'editView.workflow.action.validate',
  reopen: 'editView.workflow.action.reopen',
};

interface ValidationWorkflowProps {
  /** Translators only see the steps: the server refuses their changes to shared facts. */
  readOnly: boolean;
}

/**
 * The validation status as steps, with the one next action as a button. The buttons change the
 * form's values (status and date) like the fields below would; the editor saves or publishes as
 * usual.
 */
export function ValidationWorkflow({ readOnly }: ValidationWorkflowProps) {
  const text = useText();
  const values = useForm('GoodPracticesWorkflow', (form) => form.values) as Record<string, unknown>;
  const onChange = useForm('GoodPracticesWorkflow', (form) => form.onChange);
  const disabled = useForm('GoodPracticesWorkflow', (form) => form.disabled);
  const status = readStatus(values.validationStatus);
  const date = typeof values.validationDate === 'string' && values.validationDate !== '' ? values.validationDate : null;
  const current = stepIndex(status);

  const run = (action: WorkflowAction) => {
    const next = applyAction(action, { validationStatus: status, validationDate: date }, localToday());
    onChange('validationStatus', next.validationStatus);
    onChange('validationDate', next.validationDate);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Box tag="ol" aria-label={text('editView.workflow.steps')}>
        {VALIDATION_STEPS.map((step, index) => (
          <Box tag="li" key={step} paddingTop={1} aria-current={index === current ? 'step' : undefined}>
            <Typography variant="omega" fontWeight={index === current ? 'bold' : 'regular'} textColor={index <= current ? 'primary700' : 'neutral600'}>
              {index < current ? '✓ ' : index === current ? '● ' : '○ '}
              {text(STEP_LABELS[step])}
            </Typography>
          </Box>
        ))}
      </Box>
      <Typography tag="p" variant="pi" textColor="neutral700">
        {status === null ? text('editView.workflow.notSubmitted') : null}
        {status === 'validated'
          ? date
            ? text('editView.workflow.validatedOn', { date })
            : text('editView.workflow.validatedNoDate')
          : null}
      </Typography>
      {readOnly ? (
        <Typography tag="p" variant="pi" textColor="neutral600">
          {text('editView.workflow.translator')}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {actionsAt(status).map((action) => (
            <Button key={action} variant={action === 'reopen' ? 'tertiary' : 'secondary'} disabled={disabled} onClick={() => run(action)} fullWidth>
              {text(ACTION_LABELS[action])}
            </Button>
          ))}
          <Typography tag="p" variant="pi" textColor="neutral600">
            {text('editView.workflow.saveHint')}
          </Typography>
        </Flex>
      )}
    </Flex>
  );
}
