"""HTML (.html, .htm) to blocks with selectolax's Lexbor parser; nothing the page names is fetched.

The page's own elements make the blocks (headings, lists and their numbering as the page
marks them); which of them are the article is trafilatura's call (html_region). When
trafilatura finds no article, the page's one <main> or <article> is taken, else its body.

selectolax (MIT) rather than lxml, html5lib or BeautifulSoup: Lexbor parses as the HTML
Standard says (as browsers do, unlike libxml2), it was the fastest on a 43 KB page (0.16 ms
against lxml's 0.25, BeautifulSoup's 5-7 and html5lib's 8.6) and has no means of loading
anything: it is only ever given the page's text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from reader.core.documents.builder import BlockSpec, normalise_space
from reader.core.documents.document import BlockKind
from reader.core.importers.cleanup import clean_blocks
from reader.core.importers.encoding import decode_text
from reader.core.importers.html_hints import page_hints
from reader.core.importers.html_region import (
    article_blocks,
    page_headline,
    with_headline,
    without_trailing_links,
)
from reader.core.importers.list_markers import BULLET
from reader.core.importers.parsed import HEAD_LINES, ParsedFile
from reader.core.importers.raw_file import refuse_binary
from reader.core.importers.refusal import ImportRefused
from reader.core.translation import _

# Parts of a page that are never the statement: code, navigation, form controls, embedded
# media, schema.org microdata hidden for search engines (the page's headline, date and image
# address again). Not <form> itself: ASP.NET pages hold all their text inside one; not every
# hidden element: the rest of an article behind a "Read more" button is hidden too.
_DROPPED = (
    "script, style, noscript, template, nav, aside, button, select, textarea, "
    "iframe, object, embed, svg, canvas, audio, video, map, dialog, [hidden], "
    "[aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], [role=search], "
    '[itemscope][style*="display:none" i], [itemscope][style*="display: none" i]'
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LISTS = {"ul", "ol", "menu"}
# Elements that start and end a block; everything else (a, em, span...) runs inline.
_BLOCKS = frozenset(
    """p div section article main body li ul ol menu dl dt dd blockquote pre address figure
    figcaption table thead tbody tfoot tr td th caption hr details summary fieldset legend
    center header footer h1 h2 h3 h4 h5 h6""".split()
)
_SPACE = re.compile(r"\s+")
_LINE_BREAK = "\u2028"  # stands for <br> until a block is flushed
_PARAGRAPH_BREAK = re.compile(rf"{_LINE_BREAK}\s*{_LINE_BREAK}")
_DECLARED = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# WORKAROUND: Lexbor's tree builder takes time quadratic in the depth of nested block
# elements (100,000 <div> took 12 s, and a 20 MB page could take hours) and in the number of
# options in a <select> (30,000 took 3 s). No page nests anywhere near _DEEPEST (browsers
# stop at 512), and a select is dropped whole: its option tags go before parsing.
_DEEPEST = 25_000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_OPTION_TAG = re.compile(r"</?option\b[^>]*>", re.IGNORECASE)
_MOST_OPTIONS = 1000
# WORKAROUND: Lexbor and libxml2 (under trafilatura) take time quadratic in one tag's
# attributes (40,000 took 3 s to parse, 100,000 over two minutes to import). No tag has
# _MOST_ATTRIBUTES; one that has keeps its name alone. Attributes hold none of the text.
_MOST_ATTRIBUTES = 1000
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(\s[^>]*)>")
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
# WORKAROUND: trafilatura takes time quadratic in the inline elements of one element (20,000
# <b> in a paragraph took 1 s, 80,000 took 12 s, a 15 MB paragraph over two minutes). No
# statement's paragraph holds _WIDEST of them; such a page keeps its own choice of blocks.
_WIDEST = 10_000
# Elements that never nest: void ones, and those a next sibling closes (<p>, <li>, <td>).
_FLAT = frozenset(
    """area base br col embed hr img input link meta param source track wbr p li dt dd option
    optgroup tr td th thead tbody tfoot colgroup caption rb rt rp""".split()
)


def meta_charset(declared: str | None) -> str | None:
    """What a <meta> declaration means, as the HTML standard reads it: a page whose meta could
    be read as ASCII is not UTF-16 or UTF-32 (a BOM says those), so such a claim means UTF-8;
    x-user-defined means Windows-1252."""
    if declared is None:
        return None
    name = declared.strip().lower().replace("_", "-")
    if name.startswith(("utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2")):
        return "utf-8"
    return "windows-1252" if name == "x-user-defined" else declared


def import_html(name: str, data: bytes) -> ParsedFile:
    refuse_binary(name, data, _("an HTML page"))
    declared = _DECLARED.search(data[:1024])
    charset = declared.group(1).decode("ascii") if declared else None
    decoded = decode_text(name, data, meta_charset(charset))
    tree = parse_html(name, decoded.text)
    hints = page_hints(tree)
    scripted = tree.css_first("script") is not None
    raw = _article(tree, hints.title)
    head = [spec.text for spec in raw[:HEAD_LINES]]
    # A page's repeats are its own (a refrain, a recipe's steps): text is never dropped for
    # repeating; html_region keeps a teaser and its paragraph once when only one is the article's.
    blocks = clean_blocks(raw, repeats=False)
    if not blocks and scripted:
        # Its words a script writes in when a browser shows it: the browser can save them.
        raise ImportRefused(
            name,
            _(
                "{name} holds no text to import, only scripts that write it when a browser "
                "shows the page; save the page from the browser once it has loaded (Save Page "
                "As, Web Page, complete) and import that copy."
            ).format(name=name),
        )
    return ParsedFile(blocks, head, hints, decoded.encoding)


def _article(tree: LexborHTMLParser, title: str = "") -> list[BlockSpec]:
    """The article's blocks as trafilatura chooses them, or the page's own choice (its
    one <main> or <article>, else its body, banners out) when trafilatura finds nothing, or
    when all of that choice is in trafilatura's and makes most of it: then trafilatura only
    added the banner and footer around it, as it does with pages of a few sentences. The
    page's headline (`title`, as its metadata gives it) is one of them (html_region)."""
    marked = _page_blocks(LexborHTMLParser(tree.html or ""))
    # trafilatura reads the same tree the blocks come from, less what is dropped anyway.
    # Banners and footers too: pages put their article's title, or its list, in them.
    _drop_furniture(tree, whole=True)
    collector = _BlockCollector()
    candidates = collector.collect(tree.body) if tree.body is not None else []
    found = article_blocks(tree.html or "", candidates) if not _too_wide(tree) else []
    headline = page_headline(candidates, found, title)
    chosen = with_headline(candidates, found, headline) if found else []
    linked = {id(spec): share for spec, share in zip(candidates, collector.linked, strict=True)}
    chosen = without_trailing_links(chosen, [linked[id(spec)] for spec in chosen])
    texts = {spec.text for spec in chosen}
    within = all(spec.text in texts for spec in marked)
    if not chosen or (within and _words(marked) >= _words(chosen) / 2):
        # The page's <main> may stand under its headline, not around it.
        if headline is not None and headline.text not in {spec.text for spec in marked}:
            return [headline, *marked]
        return marked
    return chosen


def _words(specs: list[BlockSpec]) -> int:
    return sum(len(spec.text.split()) for spec in specs)


def html_fragment_blocks(name: str, html: str) -> list[BlockSpec]:
    """The blocks of a piece of HTML inside another format (Markdown allows it)."""
    return _page_blocks(parse_html(name, html))


def parse_html(name: str, html: str) -> LexborHTMLParser:
    """Lexbor's tree of `html`; refused if it nests deeper than any page does."""
    if len(_OPTION_TAG.findall(html)) > _MOST_OPTIONS:
        html = _OPTION_TAG.sub("", html)
    html = _START_TAG.sub(_without_a_storm_of_attributes, html)
    if _depth_over(html, _DEEPEST):
        raise ImportRefused(
            name,
            _("{name} nests its HTML elements more than {n} deep, which no page does.").format(
                name=name, n=f"{_DEEPEST:,}"
            ),
        )
    return LexborHTMLParser(html)


def _without_a_storm_of_attributes(tag: re.Match[str]) -> str:
    attributes = _ATTRIBUTE.finditer(tag.group(2))
    if next(islice(attributes, _MOST_ATTRIBUTES, None), None) is None:
        return tag.group()
    return f"<{tag.group(1)}>"


def _depth_over(html: str, deepest: int) -> bool:
    """True if the elements open at some point are more than `deepest`, counting an end tag
    as closing its own element only (Lexbor closes more, so this counts high, never low)."""
    if html.count("<") <= deepest:
        return False
    open_now: Counter[str] = Counter()
    depth = 0
    for found in _TAG.finditer(html):
        tag = found.group(2).lower()
        if tag in _FLAT:
            continue
        if not found.group(1):
            open_now[tag] += 1
            depth += 1
            if depth > deepest:
                return True
        elif open_now[tag]:
            open_now[tag] -= 1
            depth -= 1
    return False


def _too_wide(tree: LexborHTMLParser) -> bool:
    """True if an element holds more than _WIDEST inline elements as its children."""
    for node in tree.root.traverse() if tree.root is not None else ():
        inline = 0
        for child in node.iter():
            inline += child.tag not in _BLOCKS
            if inline > _WIDEST:
                return True
    return False


def _page_blocks(tree: LexborHTMLParser) -> list[BlockSpec]:
    """The blocks of the page's one <main> or <article>, else of its body."""
    _drop_furniture(tree)
    return _blocks_under(_content_root(tree))


def _drop_furniture(tree: LexborHTMLParser, whole: bool = False) -> None:
    """Code, navigation and controls out; the page's banner and footer too unless `whole`."""
    for node in tree.css(_DROPPED):
        node.decompose()
    if not whole:
        for node in tree.css("header, footer"):
            if not _inside_article(node):  # the page's banner and footer, not the article's
                node.decompose()


def _blocks_under(root: LexborNode | None) -> list[BlockSpec]:
    return _BlockCollector().collect(root) if root is not None else []


def _inside_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main"):
            return True
        parent = parent.parent
    return False


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    """The page's one <main> or one <article> if it has it, else its body."""
    for selector in ("main", "article"):
        found = tree.css(selector)
        if len(found) == 1:
            return found[0]
    return tree.body


def _walk(root: LexborNode) -> Iterator[tuple[LexborNode, bool]]:
    """(node, leaving) in document order, without recursion: pages can nest thousands deep."""
    stack = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        yield node, leaving
        if not leaving and not node.is_text_node:
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))


class _BlockCollector:
    """Gathers inline text and flushes it as a block whenever a block element opens or closes."""

    def __init__(self) -> None:
        self.specs: list[BlockSpec] = []
        self.buffer: list[str] = []
        self.context: list[_Open] = []  # the headings and list items being read
        self.lists: list[list[int]] = []  # per open list: [next number], or [] when unordered
        self.links = 0  # the <a> elements open
        self.linked: list[float] = []  # per block: the share of its characters inside a link
        self.characters = [0, 0]  # of the buffer: all, inside a link

    def collect(self, root: LexborNode) -> list[BlockSpec]:
        for node, leaving in _walk(root):
            if node.is_text_node:
                text = _SPACE.sub(" ", node.text_content or "")
                self.buffer.append(text)
                self.characters[0] += len(text)
                self.characters[1] += len(text) if self.links else 0
            elif node.tag == "br" and not leaving:
                self.buffer.append(_LINE_BREAK)
            elif node.tag == "a":
                self.links += -1 if leaving else 1
            elif node.tag in _BLOCKS:
                self._flush()
                if leaving:
                    self._leave(node)
                else:
                    self._enter(node)
        self._flush()
        return self.specs

    def _enter(self, node: LexborNode) -> None:
        tag = node.tag or ""
        if tag in _HEADINGS:
            self.context.append(_Open(BlockKind.HEADING, _HEADINGS[tag]))
        elif tag in _LISTS:
            start = node.attributes.get("start") or "1"
            # ASCII digits only: "²" and "١" are digits to isdigit() and not all to int().
            numbered = tag == "ol" and start.isascii() and start.isdigit()
            self.lists.append([int(start)] if numbered else [])
        elif tag == "li":
            self.context.append(_Open(BlockKind.LIST_ITEM, max(len(self.lists), 1), self._marker()))

    def _leave(self, node: LexborNode) -> None:
        tag = node.tag or ""
        if tag in _HEADINGS or tag == "li":
            self.context.pop()
        elif tag in _LISTS:
            self.lists.pop()

    def _marker(self) -> str:
        if not self.lists or not self.lists[-1]:
            return BULLET
        number = self.lists[-1][0]
        self.lists[-1][0] += 1
        return f"{number}."

    def _flush(self) -> None:
        text, self.buffer = "".join(self.buffer), []
        (characters, linked), self.characters = self.characters, [0, 0]
        for part in _PARAGRAPH_BREAK.split(text):
            words = normalise_space(part)
            if words:
                self.specs.append(self._block(words))
                self.linked.append(linked / characters if characters else 0.0)

    def _block(self, words: str) -> BlockSpec:
        """A block of the heading or item being read; text of an item after its nested list, or
        after a paragraph break, is a paragraph (a second marker would number it twice)."""
        current = self.context[-1] if self.context else None
        if current is None or (current.kind is BlockKind.LIST_ITEM and current.shown):
            return BlockSpec(BlockKind.PARAGRAPH, words)
        current.shown = True
        return BlockSpec(current.kind, words, current.level, current.marker)


@dataclass
class _Open:
    kind: BlockKind
    level: int
    marker: str = ""
    shown: bool = False
