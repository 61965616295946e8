import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_FEATURES, removeBoilerplateBlocks, scoreBlock, type BlockModel, type BlockSample } from './boilerplate-blocks';
import { BLOCK_MODEL } from './boilerplate-blocks.weights';
import type { Removal } from './types';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/boilerplate-blocks', name), 'utf8');

function article(html: string): Element {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

/** A model of one split on one feature: mechanics tested apart from what training gives. */
function oneFeatureModel(name: (typeof BLOCK_FEATURES)[number], above: number, threshold = 0.5): BlockModel {
  return { base: 0, rate: 1, threshold, trees: [[BLOCK_FEATURES.indexOf(name), above, 0, -5, 5]] };
}

describe('removeBoilerplateBlocks (shipped model)', () => {
  it('takes the sign-up box after the story, keeps every paragraph and says why', () => {
    const root = article(fixture('tail-clutter.html'));
    const removed: Removal[] = [];
    removeBoilerplateBlocks(root, removed);
    const text = root.textContent ?? '';
    for (const kept of ['the water reached the second shelf', 'insurance money', 'A catalogue started again', 'families brought new boxes', 'reading room reopened']) {
      expect(text).toContain(kept);
    }
    // A link list after the story stays: on the tune pages such lists are as often the article's own (sources,
    // further reading) as teasers; the related rule takes the ones a "More from…" heading names, in the pipeline.
    expect(text).not.toContain('Sign up for our newsletter');
    expect(removed.length).toBeGreaterThan(0);
    for (const removal of removed) {
      expect(removal.rule).toBe('boilerplate-model');
      expect(removal.reason).toMatch(/^looks like boilerplate \(p=0\.\d\d: .+\)$/);
    }
  });
});

describe('removeBoilerplateBlocks (mechanics)', () => {
  it('observing gives every block its features and text, and removes nothing', () => {
    const root = article(fixture('tail-clutter.html'));
    const before = root.innerHTML;
    const samples: BlockSample[] = [];
    removeBoilerplateBlocks(root, [], { observe: (sample) => samples.push(sample) });
    expect(root.innerHTML).toBe(before);
    expect(samples.map((s) => s.text.slice(0, 20))).toEqual([
      'How a small town reb', 'When the river rose ', 'The librarian, who h', 'A catalogue started ',
      'The digital catalogu', 'Some of those famili', 'The reading room reo', 'More from Riverside ',
      'Council approves new', 'Sign up for our news',
    ]);
    for (const sample of samples) expect(sample.features).toHaveLength(BLOCK_FEATURES.length);
    const linkDensity = BLOCK_FEATURES.indexOf('link density');
    expect(samples[8].features[linkDensity]).toBe(1);
    expect(samples[1].features[linkDensity]).toBe(0);
  });

  it('never takes more than a third of the article words, nor the only block', () => {
    const everything = oneFeatureModel('log words', -1); // says yes to every block
    const root = article(fixture('tail-clutter.html'));
    const words = (root.textContent ?? '').split(/\s+/).filter(Boolean).length;
    removeBoilerplateBlocks(root, [], { model: everything });
    const left = (root.textContent ?? '').split(/\s+/).filter(Boolean).length;
    expect(left).toBeLessThan(words);
    expect((words - left) * 3).toBeLessThanOrEqual(words + 3);

    const single = article('<p>Only one paragraph here, <a href="/x">all of it a link</a>.</p>');
    removeBoilerplateBlocks(single, [], { model: everything });
    expect(single.textContent).toContain('Only one paragraph');
  });

  it("never takes the page's own summary (a standfirst reads like a promo line)", () => {
    const everything = oneFeatureModel('log words', -1);
    const summary = 'Evacuation orders cover 40,000 residents as firefighters battle a blaze that has burned 12,000 acres.';
    const root = article(`<p>${summary}</p><p>${'The fire crossed the ridge overnight. '.repeat(20)}</p><p>Sign up for alerts.</p>`);
    const removed: Removal[] = [];
    removeBoilerplateBlocks(root, removed, { model: everything, summary: `${summary.slice(0, 80)}…` });
    expect(root.textContent).toContain('Evacuation orders cover 40,000 residents');
    expect(removed.map((r) => r.text)).toEqual(['Sign up for alerts.']);
  });

  it('never scores tables, figures or code', () => {
    const links = oneFeatureModel('link density', 0.5);
    const root = article(`<p>${'Prose words here. '.repeat(30)}</p><figure><a href="/big.jpg">Photo</a></figure>
      <table><tr><td><a href="/x">cell link</a></td></tr></table><pre><a href="/y">code link</a></pre><ul><li><a href="/z">teaser</a></li></ul>`);
    removeBoilerplateBlocks(root, [], { model: links });
    expect(root.querySelector('figure, table, pre')).not.toBeNull();
    expect(root.querySelectorAll('figure, table, pre')).toHaveLength(3);
    expect(root.querySelector('ul')).toBeNull();
  });

  it('adds up the trees and credits each split to its feature', () => {
    const heading = BLOCK_FEATURES.indexOf('is a heading');
    const links = BLOCK_FEATURES.indexOf('link density');
    const model: BlockModel = {
      base: -1, rate: 0.5, threshold: 0.5,
      trees: [[links, 0.5, 0.1, -1, [heading, 0.5, 2, 3, -2]], 1],
    };
    const features = BLOCK_FEATURES.map((name) => (name === 'link density' ? 0.9 : 0));
    const { probability, reasons } = scoreBlock(model, features);
    // -1 + 0.5 × 3 (link-heavy, not a heading) + 0.5 × 1
    expect(probability).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
    expect(reasons.split(', ')[0]).toBe('link density');
  });

  it('ships a trained model', () => {
    expect(BLOCK_MODEL.trees.length).toBeGreaterThan(10);
    expect(BLOCK_MODEL.threshold).toBeGreaterThanOrEqual(0.5);
    expect(BLOCK_MODEL.threshold).toBeLessThan(1);
  });
});
