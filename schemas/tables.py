"""Every published table, declared once (the public interface is ../shared/contract/WAREHOUSE.md)."""

from __future__ import annotations

from schemas.declare import Column, Table

AGREEMENT_TYPES = (
    "MoU", "MoA", "contract", "letter of intent", "framework", "technology transfer",
    "project agreement", "other",
)
MEETING_TYPES = (
    "plenary", "dialogue", "bilateral meeting", "brainstorming session", "conference", "summit",
    "council meeting", "review meeting", "other",
)
PARTICIPANT_ROLES = ("host", "chair", "co-chair", "participant")
PARTY_ROLES = ("party",)
PRECISIONS = ("day", "month", "year")
ORG_TYPES = (
    "ministry", "department", "agency", "laboratory", "armed service", "headquarters", "company", "academic",
    "programme", "government", "council", "association", "international", "political party", "other",
)

C = Column

DIM_ARTICLES = Table(
    "dim_articles",
    "One row per distinct article (by content), as read from its source.",
    (
        C("article_id", "VARCHAR", "Stable id: hash of the article's normalised text."),
        C("source_uri", "VARCHAR", "Where it was read: file path or URL; ends in the file's name.", nullable=False),
        C("url", "VARCHAR", "The article's web address where known."),
        C("title", "VARCHAR", "Headline: the title given by the source, else the first line."),
        C("published_date", "DATE", "Publication date from the source's date header or feed; NULL if unknown."),
        C("content_hash", "VARCHAR", "SHA-256 of the normalised text.", nullable=False),
        C("word_count", "INTEGER", "Words in the text."),
        C("read_at", "TIMESTAMP", "When the raw article was first read (UTC)."),
        C("repairs", "VARCHAR[]", "What was repaired while reading: encoding, markup, bad date header, truncation."),
    ),
    key=("article_id",),
)

DIM_ORGANISATIONS = Table(
    "dim_organisations",
    "One row per real organisation across all articles, with every spelling seen.",
    (
        C("organisation_id", "VARCHAR", "Stable id: hash of the registry's name, else of the first spelling "
                                          "seen; kept when more articles name it."),
        C("name", "VARCHAR", "Canonical full name (the acronym where no full name is known).", nullable=False),
        C("acronym", "VARCHAR", "Acronym where one is known."),
        C("aliases", "VARCHAR[]", "Every other spelling seen in articles or in the registry."),
        C("org_type", "VARCHAR", "Kind of organisation.", allowed=ORG_TYPES),
        C("country", "VARCHAR", "Country the organisation belongs to, where known."),
        C("parent_organisation_id", "VARCHAR", "Parent organisation where known (a DRDO laboratory, a "
          "service's command).", references="dim_organisations.organisation_id"),
    ),
    key=("organisation_id",),
)

DIM_OFFICIALS = Table(
    "dim_officials",
    "People holding an office, rank or role; one row per person and title (slowly changing).",
    (
        C("official_id", "VARCHAR", "Stable id of this version: hash of person and title."),
        C("person_id", "VARCHAR", "Stable id of the person across title changes.", nullable=False),
        C("name", "VARCHAR", "Name without honorifics or ranks.", nullable=False),
        C("title", "VARCHAR", "Role as the text gives it, expanded where the text expands it."),
        C("rank", "VARCHAR", "Rank or honorific as written (Lt Gen, Dr, Shri), where given."),
        C("organisation_id", "VARCHAR", "Organisation the title belongs to.",
          references="dim_organisations.organisation_id"),
        C("valid_from", "DATE", "First publication date showing this title."),
        C("valid_to", "DATE", "Day before the next title was first seen; NULL while current."),
        C("is_current", "BOOLEAN", "True for the latest known title of the person.", nullable=False),
    ),
    key=("official_id",),
)

DIM_DOMAINS = Table(
    "dim_domains",
    "Technology domains (the canonical taxonomy; parents are groupings).",
    (
        C("domain_id", "VARCHAR", "Stable id: hash of the name."),
        C("name", "VARCHAR", "Canonical domain name.", nullable=False),
        C("parent", "VARCHAR", "Grouping the domain belongs to."),
        C("synonyms", "VARCHAR[]", "Words that count as a mention of the domain."),
    ),
    key=("domain_id",),
)

DIM_DATES = Table(
    "dim_dates",
    "Calendar of every date the facts and articles use.",
    (
        C("date", "DATE", "The day."),
        C("year", "INTEGER", "Calendar year.", nullable=False),
        C("quarter", "INTEGER", "Calendar quarter 1-4.", nullable=False),
        C("month", "INTEGER", "Month 1-12.", nullable=False),
        C("fiscal_year", "VARCHAR", "Indian fiscal year, April to March, e.g. 2025-26.", nullable=False),
    ),
    key=("date",),
)

FACT_AGREEMENTS = Table(
    "fact_agreements",
    "Agreements reported as concluded: one row per real agreement, however many articles report it.",
    (
        C("agreement_id", "VARCHAR", "Stable id: hash of type, parties and date (or first article)."),
        C("agreement_type", "VARCHAR", "Kind of agreement.", nullable=False, allowed=AGREEMENT_TYPES),
        C("signed_date", "DATE", "When signed; first day of the month/year for partial dates.",
          plausible_date=True),
        C("date_precision", "VARCHAR", "Precision of signed_date.", allowed=PRECISIONS),
        C("location", "VARCHAR", "City or building where it was signed."),
        C("summary", "VARCHAR", "One-line description built from the evidence."),
    ),
    key=("agreement_id",),
)

FACT_MEETINGS = Table(
    "fact_meetings",
    "Meetings, dialogues, plenaries and conferences reported as held: one row per real meeting.",
    (
        C("meeting_id", "VARCHAR", "Stable id: hash of type, name or participants, and dates."),
        C("meeting_type", "VARCHAR", "Kind of meeting.", nullable=False, allowed=MEETING_TYPES),
        C("name", "VARCHAR", "The meeting's own name, where it has one."),
        C("start_date", "DATE", "First day.", plausible_date=True),
        C("end_date", "DATE", "Last day (equal to start_date for one-day meetings; a meeting under way when "
          "reported may end up to 31 days after).", plausible_date=True, days_after_publication=31),
        C("date_precision", "VARCHAR", "Precision of both dates.", allowed=PRECISIONS),
        C("location", "VARCHAR", "City or building."),
        C("summary", "VARCHAR", "One-line description built from the evidence."),
    ),
    key=("meeting_id",),
)

BRIDGE_AGREEMENT_PARTIES = Table(
    "bridge_agreement_parties",
    "Organisations that are parties to an agreement.",
    (
        C("agreement_id", "VARCHAR", "Agreement.", references="fact_agreements.agreement_id"),
        C("organisation_id", "VARCHAR", "Party.", references="dim_organisations.organisation_id"),
        C("role", "VARCHAR", "Role of the party.", nullable=False, allowed=PARTY_ROLES),
    ),
    key=("agreement_id", "organisation_id"),
)

BRIDGE_AGREEMENT_SIGNATORIES = Table(
    "bridge_agreement_signatories",
    "Officials who signed or exchanged an agreement.",
    (
        C("agreement_id", "VARCHAR", "Agreement.", references="fact_agreements.agreement_id"),
        C("official_id", "VARCHAR", "Signatory.", references="dim_officials.official_id"),
    ),
    key=("agreement_id", "official_id"),
)

BRIDGE_AGREEMENT_ARTICLES = Table(
    "bridge_agreement_articles",
    "Which articles report an agreement, with the sentences it was read from.",
    (
        C("agreement_id", "VARCHAR", "Agreement.", references="fact_agreements.agreement_id"),
        C("article_id", "VARCHAR", "Reporting article.", references="dim_articles.article_id"),
        C("evidence", "VARCHAR", "The sentence(s) the agreement was read from.", nullable=False),
    ),
    key=("agreement_id", "article_id"),
)

BRIDGE_MEETING_PARTICIPANTS = Table(
    "bridge_meeting_participants",
    "Organisations and officials taking part in a meeting, with their role.",
    (
        C("participant_id", "VARCHAR", "Stable id: hash of meeting, organisation, official and role."),
        C("meeting_id", "VARCHAR", "Meeting.", nullable=False, references="fact_meetings.meeting_id"),
        C("organisation_id", "VARCHAR", "Participating organisation, if any.",
          references="dim_organisations.organisation_id"),
        C("official_id", "VARCHAR", "Participating official, if any.", references="dim_officials.official_id"),
        C("role", "VARCHAR", "host, chair, co-chair or participant.", nullable=False, allowed=PARTICIPANT_ROLES),
    ),
    key=("participant_id",),
)

BRIDGE_MEETING_ARTICLES = Table(
    "bridge_meeting_articles",
    "Which articles report a meeting, with the sentences it was read from.",
    (
        C("meeting_id", "VARCHAR", "Meeting.", references="fact_meetings.meeting_id"),
        C("article_id", "VARCHAR", "Reporting article.", references="dim_articles.article_id"),
        C("evidence", "VARCHAR", "The sentence(s) the meeting was read from.", nullable=False),
    ),
    key=("meeting_id", "article_id"),
)

BRIDGE_ARTICLE_ORGANISATIONS = Table(
    "bridge_article_organisations",
    "Organisations each article names, with how often.",
    (
        C("article_id", "VARCHAR", "Article.", references="dim_articles.article_id"),
        C("organisation_id", "VARCHAR", "Organisation.", references="dim_organisations.organisation_id"),
        C("mentions", "INTEGER", "Mentions under any of its names.", nullable=False),
    ),
    key=("article_id", "organisation_id"),
)

BRIDGE_ARTICLE_OFFICIALS = Table(
    "bridge_article_officials",
    "Officials each article names, with how often.",
    (
        C("article_id", "VARCHAR", "Article.", references="dim_articles.article_id"),
        C("official_id", "VARCHAR", "Official (the version valid at publication).",
          references="dim_officials.official_id"),
        C("mentions", "INTEGER", "Mentions of the person.", nullable=False),
    ),
    key=("article_id", "official_id"),
)

BRIDGE_ARTICLE_DOMAINS = Table(
    "bridge_article_domains",
    "Technology domains each article names, with how often.",
    (
        C("article_id", "VARCHAR", "Article.", references="dim_articles.article_id"),
        C("domain_id", "VARCHAR", "Domain.", references="dim_domains.domain_id"),
        C("mentions", "INTEGER", "Explicit mentions of the domain's words.", nullable=False),
    ),
    key=("article_id", "domain_id"),
)

# Publish order: parents before children, so foreign keys read naturally top to bottom.
TABLES: tuple[Table, ...] = (
    DIM_ARTICLES, DIM_ORGANISATIONS, DIM_OFFICIALS, DIM_DOMAINS, DIM_DATES,
    FACT_AGREEMENTS, FACT_MEETINGS,
    BRIDGE_AGREEMENT_PARTIES, BRIDGE_AGREEMENT_SIGNATORIES, BRIDGE_AGREEMENT_ARTICLES,
    BRIDGE_MEETING_PARTICIPANTS, BRIDGE_MEETING_ARTICLES,
    BRIDGE_ARTICLE_ORGANISATIONS, BRIDGE_ARTICLE_OFFICIALS, BRIDGE_ARTICLE_DOMAINS,
)
BY_NAME = {t.name: t for t in TABLES}

# Raw zone and quarantine: internal, but declared the same way so they are typed and documented.
RAW_ARTICLES = Table(
    "raw_articles",
    "Every article exactly as read: enough to re-derive everything without the sources.",
    (
        C("content_hash", "VARCHAR", "SHA-256 of the normalised text."),
        C("source_uri", "VARCHAR", "Where it was read.", nullable=False),
        C("url", "VARCHAR", "Web address where known."),
        C("title", "VARCHAR", "Title given by the source, if any."),
        C("published_date", "DATE", "Publication date from the header or feed."),
        C("text", "VARCHAR", "Article text, header removed.", nullable=False),
        C("read_at", "TIMESTAMP", "When it was read (UTC).", nullable=False),
        C("repairs", "VARCHAR[]", "What was repaired while reading (encoding, markup, bad date header)."),
        C("author", "VARCHAR", "Author named by a web page's metadata."),
        C("content_type", "VARCHAR", "Content type a web server gave (NULL for files)."),
        C("raw_body", "BLOB", "A web page exactly as fetched (HTML), so a better reader can be run over it "
                              "again by `parley reprocess`; NULL for text inputs, whose `text` is as read."),
        C("http_headers", "VARCHAR", "Response headers that matter (content type, ETag, Last-Modified, date) "
                                     "as JSON."),
        C("ingest_run", "VARCHAR", "The run that read it (run ids sort by time; NULL before they were kept). "
                                   "Modelling takes articles run by run, so a run's new ones go on top."),
    ),
    key=("content_hash",),
    layer="raw",
)

QUARANTINE = Table(
    "quarantine",
    "Inputs that could not be loaded, kept with their bytes and a reason a person understands.",
    (
        C("source_uri", "VARCHAR", "Where it was read."),
        C("reason", "VARCHAR", "Why it was set aside.", nullable=False),
        C("size_bytes", "BIGINT", "Size of the input."),
        C("content", "VARCHAR", "The first 4 KB as text, with undecodable bytes escaped, for reading."),
        C("raw_bytes", "BLOB", "The input's bytes as read (up to the size limit plus one byte)."),
        C("read_at", "TIMESTAMP", "When it was read (UTC).", nullable=False),
    ),
    key=("source_uri",),
    layer="raw",
)
