import { Notice } from '../components/Notice';
import { useText } from '../translations/messages';
import type { OutdatedAnswer } from './answers-value';

/** Lists the stored answers to questions the framework no longer has: kept as they are. */
export function OutdatedAnswersNotice({ answers }: { answers: readonly OutdatedAnswer[] }) {
  const text = useText();
  if (answers.length === 0) return null;
  const list = answers.map((answer) => text('answers.outdated.entry', { excerpt: answer.excerpt })).join('; ');
  return (
    <Notice variant="warning" title={text('answers.outdated.title')}>
      {text('answers.outdated.body', { count: answers.length, list })}
    </Notice>
  );
}
