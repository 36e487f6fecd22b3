/** Statistics stay pure: no rendering library, no Astro, so they can be tested with tiny tables. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../src/lib/stats');

describe('src/lib/stats', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.ts')))('%s imports neither Plot, linkedom nor Astro at run time', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
    for (const spec of runtimeImports) expect(spec).not.toMatch(/^(@observablehq\/plot|linkedom|astro)|\/pages\//);
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    // Formatting must not depend on the build machine's locale.
    expect(code).not.toMatch(/toLocaleString|Intl\./);
  });
});
