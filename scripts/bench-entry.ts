// The bench's in-page bundle: the full Clarté pipeline and plain Readability, side by side on `window`, so both
// are timed on the same page in the same run (scripts/bench.ts bundles this with esbuild). The pipeline is
// `cleanPage`, the very call the content script makes (its bounds, no Markdown until a copy asks for it).
import { Readability } from '@mozilla/readability';
import { cleanPage } from '../lib/pipeline';

(window as unknown as { __clarteBench: unknown }).__clarteBench = { cleanPage, Readability };
