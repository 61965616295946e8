// What Copy puts on the clipboard, in the format the user chose (the popup and the context menu share it).
import type { CleanResult } from './types';
// Type only: the choice is stored with the settings; nothing of the storage code comes into lib/.
import type { CopyFormat } from '../utils/settings';

type Copyable = Pick<CleanResult, 'title' | 'url' | 'text' | 'markdown'>;

/**
 * `text`: the clean text exactly as shown. `markdown`: the article as Markdown under its title as a heading.
 * `text-with-source`: the title, the page's address, then the clean text.
 */
export function formatForCopy(article: Copyable, format: CopyFormat): string {
  const title = article.title?.trim() || null;
  switch (format) {
    case 'text':
      return article.text;
    case 'markdown':
      return [title ? `# ${title}` : null, article.markdown, article.url ? `<${article.url}>` : null]
        .filter((part) => part !== null)
        .join('\n\n');
    case 'text-with-source':
      return [title, article.url, article.text].filter((part) => part !== null).join('\n\n');
  }
}
