"""What an HTML page says of itself: its title, its publication date, its address.

From the page's head and markup only (<title>, <meta> tags, Open Graph, schema.org JSON-LD,
<time>): nothing the page names is ever fetched, and a JSON-LD block is only read as data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

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
# schema.org types whose headline and date are the page's own, before a WebPage's or a list's.
_ARTICLE_TYPES = ("Article", "Report", "PressRelease", "BlogPosting", "Statement", "Posting")
_ORGANISATION_TYPES = ("Organization", "NGO", "GovernmentOrganization", "NewsMediaOrganization")
_DEEPEST_JSON = 8  # levels of JSON-LD searched: @graph and a mainEntity sit at two or three


def page_hints(tree: LexborHTMLParser) -> Hints:
    things = list(_linked_data(tree))
    title, named = _title(tree, things)
    return Hints(
        title=title,
        date=_date(tree, things),
        source_url=_address(tree),
        title_named=named,
        author=_author(tree, things),
    )


def _title(tree: LexborHTMLParser, things: list[dict[str, Any]]) -> tuple[str, bool]:
    """The article's headline as JSON-LD or Open Graph give it (True: the page names its
    article so), else the <title> (False: often the site's or the section's name alone),
    without the site's name that most pages add after a bar or a dash. Some sites give
    every page their own name for its Open Graph title: that names no article."""
    site = _meta(tree, 'meta[property="og:site_name"]')
    for title in (_first_text(things, "headline"), _meta(tree, 'meta[property="og:title"]')):
        if title and title.casefold() != site.casefold():
            return _without_site(title, site), True
    node = tree.css_first("title")
    return _without_site(normalise_space(node.text()) if node else "", site, guess=True), False


def _author(tree: LexborHTMLParser, things: list[dict[str, Any]]) -> str:
    """Who the page says issued it: its article's schema.org publisher or author when that is
    an organisation, else its author <meta>; semicolons between several."""
    article = things[0] if things and _is_article(things[0]) else {}
    for key in ("publisher", "author", "sourceOrganization"):
        names = [name for v in _as_list(article.get(key)) if (name := _organisation_name(v))]
        if names:
            return "; ".join(names)
    return _meta(tree, 'meta[name="author" i]') or _meta(tree, 'meta[name="dc.publisher" i]')


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _organisation_name(value: Any) -> str:
    if isinstance(value, dict) and value.get("@type") in (
        "Organization",
        "NGO",
        "GovernmentOrganization",
    ):
        name = value.get("name")
        return normalise_space(name) if isinstance(name, str) else ""
    return ""


def _without_site(title: str, site: str, guess: bool = False) -> str:
    """`title` less a trailing site's name: the one Open Graph names, or with `guess` (a
    <title>, which most pages end so) any tail after a separator with three words before it."""
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        named = bool(site) and tail.casefold() == site.casefold()
        if found and (named or (guess and len(head.split()) >= 3)):
            return head
    return title


def _meta(tree: LexborHTMLParser, selector: str) -> str:
    node = tree.css_first(selector)
    return normalise_space(node.attributes.get("content") or "") if node else ""


def _linked_data(tree: LexborHTMLParser) -> Iterator[dict[str, Any]]:
    """The page's schema.org objects, those of an article's type first."""
    found: list[dict[str, Any]] = []
    for node in tree.css('script[type="application/ld+json" i]'):
        try:
            data = json.loads(node.text(deep=True), strict=False)
        except (ValueError, RecursionError):  # a broken block says nothing
            continue
        found.extend(_objects(data, _DEEPEST_JSON))
    yield from (thing for thing in found if _is_article(thing))
    yield from (thing for thing in found if not _is_article(thing))


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth <= 0:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth - 1)
    elif isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _objects(value, depth - 1)


def _is_article(thing: dict[str, Any]) -> bool:
    kinds = thing.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(n, str) and n.endswith(_ARTICLE_TYPES) for n in names)


def _first_text(things: list[dict[str, Any]], key: str) -> str:
    for thing in things:
        value = thing.get(key)
        if isinstance(value, str) and value.strip():
            return normalise_space(value)
    return ""


def _date(tree: LexborHTMLParser, things: list[dict[str, Any]]) -> DateMatch | None:
    """The first date the page's <meta> tags, its JSON-LD, then its <time> elements give."""
    for selector in _DATE_SELECTORS:
        for node in tree.css(selector):
            found = find_date(node.attributes.get("content") or "")
            if found:
                return found
    for key in ("datePublished", "dateCreated"):
        found = find_date(_first_text(things, key))
        if found:
            return found
    for node in tree.css("time"):
        found = find_date(node.attributes.get("datetime") or "") or find_date(node.text())
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
