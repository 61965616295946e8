// The messages the extension's parts send each other: the one place they are typed, with the file that answers them.
import type { CleanResult } from './types';

/** The page's content script, as built (injected by the popup/background, registered for auto-clean sites). */
export const CONTENT_SCRIPT_FILE = 'clarte.js';

/** What the page's content script (`CONTENT_SCRIPT_FILE`) answers, sent with `tabs.sendMessage`. */
export type PageRequest =
  /**
   * Runs the pipeline on the page as it was before any cleaning (cached for the page's life). The article's
   * `markdown` is `''` unless `markdown` is true (it is made only for copying as Markdown).
   */
  | { type: 'clarte:get-article'; markdown?: boolean }
  /** Replaces what the tab shows with the reader view (runs the pipeline first if needed). */
  | { type: 'clarte:clean-page' }
  /** Brings the original page back exactly as it was. */
  | { type: 'clarte:restore' }
  /** Clean if showing the page, restore if showing the reader view (keyboard shortcut). */
  | { type: 'clarte:toggle' }
  /** Whether the reader view is showing. */
  | { type: 'clarte:state' };

/** A failure the sender can show as is: `message` is already in the UI language. */
export interface PageFailure {
  ok: false;
  /** `timeout`: past the time bound, or too large to read within it; `no-article`: nothing readable; `failed`: anything else. */
  reason: 'timeout' | 'no-article' | 'failed';
  message: string;
}

export interface PageState {
  ok: true;
  readerOpen: boolean;
}

/** The answer to each request, by its `type`. */
export interface PageResponses {
  'clarte:get-article': { ok: true; article: CleanResult; timing?: PipelineTiming } | PageFailure;
  'clarte:clean-page': PageState | PageFailure;
  'clarte:restore': PageState | PageFailure;
  'clarte:toggle': PageState | PageFailure;
  'clarte:state': PageState;
}

/**
 * When the page ran the pipeline for a `clarte:get-article` answer, as `performance.timeOrigin + performance.now()`
 * (milliseconds, comparable across the extension's pages and the tab): where the popup's wait goes (npm run bench).
 * Later answers come from the page's cache and carry the first one's timing.
 */
export interface PipelineTiming {
  started: number;
  ended: number;
}

export type PageResponse<T extends PageRequest> = PageResponses[T['type']];
