// Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in a page and returns its violations.
// The script goes in through the DevTools protocol, which the page's CSP does not govern.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

const requireFromWeb = createRequire(path.join(repoRoot, 'web/package.json'));
const axeSource = fs.readFileSync(requireFromWeb.resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    if (result.passes.length < 10) throw new Error(`axe checked too little (${result.passes.length} rules passed)`);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}

export function describeViolations(where, violations) {
  return violations
    .map((v) => `${where}: [${v.impact}] ${v.id} — ${v.help} (${v.targets.join(' | ')})`)
    .join('\n');
}

/** Runs axe on the page as it is now; adds a description of any violation to `found`. */
export async function collectViolations(page, where, found) {
  await page.waitForTimeout(150);
  const v = await axeViolations(page);
  if (v.length) found.push(describeViolations(where, v));
}

/** Turns the dim theme on or off with the page's own toggle. */
export async function setDim(page, on) {
  const toggle = page.getByRole('button', { name: 'Dim theme' });
  if (((await toggle.getAttribute('aria-pressed')) === 'true') !== on) await toggle.click();
}
