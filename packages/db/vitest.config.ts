// db.int.test.ts opens PGlite and migrates it: seconds on a busy machine, not vitest's default 5.
export { default } from '../../vitest.integration';
