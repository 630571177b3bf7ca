"""Analyst views (marts): the questions analysts ask every week, answered once, beside the tables.

Each view's SQL is in the dialect DuckDB and PostgreSQL share, so the DuckDB file and `parley serve`
answer alike (a test compares them). Column order here is the view's column order.
"""

from __future__ import annotations

from schemas.declare import Column as C
from schemas.declare import View

AGREEMENTS_BY_QUARTER = View(
    "mart_agreements_by_quarter",
    "Every agreement with its calendar quarter, Indian fiscal year (April to March) and parties: group by "
    "year and quarter, or by fiscal_year, to count agreements per period.",
    (
        C("agreement_id", "VARCHAR", "The agreement (fact_agreements)."),
        C("agreement_type", "VARCHAR", "Kind of agreement."),
        C("signed_date", "DATE", "When signed (first day of the month or year for partial dates)."),
        C("year", "INTEGER", "Calendar year signed."),
        C("quarter", "INTEGER", "Calendar quarter signed, 1-4."),
        C("fiscal_year", "VARCHAR", "Indian fiscal year signed, e.g. 2025-26."),
        C("parties", "VARCHAR", "The parties' names, '; '-separated, in name order."),
        C("party_count", "BIGINT", "How many parties."),
        C("location", "VARCHAR", "Where it was signed."),
        C("summary", "VARCHAR", "One-line description."),
    ),
    """
-- The parties' names in name order, joined as a running string over each agreement's parties and kept at its
-- last one: an aggregate with ORDER BY (string_agg(... ORDER BY ...)) holds its input in memory DuckDB cannot
-- spill (it failed under 128 MB at 1,000,000 articles).
WITH running AS (
    SELECT p.agreement_id,
           string_agg(o.name, '; ') OVER so_far AS parties,
           row_number() OVER so_far AS nth,
           count(*) OVER (PARTITION BY p.agreement_id) AS party_count
      FROM bridge_agreement_parties p JOIN dim_organisations o ON o.organisation_id = p.organisation_id
    WINDOW so_far AS (PARTITION BY p.agreement_id ORDER BY o.name, o.organisation_id
                      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
), named AS (
    SELECT agreement_id, parties, party_count FROM running WHERE nth = party_count
)
SELECT a.agreement_id, a.agreement_type, a.signed_date,
       CAST(EXTRACT(year FROM a.signed_date) AS INTEGER) AS year,
       CAST(EXTRACT(quarter FROM a.signed_date) AS INTEGER) AS quarter,
       d.fiscal_year, p.parties, coalesce(p.party_count, 0) AS party_count, a.location, a.summary
  FROM fact_agreements a
  LEFT JOIN dim_dates d ON d.date = a.signed_date
  LEFT JOIN named p ON p.agreement_id = a.agreement_id
""",
)

COLLABORATION_NETWORK = View(
    "mart_collaboration_network",
    "Who works with whom: each pair of organisations that are parties to one agreement or take part in one "
    "meeting, with how many of each and the first and last date. One row per pair (organisation_a_id < "
    "organisation_b_id); an edge list for network charts.",
    (
        C("organisation_a_id", "VARCHAR", "One organisation (the smaller id)."),
        C("organisation_a", "VARCHAR", "Its name."),
        C("organisation_b_id", "VARCHAR", "The other organisation."),
        C("organisation_b", "VARCHAR", "Its name."),
        C("agreements", "BIGINT", "Agreements both are parties to."),
        C("meetings", "BIGINT", "Meetings both take part in (any role)."),
        C("first_date", "DATE", "Earliest known date of those agreements and meetings."),
        C("last_date", "DATE", "Latest known date."),
    ),
    """
-- Each organisation once per event first (one may hold two roles), so each pair is counted once per event (a
-- DISTINCT over the pairs, or inside a grouped count, holds more than DuckDB can spill); the pairs are
-- materialised before they are counted: joined and grouped in one pass, they needed memory growing with the
-- warehouse (more than 192 MB at 1,000,000 articles), and this way under 128 MB.
WITH ap AS (
    SELECT DISTINCT p.agreement_id AS event_id, p.organisation_id, f.signed_date AS day
      FROM bridge_agreement_parties p JOIN fact_agreements f ON f.agreement_id = p.agreement_id
), mp AS (
    SELECT DISTINCT p.meeting_id AS event_id, p.organisation_id, f.start_date AS day
      FROM bridge_meeting_participants p JOIN fact_meetings f ON f.meeting_id = p.meeting_id
     WHERE p.organisation_id IS NOT NULL
), pairs AS MATERIALIZED (
    SELECT x.organisation_id AS a_id, y.organisation_id AS b_id, 'agreement' AS kind, x.day
      FROM ap x JOIN ap y ON y.event_id = x.event_id AND x.organisation_id < y.organisation_id
    UNION ALL
    SELECT x.organisation_id, y.organisation_id, 'meeting', x.day
      FROM mp x JOIN mp y ON y.event_id = x.event_id AND x.organisation_id < y.organisation_id
), counted AS (
    SELECT a_id, b_id, count(*) FILTER (WHERE kind = 'agreement') AS agreements,
           count(*) FILTER (WHERE kind = 'meeting') AS meetings, min(day) AS first_date, max(day) AS last_date
      FROM pairs GROUP BY a_id, b_id
)
SELECT c.a_id AS organisation_a_id, oa.name AS organisation_a, c.b_id AS organisation_b_id, ob.name AS organisation_b,
       c.agreements, c.meetings, c.first_date, c.last_date
  FROM counted c
  JOIN dim_organisations oa ON oa.organisation_id = c.a_id
  JOIN dim_organisations ob ON ob.organisation_id = c.b_id
""",
)

DOMAIN_TRENDS = View(
    "mart_domain_trends",
    "Technology domains by month of publication: how many articles name each domain, and how many "
    "agreements and meetings those articles report. Articles with no known publication date are left out.",
    (
        C("month", "DATE", "First day of the month of publication."),
        C("domain", "VARCHAR", "Domain name (dim_domains.name)."),
        C("parent", "VARCHAR", "The domain's grouping."),
        C("articles", "BIGINT", "Articles naming the domain that month."),
        C("mentions", "BIGINT", "Mentions of the domain's words in them."),
        C("agreements", "BIGINT", "Agreements those articles report."),
        C("meetings", "BIGINT", "Meetings those articles report."),
    ),
    """
-- Counted apart and joined once per group: joining every article's agreements and meetings to its domain
-- row first would count its mentions once per agreement and meeting it reports. A DISTINCT inside a grouped
-- count holds a set per group that DuckDB cannot spill, and a join feeding a DISTINCT in one pass needed
-- memory growing with the warehouse: the joined rows are materialised first (under 128 MB at 1,000,000
-- articles).
WITH named AS MATERIALIZED (
    SELECT CAST(date_trunc('month', a.published_date) AS DATE) AS month, b.domain_id, b.article_id, b.mentions
      FROM bridge_article_domains b
      JOIN dim_articles a ON a.article_id = b.article_id
     WHERE a.published_date IS NOT NULL
), per_group AS (
    SELECT month, domain_id, count(*) AS articles, CAST(sum(mentions) AS BIGINT) AS mentions
      FROM named GROUP BY month, domain_id
), agreement_links AS MATERIALIZED (
    SELECT n.month, n.domain_id, ba.agreement_id
      FROM named n JOIN bridge_agreement_articles ba ON ba.article_id = n.article_id
), agreements AS (
    SELECT month, domain_id, count(*) AS agreements FROM (SELECT DISTINCT * FROM agreement_links) reported
     GROUP BY month, domain_id
), meeting_links AS MATERIALIZED (
    SELECT n.month, n.domain_id, bm.meeting_id
      FROM named n JOIN bridge_meeting_articles bm ON bm.article_id = n.article_id
), meetings AS (
    SELECT month, domain_id, count(*) AS meetings FROM (SELECT DISTINCT * FROM meeting_links) reported
     GROUP BY month, domain_id
)
SELECT g.month, d.name AS domain, d.parent, g.articles, g.mentions,
       coalesce(ag.agreements, 0) AS agreements, coalesce(me.meetings, 0) AS meetings
  FROM per_group g
  JOIN dim_domains d ON d.domain_id = g.domain_id
  LEFT JOIN agreements ag ON ag.month = g.month AND ag.domain_id = g.domain_id
  LEFT JOIN meetings me ON me.month = g.month AND me.domain_id = g.domain_id
""",
)

OFFICIAL_TITLE_HISTORY = View(
    "mart_official_title_history",
    "Each official's titles in order: one row per real change of title (an honorific in front of a title "
    "is not a change), with when each was first seen and until when it held.",
    (
        C("person_id", "VARCHAR", "The person (dim_officials.person_id)."),
        C("name", "VARCHAR", "Name without honorifics or ranks."),
        C("title_number", "BIGINT", "1 for the first title seen, 2 for the next, and so on."),
        C("title", "VARCHAR", "The title as the text gives it."),
        C("rank", "VARCHAR", "Rank or honorific, where given."),
        C("organisation", "VARCHAR", "Organisation the title belongs to, where known."),
        C("valid_from", "DATE", "First publication showing the title; NULL if no article with it is dated."),
        C("valid_to", "DATE", "Day before the next title was first seen; NULL while current."),
        C("is_current", "BOOLEAN", "The latest known title."),
    ),
    """
SELECT o.person_id, o.name,
       row_number() OVER (PARTITION BY o.person_id ORDER BY o.valid_from NULLS FIRST, o.official_id) AS title_number,
       o.title, o.rank, org.name AS organisation, o.valid_from, o.valid_to, o.is_current
  FROM dim_officials o
  LEFT JOIN dim_organisations org ON org.organisation_id = o.organisation_id
 WHERE o.title IS NOT NULL
""",
)

LATEST_EVENTS = View(
    "mart_latest_events",
    "Agreements and meetings with the evidence each reporting article gives and a link to it: sort by "
    "event_date (or published_date) descending for the latest. One row per event and reporting article.",
    (
        C("event_kind", "VARCHAR", "agreement or meeting."),
        C("event_id", "VARCHAR", "agreement_id or meeting_id."),
        C("event_type", "VARCHAR", "Kind of agreement or meeting."),
        C("event_date", "DATE", "Signed date, or first day of the meeting."),
        C("location", "VARCHAR", "Where."),
        C("summary", "VARCHAR", "One-line description."),
        C("evidence", "VARCHAR", "The sentence(s) this article reports it in."),
        C("article_id", "VARCHAR", "The reporting article."),
        C("article_title", "VARCHAR", "Its headline."),
        C("article_url", "VARCHAR", "Its web address, where known."),
        C("published_date", "DATE", "Its publication date."),
    ),
    """
SELECT 'agreement' AS event_kind, f.agreement_id AS event_id, f.agreement_type AS event_type,
       f.signed_date AS event_date, f.location, f.summary, b.evidence, a.article_id, a.title AS article_title,
       a.url AS article_url, a.published_date
  FROM fact_agreements f
  JOIN bridge_agreement_articles b ON b.agreement_id = f.agreement_id
  JOIN dim_articles a ON a.article_id = b.article_id
UNION ALL
SELECT 'meeting', f.meeting_id, f.meeting_type, f.start_date, f.location, f.summary, b.evidence, a.article_id,
       a.title, a.url, a.published_date
  FROM fact_meetings f
  JOIN bridge_meeting_articles b ON b.meeting_id = f.meeting_id
  JOIN dim_articles a ON a.article_id = b.article_id
""",
)

MARTS: tuple[View, ...] = (AGREEMENTS_BY_QUARTER, COLLABORATION_NETWORK, DOMAIN_TRENDS, OFFICIAL_TITLE_HISTORY,
                           LATEST_EVENTS)
