"""Countries come from a maintained package with the curated list on top; sentences written here."""

from __future__ import annotations

import datetime as dt

from tests.views import view as extract_article
from transforms.gazetteer import merge_countries
from transforms.knowledge import knowledge
from transforms.vocab import lexicon

PUB = dt.date(2025, 6, 12)


def test_countries_the_curated_list_lacks_come_from_the_package_with_their_demonyms():
    k = knowledge()
    assert k.countries["Peru"] == "Peru" and k.countries["Peruvian"] == "Peru"
    assert k.countries["Namibia"] == "Namibia" and k.countries["Colombian"] == "Colombia"
    assert k.countries["Korean"] == "Republic of Korea"  # the curated name wins where the two meet


def test_forms_listed_as_not_used_and_forms_two_countries_share_are_left_out():
    curated = [("Ruritania", ["Ruritania", "Ruritanian"])]
    merged = merge_countries(curated, not_used={"Georgia"})
    assert "Georgia" not in merged and merged["Ruritanian"] == "Ruritania"
    assert "Georgian" in merged  # the demonym still names the country
    assert not any(len(f) <= 3 and f.isupper() for f in set(merged) - {"Ruritania"})  # no ISO codes


def test_words_of_long_country_names_stay_available_to_person_names():
    vocab = lexicon(knowledge()).vocab
    assert "Costa Rica" in knowledge().countries and "Costa" not in vocab
    text = "Portuguese Prime Minister Luis Costa met Defence Minister Anil Verma in Lisbon on Tuesday."
    assert "Luis Costa" in {o["name"] for o in extract_article(text, PUB)["officials"]}


def test_two_countries_from_the_package_signing_are_their_governments():
    text = "Colombia and Peru signed a memorandum of understanding on defence cooperation on Tuesday."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Colombia", "Government of Peru"}


def test_a_country_before_a_name_is_not_part_of_it_but_a_rank_still_leads():
    text = ("Defence Secretary Anil Verma met the Minister of Defence, Namibia Petrus Kalunga, and the "
            "British envoy, UK NSA Sir Roger Allard, in New Delhi on Tuesday.")
    names = {o["name"] for o in extract_article(text, PUB)["officials"]}
    assert {"Petrus Kalunga", "Roger Allard"} <= names
    assert not any(n.startswith(("Namibia", "NSA")) for n in names)


def test_a_government_party_carries_every_name_its_country_goes_by_but_not_its_adjectives():
    text = "Turkey and Peru signed a defence industry cooperation agreement in Ankara on Tuesday."
    rec = extract_article(text, PUB)
    (ag,) = rec["agreements"]
    assert set(ag["parties"]) == {"Government of Turkey", "Government of Peru"}
    turkey = next(o for o in rec["organisations"] if o["name"] == "Government of Turkey")
    assert "Government of Türkiye" in turkey["aliases"]
    assert not any(a.endswith(("Turkish", "Korean")) for a in turkey["aliases"])


def test_a_states_formal_english_name_is_a_form_of_it_but_its_names_in_other_languages_are_not():
    k = knowledge()
    assert k.countries["Kingdom of Norway"] == "Norway" and k.countries["Federal Republic of Germany"] == "Germany"
    assert "Kongeriket Norge" not in k.countries and "Bundesrepublik Deutschland" not in k.countries
    assert "Kingdom of Norway" in k.country_names["Norway"]
