/**
 * zod as the pane's build gives it (webpack.config.js resolves `zod` here for the task pane only; the command line
 * keeps zod as it is): the same library, with its just-in-time parser off before any schema is made.
 *
 * zod's object schemas try `new Function('')` once, to decide whether to compile a faster parser. The pages'
 * Content-Security-Policy has no 'unsafe-eval' (scripts/csp.cjs), so the attempt fails; zod catches the error and
 * parses without compiling, but the browser still reports a violation of the policy each session. With `jitless`
 * zod makes no attempt and parses as it would have anyway (the packs the pane parses are small).
 */
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { z, z as default } from 'zod/v4';
