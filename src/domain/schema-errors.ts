import type { z } from 'zod';

type PathPart = PropertyKey;

function pathText(path: readonly PathPart[]): string {
  const text = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
  return text === '' ? '(gốc)' : text;
}

/** One line per problem, naming the field by its path: "tasks[3].deadlineText: …". */
export function describeZodError(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) =>
    // An unknown key is named by its own path ("tasks[2].deadlineTxt"), not only by the object holding it.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${pathText([...issue.path, key])}: ${issue.message}`)
      : [`${pathText(issue.path)}: ${issue.message}`],
  );
}

export type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };
