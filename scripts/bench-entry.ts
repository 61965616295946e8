// The bench's in-page bundle: the full Clarté pipeline and plain Readability, side by side on `window`, so both
// are timed on the same page in the same run (scripts/bench.ts bundles this with esbuild).
import { Readability } from '@mozilla/readability';
import { cleanDocument } from '../lib/pipeline';

(window as unknown as { __clarteBench: unknown }).__clarteBench = { cleanDocument, Readability };
