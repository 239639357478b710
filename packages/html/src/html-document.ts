import { type Html, html } from './html.js';

/**
 * A standalone report page (KFP's system.HTML artifacts are opened as one file, so styles are inline): the
 * document skeleton, `title` as the page title and its heading, then `body`. Returns the page's text.
 */
export function htmlDocument(title: string, styles: Html, body: Html): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${styles}</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`.text;
}
