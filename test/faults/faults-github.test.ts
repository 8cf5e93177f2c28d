/** The fault matrix on every call the action makes to GitHub, and both services refusing connections (matrix.ts). */
import { defineMatrix, defineRefused } from './matrix.js';

defineMatrix('GitHub');
defineRefused();
