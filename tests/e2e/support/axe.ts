// axe-core in a Playwright page: the serious and critical violations only (what the issue forbids).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  nodes: number;
}

export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated as a string: extension pages' CSP would refuse an injected <script>, evaluation is not subject to it.
  await page.evaluate(`${AXE_SOURCE};0`);
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: unknown[] }[] };
    const axe = (globalThis as unknown as { axe: { run(): Promise<Result> } }).axe;
    return (await axe.run()).violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.length }));
  });
  return violations.filter(({ impact }) => impact === 'serious' || impact === 'critical');
}
