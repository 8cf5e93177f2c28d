/** The project's root directory (where package.json is), for files the library reads. */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
