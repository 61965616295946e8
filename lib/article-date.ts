// The publication date as a reader reads it, in the UI language: "18 March 2015" / "18 mars 2015".

/** `iso` (as the page gives it) in `locale`'s long date style; null when absent or not a date. */
export function formatArticleDate(iso: string | null | undefined, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(date);
  }
}
