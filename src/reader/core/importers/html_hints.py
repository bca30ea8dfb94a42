"""What an HTML page says of itself: its <title>, its publication date, its address."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from reader.core.documents.builder import normalise_space
from reader.core.importers.dates import DateMatch, find_date
from reader.core.importers.metadata_detection import Hints

# Where pages record their date, most specific first (Highwire/Google Scholar, Dublin Core,
# Open Graph, schema.org, then generic names).
_DATE_SELECTORS = tuple(
    [
        f'meta[name="{n}" i]'
        for n in (
            "citation_publication_date",
            "citation_date",
            "dc.date.issued",
            "dcterms.issued",
            "dc.date",
            "dcterms.date",
            "date",
            "pubdate",
            "publish-date",
            "publication_date",
        )
    ]
    + ['meta[property="article:published_time"]', 'meta[itemprop="datePublished"]']
)
_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ")


def page_hints(tree: LexborHTMLParser) -> Hints:
    return Hints(title=_title(tree), date=_date(tree), source_url=_address(tree))


def _title(tree: LexborHTMLParser) -> str:
    """The <title>, without the site's name that most pages add after a bar or a dash."""
    node = tree.css_first("title")
    title = normalise_space(node.text()) if node else ""
    for separator in _TITLE_SEPARATORS:
        head, found, _site = title.rpartition(separator)
        if found and len(head.split()) >= 3:
            return head
    return title


def _date(tree: LexborHTMLParser) -> DateMatch | None:
    for selector in _DATE_SELECTORS:
        for node in tree.css(selector):
            found = find_date(node.attributes.get("content") or "")
            if found:
                return found
    for node in tree.css("time[datetime]"):
        found = find_date(node.attributes.get("datetime") or "")
        if found:
            return found
    return None


def _address(tree: LexborHTMLParser) -> str:
    """Where the page came from, as it says itself: never fetched, only recorded."""
    places = (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content"))
    for selector, attribute in places:
        node = tree.css_first(selector)
        value = node.attributes.get(attribute) if node else None
        if value and value.startswith(("http://", "https://")):
            return value
    return ""
