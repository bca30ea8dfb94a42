"""Bench corpus of statement-shaped documents from stdlib English sentences, and its query pools."""

from __future__ import annotations

import math
import os
import random
import re
import sysconfig
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.importers import content_hash
from reader.core.search.aliases import AliasGroup
from reader.core.search.passages import passages

KINDS = ("common", "rare", "and2", "phrase", "phrase4", "prefix", "fuzzy", "alias")
LABELS = {
    "common": "common term",
    "rare": "rare term",
    "and2": "two-term AND",
    "phrase": "phrase of 2",
    "phrase4": "phrase of 4",
    "prefix": "prefix",
    "fuzzy": "fuzzy",
    "alias": "alias",
}
PASSAGE_WORDS = 70  # a passage grows sentence by sentence until it has at least this many words
PASSAGES_PER_DOC = (16, 24)  # inclusive range, mean 20
SECTION_EVERY = (4, 6)  # paragraphs between level-2 headings
HARD_PREFIXES = ("impo", "comp", "cont", "over")  # many index terms each: the costly expansions

_TRIPLE = re.compile(r'"""(.*?)"""|\'\'\'(.*?)\'\'\'', re.S)
_COMMENT = re.compile(r"^[ \t]*#+[ \t]?(.*)$", re.M)
_SPLIT = re.compile(r"(?<=[.!?])\s+")
_WORDISH = re.compile(r"^[(\"']?[A-Za-z][a-z]*(?:[-'][a-z]+)*[)\"']?[.,;:!?]?[)\"']?$")
_TOKEN = re.compile(r"\b[a-z]+\b")  # whole words only: not "pysys" of "_pysys_x"
SKIP_FOLDERS = ("site-packages", "dist-packages", "__pycache__")

# Alias forms the stdlib text lacks; sentences holding them are added to the pool (seeded).
ACTOR_FORMS = {
    "us": ("the United States", "the U.S.", "the US", "the United States of America"),
    "un": ("the United Nations", "the UN", "the U.N."),
    "nato": ("NATO", "the North Atlantic Treaty Organization", "the North Atlantic Alliance"),
    "russia": ("Russia", "the Russian Federation"),
    "eu": ("the European Union", "the EU"),
    "iaea": ("the IAEA", "the International Atomic Energy Agency"),
}
THING_FORMS = {
    "wmd": ("weapons of mass destruction", "WMD", "WMDs"),
    "icbm": ("ICBMs", "intercontinental ballistic missiles", "ICBM launchers"),
}
ACTOR_TEMPLATES = (
    "{} called for the early resumption of the negotiations.",
    "The position of {} on this question has not changed.",
    "Consultations with {} will continue at the expert level.",
    "Representatives of {} welcomed the outcome of the meeting.",
    "The proposal put forward by {} deserves careful study.",
)
THING_TEMPLATES = (
    "The spread of {} remains a grave threat to international security.",
    "Any use of {} would be unacceptable to the international community.",
    "The parties agreed to exchange data on {} every year.",
    "Verification measures covering {} must be strengthened.",
    "No state should seek to acquire {} under any circumstances.",
)
ALIAS_QUERIES = (
    "US", "WMD", "UN", "U.S.", '"United States"', '"weapons of mass destruction"',
    '"United Nations"', "NATO", "ICBM", "Russia", "EU", "IAEA",
    '"Russian Federation"', '"European Union"', "U.N.", "WMDs",
)  # fmt: skip


@dataclass(frozen=True)
class Query:
    """One query: its kind, what the app is sent, and the words the baselines build theirs from.

    `words` is (term,), (a, b), (prefix,), (typo, intended) or, for an alias, every form of
    its group (the app's query first).
    """

    kind: str
    text: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    """Statements and their passages; seeded, so one Python version always gives the same."""

    documents: list[Document]
    passages: list[tuple[str, str, str]]  # (doc id, section, text) of every indexed passage


# Sentences ------------------------------------------------------------------------------------
def stdlib_sentences() -> list[str]:
    """English sentences from the running Python's stdlib docstrings, comments and docs."""
    root = Path(sysconfig.get_paths()["stdlib"])
    chunks: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_FOLDERS)
        for name in sorted(f for f in files if f.endswith(".py")):
            source = (Path(folder) / name).read_text(encoding="utf-8", errors="replace")
            chunks.extend(m.group(1) or m.group(2) or "" for m in _TRIPLE.finditer(source))
            chunks.append(" ".join(_COMMENT.findall(source)))
    try:
        import pydoc_data.topics as topics

        chunks.extend(topics.topics[k] for k in sorted(topics.topics))
    except ImportError:
        pass
    licence = root / "LICENSE.txt"
    if licence.exists():
        chunks.append(licence.read_text(encoding="utf-8", errors="replace"))
    sentences = _SPLIT.split(re.sub(r"\s+", " ", "\n".join(chunks)))
    return sorted({s[0].upper() + s[1:] for s in sentences if _is_prose(s)})


def _is_prose(sentence: str) -> bool:
    words = sentence.split()
    if not 5 <= len(words) <= 40 or sentence[-1] not in ".!?" or not sentence[0].isalpha():
        return False
    return sum(1 for w in words if _WORDISH.match(w)) >= 0.9 * len(words)


def alias_sentences(seed: int) -> list[str]:
    """Statement-like sentences naming the US, the UN, WMD ... in their several forms."""
    rnd = random.Random(seed)
    out = []
    kinds = ((ACTOR_FORMS, ACTOR_TEMPLATES), (THING_FORMS, THING_TEMPLATES))
    for forms_by_group, templates in kinds:
        for forms in forms_by_group.values():
            for form in forms:
                for template in rnd.sample(templates, 3):
                    sentence = template.format(form)
                    out.append(sentence[0].upper() + sentence[1:])
    return out


def sentence_pool(seed: int) -> list[str]:
    return sorted(set(stdlib_sentences()) | set(alias_sentences(seed)))


# Documents ------------------------------------------------------------------------------------
def passage_texts(count: int, pool: Sequence[str], seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        parts, words = [], 0
        while words < PASSAGE_WORDS:
            sentence = pool[rnd.randrange(len(pool))]
            parts.append(sentence)
            words += len(sentence.split())
        out.append(" ".join(parts))
    return out


def document_specs(texts: Sequence[str], seed: int) -> list[list[BlockSpec]]:
    """Cut the passages into statements of 16-24 paragraphs with a heading every 4-6."""
    rnd = random.Random(seed)
    documents: list[list[BlockSpec]] = []
    at = 0
    while at < len(texts):
        size = rnd.randint(*PASSAGES_PER_DOC)
        specs: list[BlockSpec] = []
        until_heading = 0
        for text in texts[at : at + size]:
            if until_heading == 0:
                specs.append(BlockSpec(BlockKind.HEADING, f"Part {len(specs) // 5 + 1}", level=2))
                until_heading = rnd.randint(*SECTION_EVERY)
            specs.append(BlockSpec(BlockKind.PARAGRAPH, text))
            until_heading -= 1
        documents.append(specs)
        at += size
    return documents


def make_corpus(texts: Sequence[str], seed: int) -> Corpus:
    """Statements holding exactly these passages; every paragraph becomes one index record.

    Each carries its text's digest as the catalogue gives it an imported statement (the
    content hash its import stored), so that reopening the index is timed as the app's.
    """
    documents = [
        build_document(
            f"doc-{n:05d}",
            "imported",
            Metadata(title=f"Statement {n}"),
            specs,
            content_hash(tuple(specs)),
        )
        for n, specs in enumerate(document_specs(texts, seed))
    ]
    records = [(p.doc_id, p.section, p.text) for doc in documents for p in passages(doc)]
    return Corpus(documents, records)


# Query pools ----------------------------------------------------------------------------------
def document_frequencies(texts: Iterable[str]) -> Counter[str]:
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(_TOKEN.findall(text.lower())))
    return df


def make_queries(
    texts: Sequence[str],
    k: int,
    seed: int,
    stop: Collection[str],
    stem: Callable[[str], str],
    aliases: Sequence[AliasGroup],
) -> dict[str, list[Query]]:
    """k distinct queries of every kind, chosen from the corpus's own statistics."""
    rnd = random.Random(seed)
    df = document_frequencies(texts)
    content = [w for w in df if w not in stop and len(w) >= 3]
    by_df = sorted(content, key=lambda w: (-df[w], w))
    rank = {w: i for i, w in enumerate(by_df)}
    rare, rarest = _rare_words(content, df, stem)
    and2, phrase = _pairs(texts, k, rnd, stop, lambda w: 30 <= rank.get(w, 10**9) <= 1500)
    runs = _runs(
        texts, k, random.Random(seed + 4), stop
    )  # apart: the other pools stay as they were
    # The rarest words are drawn apart, so the other pools stay those drawn before they were.
    rare_picked = (
        rnd.sample(rare, min(k, len(rare)))
        if rare
        else random.Random(seed + 5).sample(rarest, min(k, len(rarest)))
    )
    return {
        "common": [Query("common", w, (w,)) for w in [w for w in by_df if len(w) >= 4][:k]],
        "rare": [Query("rare", w, (w,)) for w in rare_picked],
        "and2": [Query("and2", f"{a} {b}", (a, b)) for a, b in and2],
        "phrase": [Query("phrase", f'"{a} {b}"', (a, b)) for a, b in phrase],
        "phrase4": [Query("phrase4", f'"{" ".join(r)}"', r) for r in runs],
        "prefix": [Query("prefix", f"{p}*", (p,)) for p in _prefixes(by_df, df, k, rnd, stem)],
        "fuzzy": [Query("fuzzy", f"{t}~1", (t, w)) for t, w in _typos(by_df, df, k, rnd, stem)],
        "alias": [_alias_query(text, aliases) for text in ALIAS_QUERIES[:k]],
    }


def _rare_words(
    content: Sequence[str], df: Counter[str], stem: Callable[[str], str]
) -> tuple[list[str], list[str]]:
    """Words in 2-5 passages, counting every word of the same stem ("reductions" finds "reduct");
    and, for a large corpus made from a finite pool of sentences, which may have none of them
    (200,000 passages), the rarest words it has instead, from 2 passages up."""
    family: Counter[str] = Counter()
    for w in content:
        family[stem(w)] += df[w]
    rare = sorted(w for w in content if 2 <= family[stem(w)] <= 5 and len(w) >= 5)
    rarest = sorted(
        (w for w in content if family[stem(w)] >= 2 and len(w) >= 5),
        key=lambda w: (family[stem(w)], w),
    )
    return rare, sorted(rarest[:48])


def _pairs(
    texts: Sequence[str],
    k: int,
    rnd: random.Random,
    stop: Collection[str],
    mid: Callable[[str], bool],
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Two mid-frequency words of one passage (AND); two adjacent content words (phrase)."""
    and2: list[tuple[str, str]] = []
    phrase: list[tuple[str, str]] = []
    for _ in range(100_000):
        if len(and2) >= k and len(phrase) >= k:
            break
        text = texts[rnd.randrange(len(texts))].lower()
        words = sorted({w for w in _TOKEN.findall(text) if w not in stop and mid(w)})
        if len(and2) < k and len(words) >= 2:
            a, b = rnd.sample(words, 2)
            if (a, b) not in and2 and (b, a) not in and2:
                and2.append((a, b))
        if len(phrase) < k:
            found = re.findall(r"(?=\b([a-z]{3,}) ([a-z]{3,})\b)", text)
            found = [p for p in found if p[0] not in stop and p[1] not in stop and p not in phrase]
            if found:
                phrase.append(rnd.choice(found))
    return and2, phrase


def _runs(
    texts: Sequence[str], k: int, rnd: random.Random, stop: Collection[str], size: int = 4
) -> list[tuple[str, ...]]:
    """Runs of `size` words as a passage writes them, stop words inside kept ("rest of the
    world"), beginning and ending with a content word."""
    pattern = re.compile(r"(?=\b(" + r" ".join([r"[a-z]+"] * size) + r")\b)")
    runs: list[tuple[str, ...]] = []
    for _ in range(100_000):
        if len(runs) >= k:
            break
        text = texts[rnd.randrange(len(texts))].lower()
        found = [tuple(m.split()) for m in pattern.findall(text)]
        found = [
            r
            for r in found
            if r[0] not in stop and r[-1] not in stop and len(r[0]) >= 3 and r not in runs
        ]
        if found:
            runs.append(rnd.choice(found))
    return runs


def _prefixes(
    by_df: Sequence[str], df: Counter[str], k: int, rnd: random.Random, stem: Callable[[str], str]
) -> list[str]:
    """Four-letter prefixes of frequent words; the hardest (most words) always among them."""
    candidates = []
    for w in by_df[20:600]:
        # a prefix the stemmer leaves alone, so that every engine looks for the same prefix
        if len(w) >= 6 and w[:4] not in candidates and stem(w[:4]) == w[:4]:
            candidates.append(w[:4])
    expansions = Counter(w[:4] for w in df)
    hard = [p for p in HARD_PREFIXES if expansions[p] >= 10]
    for p in sorted(candidates, key=lambda p: (-expansions[p], p)):
        if len(hard) >= math.ceil(k / 4):
            break
        if p not in hard:
            hard.append(p)
    hard = hard[:k]
    rest = [p for p in candidates if p not in hard]
    return hard + rnd.sample(rest, min(k - len(hard), len(rest)))


def _typos(
    by_df: Sequence[str], df: Counter[str], k: int, rnd: random.Random, stem: Callable[[str], str]
) -> list[tuple[str, str]]:
    """Words the stemmer leaves unchanged, with one interior letter replaced."""
    words = [w for w in by_df[50:3000] if len(w) >= 6 and stem(w) == w]
    out: list[tuple[str, str]] = []
    for w in rnd.sample(words, min(len(words), 4 * k)):
        i = rnd.randrange(1, len(w) - 1)
        typo = w[:i] + rnd.choice([c for c in "aeioustnr" if c != w[i]]) + w[i + 1 :]
        if typo not in df and stem(typo) == typo:
            out.append((typo, w))
        if len(out) == k:
            break
    return out


def _alias_query(text: str, aliases: Sequence[AliasGroup]) -> Query:
    form = text.strip('"')
    for group in aliases:
        forms = group.acronyms + group.phrases
        if form in forms:
            return Query("alias", text, (form, *(f for f in forms if f != form)))
    return Query("alias", text, (form,))


# Edit distance --------------------------------------------------------------------------------
def edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in letters]
    inserts = [a + c + b for a, b in splits for c in letters]
    return set(deletes + transposes + replaces + inserts)


def within1(a: str, b: str) -> bool:
    """True if the Levenshtein distance of a and b is at most 1."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
