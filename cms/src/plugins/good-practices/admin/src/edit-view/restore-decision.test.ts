import { describe, expect, it } from 'vitest';
import { type FormSnapshot, INITIAL_KEEP_EDITS, type KeepEditsState, nextKeepEdits } from './restore-decision';

/** Runs the form states one after the other, applying each restore as the hook does. */
function run(snapshots: FormSnapshot[]): { restores: unknown[]; state: KeepEditsState } {
  let state = INITIAL_KEEP_EDITS;
  const restores: unknown[] = [];
  for (const snapshot of snapshots) {
    const step = nextKeepEdits(state, snapshot);
    state = step.state;
    if (step.restore !== undefined) restores.push(step.restore);
  }
  return { restores, state };
}

const stored = { title: 'Stored', country: 'DE' };
const optimistic = { title: 'Typed by the editor', country: 'XX', updatedAt: 'x' };
const edited = { title: 'Typed by the editor', country: 'XX' };
const editing: FormSnapshot = { values: edited, initialValues: stored, isSubmitting: false };

describe('edits handed back after a refused save', () => {
  it('undo before the submission ends (the order seen in Strapi 5.54): the edits come back once', () => {
    const { restores } = run([
      { values: stored, initialValues: stored, isSubmitting: false },
      editing,
      { ...editing, isSubmitting: true },
      { values: optimistic, initialValues: optimistic, isSubmitting: true },
      { values: stored, initialValues: stored, isSubmitting: true },
      { values: stored, initialValues: stored, isSubmitting: false },
    ]);
    expect(restores).toEqual([edited]);
  });

  it('undo or refetch after the submission ended: the edits come back after each re-initialisation', () => {
    const { restores } = run([
      editing,
      { ...editing, isSubmitting: true },
      { values: optimistic, initialValues: optimistic, isSubmitting: true },
      { values: optimistic, initialValues: optimistic, isSubmitting: false },
      { values: edited, initialValues: optimistic, isSubmitting: false },
      { values: stored, initialValues: stored, isSubmitting: false },
    ]);
    expect(restores).toEqual([edited, edited]);
  });

  it('does nothing after a successful save, nor on the refetch that follows it', () => {
    const saved = { ...edited, updatedAt: 'now' };
    const { restores, state } = run([
      editing,
      { ...editing, isSubmitting: true },
      { values: optimistic, initialValues: optimistic, isSubmitting: true },
      { values: edited, initialValues: edited, isSubmitting: true },
      { values: edited, initialValues: edited, isSubmitting: false },
      { values: saved, initialValues: saved, isSubmitting: false },
    ]);
    expect(restores).toEqual([]);
    expect(state.armed).toBe(false);
  });

  it('keeps the latest edits made after a refusal, and a later successful save disarms it', () => {
    const more = { ...edited, country: 'DE' };
    const { restores, state } = run([
      editing,
      { ...editing, isSubmitting: true },
      { values: stored, initialValues: stored, isSubmitting: false },
      { values: edited, initialValues: stored, isSubmitting: false },
      { values: more, initialValues: stored, isSubmitting: false },
      { values: more, initialValues: stored, isSubmitting: true },
      { values: more, initialValues: more, isSubmitting: false },
    ]);
    expect(restores).toEqual([edited]);
    expect(state.armed).toBe(false);
  });

  it('does nothing when the editor had not edited anything or nothing was submitted', () => {
    expect(run([{ values: stored, initialValues: stored, isSubmitting: true }, { values: stored, initialValues: stored, isSubmitting: false }]).restores).toEqual([]);
    const other = { title: 'Another document' };
    expect(run([editing, { values: other, initialValues: other, isSubmitting: false }]).restores).toEqual([]);
  });
});
