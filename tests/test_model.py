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


def test_an_honorific_in_front_of_a_title_is_not_a_new_version():
    b = StarBuilder()
    add(b, "Hon'ble Raksha Mantri Anil Rawat chaired a review meeting in Pune on Monday.", "2025-01-10", "a.txt")
    add(b, "Raksha Mantri Anil Rawat chaired a review meeting in Delhi on Monday.", "2025-06-12", "b.txt")
    add(b, "Defence Secretary Anil Rawat chaired a review meeting in Goa on Monday.", "2025-09-01", "c.txt")
    versions = sorted(b.tables()["dim_officials"], key=lambda v: v["valid_from"])
    assert [v["title"] for v in versions] == ["Hon'ble Raksha Mantri", "Defence Secretary"]  # a real change only
    assert versions[0]["valid_to"] == dt.date(2025, 8, 31)


def test_the_same_agreement_from_two_outlets_is_one_fact_row():
    b = StarBuilder()
    add(b, "Goa Shipyard Limited and the Indian Navy signed a contract on 10 June 2025.", "2025-06-12", "a.txt")
    add(b, "The Indian Navy signed a contract with Goa Shipyard Limited on 10 June 2025 in Goa.", "2025-06-12",
        "b.txt")
    t = b.tables()
    assert len(t["fact_agreements"]) == 1
    assert len(t["bridge_agreement_articles"]) == 2
    assert t["fact_agreements"][0]["location"] == "Goa"


def test_a_promotion_across_three_articles_gives_three_versions_with_validity_ranges():
    b = StarBuilder()
    add(b, "Joint Secretary Anil Rawat chaired a review meeting on Monday.", "2024-01-10", "a.txt")
    add(b, "Special Secretary Anil Rawat chaired a review meeting on Monday.", "2024-09-02", "c.txt")
    add(b, "Defence Secretary Anil Rawat chaired a review meeting on Monday.", "2025-06-12", "b.txt")
    v = sorted(b.tables()["dim_officials"], key=lambda r: r["valid_from"])
    assert [x["title"] for x in v] == ["Joint Secretary", "Special Secretary", "Defence Secretary"]
    assert [x["valid_to"] for x in v] == [dt.date(2024, 9, 1), dt.date(2025, 6, 11), None]
    assert [x["is_current"] for x in v] == [False, False, True]


def test_event_bridges_point_to_the_version_valid_on_the_event_date():
    b = StarBuilder()
    add(b, "Joint Secretary Anil Rawat chaired a review meeting on Monday.", "2024-01-10", "a.txt")
    add(b, "Defence Secretary Anil Rawat chaired a review meeting on Monday.", "2025-06-12", "b.txt")
    # An article published later about a meeting held back in March 2024, naming him without a title.
    add(b, "A review meeting on 4 March 2024 was chaired by Anil Rawat, the officer said.", "2025-07-01", "c.txt")
    t = b.tables()
    versions = {v["official_id"]: v["title"] for v in t["dim_officials"]}
    by_meeting = {p["meeting_id"]: versions.get(p["official_id"]) for p in t["bridge_meeting_participants"]
                  if p["official_id"]}
    march = next(m["meeting_id"] for m in t["fact_meetings"] if m["start_date"] == dt.date(2024, 3, 4))
    assert by_meeting[march] == "Joint Secretary"


def test_later_reports_fill_in_details_and_keep_the_id():
    b = StarBuilder()
    add(b, "Goa Shipyard Limited and the Indian Navy signed a contract.", "2025-06-12", "a.txt")
    first = b.tables()["fact_agreements"]
    add(b, "The Indian Navy signed a contract with Goa Shipyard Limited on 10 June 2025 in Goa. The contract was "
           "signed by Commodore Ravi Kant (Retd), Director (Operations), Goa Shipyard Limited.", "2025-06-13", "b.txt")
    t = b.tables()
    (row,) = t["fact_agreements"]
    assert row["agreement_id"] == first[0]["agreement_id"]
    assert (row["signed_date"], row["location"]) == (dt.date(2025, 6, 10), "Goa")
    assert len(t["bridge_agreement_signatories"]) == 1
    assert len(t["bridge_agreement_articles"]) == 2


def test_two_meetings_with_the_same_name_far_apart_stay_two():
    b = StarBuilder()
    add(b, "The 5th India-Ruritania Joint Working Group meeting was held in Delhi on 3 March 2025.", "2025-03-04",
        "a.txt")
    add(b, "The 6th India-Ruritania Joint Working Group meeting was held in Pune on 9 June 2025.", "2025-06-10",
        "b.txt")
    add(b, "The India-Ruritania Joint Working Group meeting was held in Pune on 9 June 2025.", "2025-06-11", "c.txt")
    t = b.tables()
    assert len(t["fact_meetings"]) == 2
    assert sorted(len([x for x in t["bridge_meeting_articles"] if x["meeting_id"] == m["meeting_id"]])
                  for m in t["fact_meetings"]) == [1, 2]


def test_reports_naming_nobody_are_one_event_only_on_the_same_day_and_place():
    b = StarBuilder()
    add(b, "A review meeting was held in Pune on 9 June 2025 on shipbuilding.", "2025-06-10", "a.txt")
    add(b, "Officials said a review meeting was held in Pune on 9 June 2025.", "2025-06-11", "b.txt")
    add(b, "A review meeting was held in Goa on 9 June 2025 on submarines.", "2025-06-11", "c.txt")
    t = b.tables()
    assert len(t["fact_meetings"]) == 2
    assert len(t["bridge_meeting_articles"]) == 3


def test_a_bare_army_of_a_story_naming_no_country_is_not_the_registry_s_army_of_another():
    b = StarBuilder()
    add(b, "The Indian Army signed a contract with Bharat Forge on Monday.", "2025-06-12", "a.txt")
    add(b, "The Army has awarded Vexlar Dynamics a contract for missiles.", "2025-06-13", "b.txt")
    names = sorted(o["name"] for o in b.tables()["dim_organisations"])
    assert "Army" in names and "Indian Army" in names


def test_a_fold_s_rows_are_made_table_group_by_group_as_they_are_taken():
    from transforms.model import ModelState, parsed

    text = "The Orion Research Agency signed an MoU with Vexlar Systems in Pune on Monday."
    h = content_hash(text)
    d = dt.date(2025, 6, 12)
    meta = ArticleMeta(h[:16], h, "a.txt", None, None, d, len(text.split()), NOW)
    delta = ModelState().fold(parsed([(meta, extract_article(text, d).to_dict())]))
    assert "fact_agreements" not in delta.rows  # not made yet
    assert len(delta.take("fact_agreements")) == 1
    assert "bridge_agreement_parties" in delta.rows and "dim_officials" not in delta.rows  # its group only
    assert delta.take("fact_agreements") == []  # taken once
