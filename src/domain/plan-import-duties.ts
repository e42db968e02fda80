/**
 * The duties of section "III. TỔ CHỨC THỰC HIỆN" (domain.md §2): under each actor ("1. Các cơ quan, tổ chức, đơn vị",
 * "2. Sở Nội vụ") the lettered paragraphs "a) …", "b) …" become tasks III.1.a, III.2.b…, led by the actor. A dated
 * phrase in a duty ("trước ngày 30/01/2026") is its deadline, kept as written; a duty with two dates is two
 * deliverables, one per sentence (III.1.i.1, III.1.i.2). A paragraph without a letter continues the duty above it
 * (a duty broken by a page). Nothing else of the text is read.
 */
import type { RowRef } from './plan-import-table';

export interface DutyItem {
  readonly id: string;
  readonly section: string;
  readonly where: RowRef;
  readonly content: string;
  readonly leadText: string;
  readonly deadlineText: string;
}

export interface Duties {
  readonly sections: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  readonly items: readonly DutyItem[];
}

const tidy = (s: string): string => s.normalize('NFC').replace(/\*\*/g, '').replace(/[\u00a0\u2007\u202f\s]+/g, ' ').trim();
const DATED = /(?:trước ngày|chậm nhất(?: là)?(?: ngày)?|trước)\s+\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/giu;

/** "Các cơ quan, …" → "các cơ quan, …"; a named body keeps its capital. */
function actorInTitle(actor: string): string {
  return /^Các\s/u.test(actor) ? `c${actor.slice(1)}` : actor;
}

/** Sentences grouped so that each group ends with the sentence naming its date. */
function deliverables(content: string): Array<{ content: string; deadline: string }> {
  const dates = content.match(DATED) ?? [];
  if (dates.length <= 1) return [{ content, deadline: dates[0] ?? '' }];
  const sentences = content.split(/(?<=\.)\s+(?=\p{Lu})/u);
  const out: Array<{ content: string; deadline: string }> = [];
  let pending: string[] = [];
  for (const s of sentences) {
    pending.push(s);
    const found = s.match(DATED);
    if (found && found.length === 1) {
      out.push({ content: pending.join(' '), deadline: found[0] ?? '' });
      pending = [];
    }
  }
  if (out.length < 2) return [{ content, deadline: '' }];
  const last = out[out.length - 1];
  if (pending.length > 0 && last) out[out.length - 1] = { ...last, content: [last.content, ...pending].join(' ') };
  return out;
}

export function readDuties(paragraphs: readonly string[]): Duties {
  const lines = paragraphs.map(tidy);
  const start = lines.findIndex((l) => /^([IVX]+)\.\s*TỔ CHỨC THỰC HIỆN$/iu.test(l));
  if (start < 0) return { sections: [], items: [] };
  const roman = /^([IVX]+)\./u.exec(lines[start] ?? '')?.[1] ?? 'III';
  const sections: Array<{ id: string; title: string }> = [];
  const raw: Array<{ id: string; section: string; where: RowRef; content: string; leadText: string }> = [];
  let section: { id: string; actor: string } | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    if (/^(?:[IVX]+\.\s|Trên đây là|Nơi nhận)/u.test(line)) break;
    const actor = /^(\d+)\.\s+(.+)$/u.exec(line);
    if (actor) {
      section = { id: `${roman}.${actor[1] ?? ''}`, actor: (actor[2] ?? '').replace(/[.:]$/, '') };
      sections.push({ id: section.id, title: `${section.id}. Nhiệm vụ của ${actorInTitle(section.actor)}` });
      continue;
    }
    if (section === null) continue;
    const duty = /^([a-zđ])\)\s+(.+)$/u.exec(line);
    const last = raw[raw.length - 1];
    if (duty) raw.push({ id: `${section.id}.${duty[1] ?? ''}`, section: section.id, where: { row: 0, paragraph: i + 1 }, content: duty[2] ?? '', leadText: section.actor });
    else if (last && last.section === section.id) last.content = `${last.content} ${line}`;
  }
  const items = raw.flatMap((d) => {
    const parts = deliverables(d.content);
    return parts.map((p, k) => ({
      id: parts.length > 1 ? `${d.id}.${k + 1}` : d.id, section: d.section, where: d.where, content: p.content, leadText: d.leadText, deadlineText: p.deadline,
    }));
  });
  return { sections, items };
}
