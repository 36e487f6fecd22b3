/**
 * Whether a build has the memory for what runs beside its pages: 1 GiB or more, a cgroup's limit
 * (`process.constrainedMemory()`) or else the machine's memory. scripts/build.mjs then loads
 * Astro beside the content's check and sets the young generation's size, and the link preview
 * cards are drawn in the background and a few ahead (cards/site-cards.ts). With less, on the
 * smallest machines (256 to 512 MiB), everything runs one thing at a time. One place, so that the
 * build's processes, which share the limit, decide alike. Plain JavaScript, for build.mjs.
 */
import { totalmem } from 'node:os';

export function roomy() {
  return Math.min(process.constrainedMemory?.() || Infinity, totalmem()) >= 1024 ** 3;
}
