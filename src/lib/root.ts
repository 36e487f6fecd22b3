import { resolve } from 'node:path';

/** The folder holding `content/` and `data/`: `SCRUTINEER_ROOT`, or the working directory. */
export function contentRoot() {
  return resolve(process.env.SCRUTINEER_ROOT ?? process.cwd());
}
