import { en, type Strings } from './en.js';

export const pl: Strings = { ...en };
