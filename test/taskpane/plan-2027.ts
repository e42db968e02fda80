/** A small made-up 2027 plan for the pane's tests: the bundled plan with another id, year, title and deadlines. */
import type { PlanPack } from '../../src/domain/plan-pack';
import { defaultPlanPack } from '../../src/packs';

export function plan2027(): PlanPack {
  const base = defaultPlanPack();
  return {
    ...base,
    id: 'tn-vtlt-2027',
    title: 'Kế hoạch công tác văn thư, lưu trữ năm 2027',
    year: 2027,
    statisticsYear: 2026,
    trackerSheetName: 'Theo dõi nhiệm vụ 2027',
    tasks: base.tasks.map((task) => ({
      ...task,
      content: task.id === '1' ? 'Xây dựng, ban hành Kế hoạch công tác văn thư, lưu trữ năm 2027' : task.content,
      deadlineText: task.id === '1' ? 'Tháng 02/2027' : task.deadlineText.replace(/2026/g, '2027'),
    })),
  };
}
