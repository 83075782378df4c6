import { en, type Strings } from './en.js';

export const es: Strings = { ...en };
