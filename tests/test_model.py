import datetime as dt

from transforms.extract import extract_article
from transforms.model import ArticleMeta, StarBuilder, fiscal_year
from transforms.reading import content_hash

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def add(b: StarBuilder, text: str, pub: str, uri: str) -> str:
    h = content_hash(text)
    d = dt.date.fromisoformat(pub)
    b.add(ArticleMeta(h[:16], h, uri, None, None, d, len(text.split()), NOW), extract_article(text, d))
    return h[:16]


def test_fiscal_year_runs_april_to_march():
    assert fiscal_year(dt.date(2025, 3, 31)) == "2024-25"
    assert fiscal_year(dt.date(2025, 4, 1)) == "2025-26"


def test_one_organisation_across_articles_and_spellings():
    b = StarBuilder()
    add(b, "The Zephyr Research Agency (ZRA) signed a contract with HAL on Monday.", "2025-06-12", "a.txt")
    add(b, "ZRA officials met Navy officers in Kochi.", "2025-06-13", "b.txt")
    t = b.tables()
    zra = [o for o in t["dim_organisations"] if o["acronym"] == "ZRA"]
    assert len(zra) == 1 and zra[0]["name"] == "Zephyr Research Agency"


def test_ids_are_deterministic_whatever_the_order():
    texts = [("The Navy signed a contract with Goa Shipyard Limited on Monday.", "2025-06-12", "a.txt"),
             ("Defence Secretary Anil Rawat chaired a review meeting on Tuesday.", "2025-06-12", "b.txt")]
    b1, b2 = StarBuilder(), StarBuilder()
    for x in texts:
        add(b1, *x)
    for x in reversed(texts):
        add(b2, *x)
    assert b1.tables() == b2.tables()


def test_a_new_title_is_a_new_version_of_the_same_person():
    b = StarBuilder()
    add(b, "Joint Secretary Anil Rawat chaired a review meeting on Monday.", "2025-01-10", "a.txt")
    add(b, "Defence Secretary Anil Rawat chaired a review meeting on Monday.", "2025-06-12", "b.txt")
    versions = sorted(b.tables()["dim_officials"], key=lambda v: v["valid_from"])
    assert [v["title"] for v in versions] == ["Joint Secretary", "Defence Secretary"]
    assert len({v["person_id"] for v in versions}) == 1
    assert versions[0]["valid_to"] == dt.date(2025, 6, 11) and not versions[0]["is_current"]
    assert versions[1]["valid_to"] is None and versions[1]["is_current"]


def test_the_same_agreement_from_two_outlets_is_one_fact_row():
    b = StarBuilder()
    add(b, "Goa Shipyard Limited and the Indian Navy signed a contract on 10 June 2025.", "2025-06-12", "a.txt")
    add(b, "The Indian Navy signed a contract with Goa Shipyard Limited on 10 June 2025 in Goa.", "2025-06-12",
        "b.txt")
    t = b.tables()
    assert len(t["fact_agreements"]) == 1
    assert len(t["bridge_agreement_articles"]) == 2
    assert t["fact_agreements"][0]["location"] == "Goa"
