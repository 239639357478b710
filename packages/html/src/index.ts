export { escapeHtml, Html, html, raw } from './html.js';
export { htmlDocument } from './html-document.js';
