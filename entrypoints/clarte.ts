// The page side of Clarté: injected on demand by the popup/background (activeTab + scripting), and also the
// script the user's auto-clean sites get registered with. It runs the pipeline on the page, shows and removes
// the reader view, and answers the typed requests of lib/messages.ts.
import { browser } from 'wxt/browser';
import { htmlMarkdown } from '@/lib/markdown';
import { cleanPage, MAX_PAGE_ELEMENTS, PAGE_TIME_BOUND_MS, PipelineLimitError } from '@/lib/pipeline';
import { SANITIZER_BROKEN } from '@/lib/sanitize';
import type { PageFailure, PageRequest, PageResponses, PageState, PipelineTiming } from '@/lib/messages';
import type { CleanResult } from '@/lib/types';
import { ON_DEMAND_MARK } from '@/utils/page-tab';
import { buildReaderView } from '@/utils/reader-view';
import { hideOriginalPage, type HiddenPage } from '@/utils/restore';
import { articleKey } from '@/lib/reading-position';
import {
  getAutoCleanSites,
  getReadAloudPrefs,
  getReaderPrefs,
  getReadingPosition,
  saveReadingPosition,
  setReadAloudPrefs,
  setReaderPrefs,
  siteOrigin,
} from '@/utils/settings';

const STARTED = Symbol.for('clarte.content-script');

export default defineUnlistedScript({
  main() {
    const scope = globalThis as Record<symbol, unknown>;
    // A second injection into the same page finds the first one running and does nothing.
    if (scope[STARTED]) return;
    scope[STARTED] = true;
    const onDemand = scope[Symbol.for(ON_DEMAND_MARK)] === true;

    const page = new PageController(document);
    browser.runtime.onMessage.addListener((message: unknown) =>
      isPageRequest(message) ? page.handle(message) : undefined,
    );
    // Registered for an auto-clean site (not asked for by a click): open article pages cleaned.
    if (!onDemand) void page.autoClean();
  },
});

type Article = { ok: true; article: CleanResult; timing?: PipelineTiming } | PageFailure;
/** One run of the pipeline: the answer to requests, and the sanitized article nodes the reader view shows. */
type PipelineRun = { answer: Article; sanitized: Element | null };

class PageController {
  /** The pipeline's run (or the run in progress) for the page at `url`: one run however many ask at once. */
  private cached: { url: string; run: Promise<PipelineRun> } | null = null;
  private shown: (HiddenPage & { close(): void }) | null = null;

  constructor(private readonly doc: Document) {}

  async handle(request: PageRequest): Promise<PageResponses[PageRequest['type']]> {
    switch (request.type) {
      case 'clarte:get-article':
        return request.markdown ? this.withMarkdown() : this.article();
      case 'clarte:clean-page':
        return this.clean();
      case 'clarte:restore':
        return this.restore();
      case 'clarte:toggle':
        return this.shown ? this.restore() : this.clean();
      case 'clarte:state':
        return this.state();
    }
  }

  async autoClean(): Promise<void> {
    const site = siteOrigin(location.href);
    if (!site || !(await getAutoCleanSites()).includes(site)) return;
    const result = await this.article();
    if (result.ok && result.article.isArticle) await this.clean();
  }

  /** The pipeline's result for the page, computed once per address (while the reader view shows: the one it shows). */
  private async article(): Promise<Article> {
    return (await this.pipelineRun()).answer;
  }

  private pipelineRun(): Promise<PipelineRun> {
    // While the reader view shows (the page's own body out of the document), the article is the one it shows,
    // even if the page changed its address meanwhile.
    if (this.cached && (this.cached.url === location.href || this.shown)) return this.cached.run;
    const run = this.runPipeline();
    this.cached = { url: location.href, run };
    return run;
  }

  private async runPipeline(): Promise<PipelineRun> {
    // Let the message round trip (or the injection) finish before the synchronous pipeline takes the page's thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    let sanitized: Element | null = null;
    try {
      const started = epochNow();
      const article = cleanPage(this.doc, location.href, { sanitizedArticle: (nodes) => (sanitized = nodes) });
      return { answer: { ok: true, article, timing: { started, ended: epochNow() } }, sanitized };
    } catch (error) {
      return { answer: pipelineFailure(error), sanitized: null };
    }
  }

  /**
   * The article with its Markdown, made from the sanitized `html` the first time it is asked for (copy as
   * Markdown): the pipeline leaves it out, most cleans are never copied as Markdown.
   */
  private async withMarkdown(): Promise<Article> {
    const result = await this.article();
    if (result.ok && !result.article.markdown && result.article.html) {
      result.article.markdown = htmlMarkdown(result.article.html, this.doc);
    }
    return result;
  }

  private async clean(): Promise<PageState | PageFailure> {
    if (this.shown) return this.state();
    // Read from the page's own head before the reader replaces its body.
    const key = articleKey(this.doc, location.href);
    // The reader's settings and the saved position are read while the pipeline runs, not after it.
    const [{ answer: result, sanitized }, savedPrefs, readAloudPrefs, position] = await Promise.all([
      this.pipelineRun(), getReaderPrefs(), getReadAloudPrefs(), getReadingPosition(key),
    ]);
    if (!result.ok) return result;
    if (!result.article.html || !sanitized) return failure('no-article', browser.i18n.getMessage('errorNoArticle'));
    // Asked twice at once (shortcut and menu): the first one shows it.
    if (this.shown) return this.state();
    let saved = savedPrefs;
    let savedBlock = position;
    const view = buildReaderView(this.doc, result.article, sanitized, saved, {
      restore: () => this.restore(),
      savePrefs: (prefs) => {
        void setReaderPrefs(prefs, saved);
        saved = prefs;
      },
      readAloudPrefs,
      saveReadAloudPrefs: (prefs) => void setReadAloudPrefs(prefs),
      savedBlock,
      savePosition: (block) => {
        if (block !== savedBlock) void saveReadingPosition(key, block);
        savedBlock = block;
      },
    });
    this.shown = { ...hideOriginalPage(this.doc, view.host), close: view.close };
    view.focus();
    return this.state();
  }

  private restore(): PageState {
    this.shown?.close();
    this.shown?.restore();
    this.shown = null;
    return this.state();
  }

  private state(): PageState {
    return { ok: true, readerOpen: this.shown !== null };
  }
}

/** What the user is told when the pipeline stops: too large, too slow, or no working sanitizer (nothing shown). */
function pipelineFailure(error: unknown): PageFailure {
  if (error instanceof PipelineLimitError) {
    return failure('timeout', error.limit === 'size'
      ? browser.i18n.getMessage('errorTooLarge', [count(error.elements ?? 0), count(MAX_PAGE_ELEMENTS)])
      : browser.i18n.getMessage('errorTimeout', String(PAGE_TIME_BOUND_MS / 1000)));
  }
  const message = error instanceof Error ? error.message : String(error);
  return failure('failed', message === SANITIZER_BROKEN ? browser.i18n.getMessage('readerSanitizerBroken') : message);
}

const epochNow = () => performance.timeOrigin + performance.now();
const failure = (reason: PageFailure['reason'], message: string): PageFailure => ({ ok: false, reason, message });
const count = (n: number): string => n.toLocaleString(browser.i18n.getUILanguage());

const REQUEST_TYPES: ReadonlySet<string> = new Set<PageRequest['type']>([
  'clarte:get-article', 'clarte:clean-page', 'clarte:restore', 'clarte:toggle', 'clarte:state',
]);

function isPageRequest(message: unknown): message is PageRequest {
  return typeof message === 'object' && message !== null && REQUEST_TYPES.has((message as { type?: string }).type ?? '');
}
