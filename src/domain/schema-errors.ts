import type { z } from 'zod';

/** One line per problem, naming the field by its path: "tasks[3].deadlineText: …". */
export function describeZodError(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join('');
    return `${path === '' ? '(gốc)' : path}: ${issue.message}`;
  });
}

export type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };
