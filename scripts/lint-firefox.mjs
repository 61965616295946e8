// `npm run lint:firefox [dir...]`: addons-linter on the built Firefox extension (default: every
// `.output/firefox-mv*` build present). Fails on any error, and on any warning that comes from our own code;
// warnings from bundled libraries (Readability, DOMPurify...) are listed apart so the README can document them.
//
// The build is minified, so a warning's line and column say nothing of where the code came from. To tell, the
// same build is made again with source maps in a temporary directory (same browser and mode, so the same bytes
// apart from the map comment) and each warning's position is looked up in the map.
import addonsLinter from 'addons-linter';
import { build } from 'wxt';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';

async function lint(dir) {
  const linter = addonsLinter.createInstance({
    config: {
      _: [dir],
      logLevel: 'fatal',
      stack: false,
      pretty: false,
      warningsAsErrors: false,
      metadata: false,
      output: 'none',
      boring: false,
      selfHosted: false,
    },
    runAsBinary: false,
  });
  const { errors, warnings, notices } = await linter.run();
  return { errors, warnings, notices };
}

/** `firefox-mv3-e2e` → `e2e`, `firefox-mv3` → `production` (WXT's output directory names). */
function modeOf(dir) {
  const suffix = basename(dir).replace(/^firefox-mv\d/, '');
  return suffix === '' ? 'production' : suffix === '-dev' ? 'development' : suffix.slice(1);
}

async function buildWithSourceMaps(mode) {
  const outDir = mkdtempSync(join(tmpdir(), 'clarte-lint-'));
  await build({
    browser: 'firefox',
    mode,
    outDir,
    logger: { ...console, debug() {}, info() {}, log() {}, success() {}, warn: console.warn, error: console.error },
    vite: () => ({ build: { sourcemap: true } }),
  });
  const [built] = readdirSync(outDir).filter((name) => name.startsWith('firefox-'));
  return { root: outDir, dir: join(outDir, built) };
}

/** Where a position of a built file came from: `our code (entrypoints/x.ts)` or the npm package's name. */
function originOf(mappedDir, file, line, column) {
  const mapPath = join(mappedDir, `${file}.map`);
  if (!existsSync(mapPath) || !line) return { library: null, source: `${file} (no source map)` };
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  // addons-linter positions are ESLint's: line and column both count from 1.
  const entry = new SourceMap(map).findEntry(line - 1, Math.max(0, (column ?? 1) - 1));
  const source = entry?.originalSource ? relative(process.cwd(), resolve(mappedDir, file, '..', entry.originalSource)) : null;
  if (!source) return { library: null, source: `${file} (unmapped)` };
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return { library: inPackage ? inPackage[1] : null, source: `${source}:${(entry.originalLine ?? 0) + 1}` };
}

const key = (message) => `${message.code}|${message.file}|${message.line}|${message.column}`;

const dirs = process.argv.slice(2).length
  ? process.argv.slice(2).map((dir) => resolve(dir))
  : existsSync('.output')
    ? readdirSync('.output')
        .filter((name) => /^firefox-mv\d/.test(name))
        .map((name) => resolve('.output', name))
    : [];
if (!dirs.length) {
  console.error('No Firefox build to lint: run `npx wxt build -b firefox` (or pass a directory).');
  process.exit(1);
}

let failed = false;
for (const dir of dirs) {
  const shipped = await lint(dir);
  const mapped = await buildWithSourceMaps(modeOf(dir));
  try {
    const mappedWarnings = new Map((await lint(mapped.dir)).warnings.map((warning) => [key(warning), warning]));
    const ours = [];
    const bundled = [];
    for (const warning of shipped.warnings) {
      // A warning that the twin build does not have at the same place cannot be attributed: count it as ours.
      const origin = mappedWarnings.has(key(warning))
        ? originOf(mapped.dir, warning.file, warning.line, warning.column)
        : { library: null, source: `${warning.file}:${warning.line}:${warning.column} (not in the source-mapped build)` };
      (origin.library ? bundled : ours).push({ ...warning, origin });
    }

    console.log(`${relative(process.cwd(), dir)}: addons-linter ${shipped.errors.length} errors, ` +
      `${shipped.warnings.length} warnings (${ours.length} from our code, ${bundled.length} from bundled libraries), ` +
      `${shipped.notices.length} notices`);
    for (const error of shipped.errors) console.log(`  ERROR ${error.code} ${error.file ?? ''}: ${error.message}`);
    for (const warning of ours) console.log(`  WARNING (our code) ${warning.code} ${warning.origin.source}: ${warning.message}`);
    for (const warning of bundled) {
      console.log(`  warning (bundled ${warning.origin.library}) ${warning.code} ${warning.origin.source}: ${warning.message}`);
    }
    for (const notice of shipped.notices) console.log(`  notice ${notice.code} ${notice.file ?? ''}: ${notice.message}`);
    if (shipped.errors.length || ours.length) failed = true;
  } finally {
    rmSync(mapped.root, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
