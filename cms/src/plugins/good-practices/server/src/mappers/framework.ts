/** The public framework: retired checklist items are left out. */
import type { FrameworkGroup } from '../../../contract';
import { activeItemsOfQuestion, type FrameworkTree } from '../domain/framework-tree';

export function mapFramework(tree: FrameworkTree): FrameworkGroup[] {
  return tree.map((group) => ({
    key: group.key,
    order: group.order,
    title: group.title,
    description: group.description,
    questions: group.questions.map((question) => ({
      key: question.key,
      order: question.order,
      text: question.text,
      items: activeItemsOfQuestion(question).map((item) => ({ key: item.key, order: item.order, text: item.text })),
    })),
  }));
}
