import { describe, expect, it } from 'vitest';
import { catalog, type MessageKey } from '../../src/domain/i18n';
import { helpEn } from '../../src/domain/i18n/help-en';
import { HELP_TOPICS } from '../../src/domain/i18n/help-topics';
import { helpVi } from '../../src/domain/i18n/help-vi';
import { SAMPLES, helpModel, quoteMessage } from '../../src/taskpane/help-model';
import { hashOf, routeFromHash } from '../../src/taskpane/route';
import { SECTIONS, initialState, reduce } from '../../src/taskpane/state';

describe('the route from the address', () => {
  it('opens the help at #help (the manifest\'s SupportUrl and LearnMoreUrl), the sections otherwise', () => {
    expect(routeFromHash('#help')).toEqual({ view: 'help', topic: null });
    expect(routeFromHash('#HELP')).toEqual({ view: 'help', topic: null });
    expect(routeFromHash('#help-check')).toEqual({ view: 'help', topic: 'check' });
    expect(routeFromHash('#help-general')).toEqual({ view: 'help', topic: 'general' });
    expect(routeFromHash('#help-nothing')).toEqual({ view: 'help', topic: null });
    expect(routeFromHash('')).toEqual({ view: 'main' });
    expect(routeFromHash('#')).toEqual({ view: 'main' });
    expect(routeFromHash('#helpme')).toEqual({ view: 'main' });
  });

  it('writes the address back', () => {
    expect(hashOf({ view: 'help', topic: null })).toBe('#help');
    expect(hashOf({ view: 'help', topic: 'forms' })).toBe('#help-forms');
    for (const topic of HELP_TOPICS) expect(routeFromHash(hashOf({ view: 'help', topic }))).toEqual({ view: 'help', topic });
    expect(routeFromHash(hashOf({ view: 'main' }))).toEqual({ view: 'main' });
  });

  it('is part of the pane state, the sections first', () => {
    const s = initialState('vi', Date.UTC(2026, 2, 1), { statisticsYear: 2025 });
    expect(s.route).toEqual({ view: 'main' });
    expect(reduce(s, { type: 'route', route: { view: 'help', topic: 'check' } }).route).toEqual({ view: 'help', topic: 'check' });
  });
});

describe('the help', () => {
  it('has a part for every section of the pane, and one for the messages of any section', () => {
    for (const section of SECTIONS) expect(HELP_TOPICS).toContain(section);
    expect(HELP_TOPICS).toContain('general');
    for (const lang of ['vi', 'en'] as const) {
      const model = helpModel(lang);
      expect(model.topics.map((t) => t.topic)).toEqual([...HELP_TOPICS]);
      for (const topic of model.topics) {
        expect(topic.title, `${lang} ${topic.topic}`).not.toBe(topic.topic);
        expect(topic.what.length, `${lang} ${topic.topic}`).toBeGreaterThan(20);
        if (topic.topic !== 'general') expect(topic.steps.length, `${lang} ${topic.topic}`).toBeGreaterThanOrEqual(2);
        expect(topic.messages.length, `${lang} ${topic.topic}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('uses the sections\' own headings', () => {
    const vi = helpModel('vi');
    expect(vi.topics.find((t) => t.topic === 'insert')?.title).toBe(catalog('vi')['pane.insert.heading']);
    expect(helpModel('en').topics.find((t) => t.topic === 'check')?.title).toBe(catalog('en')['pane.check.heading']);
  });

  it('explains the same messages in both languages', () => {
    for (const topic of HELP_TOPICS) {
      expect(Object.keys(helpEn.topics[topic].messages).sort(), topic).toEqual(Object.keys(helpVi.topics[topic].messages).sort());
    }
  });

  it('quotes each message as the pane shows it, with example values where it names something', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const topic of helpModel(lang).topics) {
        for (const m of topic.messages) {
          const raw: unknown = catalog(lang)[m.key];
          if (typeof raw === 'function') expect(SAMPLES[m.key], `sample for ${m.key}`).toBeDefined();
          else expect(m.text).toBe(raw);
          expect(m.text, m.key).not.toMatch(/undefined|NaN|\[object/);
          expect(m.meaning.length, m.key).toBeGreaterThan(10);
        }
      }
    }
    expect(quoteMessage('vi', 'pane.settings.asOfInvalid')).toContain('"31/02/2026"');
    expect(quoteMessage('en', 'pane.insert.skipped')).toContain(catalog('en')['pane.feature.dataValidation']);
  });

  it('keeps no example values for messages it does not explain', () => {
    const explained = new Set<MessageKey>(HELP_TOPICS.flatMap((t) => Object.keys(helpVi.topics[t].messages) as MessageKey[]));
    for (const key of Object.keys(SAMPLES)) expect(explained, key).toContain(key);
  });

  it('is written in Vietnamese with its diacritics, and in English', () => {
    const vi = JSON.stringify(helpModel('vi'));
    expect(vi).toMatch(/Hướng dẫn sử dụng/);
    expect(vi).toMatch(/[ạảãấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỹỵđ]/);
    const en = helpModel('en');
    expect(en.title).toBe('How to use the add-in');
    // English, except the names the user sees in Vietnamese in any case (sheet names, the ribbon button).
    for (const topic of en.topics) expect(topic.what, topic.topic).toMatch(/\b(the|any)\b/);
  });
});
