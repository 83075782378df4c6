import { en, type Strings } from './en.js';

export const it: Strings = { ...en };
