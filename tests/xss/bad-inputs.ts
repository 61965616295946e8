// Bad and strange inputs for the hostile-input matrix (CLI and extension): generated, never committed (the 50 MB
// page is built when a test needs it). Each maker returns the bytes of one file.
import { gzipSync } from 'node:zlib';
import { ARTICLE_PARAGRAPHS, articlePage } from './article.ts';

export const JAPANESE_PARAGRAPHS = [
  '港町の議会は火曜日の夜、北の桟橋の先に立つ古い灯台を修復することを決めた。灯台は千九百八十七年から消えたままだった。',
  '修復には約二百四十万ユーロがかかり、その三分の二は地方の文化財基金から、残りは昨年の春に始まった市民の寄付でまかなわれる。',
  '技術者たちは三月に塔を調べ、石は思ったよりも良い状態だと報告したが、灯室の鉄はところどころ錆びて穴があいている。',
  '工事は秋に始まり、十八か月続く予定だ。予定どおりに進めば、二年後の夏祭りの最初の夜に、灯台はふたたび海を照らす。',
];

/** A deterministic byte stream (xorshift), so "garbage" is the same on every run. */
export function garbage(length: number, seed = 0x9e3779b9): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/** windows-1252 bytes of `text` (Latin-1 plus the 0x80–0x9F punctuation the text uses). */
export function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Œ': 0x8c };
  return Buffer.from([...text].map((c) => high[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

let shiftJisTable: Map<string, number[]> | null = null;
/** Shift_JIS bytes of `text`, from the inverse of the platform's own Shift_JIS decoder (Node has no encoder). */
export function shiftJis(text: string): Buffer {
  if (!shiftJisTable) {
    shiftJisTable = new Map();
    const decoder = new TextDecoder('shift_jis');
    for (let lead = 0x81; lead <= 0xfc; lead += 1) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail += 1) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !shiftJisTable.has(char)) shiftJisTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else bytes.push(...(shiftJisTable.get(char) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

export const FRENCH_PARAGRAPHS = [
  'Le conseil municipal a voté mardi soir la restauration du phare, éteint depuis 1987 : « une décision attendue », selon l’adjointe à la culture.',
  'Les travaux coûteront 2,4 millions d’euros – dont deux tiers financés par le fonds régional du patrimoine – et dureront dix-huit mois.',
  'Les ingénieurs ont trouvé la pierre en meilleur état que prévu ; la lanterne en fer, elle, est rongée par la rouille à plusieurs endroits.',
  'Si le calendrier est tenu, le phare brillera de nouveau le premier soir de la fête d’été, dans deux ans, au-dessus de la jetée nord.',
];

function frenchArticle(charsetMeta: string): string {
  return `<!DOCTYPE html><html lang="fr"><head>${charsetMeta}<title>Le phare de Port-Avel sera restauré</title>
<meta property="og:type" content="article"></head><body><article><h1>Le phare de Port-Avel sera restauré</h1>
<p class="byline">Par Maren Olsen</p>${FRENCH_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

function japaneseArticle(charsetMeta: string): string {
  return `<!DOCTYPE html><html lang="ja"><head>${charsetMeta}<title>港町の灯台、修復へ</title>
<meta property="og:type" content="article"></head><body><article><h1>港町の灯台、修復へ</h1>
${JAPANESE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

export const badInputs = {
  empty: () => Buffer.alloc(0),
  whitespace: () => Buffer.from('   \n\t  \n'),
  commentOnly: () => Buffer.from('<!-- nothing here -->'),
  noBody: () => Buffer.from(`<title>${'Harbour town votes to restore its old lighthouse'}</title>\n${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}`),
  headOnly: () => Buffer.from('<!DOCTYPE html><html><head><title>Only a head</title></head></html>'),
  frameset: () => Buffer.from('<!DOCTYPE html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>'),
  xmlFeed: () => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Avel Courier</title><link>https://example.org/</link><description>News</description>${ARTICLE_PARAGRAPHS.map((p, i) => `<item><title>Item ${i}</title><description>${p}</description></item>`).join('')}</channel></rss>`),
  svgDocument: () => Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="teal"/><circle cx="50" cy="50" r="20"/></svg>'),
  plainText: () => Buffer.from(ARTICLE_PARAGRAPHS.join('\n\n')),
  json: () => Buffer.from(JSON.stringify({ title: 'Harbour town', paragraphs: ARTICLE_PARAGRAPHS }, null, 2)),
  binaryGarbage: () => garbage(64 * 1024),
  pngRenamed: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), garbage(4096, 7)]),
  corruptGzip: () => Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), garbage(512, 3)]),
  gzippedArticle: () => gzipSync(articlePage()),
  windows1252Declared: () => windows1252(frenchArticle('<meta charset="windows-1252">')),
  windows1252Undeclared: () => windows1252(frenchArticle('')),
  shiftJisDeclared: () => shiftJis(japaneseArticle('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')),
  shiftJisDeclaredUtf8: () => shiftJis(japaneseArticle('<meta charset="utf-8">')),
  utf16WithBom: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(articlePage(), 'utf16le')]),
  /** ~50 MB: the article, a 45 MB JSON state blob (as single-page apps inline), then 5 MB of comment markup. */
  fiftyMegabytes: () => {
    const item = JSON.stringify({ id: 0, name: 'item', body: 'lorem ipsum dolor sit amet consectetur adipiscing' }) + ',';
    const blob = `<script type="application/json" id="__STATE__">[${item.repeat(Math.ceil(45e6 / item.length))}{}]</script>`;
    const comment = '<div class="comment"><p>I really disagree with the council about this lighthouse project.</p></div>';
    const comments = `<section class="comments">${Array.from({ length: 50 }, () => `<div class="page">${comment.repeat(1000)}</div>`).join('')}</section>`;
    return Buffer.from(articlePage({ after: blob + comments }));
  },
  /** 200 000 elements: a comment thread under the article, 2 000 comments of 100 elements each. */
  twoHundredThousandElements: () => {
    const comment = `<li class="comment"><div class="meta"><b>reader</b> <i>2 h</i></div><ul>${'<li><span>+1</span></li>'.repeat(48)}</ul></li>`;
    const thread = Array.from({ length: 200 }, () => `<ol class="thread">${comment.repeat(10)}</ol>`).join('');
    return Buffer.from(articlePage({ after: `<section class="comments">${thread}</section>` }));
  },
  /** 10 000 levels of nesting inside the article. */
  deepNesting: () => Buffer.from(articlePage({ inserts: [`${'<div>'.repeat(10_000)}<p>Deep text at the bottom of ten thousand nested boxes.</p>${'</div>'.repeat(10_000)}`] })),
  tagSoup: () => Buffer.from(`<html><body><div><p>${ARTICLE_PARAGRAPHS.join('<p>')}<table><tr><td>cell<div><b><i>unclosed</b></i></td>`),
  globalsRedefined: () => Buffer.from(articlePage({ head: `<script>
Array.prototype.map = function () { throw new Error('map is mine'); };
JSON.stringify = function () { return '"hijacked"'; };
Node.prototype.appendChild = function () { throw new Error('appendChild is mine'); };
window.config = { hijacked: true };
</script>` })),
  lazyImages: () => Buffer.from(articlePage({ inserts: [
    '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/images/lantern.jpg" alt="The lantern room"><figcaption>The lantern room in March.</figcaption></figure>',
    '<figure><img data-srcset="/images/pier-800.jpg 800w, /images/pier-1600.jpg 1600w" alt="The north pier"><figcaption>The north pier at dusk.</figcaption></figure>',
    // The usual pattern: a placeholder, the real image for script-less readers in <noscript> next to it.
    '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazy" alt="The keeper\'s cottage"><noscript><img src="/images/keeper.jpg" alt="The keeper\'s cottage"></noscript><figcaption>The keeper\'s cottage.</figcaption></figure>',
  ] })),
  strictCsp: () => Buffer.from(articlePage({ head: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'none'; script-src 'none'">` })),
  shadowDom: () => Buffer.from(articlePage({ inserts: ['<div class="widget"><template shadowrootmode="open"><p>Shadow widget: share this story.</p></template></div>'] })),
  sameOriginIframe: () => Buffer.from(articlePage({ inserts: ['<iframe src="/frame.html" title="Related"></iframe>'] })),
  infiniteScroll: () => Buffer.from(articlePage({ after: `<div id="more" data-next="/page/2"></div>` })),
  notAnArticle: () => Buffer.from(`<!DOCTYPE html><html lang="en"><head><title>Lanterns – Avel Shop</title><meta property="og:type" content="product"></head><body>
<header><a href="/">Avel Shop</a></header><main><h1>Lanterns</h1><ul class="products">${Array.from({ length: 24 }, (_, i) => `<li class="card"><a href="/p/${i}"><img src="/i/${i}.jpg" alt=""><h3>Brass lantern no. ${i}</h3></a><span class="price">€${49 + i}.00</span><button>Add to cart</button></li>`).join('')}</ul></main></body></html>`),
} satisfies Record<string, () => Buffer>;

export type BadInputKind = keyof typeof badInputs;
