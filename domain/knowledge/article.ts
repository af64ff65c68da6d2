/**
 * A help-centre article as the product stores it: front matter (read by the loader) and a body in a
 * small subset of Markdown: `## ` headings, paragraphs separated by blank lines, and `- ` lists.
 * The body is parsed into blocks (for the HTML page) and into sections (for retrieval).
 */

export interface Article {
  /** Stable, URL-safe id: the file name without `.md`. */
  id: string;
  title: string;
  /** Extra words customers use for the topic; they count for retrieval but are not shown. */
  tags: string[];
  body: string;
  /** The language it is written in, when not English; the same id in every language. */
  language?: string;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

/** A retrievable passage: one paragraph or list of an article, with what it belongs to. */
export interface Section {
  articleId: string;
  title: string;
  /** The heading the section sits under, if any. */
  heading?: string;
  /** Plain text, as it may be shown to a customer. */
  text: string;
  /** Title, tags, heading and text: what retrieval scores. */
  searchText: string;
  /** Title and tags: what the whole article is about, which a question must name to be answered from it. */
  topicText: string;
}

/** The title counts this many times in every section of its article: it says best what the article is about. */
export const TITLE_WEIGHT = 2;

export const ARTICLE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const HEADING = /^#{1,6}\s+(.*)$/;
const LIST_ITEM = /^[-*]\s+(.*)$/;

export function parseBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  const chunks = body.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
    let paragraph: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      if (list.length > 0) blocks.push({ kind: 'list', items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      const heading = HEADING.exec(line);
      const item = LIST_ITEM.exec(line);
      if (heading) {
        flush();
        blocks.push({ kind: 'heading', text: (heading[1] ?? '').trim() });
      } else if (item) {
        if (paragraph.length > 0) flush();
        list.push((item[1] ?? '').trim());
      } else if (list.length > 0) {
        // A wrapped list item continues the previous one.
        list[list.length - 1] += ` ${line}`;
      } else {
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}

/** Every paragraph and list becomes a section; headings travel with the sections under them. */
export function sectionsOf(article: Article): Section[] {
  const sections: Section[] = [];
  let heading: string | undefined;
  for (const block of parseBlocks(article.body)) {
    if (block.kind === 'heading') {
      heading = block.text;
      continue;
    }
    const text = block.kind === 'paragraph' ? block.text : block.items.map((item) => `- ${item}`).join('\n');
    sections.push({
      articleId: article.id,
      title: article.title,
      ...(heading === undefined ? {} : { heading }),
      text,
      searchText: [...Array<string>(TITLE_WEIGHT).fill(article.title), ...article.tags, heading ?? '', text].join('\n'),
      topicText: [article.title, ...article.tags].join('\n'),
    });
  }
  return sections;
}
