// The `clarte` CLI, spawned for real through its launcher (bin/clarte.mjs), on pages written by this test and
// served from 127.0.0.1 by it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LAUNCHER = new URL('../bin/clarte.mjs', import.meta.url).pathname;

const KEYS = [
  'file', 'url', 'title', 'byline', 'siteName', 'lang', 'dir', 'publishedTime', 'excerpt', 'text', 'markdown',
  'html', 'wordCount', 'readingMinutes', 'isArticle', 'hashtags', 'removed', 'ms', 'error',
];

const PARAGRAPHS = [
  'Le conseil municipal a voté mardi soir un budget de rénovation des écoles, après trois heures de débat.',
  'Selon le maire, les travaux commenceront au printemps et dureront deux ans, sans fermeture de classe.',
  "L'opposition réclame un calendrier détaillé et dénonce un coût sous-estimé de près de 20 % par rapport aux devis.",
  'Les parents d’élèves, réunis en collectif, saluent une décision attendue depuis la fin de la dernière décennie.',
  'Sur les réseaux sociaux, le mot-dièse #ÉcolesRénovées a été repris des centaines de fois, avec #Lyon.',
];

function articlePage(title: string, paragraphs: string[], head = '<meta charset="utf-8">'): string {
  return `<!DOCTYPE html><html lang="fr"><head>${head}<title>${title}</title></head><body>
<nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav>
<article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p} ${p}</p>`).join('\n')}
</article><footer>© Journal de test</footer></body></html>`;
}

/** windows-1252 bytes of an ASCII-plus-Latin-1 string (the test strings use no other characters). */
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => (c === '–' ? 0x96 : c === '’' ? 0x92 : c.charCodeAt(0))));
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function clarte(args: string[], stdin: string | Buffer = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const jsonLines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line));

let dir: string;
let server: Server;
let origin: string;
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clarte-cli-'));
  writeFileSync(path('article.html'), articlePage('Les écoles seront rénovées', PARAGRAPHS));
  writeFileSync(path('article.html.gz'), gzipSync(articlePage('Un article compressé', PARAGRAPHS)));
  writeFileSync(path('empty.html'), '');
  writeFileSync(path('image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  writeFileSync(path('notes.html'), 'Just a line of plain text, no markup at all.\n');
  const latin = ['Café – déjà vu: l’été à Paris, chaleur et pénurie d’eau dans les quartiers.', ...PARAGRAPHS.slice(0, 4)]
    .map((p) => p.replace(/[^\x00-\xff–’]/g, ''));
  const latinPage = windows1252(articlePage('Été à Paris', latin, ''));
  writeFileSync(path('latin.html'), windows1252(articlePage('Été à Paris', latin, '<meta charset="windows-1252">')));

  server = createServer((request, response) => {
    if (request.url === '/article') {
      // No <meta charset>: only the Content-Type header says windows-1252.
      response.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1252' });
      response.end(latinPage);
    } else if (request.url === '/photo.png') {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('clarte clean', () => {
  it('prints the clean article text', async () => {
    const { code, stdout, stderr } = await clarte(['clean', path('article.html')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const paragraph of PARAGRAPHS) expect(stdout).toContain(paragraph);
    expect(stdout).not.toContain('Accueil');
    expect(stdout).not.toContain('Journal de test');
  });

  it('--json gives exactly the documented keys, in order, with the pipeline result', async () => {
    const { code, stdout } = await clarte(['clean', '--json', '--url', 'https://journal.example/ecoles', path('article.html')]);
    expect(code).toBe(0);
    const [result] = jsonLines(stdout);
    expect(Object.keys(result)).toEqual(KEYS);
    expect(result).toMatchObject({
      file: path('article.html'),
      url: 'https://journal.example/ecoles',
      title: 'Les écoles seront rénovées',
      lang: 'fr',
      isArticle: expect.any(Boolean),
      error: null,
    });
    expect(result.text).toContain(PARAGRAPHS[0]);
    expect(result.markdown).toContain(PARAGRAPHS[1]);
    expect(result.html).toContain('<p>');
    expect(result.wordCount).toBeGreaterThan(100);
    expect(result.hashtags).toEqual([
      { tag: '#ÉcolesRénovées', count: 2 },
      { tag: '#Lyon', count: 2 },
    ]);
    expect(typeof result.ms).toBe('number');
  });

  it('--format markdown and html print those outputs', async () => {
    const markdown = await clarte(['clean', '--format', 'markdown', path('article.html')]);
    expect(markdown.stdout).toContain(PARAGRAPHS[2]);
    const html = await clarte(['clean', '--format', 'html', path('article.html')]);
    expect(html.stdout).toMatch(/<p>[^<]*Le conseil municipal/);
  });

  it('reads .html.gz files and stdin (-)', async () => {
    const gz = await clarte(['clean', '--json', path('article.html.gz')]);
    expect(jsonLines(gz.stdout)[0]).toMatchObject({ title: 'Un article compressé', error: null });
    const stdin = await clarte(['clean', '--json', '--url', 'https://journal.example/stdin', '-'], articlePage('Depuis stdin', PARAGRAPHS));
    expect(jsonLines(stdin.stdout)[0]).toMatchObject({ file: '-', url: 'https://journal.example/stdin', title: 'Depuis stdin' });
  });

  it('decodes windows-1252 by <meta charset>', async () => {
    const [result] = jsonLines((await clarte(['clean', '--json', path('latin.html')])).stdout);
    expect(result.title).toBe('Été à Paris');
    expect(result.text).toContain('Café – déjà vu: l’été à Paris');
  });

  it('fetches an http URL, decoding by the Content-Type header; HTTP errors and non-HTML are reported', async () => {
    const { code, stdout, stderr } = await clarte([
      'clean', '--json', `${origin}/article`, `${origin}/missing`, `${origin}/photo.png`,
    ]);
    const [article, missing, photo] = jsonLines(stdout);
    expect(article).toMatchObject({ url: `${origin}/article`, title: 'Été à Paris', error: null });
    expect(article.text).toContain('Café – déjà vu');
    expect(missing.error).toBe('HTTP 404 Not Found');
    expect(photo.error).toBe('not an HTML page (Content-Type: image/png)');
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports missing, empty, binary and non-HTML inputs, still processes the others, and exits 1', async () => {
    const inputs = ['missing.html', 'article.html', 'empty.html', 'image.html', 'notes.html', 'article.html.gz'].map(path);
    const { code, stdout, stderr } = await clarte(['clean', '--json', ...inputs]);
    const results = jsonLines(stdout);
    expect(results.map((r) => r.file)).toEqual(inputs);
    expect(results.map((r) => r.error)).toEqual([
      'no such file',
      null,
      'empty input',
      'binary data (NUL bytes), not an HTML page',
      'not an HTML page (no HTML markup found)',
      null,
    ]);
    for (const result of results) expect(Object.keys(result)).toEqual(KEYS);
    expect(results[1].text).toContain(PARAGRAPHS[0]);
    expect(code).toBe(1);
    expect(stderr).toContain(`clarte: ${path('missing.html')}: no such file`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('without --json, errors go to stderr and the good inputs to stdout', async () => {
    const { code, stdout, stderr } = await clarte(['clean', path('empty.html'), path('article.html')]);
    expect(code).toBe(1);
    expect(stdout).toContain(PARAGRAPHS[3]);
    expect(stderr.trim()).toBe(`clarte: ${path('empty.html')}: empty input`);
  });

  it('--batch reads {file, url} lines and answers one line each, in order', async () => {
    const lines = [
      { file: path('article.html'), url: 'https://journal.example/1' },
      { file: path('missing.html') },
      'this is not JSON',
      { file: path('article.html.gz'), url: 'https://journal.example/2' },
      { file: `${origin}/article` },
    ].map((line) => (typeof line === 'string' ? line : JSON.stringify(line)));
    const { code, stdout } = await clarte(['clean', '--json', '--batch'], `${lines.join('\n')}\n`);
    const results = jsonLines(stdout);
    expect(results).toHaveLength(5);
    expect(results.map((r) => [r.file, r.url])).toEqual([
      [path('article.html'), 'https://journal.example/1'],
      [path('missing.html'), null],
      [null, null],
      [path('article.html.gz'), 'https://journal.example/2'],
      [`${origin}/article`, `${origin}/article`],
    ]);
    expect(results.map((r) => r.error === null)).toEqual([true, false, false, true, true]);
    expect(results[2].error).toMatch(/^not a batch line/);
    expect(results[3].title).toBe('Un article compressé');
    expect(code).toBe(1);
  });

  it('says how to use it', async () => {
    const help = await clarte(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('clarte clean FILE_OR_URL...');
    const wrong = await clarte(['clean', '--format', 'pdf', path('article.html')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--format must be one of text, markdown, html');
  });
});

describe('clarte hashtags', () => {
  const TEXT = 'Les #Anonymous lancent #OpISIS. Voir aussi #opisis et #日本, pas http://x.fr/#ancre ni C#.';

  it('counts tags, merged case-insensitively under the first spelling', async () => {
    const { code, stdout } = await clarte(['hashtags'], TEXT);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { tag: '#Anonymous', count: 1 },
      { tag: '#OpISIS', count: 2 },
      { tag: '#日本', count: 1 },
    ]);
  });

  it('--all lists every occurrence as written', async () => {
    expect(JSON.parse((await clarte(['hashtags', '--all'], TEXT)).stdout)).toEqual([
      '#Anonymous', '#OpISIS', '#opisis', '#日本',
    ]);
  });

  it('--batch answers one JSON line per JSON-string line', async () => {
    const input = ['"#OpISIS et #Tunis"', '"rien ici"', '"#مصر #مصر"'].join('\n');
    const { code, stdout } = await clarte(['hashtags', '--all', '--batch'], `${input}\n`);
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toEqual([['#OpISIS', '#Tunis'], [], ['#مصر', '#مصر']]);
    const counted = await clarte(['hashtags', '--batch'], '"#a #A #b"\n');
    expect(jsonLines(counted.stdout)).toEqual([[{ tag: '#a', count: 2 }, { tag: '#b', count: 1 }]]);
  });
});
