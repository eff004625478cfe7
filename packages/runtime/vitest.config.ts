export { default } from '../../vitest.integration';
