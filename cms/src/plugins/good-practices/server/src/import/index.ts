export { parseSpringPage } from './parse-spring-page';
export { NotASpringPageError } from './errors';
export { resolveCountry } from './country-code';
export { parsePageDate } from './parse-date';
export { guessToolKind } from './tools';
export type * from './types';
