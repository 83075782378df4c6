import { en, type Strings } from './en.js';

export const nl: Strings = { ...en };
