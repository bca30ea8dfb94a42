"""The article of a web page: chosen by trafilatura, its blocks the page's own; the rest out."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from reader.core.documents.document import BlockKind
from reader.core.importers import (
    ImportedStatement,
    ImportRefused,
    html_region,
    import_file,
    to_document,
)
from reader.core.importers.html_hints import page_hints

H, P, LI = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM

OPENING = (
    "The participants of the dialogue met in Geneva to discuss the state of strategic "
    "stability and the future of arms control between their two countries."
)
MIDDLE = (
    "They noted with concern that the remaining treaties are under strain and that the "
    "channels of communication between the militaries have narrowed in recent years."
)
CLOSING = (
    "The participants agreed to meet again in the autumn and to present their findings to "
    "both governments before the end of the year."
)
ITEMS = (
    "Resume a regular dialogue on strategic stability without preconditions.",
    "Extend the data exchanges and notifications under the existing agreements.",
)
ARTICLE = f"""<h1>Joint Statement on Strategic Stability</h1>
<p>{OPENING}</p>
<p>{MIDDLE}</p>
<h2>Recommendations</h2>
<p>The participants recommend that both governments:</p>
<ol><li>{ITEMS[0]}</li><li>{ITEMS[1]}</li></ol>
<p>{CLOSING}</p>"""
EXPECTED = [
    (H, 1, "", "Joint Statement on Strategic Stability"),
    (P, 0, "", OPENING),
    (P, 0, "", MIDDLE),
    (H, 2, "", "Recommendations"),
    (P, 0, "", "The participants recommend that both governments:"),
    (LI, 1, "1.", ITEMS[0]),
    (LI, 1, "2.", ITEMS[1]),
    (P, 0, "", CLOSING),
]
MENU = """<ul class="menu"><li><a href="/">Home</a></li><li><a href="/about">About the
Institute</a></li><li><a href="/publications">Publications and reports</a></li><li><a
href="/events">Events and conferences</a></li><li><a href="/contact">Contact us</a></li></ul>"""


def imported(tmp_path: Path, html: str, name: str = "page.html") -> ImportedStatement:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return import_file(path)


def blocks(statement: ImportedStatement) -> list[tuple[BlockKind, int, str, str]]:
    return [(b.kind, b.level, b.marker, b.text) for b in statement.blocks]


def test_a_page_inside_one_form_imports(tmp_path: Path) -> None:
    """ASP.NET sites wrap the whole page in a <form>: its text is the page's, not a form's."""
    page = f"""<!DOCTYPE html><html><head><title>Statement</title></head><body>
<form method="post" action="./statement.aspx" id="form1">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" value="dDwtMTA4NzI"></div>
<div id="header"><a href="/"><img src="logo.png" alt="The Institute"></a>{MENU}</div>
<div id="content">{ARTICLE}</div>
<div id="footer"><p>© 2021 The Institute. All rights reserved.</p></div>
</form></body></html>"""
    statement = imported(tmp_path, page, "statement.aspx.html")
    assert blocks(statement) == EXPECTED


def test_a_small_article_beside_the_real_text_is_not_taken_for_it(tmp_path: Path) -> None:
    """A page with one <article>, a photo and its caption, beside the statement itself: the
    statement is imported whole (the caption may come with it)."""
    caption = "The delegations at the opening session of the meeting in Geneva on 12 May."
    page = f"""<html><body><div class="page">{MENU}
<article class="photo"><img src="delegates.jpg" alt=""><p>{caption}</p></article>
<div class="text">{ARTICLE}</div></div></body></html>"""
    kept = [(kind, marker, text) for kind, _, marker, text in blocks(imported(tmp_path, page))]
    assert [b for b in kept if b[2] != caption] == [(k, m, t) for k, _, m, t in EXPECTED]


def test_share_bar_related_links_likes_and_comments_inside_main_are_left_out(
    tmp_path: Path,
) -> None:
    page = f"""<html><body>{MENU}<main>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a>
<a href="#">Email this page</a> <a href="#">Print</a></div>
{ARTICLE}
<div class="sharedaddy"><h3>Like this:</h3><a href="#">Like</a> Loading...</div>
<section class="related"><h3>Related publications</h3><ul>
<li><a href="/a">Nuclear risk reduction in Europe: a new agenda for the next decade</a></li>
<li><a href="/b">Confidence-building measures at sea and in the air for the Baltic region</a></li>
<li><a href="/c">The future of the New START treaty after its expiry in February 2026</a></li>
</ul></section>
<div id="comments" class="comments-area"><h3>3 thoughts on this statement</h3>
<ol class="comment-list"><li class="comment"><p>Ivan says: A very timely statement, I agree
with every word of it and hope the governments listen.</p></li>
<li class="comment"><p>Mary says: Thank you for publishing this, it deserves attention.</p>
</li></ol>
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>
</div></main></body></html>"""
    statement = imported(tmp_path, page)
    assert blocks(statement) == EXPECTED
    text = to_document(statement, "p").text
    for left_out in ("Facebook", "Like this", "Related", "Baltic", "Ivan", "Mary", "Reply"):
        assert left_out not in text


def test_when_trafilatura_finds_no_article_the_one_main_is_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_region, "extracted_text", lambda html: "")
    page = f"<html><body><div>{MENU}</div><main>{ARTICLE}</main></body></html>"
    assert blocks(imported(tmp_path, page)) == EXPECTED


def without_title(html: str) -> str:
    """What trafilatura gives for many pages: the article's text, its headline left out (it
    takes that for metadata)."""
    return "\n".join(text for kind, level, _, text in EXPECTED if (kind, level) != (H, 1))


HEADLINE = "Joint Statement on Strategic Stability"
LOGO = '<header><h1><a href="/">The Institute</a></h1>{menu}</header>'
BEFORE_ARTICLE = f"""<h1>{HEADLINE}</h1><p class="byline">By the participants, 12 May</p>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>"""


@pytest.mark.parametrize(
    "head",
    [
        f'<meta property="og:title" content="{HEADLINE} | The Institute">',
        f"<title>{HEADLINE} - The Institute</title>",
        "",
    ],
    ids=["open graph", "title", "no metadata"],
)
def test_the_headline_trafilatura_leaves_out_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, head: str
) -> None:
    """trafilatura keeps a headline for its metadata: the page's own <h1> still heads the
    statement, not the <h1> of the site's name in its banner."""
    monkeypatch.setattr(html_region, "extracted_text", without_title)
    page = f"""<html><head>{head}</head><body>{LOGO.format(menu=MENU)}<div class="post">
{BEFORE_ARTICLE}{ARTICLE.split("</h1>", 1)[1]}</div></body></html>"""
    statement = imported(tmp_path, page)
    assert blocks(statement) == EXPECTED
    assert statement.metadata.title == HEADLINE


def test_a_site_name_in_an_h1_far_from_the_article_is_not_taken_for_its_headline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_region, "extracted_text", without_title)
    body = ARTICLE.split("</h1>", 1)[1]
    page = f"<html><body>{LOGO.format(menu=MENU * 3)}<main>{body}</main></body></html>"
    assert blocks(imported(tmp_path, page)) == EXPECTED[1:]


def test_a_summary_repeating_the_article_is_not_kept_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Key points above the text say again what its paragraphs say: the paragraphs are the
    article (trafilatura's lines), the summary is not, wherever it stands."""
    monkeypatch.setattr(html_region, "extracted_text", without_title)
    summary = OPENING.replace("met in Geneva", "have met in Geneva")
    page = f"""<html><body>{MENU}<div class="post"><h1>{HEADLINE}</h1>
<ul class="key-points"><li>{summary}</li></ul>{ARTICLE.split("</h1>", 1)[1]}</div></body></html>"""
    assert blocks(imported(tmp_path, page)) == EXPECTED


def test_repeated_paragraphs_of_the_article_are_all_kept(tmp_path: Path) -> None:
    """A page repeats what it means to (a refrain, a step of each day): none is dropped."""
    refrain = "Each side should notify the other of any launch of a ballistic missile in advance."
    page = f"""<html><body>{MENU}<main>{ARTICLE}<h2>Day one</h2><p>{refrain}</p>
<h2>Day two</h2><p>{refrain}</p></main></body></html>"""
    texts = [b.text for b in imported(tmp_path, page).blocks]
    assert texts.count(refrain) == 2


def test_a_page_of_nothing_but_scripts_is_refused_with_a_way_out(tmp_path: Path) -> None:
    page = '<html><head><script src="app.js"></script></head><body><div id="root"></div>'
    with pytest.raises(ImportRefused) as refused:
        imported(tmp_path, page + "</body></html>", "app.html")
    assert str(refused.value) == (
        "app.html holds no text to import, only scripts that write it when a browser shows the "
        "page; save the page from the browser once it has loaded (Save Page As, Web Page, "
        "complete) and import that copy."
    )


def hints_of(head: str, body: str = "") -> tuple[str, dt.date | None]:
    hints = page_hints(LexborHTMLParser(f"<html><head>{head}</head><body>{body}</body></html>"))
    return hints.title, hints.date.first if hints.date else None


def test_title_and_date_from_open_graph() -> None:
    head = """<title>Joint Statement | The Institute</title>
<meta property="og:site_name" content="The Institute">
<meta property="og:title" content="Joint Statement on Strategic Stability | The Institute">
<meta property="article:published_time" content="2021-05-12T09:30:00+02:00">"""
    assert hints_of(head) == ("Joint Statement on Strategic Stability", dt.date(2021, 5, 12))


def test_title_and_date_from_json_ld() -> None:
    head = """<title>News</title><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "name": "News", "datePublished": "2019-01-01"},
  {"@type": "NewsArticle", "headline": "Elbe Group Joint Statement",
   "datePublished": "2018-03-16T12:00:00Z", "author": {"@type": "Person", "name": "A. B."}}
]}</script><script type="application/ld+json">{ not json at all </script>"""
    assert hints_of(head) == ("Elbe Group Joint Statement", dt.date(2018, 3, 16))


def test_the_date_from_a_time_element() -> None:
    with_attribute = hints_of("", '<p>Posted <time datetime="2013-04-08">8 April</time></p>')
    assert with_attribute[1] == dt.date(2013, 4, 8)
    assert hints_of("", "<p>Posted <time>April 8, 2013</time></p>")[1] == dt.date(2013, 4, 8)


def test_the_page_title_is_the_statement_title_when_its_text_has_none(tmp_path: Path) -> None:
    page = f"""<html><head><meta property="og:title" content="On Arms Control">
<script type="application/ld+json">{{"@type": "Article", "datePublished": "2021-06-06"}}
</script></head><body><main><p>{OPENING}</p><p>{MIDDLE}</p><p>{CLOSING}</p></main></body></html>"""
    metadata = imported(tmp_path, page).metadata
    assert (metadata.title, metadata.date_start) == ("On Arms Control", dt.date(2021, 6, 6))


def test_trafilatura_is_given_the_text_and_no_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing fetched: only `extract`, on a string, with no URL to resolve against."""
    import trafilatura

    calls: list[tuple[tuple[object, ...], dict[str, object]]] = []
    real = trafilatura.extract

    def spy(*args: object, **kwargs: object) -> str | None:
        calls.append((args, kwargs))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura, "extract", spy)
    for fetching in ("fetch_url", "fetch_response"):
        monkeypatch.setattr(trafilatura, fetching, None)
    assert html_region.extracted_text(f"<html><body>{ARTICLE}</body></html>")
    assert len(calls) == 1 and isinstance(calls[0][0][0], str)
    assert calls[0][1].get("url") is None


def test_a_title_the_page_names_outranks_a_section_heading_in_its_h1(tmp_path: Path) -> None:
    """Institutions' sites head every page with its section; JSON-LD or Open Graph name the
    statement."""
    page = f"""<html><head><script type="application/ld+json">
{{"@type": "NewsArticle", "headline": "{HEADLINE}"}}</script></head><body><main>
<h1>Press releases</h1><h2>{HEADLINE}</h2><p>{OPENING}</p><p>{MIDDLE}</p></main></body></html>"""
    assert imported(tmp_path, page).metadata.title == HEADLINE


def test_the_h1_stays_the_title_when_the_page_names_it_the_same_with_its_site(
    tmp_path: Path,
) -> None:
    page = f"""<html><head><meta property="og:title" content="{HEADLINE.upper()} | Institute">
</head><body><main><h1>{HEADLINE}</h1><p>{OPENING}</p><p>{MIDDLE}</p></main></body></html>"""
    assert imported(tmp_path, page).metadata.title == HEADLINE


def test_a_site_that_gives_every_page_its_own_name_names_no_article(tmp_path: Path) -> None:
    page = f"""<html><head><meta property="og:site_name" content="The Institute">
<meta property="og:title" content="The Institute"></head><body><main><h1>{HEADLINE}</h1>
<p>{OPENING}</p><p>{MIDDLE}</p></main></body></html>"""
    assert imported(tmp_path, page).metadata.title == HEADLINE


def test_the_page_title_and_time_when_its_text_names_neither(tmp_path: Path) -> None:
    page = f"""<html><head><title>On Arms Control - The Institute</title></head><body>
<main><p>{OPENING}</p><p>{MIDDLE}</p><p>Posted <time datetime="2013-04-08">8 April</time></p>
</main></body></html>"""
    metadata = imported(tmp_path, page).metadata
    assert (metadata.title, metadata.date_start) == ("On Arms Control", dt.date(2013, 4, 8))


def test_a_dateline_of_the_text_outranks_the_date_the_page_was_posted(tmp_path: Path) -> None:
    """The statement's date is the one it gives itself; a site may post it days later."""
    page = f"""<html><head><meta property="article:published_time" content="2021-05-20">
</head><body><main><h1>{HEADLINE}</h1><p>Geneva, 12 May 2021</p><p>{OPENING}</p>
<p>{MIDDLE}</p></main></body></html>"""
    metadata = imported(tmp_path, page).metadata
    assert (metadata.place, metadata.date_start) == ("Geneva", dt.date(2021, 5, 12))


RELATED = (
    "Nuclear risk reduction in Europe: a new agenda",
    "Confidence-building measures at sea and in the air",
)
NAMES = ("Igor Ivanov", "Des Browne", "Wolfgang Ischinger")


def text_and(*more: str) -> Callable[[str], str]:
    """trafilatura's text when it takes in what follows the article."""
    return lambda html: "\n".join([*(text for *_, text in EXPECTED), *more])


def test_links_to_other_pages_the_article_ends_with_are_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trafilatura takes some of them in, label and all: headlines of other pages, each
    only a link."""
    monkeypatch.setattr(html_region, "extracted_text", text_and("You may also like…", *RELATED))
    links = "".join(f'<p><a href="/{n}">{text}</a></p>' for n, text in enumerate(RELATED))
    page = f"""<html><body><div class="post">{ARTICLE}<p>You may also like…</p>{links}</div>
</body></html>"""
    assert blocks(imported(tmp_path, page)) == EXPECTED


def test_names_linked_to_their_pages_at_the_end_of_a_statement_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_region, "extracted_text", text_and("Signed by:", *NAMES))
    signed = "".join(f'<p><a href="/people/{n}">{name}</a></p>' for n, name in enumerate(NAMES))
    page = f"""<html><body><div class="post">{ARTICLE}<p>Signed by:</p>{signed}</div>
</body></html>"""
    texts = [b.text for b in imported(tmp_path, page).blocks]
    assert texts[-4:] == ["Signed by:", *NAMES]


@pytest.mark.parametrize("found", ["", "text"], ids=["trafilatura finds nothing", "within"])
def test_the_headline_above_the_one_main_heads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, found: str
) -> None:
    """The page's own <main> is taken when trafilatura finds nothing, or only adds to it:
    the page's headline standing above that <main> still heads it."""
    text = "" if not found else "\n".join(t for kind, _, _, t in EXPECTED)
    monkeypatch.setattr(html_region, "extracted_text", lambda html: text)
    body = ARTICLE.split("</h1>", 1)[1]
    page = f"""<html><head><meta property="og:title" content="{HEADLINE}"></head><body>
{MENU}<div class="title"><h1>{HEADLINE}</h1></div><main>{body}</main></body></html>"""
    assert blocks(imported(tmp_path, page)) == EXPECTED


def test_microdata_hidden_for_search_engines_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page may say its headline, date and image again in schema.org microdata no one sees
    (and trafilatura takes it in on some pages)."""
    address = "https://example.org/images/statement-500-250.jpg"
    monkeypatch.setattr(
        html_region, "extracted_text", text_and(HEADLINE, "2021-05-12T09:30:00+02:00", address)
    )
    microdata = f"""<div style="display:none;" itemscope itemtype="http://schema.org/NewsArticle">
<h1 itemprop="name">{HEADLINE}</h1><div itemprop="datePublished">2021-05-12T09:30:00+02:00</div>
<div itemprop="image">{address}</div></div>"""
    page = f"""<html><body>{MENU}{microdata}<div class="post">{ARTICLE}</div></body></html>"""
    assert blocks(imported(tmp_path, page)) == EXPECTED
