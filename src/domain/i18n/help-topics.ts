/** The parts of the pane's help: its sections, then what any section may say (kept apart so the pane's first load can
 * name them without loading the help texts). */
export const HELP_TOPICS = ['insert', 'summary', 'forms', 'check', 'consolidate', 'documents', 'settings', 'general'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];
