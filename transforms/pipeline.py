"""The extractor: an article's text through named components, in order, into one typed record.

Each component reads layers of the `Doc` that earlier ones added and adds its own (spaCy's pipeline
shape: one document, small components, layers added once). The order below is the whole extractor:

    clean -> sentences -> runs -> transfers -> organisations -> officials -> domains -> events -> decisions
    -> governments

```mermaid
flowchart LR
  raw[raw text] --> clean --> sentences --> runs --> transfers
  transfers --> organisations --> officials --> domains
  transfers --> events
  organisations --> events
  officials --> events
  events --> decisions --> governments --> record[ArticleRecord]
```
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from transforms.dates import stated_publication_year, year_hint
from transforms.decide import apply_decisions
from transforms.document import Doc
from transforms.domains import find_domains
from transforms.events import find_events
from transforms.events.common import filing_date
from transforms.events.signing import GOVERNMENT, government_name_of
from transforms.knowledge import Knowledge, knowledge
from transforms.names import capitalised_runs
from transforms.officials import find_officials
from transforms.organisations import Org, find_organisations, government_mentions
from transforms.party_slots import transfer_lists
from transforms.reading import text_for_extraction
from transforms.record import ArticleRecord, DomainRecord, OfficialRecord, OrganisationRecord
from transforms.sentences import split_sentences

Component = Callable[[Doc, Knowledge], None]


# An article is read up to this many characters (a long feature is about 30,000): the rest of a longer
# text, such as one story pasted over and over, is left unread so that no input costs more than this.
MAX_ARTICLE_CHARS = 200_000


def clean(doc: Doc, k: Knowledge) -> None:
    """Markup and lines linking to other stories out: the raw zone keeps the text as read."""
    text = text_for_extraction(doc.text, k)
    doc.word_count = len(text.split())
    doc.text = text[:MAX_ARTICLE_CHARS]


def sentences(doc: Doc, k: Knowledge) -> None:
    """Sentences; a story is read as of the day it was filed (its dateline's), where it gives one."""
    doc.sentences = split_sentences(doc.text, k)
    doc.published = filing_date(k, doc.sentences, doc.published) or doc.published
    doc.year_hint = (stated_publication_year(doc.text, k) or year_hint([s.text for s in doc.sentences[:5]], k)
                     if doc.published is None else None)


def runs(doc: Doc, k: Knowledge) -> None:
    """Capitalised runs, found once and shared by the organisation and official rules."""
    doc.runs = capitalised_runs(doc.text, k)


def organisations(doc: Doc, k: Knowledge) -> None:
    doc.orgs = find_organisations(doc.text, k, doc.sentences, doc.runs, doc.transfers)
    doc.spans["organisations"] = [(a, e, o.name) for o in doc.orgs for a, e in o.spans]


def officials(doc: Doc, k: Knowledge) -> None:
    doc.officials = find_officials(doc.text, doc.sentences, doc.orgs, k, doc.runs)


def domains(doc: Doc, k: Knowledge) -> None:
    """Multi-word organisation names hide their domain words ("Space Research Organisation"), and so do
    officials' titles ("Director General, Naval Systems & Materials"): a body's or an office's name, no subject."""
    inside = [(a, e) for a, e, _ in doc.spans["organisations"] if " " in doc.text[a:e]]
    inside += [span for p in doc.officials if p.title and " " in p.title for span in _occurrences(doc.text, p.title)]
    doc.domains = find_domains(doc.text, inside, k)


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]


def transfers(doc: Doc, k: Knowledge) -> None:
    """Lines of technology-transfer lists: their recipients are bodies, and each line is an agreement."""
    doc.transfers = transfer_lists(doc.sentences, k)


def events(doc: Doc, k: Knowledge) -> None:
    """Every event spec in the knowledge folder, each through the one engine."""
    for spec in k.events:
        doc.events[spec.name] = find_events(doc, spec, k)


def decisions(doc: Doc, k: Knowledge) -> None:
    """The learned decisions: which events the article reports, which organisations fill their roles
    (transforms/decide.py)."""
    apply_decisions(doc, k)


def governments(doc: Doc, k: Knowledge) -> None:
    """Governments named as parties ("India and Japan signed ...") or as actors ("the French government
    approved ...") are organisations of the article too."""
    _governments_named(doc, k)
    known = {o.name for o in doc.orgs}
    for spec in k.events:
        for role in spec.roles_of("organisation"):
            for e in doc.events.get(spec.name, []):
                for name in e.filled(role.role):
                    if name.startswith(GOVERNMENT) and name not in known:
                        known.add(name)
                        country = name.removeprefix(GOVERNMENT).removeprefix("the ")
                        doc.orgs.append(Org(name=name, org_type="government", country=country, mentions=1,
                                            aliases=government_aliases(country, k)))


def _governments_named(doc: Doc, k: Knowledge) -> None:
    """"The Chilean government has approved ...": Government of Chile, with the words the text uses."""
    for m in government_mentions(doc.text, k):
        country = k.countries.get(m.group(1))
        if country is None:
            continue
        name = government_name_of(country, k)
        org = next((o for o in doc.orgs if o.name == name), None)
        if org is None:
            org = Org(name=name, org_type="government", country=country, aliases=government_aliases(country, k))
            doc.orgs.append(org)
        org.aliases.add(doc.text[m.start(1):m.end()])  # "Chilean government", without "the"
        org.mentions += 1


def government_aliases(country: str, k: Knowledge) -> set[str]:
    """"Government of Türkiye" for the Government of Turkey: every name the country goes by, and the names
    that take "the" also without it ("Government of Philippines", as some write it)."""
    names = k.country_names.get(country, (country,))
    forms = {government_name_of(n, k) for n in names}
    forms |= {f.replace(f"{GOVERNMENT}the ", GOVERNMENT) for f in forms}
    return forms - {government_name_of(country, k)}


COMPONENTS: tuple[Component, ...] = (
    clean, sentences, runs, transfers, organisations, officials, domains, events, decisions, governments,
)


def to_record(doc: Doc) -> ArticleRecord:
    return ArticleRecord(
        organisations=[OrganisationRecord(
            name=o.name, acronym=o.acronym, aliases=sorted(o.aliases - {o.name, o.acronym}), org_type=o.org_type,
            country=o.country, parent=o.parent, mentions=o.mentions) for o in doc.orgs],
        officials=[OfficialRecord(name=p.name, title=p.title, rank=p.rank, organisation=p.organisation,
                                  mentions=p.mentions) for p in doc.officials],
        domains=[DomainRecord(name=n, mentions=c) for n, c in sorted(doc.domains.items())],
        events=doc.events,
        word_count=doc.word_count,
    )


def run_pipeline(text: str, published: dt.date | None, k: Knowledge | None = None,
                 components: tuple[Component, ...] = COMPONENTS) -> Doc:
    doc = Doc(text=text, published=published)
    k = k or knowledge()
    for component in components:
        component(doc, k)
    return doc


def extract(text: str, published: dt.date | None, k: Knowledge | None = None) -> ArticleRecord:
    """One article's text in, everything it states out."""
    return to_record(run_pipeline(text, published, k))
