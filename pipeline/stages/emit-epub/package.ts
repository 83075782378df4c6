import { createHash } from 'node:crypto';
import type { Element as XElement } from 'xast';
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { Edition } from '../../model/edition.js';
import { documentTitle } from '../emit-pdf/front.js';

export interface ManifestItem {
  readonly id: string;
  /** Relative to the package document. */
  readonly href: string;
  readonly mediaType: string;
  readonly properties?: string | undefined;
  /** In the spine, in this order. */
  readonly spine?: boolean;
}

export const CONFORMS_TO = 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA';

/**
 * The package document: metadata (with the accessibility metadata of EPUB Accessibility 1.1),
 * manifest and spine. With a page list, dc:source names the printed edition it follows.
 */
export function packageDocument(edition: Edition, items: readonly ManifestItem[], options: { readonly pageList: boolean; readonly hasTables: boolean }): string {
  const { config } = edition;
  const modified = edition.buildDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const meta = (property: string, value: string) => x('meta', { property }, value);
  const features = ['tableOfContents', 'readingOrder', 'structuralNavigation', 'alternativeText', 'displayTransformability', ...(options.hasTables ? ['longDescription'] : []), ...(options.pageList ? ['pageNavigation', 'printPageNumbers'] : [])];
  const metadata: XElement = x('metadata', { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, [
    x('dc:identifier', { id: 'pub-id' }, identifier(edition)),
    x('dc:title', documentTitle(edition)),
    x('dc:language', config.language),
    x('dc:creator', config.publisher),
    x('dc:publisher', config.publisher),
    x('dc:date', edition.buildDate.toISOString().slice(0, 10)),
    x('dc:rights', `${config.copyright ?? `© ${config.year} ${config.publisher}`}. ${config.licence}`),
    x('dc:description', config.description),
    ...config.keywords.map((k) => x('dc:subject', k)),
    // The printed edition whose page numbers the page list carries.
    ...(options.pageList
      ? [x('dc:source', { id: 'page-source' }, config.isbn ? `urn:isbn:${config.isbn.replace(/[\s-]/g, '')}` : `${config.baseUrl}${config.slug}.pdf`), x('meta', { refines: '#page-source', property: 'source-of' }, 'pagination')]
      : []),
    meta('dcterms:modified', modified),
    meta('schema:accessMode', 'textual'),
    meta('schema:accessMode', 'visual'),
    meta('schema:accessModeSufficient', 'textual'),
    meta('schema:accessModeSufficient', 'textual,visual'),
    ...features.map((f) => meta('schema:accessibilityFeature', f)),
    meta('schema:accessibilityHazard', 'none'),
    meta('schema:accessibilitySummary', summary(options.pageList)),
    meta('dcterms:conformsTo', CONFORMS_TO),
    meta('a11y:certifiedBy', config.epub?.certifiedBy ?? config.publisher),
  ]);
  const manifest = x('manifest', items.map((i) => x('item', { id: i.id, href: i.href, 'media-type': i.mediaType, properties: i.properties })));
  const spine = x('spine', items.filter((i) => i.spine).map((i) => x('itemref', { idref: i.id })));
  const pkg = x('package', { xmlns: 'http://www.idpf.org/2007/opf', version: '3.0', 'unique-identifier': 'pub-id', 'xml:lang': config.language, dir: 'ltr' }, [metadata, manifest, spine]);
  return toXml({ type: 'root', children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' }, { type: 'text', value: '\n' }, pkg] }) + '\n';
}

function summary(pageList: boolean): string {
  return [
    'This publication meets WCAG 2.1 Level AA.',
    'Every chart has a text alternative and its data as a table; endnotes link back to their references.',
    'The contents and landmarks give structural navigation',
    pageList ? 'and the page list gives the page numbers of the PDF edition.' : '.',
  ].join(' ').replace(' .', '.');
}

/** The ISBN when there is one, else a name-based UUID of the edition's address and profile: the same on every build. */
function identifier(edition: Edition): string {
  const { config } = edition;
  if (config.isbn) return `urn:isbn:${config.isbn.replace(/[\s-]/g, '')}`;
  const hex = createHash('sha1').update(`${config.baseUrl}${config.slug}.epub#${edition.profile}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** The container file that names the package document. */
export function containerXml(opfPath: string): string {
  const tree = x('container', { version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container' }, [
    x('rootfiles', [x('rootfile', { 'full-path': opfPath, 'media-type': 'application/oebps-package+xml' })]),
  ]);
  return toXml({ type: 'root', children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' }, { type: 'text', value: '\n' }, tree] }) + '\n';
}
