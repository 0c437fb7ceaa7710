import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromium } from 'playwright-core';

// What the browser tests share: Debian's Chromium, where screenshots go, and reading a PDF the
// way its reader would (its text; its first page drawn).

const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const STANDARD_FONTS = `${PDFJS}/standard_fonts/`;
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots for people to look at; CI keeps them as artifacts, git ignores them. */
export const ARTIFACTS = join(fileURLToPath(new URL('../..', import.meta.url)), 'test-artifacts');

/** A page that draws a PDF's first page with pdf.js and counts the pixels that are not white. */
const PAGE = `<canvas id="c"></canvas><script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
window.draw = async (base64) => {
  const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const first = await (await pdfjs.getDocument({ data }).promise).getPage(1);
  const viewport = first.getViewport({ scale: 1.5 });
  const canvas = document.getElementById('c');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await first.render({ canvasContext: context, viewport }).promise;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240) inked += 1;
  }
  return { png: canvas.toDataURL('image/png').split(',')[1], inked: inked / (pixels.length / 4) };
};
</script>`;

/**
 * The first page of a PDF drawn by pdf.js in Debian's Chromium, as a PNG, with the share of
 * its pixels that are not white: an empty or broken page is caught here, not by a reader.
 */
export async function renderFirstPage(pdf: Buffer): Promise<{ png: Buffer; inked: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    // pdf.js comes from node_modules, through the page's own origin: no network at all.
    await page.route('http://rapor.test/**', async (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === '') {
        return route.fulfill({ contentType: 'text/html', body: PAGE });
      }
      return route.fulfill({
        contentType: 'text/javascript',
        body: await readFile(join(PDFJS, 'build', name)),
      });
    });
    await page.goto('http://rapor.test/');
    await page.waitForFunction("'draw' in window");
    const drawn = (await page.evaluate(`draw(${JSON.stringify(pdf.toString('base64'))})`)) as {
      png: string;
      inked: number;
    };
    return { png: Buffer.from(drawn.png, 'base64'), inked: drawn.inked };
  } finally {
    await browser.close();
  }
}

/** The text of every page of a PDF, as a reader's search would find it. */
export async function pdfText(response: Response | Buffer) {
  const pdf = await getDocument({
    data: new Uint8Array(Buffer.isBuffer(response) ? response : await response.arrayBuffer()),
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return { pages: pdf.numPages, text: pages.join('\n') };
}
