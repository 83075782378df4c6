import { en, type Strings } from './en.js';

export const fr: Strings = { ...en };
