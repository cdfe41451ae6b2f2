import { describe, expect, it } from 'vitest';
import { submissionSettings } from '../../server/src/submissions/settings';

describe('SUBMISSION_NOTIFY_TO', () => {
  it('is undefined when not set: the editors are told', () => {
    expect(submissionSettings({}).notifyTo).toBeUndefined();
    expect(submissionSettings({ SUBMISSION_NOTIFY_TO: ' ' }).notifyTo).toBeUndefined();
  });

  it('lists the addresses given, separated by commas', () => {
    expect(submissionSettings({ SUBMISSION_NOTIFY_TO: 'desk@example.org, editors@example.org,' }).notifyTo).toEqual(['desk@example.org', 'editors@example.org']);
  });

  it('stops the CMS on something that is not an address, naming the variable', () => {
    expect(() => submissionSettings({ SUBMISSION_NOTIFY_TO: 'desk@example.org, nobody' })).toThrow(/SUBMISSION_NOTIFY_TO.*"nobody"/);
    expect(() => submissionSettings({ SUBMISSION_NOTIFY_TO: ',' })).toThrow(/SUBMISSION_NOTIFY_TO/);
  });
});
