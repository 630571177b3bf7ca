"""Bytes of an article file to text and publication date, or a reason it cannot be read.

Pure: no file system. The ingest flow hands in bytes and gets back either a
`ReadArticle` (with any repairs it made) or a `Rejected` with a reason a
person understands.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import re
from dataclasses import dataclass, field, replace

from transforms.dates import stated_publication_date
from transforms.knowledge import Knowledge, knowledge
from transforms.regex_trie import phrases_alternation
from transforms.webpage import read_page

_HEADER = re.compile(r"^\s?date\s+(\S+)\s")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"(?is)<(script|style|head)\b.*?</\1\s*>")
_BREAK = re.compile(r"(?i)<\s*(br|/p|/div|/h[1-6]|/li|/tr)\b[^>]*>")
_MARKUP_HINT = re.compile(r"(?i)<\s*(html|body|p|div|br|span|a|h[1-6])\b")


@dataclass(frozen=True)
class ReadArticle:
    text: str
    published_date: dt.date | None
    content_hash: str
    title: str | None
    repairs: tuple[str, ...] = field(default_factory=tuple)
    url: str | None = None  # a web page's canonical address
    author: str | None = None


@dataclass(frozen=True)
class Rejected:
    reason: str


def content_hash(text: str) -> str:
    """Hash of the text with whitespace normalised, so re-wrapped copies are one article."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Text and the repair made to get it, or (None, reason)."""
    if not data.strip():
        return None, "empty file"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "decoded UTF-16 (byte order mark)"
        except UnicodeDecodeError:
            return None, "starts with a UTF-16 byte order mark but is not valid UTF-16"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:4096]
    if b"\x00" in sample:
        return None, "binary file (contains NUL bytes), not text"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[:exc.start].decode("utf-8"), "cut inside a character at the end (truncated file)"
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > 0.02 * min(len(text), 4096) or text.count("\ufffd") > 0.01 * len(text):
        return None, "binary file (not text in UTF-8, UTF-16 or Windows-1252)"
    return text, "decoded as Windows-1252/Latin-1 (not valid UTF-8)"


def strip_markup(text: str) -> str:
    text = _BLOCK.sub(" ", text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    return "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()


def parse_header(text: str) -> tuple[str, dt.date | None, str | None]:
    """Split the optional ` date YYYY-MM-DD ` header: (body, date, repair note)."""
    m = _HEADER.match(text)
    if not m:
        return text, None, None
    body = text[m.end():]
    value = m.group(1)
    iso = _ISO.match(value)
    if iso:
        try:
            return body, dt.date(int(iso[1]), int(iso[2]), int(iso[3])), None
        except ValueError:
            pass
    return body, None, f"malformed date header {value!r} treated as unknown date"


def title_of(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:300]
    return None


# The repair note of an article read from a web page by the page reader (the raw zone keeps its HTML).
PAGE_READ = "main text taken from the web page"
# The note of an article with no date header whose own date line ("Published : Dec. 4, 2023") dates it.
DATE_LINE_READ = "publication date read from the article's date line"
# A news desk's byline is a short line of its own ("The Courier Bureau HYDERABAD"): longer lines are not tried.
BYLINE_MAX_CHARS = 80
STORY_BEFORE_SECTION_END = 150  # characters of story a page's closing heading must follow to end it
# News before this year is no news of ours: an earlier publication date is a wrong header, treated as unknown.
EARLIEST_YEAR = 1900


def drop_boilerplate(text: str, k: Knowledge | None = None) -> tuple[str, int]:
    """Removes lines that link to other stories ('Also read| ...', 'view article...', boilerplate_lines.txt),
    bylines of a news desk ('The Courier Bureau HYDERABAD': patterns.toml `desk_byline`), and everything from a
    heading that ends the story ('Related News', 'Tags:': section_ends.txt) once the story has begun."""
    k = k or knowledge()
    starts = k.boilerplate_lines
    kept: list[str] = []
    lines = text.split("\n")
    story = 0  # characters kept so far
    for line in lines:
        if line.strip().rstrip(":").strip().lower() in k.section_ends and story >= STORY_BEFORE_SECTION_END:
            return "\n".join(kept), len(lines) - len(kept)
        if not (line.strip().lower().startswith(starts) or (len(line) <= BYLINE_MAX_CHARS
                                                            and k.patterns.desk_byline.fullmatch(line.strip()))):
            kept.append(line)
            story += len(line)
    return "\n".join(kept), len(lines) - len(kept)


def is_english(words: list[str], k: Knowledge | None = None) -> bool:
    """English news is about a third function words; other languages (or scripts) have next to none."""
    english = (k or knowledge()).english_words
    # 200 words decide it (a third of them are function words in English); every article is asked.
    sample = [w.lower().strip(".,;:!?()\"'“”‘’") for w in words[:200]]
    letters = [w for w in sample if w.isalpha()]
    if len(letters) < 20:
        return True  # too short to judge
    hits = sum(w in english for w in letters)
    return hits / len(letters) >= 0.08


def looks_truncated(text: str) -> bool:
    """Ends inside a sentence: the last line is long and has no closing punctuation."""
    last = text.rstrip().splitlines()[-1].strip() if text.strip() else ""
    return len(last.split()) >= 8 and last[-1:] not in ".!?\"'”’)]:;…-—"


def has_markup(text: str) -> bool:
    return bool(_MARKUP_HINT.search(text[:20000]))


def text_for_extraction(text: str, k: Knowledge | None = None) -> str:
    """The raw zone's text as the extractor reads it: markup stripped, lines linking to other stories
    dropped. Applied at extraction, so a change to boilerplate_lines.txt takes effect on reprocess."""
    if has_markup(text):
        text = strip_markup(text)
    k = k or knowledge()
    text = k.patterns.odd_spaces.sub(" ", text)  # one character for one: offsets stay
    return split_glued_honorifics(bracketed_titles_set_off(drop_boilerplate(text, k)[0].strip(), k), k)


def bracketed_titles_set_off(text: str, k: Knowledge) -> str:
    """"Karl Berg (Managing Director, Orvik Systems) and": a title and body in brackets after a name are set off
    with commas instead ("Karl Berg, Managing Director, Orvik Systems, and"), as releases usually write them, so
    one reading serves both; character for character, so offsets stay."""
    out = list(text)
    for m in k.patterns.bracketed_title.finditer(text):
        close = text.find(")", m.end())
        out[m.end() - 2:m.end()] = [",", " "]
        out[close] = ","
    return "".join(out)


@functools.lru_cache(maxsize=4)
def _glued_honorific(k: Knowledge) -> re.Pattern[str]:
    """Where a word runs into the honorific of the name after it ('Department of DefenceMr Tal Orvek'), or
    the honorific into the name ('Mr.Tal'): built from honorifics.txt, for the short capitalised ones."""
    forms = sorted((h for h in k.honorifics if h[:1].isupper() and h[1:].islower() and len(h) <= 5),
                   key=len, reverse=True)
    alternation = phrases_alternation(forms)
    # "...DefenceMr Tal": no space before the honorific; "Mr.Tal": none after its full stop.
    return re.compile(rf"(?<=[a-z]{{3}})(?=(?:{alternation})\.?\s+[A-Z][a-z])|\b(?:{alternation})\.(?=[A-Z][a-z])")


def split_glued_honorifics(text: str, k: Knowledge | None = None) -> str:
    """Copy-pasted releases lose the space before 'Mr' or 'Shri' at a line join: the name after it is a
    person's, not the end of the body before it."""
    return _glued_honorific(k or knowledge()).sub(lambda m: m.group() + " " if m.group() else " ", text)


def current_text(text: str, raw_body: bytes | None, url: str | None) -> str:
    """The raw zone's text as the extractor should read it now: a web page is read again from its HTML as
    fetched, so a newer page reader applies on `parley reprocess`; other inputs are kept as read."""
    if raw_body:
        page = read_page(raw_body, url)
        if page is not None:
            return page.text
    return text


def read_article(
    data: bytes, *, max_bytes: int, today: dt.date | None = None, published: dt.date | None = None,
    title: str | None = None, size: int | None = None, content_type: str | None = None, url: str | None = None,
) -> ReadArticle | Rejected:
    """Read one article's bytes: decode, split the date header, check what is left once cleaned. The text
    kept is as decoded (the raw zone is raw); cleaning is repeated when the extractor reads it. A web page
    (`content_type` HTML: a server said so, or an .html file) is read as a reader view would show it
    (`webpage.read_page`); a text file with markup in it has its tags stripped."""
    if len(data) > max_bytes:  # `size`: the whole input's size, where only its first bytes were read
        return Rejected(f"file is {size or len(data):,} bytes, over the {max_bytes:,}-byte limit "
                        "(PARLEY_MAX_FILE_BYTES)")
    if content_type and "html" in content_type.lower():
        return _read_page(data, url, published, title, today)
    text, note = decode(data)
    if text is None:
        return Rejected(note or "unreadable")
    repairs: list[str] = [note] if note else []
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    markup = has_markup(raw)
    if markup:
        text = strip_markup(text)
        repairs.append("markup stripped")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    body, date, header_note = parse_header(text)
    raw_body = (parse_header(raw)[0] if markup else body).strip()
    if header_note:
        repairs.append(header_note)
    date = date or published
    if date is None and (date := stated_publication_date(body)) is not None:
        repairs.append(DATE_LINE_READ)  # "Published : Dec. 4, 2023": the date the copied page states
    return _checked(body, raw_body, date, title, repairs, today)


def _read_page(data: bytes, url: str | None, published: dt.date | None, title: str | None,
               today: dt.date | None) -> ReadArticle | Rejected:
    """A web page: its main text, and the page's own title, date and canonical address before the feed's."""
    page = read_page(data, url)
    if page is None:
        return Rejected("web page with no article text (an index, a login or an error page)")
    repairs = [PAGE_READ]
    date = page.published or published
    if date is None and (date := stated_publication_date(page.text)) is not None:
        repairs.append(DATE_LINE_READ)
    read = _checked(page.text, page.text, date, page.title or title, repairs, today)
    if isinstance(read, ReadArticle):
        return replace(read, url=page.canonical_url or url, author=page.author)
    return read


def _checked(body: str, raw_body: str, date: dt.date | None, title: str | None, repairs: list[str],
             today: dt.date | None) -> ReadArticle | Rejected:
    """The checks every article passes, however it was decoded: a believable date, enough English text."""
    if date is not None and date.year < EARLIEST_YEAR:
        repairs.append(f"publication date {date.isoformat()} is before {EARLIEST_YEAR}; treated as unknown")
        date = None
    today = today or dt.date.today()
    if date is not None and date > today + dt.timedelta(days=1):
        repairs.append(f"publication date {date.isoformat()} is in the future; treated as unknown")
        date = None
    # The article's identity is its text as published, before the boilerplate list (which users
    # extend) is applied, so editing that list never changes an article_id.
    identity = content_hash(body.strip())
    body, dropped = drop_boilerplate(body)
    if dropped:
        repairs.append(f"{dropped} line(s) linking to other stories dropped")
    body = body.strip()
    words = body.split()
    if len(words) < 5:
        return Rejected("no readable text left" if repairs else "too short to be an article (under 5 words)")
    if not is_english(words):
        return Rejected("text is not in English (too few common English words); Parley reads English news")
    if looks_truncated(body):
        repairs.append("text appears truncated (ends mid-sentence); loaded as it is")
    return ReadArticle(
        text=raw_body, published_date=date, content_hash=identity,
        title=title or title_of(body), repairs=tuple(repairs),
    )
