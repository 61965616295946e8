// Shared by the rule tests: run one rule over its fixture, as written and with every class/id (and
// data-component-like names) replaced by a hash, the way CSS-in-JS sites ship them (`sc-1h2k3`).
// Fixture marks: data-expect="removed" must go in both versions (found by text and structure),
// "named" must go when names are real (an empty ad slot has nothing else to go by), "kept" must stay in both.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { applyRules } from '../cleanup';
import type { Removal } from '../types';
import type { Rule } from './rule';

export function loadFixture(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures', `${name}.html`), 'utf8');
}

const HASHED_ATTRIBUTES = ['class', 'id', 'data-component', 'data-module', 'data-testid'];

/** Every class, id and component name replaced by a meaningless hash of it. */
export function hashNames(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attribute of HASHED_ATTRIBUTES) {
      const value = el.getAttribute(attribute);
      if (value) el.setAttribute(attribute, value.split(/\s+/).map(hashName).join(' '));
    }
  }
}

function hashName(name: string): string {
  let hash = 7;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `sc-${hash.toString(36)}`;
}

export interface RuleRun {
  doc: Document;
  removed: Removal[];
  /** Text left in the body, whitespace collapsed. */
  text: string;
}

/** Checks the fixture's marks after running `rule` on it, in both versions; returns both runs. */
export function expectFixture(rule: Rule, fixture: string): { plain: RuleRun; hashed: RuleRun } {
  const html = loadFixture(fixture);
  const plain = checkMarks(rule, html, false);
  const hashed = checkMarks(rule, html, true);
  return { plain, hashed };
}

function checkMarks(rule: Rule, html: string, hashed: boolean): RuleRun {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (hashed) hashNames(doc);
  const marked = Array.from(doc.querySelectorAll('[data-expect]'));
  expect(marked.length, 'fixture has marked elements').toBeGreaterThan(0);
  const removed: Removal[] = [];
  applyRules(doc.body, [rule], removed);
  const version = hashed ? 'hashed names' : 'real names';
  for (const el of marked) {
    const expectation = el.getAttribute('data-expect');
    const label = `${expectation} (${version}): ${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 70) || el.outerHTML.slice(0, 70)}`;
    const present = doc.body.contains(el);
    if (expectation === 'kept') expect(present, label).toBe(true);
    else if (expectation === 'removed' || (expectation === 'named' && !hashed)) expect(present, label).toBe(false);
  }
  for (const removal of removed) {
    expect(removal.rule).toBe(rule.name);
    expect(removal.reason.length).toBeGreaterThan(3);
    expect(removal.text.length).toBeLessThanOrEqual(80);
  }
  return { doc, removed, text: (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim() };
}
