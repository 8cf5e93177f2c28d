/** The fault matrix on every call the action makes to Netlify (matrix.ts). */
import { defineMatrix } from './matrix.js';

defineMatrix('Netlify');
