import { en, type Strings } from './en.js';

export const de: Strings = { ...en };
