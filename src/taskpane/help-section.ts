/**
 * The help view (taskpane.html#help): a short guide per section — what it does, the usual steps, what each message
 * means — with a list of the sections at the top (links to #help-<topic>). A chunk of its own, loaded when the help is
 * opened; built from help-model.ts, text nodes only.
 */
import './help.css';
import { addMessages, type Lang } from '../domain/i18n';
import { paneToolsVi } from '../domain/i18n/pane-tools-vi';
import type { HelpTopic } from '../domain/i18n/help-topics';
import { h, uid } from './dom';
import { helpModel, type HelpTopicModel } from './help-model';

// The tools views' messages the help quotes come with this chunk too (English ones with the English catalog).
addMessages('vi', paneToolsVi);

export interface HelpView {
  readonly el: HTMLElement;
  /** The heading to move the focus to when the help (or one topic of it) is opened. */
  heading(topic: HelpTopic | null): HTMLElement | null;
}

function topicCard(topic: HelpTopicModel, stepsHeading: string, messagesHeading: string): { el: HTMLElement; heading: HTMLElement } {
  const headingId = uid('help-h');
  const heading = h('h2', { id: headingId, tabindex: -1, 'data-focus-key': `help-${topic.topic}` }, topic.title);
  const el = h(
    'section',
    { class: 'card help-topic', id: `help-${topic.topic}`, 'data-help': topic.topic, 'aria-labelledby': headingId },
    heading,
    h('p', {}, topic.what),
    topic.steps.length > 0 ? [h('h3', {}, stepsHeading), h('ol', { class: 'help-steps' }, topic.steps.map((s) => h('li', {}, s)))] : null,
    topic.messages.length > 0
      ? [
          h('h3', {}, messagesHeading),
          h(
            'dl',
            { class: 'help-messages' },
            topic.messages.flatMap((m) => [h('dt', { 'data-key': m.key }, m.text), h('dd', {}, m.meaning)]),
          ),
        ]
      : null,
  );
  return { el, heading };
}

export function helpView(lang: Lang): HelpView {
  const model = helpModel(lang);
  const titleId = uid('help-title');
  const title = h('h2', { id: titleId, class: 'help-title', tabindex: -1, 'data-focus-key': 'help-title' }, model.title);
  const cards = model.topics.map((topic) => ({ topic: topic.topic, ...topicCard(topic, model.stepsHeading, model.messagesHeading) }));
  const contentsId = uid('help-contents');
  const contents = h(
    'nav',
    { class: 'help-contents', 'aria-labelledby': contentsId },
    h('h3', { id: contentsId }, model.contents),
    h('ul', {}, model.topics.map((topic) => h('li', {}, h('a', { href: `#help-${topic.topic}` }, topic.title)))),
  );
  const el = h(
    'section',
    { class: 'help', 'aria-labelledby': titleId, 'data-view': 'help' },
    h('div', { class: 'card' }, title, h('p', { class: 'intro' }, model.intro), contents),
    cards.map((c) => c.el),
  );
  return {
    el,
    heading: (topic) => (topic === null ? title : (cards.find((c) => c.topic === topic)?.heading ?? title)),
  };
}
