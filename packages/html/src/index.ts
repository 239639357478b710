export { escapeHtml, Html, html, raw } from './html.js';
