import datetime as dt
import unicodedata

from tests.views import view
from transforms.knowledge import RegistryOrg, knowledge
from transforms.organisations import find_organisations
from transforms.sentences import split_sentences

K = knowledge()


def names(text: str) -> dict[str, object]:
    return {o.name: o for o in find_organisations(text, K)}


def test_full_name_with_acronym_definition_is_learnt_from_the_text():
    got = names("The Zephyr Aerospace Research Agency (ZARA) met officials. Later ZARA said it was pleased.")
    org = got["Zephyr Aerospace Research Agency"]
    assert org.acronym == "ZARA"
    assert org.mentions == 2


def test_registry_spellings_are_one_organisation():
    got = names("The Defence Ministry said the Ministry of Defence (MoD) will act. The MoD added more.")
    assert list(got) == ["Ministry of Defence"]
    assert got["Ministry of Defence"].mentions == 3


def test_a_country_adjective_before_a_long_registry_name_cuts_no_body_of_its_own_from_it():
    got = names("Trucks were ordered by the German Federal Office of Bundeswehr Equipment, Information Technology "
                "and In-Service Support (BAAINBw) on Monday.")
    assert list(got) == ["Federal Office of Bundeswehr Equipment, Information Technology and In-Service Support"]
    assert "Norwegian Defence Materiel Agency" in names("The Norwegian Defence Materiel Agency ordered trucks.")


def test_names_given_as_examples_of_companies_are_each_a_body_but_people_of_institutions_are_not():
    text = "Several firms such as Orvik, Tellura Labs and Kestrel Robotics showed drones."
    assert {o["name"] for o in view(text, None)["organisations"]} == {"Orvik", "Tellura Labs", "Kestrel Robotics"}
    text = "Leaders of both institutions, including Karl Berg, Advisor, Vexa Labs, attended."
    assert "Karl Berg" not in {o["name"] for o in view(text, None)["organisations"]}


def test_the_body_named_as_the_owner_of_another_is_a_body_too_but_a_country_is_not():
    got = names("The contract was signed by the Norland Department of Defence's Guided Weapons Group.")
    assert set(got) == {"Norland Department of Defence", "Guided Weapons Group"}
    assert set(names("The Vexa Institute's Space Lab built it.")) == {"Vexa Institute", "Space Lab"}
    assert set(names("Chile's Ministry of Defence signed it.")) == {"Chile's Ministry of Defence"}


def test_a_whole_name_then_and_then_a_one_word_brand_are_not_one_name():
    assert "Korvane Labs" in names("The data will be processed by Korvane Labs and Maxvik.")
    assert "Korvane Labs and Maxvik" not in names("The data will be processed by Korvane Labs and Maxvik.")
    assert "Department of Science and Technology" in names("The Department of Science and Technology funded it.")
    assert "Arvenspace" in names("Launch provider Arvenspace signed a deal.")


def test_a_day_of_the_month_after_a_name_is_the_dates_not_the_names():
    assert list(names("Vexa Labs signed a contract with the Norland Navy on 3rd March, 2024.")) == [
        "Vexa Labs", "Norland Navy"]


def test_the_office_of_an_official_is_a_body_named_by_the_title_and_whom_it_serves():
    assert list(names("The Office of the Principal Scientific Adviser to the Government of Norland issued it.")) == [
        "Office of the Principal Scientific Adviser to the Government of Norland"]
    got = names("The Office of the Chief of Defence Staff issued it.")
    assert list(got) == ["Office of the Chief of Defence Staff"]


def test_an_agency_named_for_a_list_of_subjects_keeps_the_list_but_bodies_listed_stay_apart():
    assert list(names("The Norland Agency for Science, Technology and Research signed it.")) == [
        "Norland Agency for Science, Technology and Research"]
    assert list(names("The Institute of Technology, Vexa Labs and Orvik Marine signed it.")) == [
        "Institute of Technology", "Vexa Labs", "Orvik Marine"]


def test_a_body_named_after_a_or_an_before_a_noun_it_qualifies_is_a_body_but_a_description_is_not():
    assert list(names("A Norland Navy delegation met officials on Monday.")) == ["Norland Navy"]
    assert list(names("A Norland Navy ship docked on Monday.")) == ["Norland Navy"]
    assert names("It is an Autonomous Body under the ministry.") == {}


def test_subjects_listed_after_areas_like_are_no_bodies_but_firms_like_are():
    assert names("The lab works in areas like Advanced Propulsion, Terahertz Technologies and Advanced Robotics.") == {}
    assert names("It makes products such as Underwater Weapon Systems and Airborne Weapon Systems.") == {}
    assert list(names("Firms like Vexa Technologies and Orvik Systems attended.")) == [
        "Vexa Technologies", "Orvik Systems"]


def test_a_kind_of_body_ending_a_headline_does_not_name_the_dateline_after_it():
    text = "Navy takes frigate from Korean shipbuilder\n\nMANILA — The Norland Navy took delivery of a frigate."
    assert list(names(text)) == ["Norland Navy"]
    assert "Kestrel Works" in names("The Indian company Kestrel Works won it.")


def test_a_ministers_portfolio_is_no_body_but_the_body_after_another_persons_title_is():
    assert names("The talks were held with Minister of Armed Forces of Norland Ola Lind on Monday.") == {}
    assert list(names("It was co-chaired by Karl Berg and Director General of the Norland Ministry of Defense "
                      "Ola Lind.")) == ["Norland Ministry of Defense"]
    assert list(names("He met Secretary of the Department of Space Ola Lind.")) == ["Department of Space"]


def test_a_body_before_a_person_and_a_sentence_glued_to_it_ends_before_the_person():
    text = "The delegation was headed by Secretary of the Norland Defence Ministry Karl Berg.The two sides met."
    assert list(names(text)) == ["Norland Defence Ministry"]


def test_what_the_subject_is_described_as_is_no_name_but_a_body_it_is_stays_one():
    assert list(names("Vexa Dynamics is the country's sole Defence Public Sector Company, making missiles.")) == [
        "Vexa Dynamics"]
    assert list(names("The buyer is the Norland Navy.")) == ["Norland Navy"]


def test_a_political_party_is_a_body():
    assert list(names("The Norland Labour Party criticised the deal.")) == ["Norland Labour Party"]
    assert names("A third Party will audit it.") == {}


def test_two_organisations_joined_by_and_are_split():
    got = names("The Department of Science and Technology and the Ministry of Coal Mines signed it.")
    assert "Department of Science and Technology" in got
    assert "Ministry of Coal Mines" in got


def test_countries_agencies_and_generic_groups_are_not_organisations():
    got = names("India and the United States, start-ups and MSMEs met, PTI reported. Industry welcomed it.")
    assert got == {}


def test_a_title_is_not_an_organisation():
    got = names("Chief of Army Staff said the Director General of Armaments Services was present.")
    assert not any(n.startswith(("Chief", "Director")) for n in got)


def test_company_suffix_makes_an_organisation():
    got = names("Orion Precision Castings Limited won the order.")
    assert got["Orion Precision Castings Limited"].org_type == "company"


def test_parent_is_linked_where_the_text_says_so():
    got = names("The Kestrel Optics Laboratory, a DRDO laboratory, built it. DRDO thanked the team.")
    assert got["Kestrel Optics Laboratory"].parent == "Defence Research and Development Organisation"


def test_a_name_introduced_as_a_company_is_an_organisation_but_a_rank_is_not():
    got = names("The deal with Indian company Zentrix Aero and arms maker Volk was signed. "
                "Major General Arun Das attended.")
    assert {"Zentrix Aero", "Volk"} <= set(got)
    assert not any("Arun" in n for n in got)


def test_an_institution_family_acronym_with_a_place_is_that_institute():
    got = names("The DRDO signed an MoU with IIT-Kharagpur on Tuesday.")
    org = got["Indian Institute of Technology Kharagpur"]
    assert org.acronym == "IIT Kharagpur" and org.org_type == "academic"


def extract(text: str) -> list[dict]:
    orgs = find_organisations(text, knowledge(), split_sentences(text))
    return [{"name": o.name, "acronym": o.acronym, "aliases": o.aliases} for o in orgs]


def test_company_short_forms_are_aliases_when_the_text_uses_them():
    text = ("Kestrel Aircraft Ltd will supply trainers. Kestrel said the first jets fly next year. "
            "Kestrel Aircraft is based in Basel.")
    (org,) = [o for o in extract(text) if o["name"].startswith("Kestrel")]
    assert {"Kestrel Aircraft", "Kestrel"} <= set(org["aliases"])


def test_bare_family_name_folds_into_its_only_member():
    text = "The Indian Institute of Technology, Jammu (IITJ) signed an MoU with a firm. IIT Jammu said so."
    names = [o["name"] for o in extract(text) if "Institute" in o["name"] or "IIT" in o["name"]]
    assert names == ["Indian Institute of Technology Jammu"]


def test_acronym_after_a_lower_case_word_defines_the_name_before_it():
    text = "The Orion Naval University-Kochi campus (ONU-K) opened a lab. ONU-K will train cadets."
    (org,) = [o for o in extract(text) if o["name"].startswith("Orion")]
    assert (org["name"], org["acronym"]) == ("Orion Naval University-Kochi campus", "ONU-K")


def test_news_desks_and_handles_are_not_organisations():
    text = "The Hindu Bureau\nThe ministry posted on X about @OrionSystemsInc Systems and its new radar."
    names = {o["name"] for o in extract(text)}
    assert not any("Hindu" in n or "OrionSystemsInc" in n for n in names)


def test_country_possessive_is_dropped_from_a_company_but_kept_for_a_ministry():
    names = {o["name"] for o in extract(
        "Brazil's Orion Marine Systems GmbH will build the boats, Brazil's Ministry of Defence said.")}
    assert "Orion Marine Systems GmbH" in names
    assert "Brazil's Ministry of Defence" in names


def test_a_maker_named_only_by_its_product_is_not_an_actor():
    names = {o["name"] for o in extract(
        "The forge makes parts for the Embraer E195 and Northrop Grumman B-21, and a UN contingent visited.")}
    assert not names & {"Embraer", "Northrop Grumman", "United Nations"}


def test_short_and_inverted_spellings_join_the_full_name():
    orgs = extract("Nimbus Launch Systems Pvt Ltd and the Department of Space signed an MoU. "
                   "Nimbus said the Space Dept will share test facilities.")
    by_name = {o["name"]: o for o in orgs}
    assert "Nimbus" not in by_name and "Space Dept" not in by_name
    assert "Space Dept" in by_name["Department of Space"]["aliases"]


def test_british_spelling_of_a_registry_body_is_that_body():
    (org,) = [o for o in extract("The US Department of Defence hosted the talks.") if "Defen" in o["name"]]
    assert org["acronym"] == "DoD"


def test_people_holding_a_role_are_not_a_body():
    names = {o["name"] for o in extract("General Anil Rawat chaired the Army Commanders' Conference in Delhi.")}
    assert "Army Commanders" not in names


def test_german_und_joins_a_company_name():
    names = {o["name"] for o in extract("The yard signed with Hansa Schiffbau und Reederei GmbH on Monday.")}
    assert "Hansa Schiffbau und Reederei GmbH" in names


def test_a_group_of_a_country_is_one_body_with_its_short_name():
    orgs = extract("The Defence Research Group of Chile signed the pact. The Defence Research Group said so.")
    (org,) = [o for o in orgs if "Research Group" in o["name"]]
    assert org["name"] == "Defence Research Group of Chile" and "Defence Research Group" in org["aliases"]


def test_a_brand_named_only_by_its_slot_in_a_signing_is_an_organisation():
    from transforms.pipeline import extract

    rec = extract("Vexalon signed an agreement with Corvanta on Friday.", None)
    assert {o.name for o in rec.organisations} == {"Vexalon", "Corvanta"}
    assert set(rec.events["agreement"][0].filled("party")) == {"Vexalon", "Corvanta"}


def test_each_name_listed_after_with_in_a_signing_is_a_party():
    from transforms.pipeline import extract

    rec = extract("The Navy signed contracts with Vexora, Dravik and Quindar Labs on Monday.", None)
    assert {"Vexora", "Dravik", "Quindar Labs"} <= {o.name for o in rec.organisations}


def test_a_surname_in_the_subject_slot_is_a_person_not_a_body():
    from transforms.pipeline import extract

    text = ("Defence Secretary Anil Rawat visited the centre. Rawat signed the MoU with the Department of Space "
            "on Monday.")
    names = {o.name for o in extract(text, None).organisations}
    assert "Department of Space" in names and "Rawat" not in names


def test_the_agreement_word_in_the_subject_slot_names_no_body():
    from transforms.pipeline import extract

    names = {o.name for o in extract("The MoU signed with Orvel Municipal Corporation covers drones.", None)
             .organisations}
    assert names == {"Orvel Municipal Corporation"}


def test_a_ministry_named_after_a_list_of_subjects_keeps_the_whole_list():
    from transforms.pipeline import extract

    rec = extract("The Ministry of Ports, Shipping and Waterways signed an MoU with the Department of Space.", None)
    assert "Ministry of Ports, Shipping and Waterways" in {o.name for o in rec.organisations}
    rec = extract("The Ministry of Mines and Minerals signed an MoU with the Department of Space.", None)
    assert "Ministry of Mines and Minerals" in {o.name for o in rec.organisations}


def test_a_list_of_bodies_after_a_ministry_stays_a_list():
    from transforms.pipeline import extract

    names = {o.name for o in extract("The Ministry of Defence, Indian Navy and Orvel Labs signed a pact.", None)
             .organisations}
    assert "Ministry of Defence" in names and "Indian Navy" in names
    assert not any(n.startswith("Ministry of Defence,") for n in names)


def pipeline_names(text: str) -> list[str]:
    from transforms.pipeline import run_pipeline

    return [o.name for o in run_pipeline(text, None, K).orgs]


def test_a_company_name_ends_at_its_legal_form():
    assert "Zelvora Defence Systems Ltd" in pipeline_names(
        "Zelvora Defence Systems Ltd of Norway signed a contract with the Navy on Monday.")
    assert pipeline_names("The order went to Marvex Dynamics Corp Tomahawk officials in Oslo.") == [
        "Marvex Dynamics Corp"]
    # Legal forms after a legal form stay; names around an "and" stay apart; "Corporation" is inside names.
    assert pipeline_names("Halvern Schiffbau GmbH & Co KG delivered the hull on Friday.") == [
        "Halvern Schiffbau GmbH & Co KG"]
    assert pipeline_names("Vostrel Aerospace Ltd and Kandria Optics Pvt Ltd signed an MoU on Monday.") == [
        "Vostrel Aerospace Ltd", "Kandria Optics Pvt Ltd"]
    assert pipeline_names("The Shipping Corporation of Norway signed a charter on Monday.") == [
        "Shipping Corporation of Norway"]


def test_a_word_describing_a_body_before_its_name_is_not_part_of_it():
    assert "Marvex Dynamics" in pipeline_names("Oslo-based Marvex Dynamics signed a contract with the Navy on Monday.")
    assert pipeline_names("The contract went to UK-based Torvane Systems on Monday.") == ["Torvane Systems"]
    # Positive control: a hyphenated word that is part of the name stays.
    assert "Indo-Pacific Maritime Research Institute" in pipeline_names(
        "The Indo-Pacific Maritime Research Institute signed an MoU with the Navy on Monday.")


def test_a_role_written_before_a_company_name_is_not_part_of_the_name():
    got = names("The deal was signed with CEO Orbex Marine Systems Pvt Ltd Shri Tarun Velkar on Monday. "
                "Managing Director of Kelvane Dynamics Limited Mr Arun Tal spoke after Chairman Velo "
                "Aerospace Limited Ms Ana Ruiz.")
    assert {"Orbex Marine Systems Pvt Ltd", "Kelvane Dynamics Limited", "Velo Aerospace Limited"} <= set(got)
    assert not any(n.startswith(("CEO", "Managing", "Chairman")) for n in got)


def test_a_title_that_does_not_end_as_a_body_stays_a_title():
    got = names("Director General Border Roads Lt Gen Raghu Srinivasan spoke. The Charge D'Affaires US "
                "Embassy Ms Ela Jones met the Chief Executive Kelvane Labs.")
    assert not any(n.startswith(("General", "D'Affaires", "Affaires", "Director")) for n in got)
    assert "Kelvane Labs" in got  # positive control: a role before a body that ends as one


def test_the_kind_of_body_written_before_its_name_is_not_part_of_it():
    got = names("Navratna Defence PSU Kelvane Electronics Ltd signed a contract with the Indian Army.")
    assert "Kelvane Electronics Ltd" in got
    assert not any(n.startswith(("Navratna", "Defence PSU")) for n in got)


def test_a_surname_written_after_a_ministry_is_the_person_not_part_of_the_name():
    got = names("The talks were co-chaired by the State Secretary, Norwegian Ministry of Defence Kapila, in "
                "Oslo. The Ministry of Defence Singapore also sent a team.")
    assert "Norwegian Ministry of Defence" in got and not any("Kapila" in n for n in got)
    assert "Ministry of Defence Singapore" in got  # positive control: a country after the name stays


def test_a_place_several_words_long_before_based_is_not_part_of_the_name():
    got = names("United Kingdom-based Vexa Systems Ltd signed a contract with the Indian Navy.")
    assert "Vexa Systems Ltd" in got and not any(n.startswith(("United", "Kingdom")) for n in got)


def test_a_company_officer_introduced_by_a_cue_word_is_not_a_body_nor_joined_to_the_next_sentence():
    got = names('"We are grateful," said company CEO Arvid Kellner. Kestrel Werke AG won the order. '
                "The Indian company Orvane Works also bid.")
    assert not any("Kellner" in n or n.startswith("CEO") for n in got)
    assert {"Kestrel Werke AG", "Orvane Works"} <= set(got)  # positive control: cue-introduced bodies stay


def test_a_capitalised_description_after_an_indefinite_article_is_not_a_name():
    got = names("Kestrel Dynamics Limited, a Government of India Enterprise, signed an MoU with the Indian Navy. "
                "An Autonomous Research Institute of the ministry attended, as did the Orvane Research Institute.")
    assert "Government of India Enterprise" not in got and not any(n.startswith("Autonomous") for n in got)
    assert "Orvane Research Institute" in got  # positive control: the same kind of phrase as a name


def test_a_ministrys_list_of_subjects_joined_by_an_ampersand_stays_whole():
    got = names("He was Secretary in the Ministry of Rivers, Canals & Inland Ports before joining ISRO.")
    assert "Ministry of Rivers, Canals & Inland Ports" in got


def test_numbered_military_units_keep_their_number_and_their_formation_is_its_own_body():
    found = names("The 4th Mountain Brigade of the Ruritanian Army and 77 Squadron held a drill on Monday.")
    assert {"4th Mountain Brigade", "Ruritanian Army", "77 Squadron"} <= set(found)
    assert not any(" of the " in n for n in found)


def test_members_of_a_body_are_not_part_of_its_name():
    found = names("Troops of the Coastal Rifle Regiment paraded before the Minister.")
    assert "Coastal Rifle Regiment" in found
    assert not any(n.startswith("Troops") for n in found)


def test_a_number_before_ordinary_capitalised_words_is_not_a_name():
    found = names("The navy bought 20 Typhoon jets from Orion Aerospace Ltd.")
    assert "Orion Aerospace Ltd" in found
    assert not any(n[0].isdigit() for n in found)


def test_unknown_names_in_the_slots_of_a_signing_are_bodies():
    assert {"Korvex", "Malden"} <= set(names_in_story("Korvex and Malden signed an MoU to co-develop engines."))
    assert {"Korvex", "Malden"} <= set(names_in_story("The deal was signed between Korvex and Malden on Monday."))


def test_a_known_body_joined_by_and_to_an_unknown_name_is_two_bodies():
    found = names_in_story("The Ministry of Defence and Korvex signed an agreement on Monday.")
    assert {"Ministry of Defence", "Korvex"} <= set(found)
    assert not any(" and " in n for n in found)


def test_two_people_as_the_subject_of_a_signing_are_no_bodies():
    assert names_in_story("Anil Rawat and Pierre Lemaire signed the MoU on Monday.") == []


def names_in_story(text: str) -> list[str]:
    return [o.name for o in find_organisations(text, K, split_sentences(text))]


def test_a_name_described_as_a_body_by_its_apposition_is_an_organisation():
    assert "Vantrel" in names("Vantrel, a Pune-based start-up, will supply the drones.")
    assert "Korvex" in names("The order went to Korvex, the French shipbuilder.")
    assert "Orbitel" in names("The satellite operator Orbitel said it would launch in May.")


def test_an_apposition_about_a_person_makes_no_organisation():
    assert names("John Berg, a company spokesman, said so. Ravi Menon, a manager at the firm, agreed.") == {}


def test_a_lone_head_word_before_a_title_and_a_name_is_a_role_not_a_body():
    found = names("Navy Secretary Karl Berg said the deal was good.")
    assert not any("Secretary" in n or "Berg" in n for n in found)


def test_two_companies_with_legal_forms_joined_by_and_are_two():
    found = names("Kestrel Dynamics AB and Nordvik Aerospace GmbH today signed a teaming agreement.")
    assert {"Kestrel Dynamics AB", "Nordvik Aerospace GmbH"} <= set(found)


def test_a_body_named_after_dotted_initials_keeps_them():
    found = names("The ministry signed a framework agreement with the U.S. Coast Guard on Monday.")
    assert "U.S. Coast Guard" in found


def test_a_registry_body_of_another_country_named_with_its_country_is_that_countrys():
    assert "Ministry of Defence of Peru" in names("The Ministry of Defence of Peru said it would buy radars.")


def test_an_administration_defined_by_its_acronym_and_a_co_company_are_bodies():
    found = names("Korvo Heavy Industries Co. said it signed a contract with the Naval Procurement Programme "
                  "Administration (NPPA) on Monday. The co-chairs met later.")
    assert {"Korvo Heavy Industries Co", "Naval Procurement Programme Administration"} <= set(found)
    assert not any("chair" in n.lower() for n in found)


def test_an_agreement_named_with_capitals_is_no_organisation():
    found = names("They signed the Memorandum of Understanding on Air Force Training Cooperation on Monday.")
    assert not any(n.startswith("Memorandum") for n in found)


def test_a_registry_body_after_a_demonym_opening_the_sentence_is_that_countrys():
    found = names("The Polish defence ministry signed a contract with Kestrel Marine on Monday.")
    assert found["Polish defence ministry"].country == "Poland" and "Ministry of Defence" not in found
    # Positive control: with no country word it is the registry's body.
    assert "Ministry of Defence" in names("The defence ministry signed a contract with Kestrel Marine on Monday.")


def test_a_bare_service_name_is_the_registry_countrys_only_in_a_story_that_names_that_country():
    assert "Indian Air Force" not in names("Ankara said its Air Force would train with Pakistan's pilots.")
    assert "Indian Air Force" in names("India said the Air Force would train with French pilots.")


def test_international_organisations_known_by_acronym_are_bodies_not_countries():
    found = names("The EU and the GCC held talks with the OSCE.")
    assert {"European Union", "Gulf Cooperation Council", "Organization for Security and Co-operation in Europe"} \
        <= set(found)


def test_a_name_introduced_by_where_it_is_based_is_an_organisation():
    got = names("Tallinn-based Orvik Aero has opened a plant. Rotterdam-based Air Defence was not a name.")
    assert "Orvik Aero" in got
    assert "Air Defence" not in got


def test_a_person_named_before_of_is_not_part_of_the_body_after_it():
    got = names("Ravi Varma of the Ministry of Ports and Harbours led the delegation.")
    assert "Ministry of Ports and Harbours" in got
    assert not any("Varma" in n for n in got)


def test_a_possessive_inside_a_name_stays_and_a_rank_word_before_of_is_a_title():
    assert "Ruritania People's Navy" in names("The Ruritania People's Navy held talks.")
    assert "Royal Norland Navy" in names("He met the Commander of the Royal Norland Navy on Monday.")


def test_an_office_of_a_title_holder_and_a_general_department_are_bodies():
    got = names("The Prime Minister's Office said officials of the General Department of Defence Industry met.")
    assert "Prime Minister's Office" in got and "General Department of Defence Industry" in got


def test_two_countries_bodies_joined_by_and_are_two_organisations():
    got = names("The arrangement between Chile's Department of Defence Production and Peru's General Department "
                "of Defence Industry stands.")
    assert len([n for n in got if "Department" in n]) == 2


def test_a_name_introduced_by_its_kind_keeps_its_dictionary_words_but_not_a_role_after_it():
    assert "Nordic Air Defence" in names("Danish drone maker Nordic Air Defence signed it.")
    got = names("Arms maker Norvik Defence Minister Arne Berg spoke.")
    assert "Norvik" in got and not any("Berg" in n for n in got)


def test_a_body_owned_by_another_named_with_a_possessive_is_found_without_its_owner():
    got = names("Officials from the Pentagon's Defense Innovation Unit and the Orvik Group's Systems Division met.")
    assert "Defense Innovation Unit" in got and "Systems Division" in got


def test_a_company_named_by_a_trade_word_at_its_end_is_a_body_but_a_subject_phrase_is_not():
    got = names("Orvik Technik maintains the engines, and Nordjet Airways flies the crews, under the pact on "
                "Science and Technology.")
    assert "Orvik Technik" in got and "Nordjet Airways" in got
    assert not any("Technology" in n for n in got)


def test_a_service_known_by_its_native_name_is_that_service():
    got = names("The Luftwaffe and the Armée de Terre took delivery, and the Marine nationale followed.")
    assert {"German Air Force", "French Army", "French Navy"} <= set(got)


def test_the_name_before_a_company_officers_title_and_a_person_is_a_company():
    assert "Vexlar" in names("Vexlar CEO Brian Olsen said the drones would be delivered next year.")
    assert "Vexlar" in names("Vexlar's chief executive Karl Berg said the company would grow.")
    got = names("The talks ended in Oslo. Vexlar CEO Brian Olsen said so.")
    assert "Vexlar" in got and not any("Oslo" in n for n in got)
    assert names("The company CEO Arvid Kellner said so.") == {}
    got = names("It was signed by HAL's Executive Director S Ramesh and Vexa Helicopter Engines' Executive Vice "
                "President Cedric Morel.")
    assert list(got) == ["Hindustan Aeronautics Limited", "Vexa Helicopter Engines"]  # a plural possessive, a
    # longer corporate title


def test_a_title_complement_a_ceremony_and_a_venue_are_no_bodies():
    got = names("Karl Berg, Minister of State for Cabinet Affairs, and Air Vice Marshal Ole Lind, Chief of Staff of "
                "Air Force, inspected a Guard of Honour at the Convention Centre with the Norland Navy.")
    assert list(got) == ["Norland Navy"]


def test_common_words_with_a_weak_head_after_a_titles_of_complete_the_title():
    got = names("The MoU was signed by Lt Gen Arne Berg, Director General of Information Systems, and Vexlar.")
    assert not any("Information" in n for n in got)
    assert "Norland Navy" in names("Karl Berg, Chief of Staff of the Norland Navy, spoke.")


def test_a_subordinate_word_opening_a_signing_sentence_is_no_body():
    text = "Once signed, the deal would be the largest order of the year. Vexlar signed the deal on Monday."
    assert names_in_story(text) == ["Vexlar"]


def test_the_subject_that_appoints_someone_its_officer_is_a_body():
    assert "Vexlar Maritime" in names("Vexlar Maritime has appointed Ingrid Lunde as its chief executive officer.")
    assert names("The board appointed Ingrid Lunde as its chief executive officer.") == {}


def test_a_registry_company_followed_by_a_region_is_its_arm_and_the_bare_brand_stays_the_company():
    text = ("Saab has appointed Ana Lunde to lead its subsidiary, Saab Europe, the company said. Saab signed a "
            "contract with the Norland Navy last year.")
    got = find_organisations(text, K, split_sentences(text))
    assert sorted(o.name for o in got) == ["Norland Navy", "Saab", "Saab Europe"]
    text = ("Hanwha Aerospace named a new head for Hanwha Aerospace Europe. Hanwha signed a contract with the "
            "Norland Army last year.")
    got = find_organisations(text, K, split_sentences(text))
    assert sorted(o.name for o in got) == ["Hanwha Aerospace", "Hanwha Aerospace Europe", "Norland Army"]


def test_a_possessive_pronoun_before_an_officers_title_is_no_body():
    got = names("Vexlar Systems was founded in 2018. Its chief executive Ana Lunde said so.")
    assert list(got) == ["Vexlar Systems"]


def test_a_registry_company_followed_by_a_country_is_its_arm_there():
    got = names("The Army signed a contract with Saab Australia and with Thales.")
    assert got["Saab Australia"].country == "Australia" and "Thales" in got and "Saab" not in got
    assert "Germany's Thales" not in names("Estonia signed a letter of intent with Germany's Thales on Monday.")


def test_a_name_the_signing_verb_takes_as_its_object_is_a_body_unless_a_title_marks_a_person():
    got = names_in_story("The Orvik Council awarded Tellmar Aero a contract for radar support.")
    assert "Tellmar Aero" in got
    got = names_in_story("The deal was signed on Monday with President Ana Lunde in attendance.")
    assert "Ana Lunde" not in got
    got = names_in_story("The contracts were signed in the presence of the minister, along with Ana Lunde, "
                         "Director (Finance).")
    assert "Ana Lunde" not in got


def test_a_body_after_and_opens_with_a_two_word_countrys_possessive():
    got = names("The Norland Department of National Defense and South Korea's Vexlar Heavy Industries signed a "
                "contract on Monday.")
    assert {"Norland Department of National Defense", "Vexlar Heavy Industries"} <= set(got)


def test_munitions_ends_a_company_name():
    got = names("Framework contracts were awarded to Vexlar Munitions and Orvik Waffe Munition.")
    assert {"Vexlar Munitions", "Orvik Waffe Munition"} <= set(got)


def test_a_persons_name_before_and_ends_where_the_next_body_starts():
    got = names("The MoU was signed by Vexlar chairman Anil Sunil and Orvik Helicopter Engines CEO Karl Berg.")
    assert "Orvik Helicopter Engines" in got and not any("Sunil" in n for n in got)


def test_a_states_government_is_a_body_named_as_written_and_a_state_alone_is_none():
    got = names_in_story("The drone maker signed an MoU with the Queensland government to set up a unit.")
    assert got == ["Queensland government"]
    assert names_in_story("Vexlar Aero signed an MoU with Queensland on Monday.") == ["Vexlar Aero"]


def test_an_airline_named_after_its_country_is_a_company():
    got = names("IndiGo and Air India have signed maintenance contracts with Vexlar Aero Technic.")
    assert got["Air India"].org_type == "company"
    assert "Air Force One" not in names("The Indian Air Force flew.")


def test_a_registry_companys_unit_acronym_is_part_of_its_name_but_a_title_is_not():
    got = names("Leonardo DRS has been awarded a contract. Leonardo CEO Karl Berg said so.")
    assert {"Leonardo DRS", "Leonardo"} <= set(got)


def test_an_apposition_names_no_body_across_a_full_stop():
    got = names("The firms signed with Vexlar Aero Technic, the MRO provider said on Tuesday. Vexlar Aero Technic, "
                "a subsidiary of Orvik Holdings, operates a facility.")
    assert not any(n.startswith("Tuesday") for n in got)


def test_a_name_defined_by_an_acronym_goes_on_across_a_comma_and_needs_only_a_head_word():
    got = names("Germany's Federal Office of Defence Equipment, Materiel and In-Service Support (FODEMIS) and the "
                "Ruritanian Materiel Agency signed the pact.")
    assert got["Federal Office of Defence Equipment, Materiel and In-Service Support"].acronym == "FODEMIS"
    assert "Joint Working Group" not in names("The Joint Working Group (JWG) met in Oslo.")


def test_a_countrys_possessive_short_form_is_the_long_registry_name_it_begins():
    got = names("Germany's Federal Office of Bundeswehr Equipment, Information Technology and In-Service Support "
                "(BAAINBw) signed the pact.")
    assert list(got) == ["Federal Office of Bundeswehr Equipment, Information Technology and In-Service Support"]


def test_a_plural_possessive_is_no_part_of_a_companys_name():
    got = names("Swedish firm Vexlums' head of naval programmes, Karl Berg, said so.")
    assert list(got) == ["Vexlums"]


def test_an_acronym_alone_after_and_is_a_body_of_its_own():
    got = names("It was co-chaired by the Ministry of Defence, Government of Norway and NDRA officials.")
    assert "Government of Norway" in got and not any(n.endswith("NDRA") and " and " in n for n in got)


def test_a_body_named_only_as_a_documents_author_or_an_adjective_is_no_organisation():
    assert "United Nations" not in names("They cited the United Nations Charter and the UN Convention on Arms.")
    assert "United Nations" not in names("The topics were drills and UN Peace-Keeping.")
    assert "United Nations" in names("The United Nations said the talks would go on.")


def test_a_force_owning_a_model_of_aircraft_is_named_and_a_body_owned_by_another_still_is():
    assert "Ruritanian Air Force" in names("The deal covers the Ruritanian Air Force's Mirage jets.")
    assert "Ruritanian Air Force" in names("The deal covers the Ruritanian Air Force's CP-140 Aurora fleet.")
    got = names("The Pentagon's Defense Innovation Unit and Vexlar's Falcon drones were shown.")
    assert "Defense Innovation Unit" in got and not any("Falcon" in n for n in got)


def test_a_company_after_its_countrys_possessive_in_a_signing_is_named_without_the_country():
    from transforms.pipeline import extract

    rec = extract("Separately, Norway's Orvik and Chile's Tellmar Naval signed an agreement on radars.", None)
    assert set(rec.events["agreement"][0].filled("party")) == {"Orvik", "Tellmar Naval"}
    rec = extract("Chile's Ministry of Defence signed an agreement with Orvik.", None)
    assert "Chile's Ministry of Defence" in {o.name for o in rec.organisations}


def test_a_complete_body_and_the_next_named_after_and_the_are_two_bodies():
    got = names("The Vexlar Armed Forces and the German Bundeswehr ended the drill.")
    assert "Vexlar Armed Forces" in got and not any(" and " in n for n in got)
    assert "Ministry of Science and the Arts" in names("The Ministry of Science and the Arts signed it.")


def test_a_company_and_the_service_it_builds_for_are_two_bodies_but_a_centres_field_is_its_name():
    got = names("The Navy signed a contract with Tellmar Shipyards for the Norwegian Coast Guard.")
    assert {"Tellmar Shipyards", "Norwegian Coast Guard"} <= set(got) and not any(" for " in n for n in got)
    got = names("The Vexlar Institute for the Study of War and the Centre for Air Power Studies met.")
    assert {"Vexlar Institute for the Study of War", "Centre for Air Power Studies"} <= set(got)


def test_the_body_a_signatory_signs_for_is_a_party():
    from transforms.pipeline import extract

    text = ("The agreement was inked by Rear Admiral Jon Kett on behalf of the Norwegian Navy and by Mr Ivo Rask "
            "for Tellmar Shipyards.")
    rec = extract(text, None)
    assert set(rec.events["agreement"][0].filled("party")) == {"Norwegian Navy", "Tellmar Shipyards"}
    rec = extract("The Navy signed a contract with Tellmar Shipyards for the Norwegian Coast Guard.", None)
    assert "Norwegian Coast Guard" not in rec.events["agreement"][0].filled("party")


def test_the_body_named_after_a_ranked_persons_of_is_an_organisation():
    got = names("The talks were co-chaired by Maj Gen Ivo Rask of the Norland Army and Brigadier Ola Dahl.")
    assert "Norland Army" in got and not any("Rask" in n for n in got)


def test_a_company_named_with_its_legal_form_in_front_is_an_organisation():
    got = names("On Tuesday she visited PT Vexlar Marine in Surabaya and met JSC Orvik Plant officials.")
    assert {"PT Vexlar Marine", "JSC Orvik Plant"} <= set(got)
    assert names("The physical training PT session ended.") == {}


def test_a_name_a_clause_describes_as_making_things_is_a_body():
    assert "Tellvik" in names("Tellvik, which makes loitering munitions, raised funds from investors.")
    assert names("On Monday, which was a holiday, nothing happened.") == {}


def test_a_countrys_government_written_as_a_capitalised_name_is_that_countrys_government():
    from transforms.pipeline import extract

    rec = extract("The Chilean Government signed a contract with Vexlar Systems on Monday.", None)
    assert {o.name for o in rec.organisations} == {"Government of Chile", "Vexlar Systems"}
    rec = extract("The Kerala Government signed a contract with Vexlar Systems on Monday.", None)
    assert "Kerala Government" in {o.name for o in rec.organisations}


def test_a_technology_named_in_domain_words_before_a_weak_head_is_no_company():
    got = names("The pact covers Naval Radar Systems and Missile Propulsion Technologies for the Navy.")
    assert not any("Systems" in n or "Technologies" in n for n in got)
    assert "Vexlar Radar Systems" in names("Vexlar Radar Systems won the order.")


def test_a_brand_companys_name_ends_before_its_country_but_a_corporation_of_a_country_keeps_it():
    assert "Vexlar Helicopter Engines" in names("The deal was signed with Vexlar Helicopter Engines of France.")
    assert "Fisheries Corporation of Norway" in names("The Fisheries Corporation of Norway signed the deal.")


def test_a_service_named_inside_a_role_or_a_base_is_not_named_as_a_body():
    text = ("The Indian Navy hosted the talks. The Chief of Army Staff spoke, and jets landed at "
            "Air Force Station Velmar.")
    assert set(names(text)) == {"Indian Navy"}
    assert "Indian Army" in names("The Indian Navy and the Army signed a contract.")  # the service as an actor


def test_a_country_s_possessive_after_and_opens_another_body():
    text = ("They witnessed the signing of an arrangement between the Velmar Research Group and Japan's "
            "Acquisition, Logistics and Supply Agency (ALSA).")
    assert {"Velmar Research Group", "Acquisition, Logistics and Supply Agency"} <= set(names(text))


def test_a_service_acting_by_its_bare_name_is_a_body_unless_a_fuller_name_stands_for_it():
    assert "Army" in names("The Army has awarded Vexlar Dynamics a contract for missiles.")
    got = names("The Navy signed a contract with Vexlar Dynamics. The US Navy said the ships would follow.")
    assert "Navy" not in got and "United States Navy" in got
    assert "Navy" not in names("Navy Secretary Karl Berg visited the yard.")  # a title, not the service


def test_a_registry_body_s_bare_name_of_several_words_is_a_body_before_its_unit():
    got = names("Officials from the Department of Defense's Defense Innovation Unit attended the show.")
    assert {"Department of Defense", "Defense Innovation Unit"} <= set(got)


def test_a_company_s_division_named_after_it_is_the_body_unless_the_registry_knows_it_as_the_company():
    assert "Leonardo Helicopters" in names("The Orion Research Agency signed an MoU with Leonardo Helicopters "
                                           "on Monday.")
    got = names("The ministry signed a contract with Airbus Defence and Space. Airbus Defence, the builder, "
                "will deliver the jets.")
    assert "Airbus" in got and "Airbus Defence" not in got


def test_a_title_s_modifier_opening_a_body_s_name_is_part_of_the_name():
    assert "Joint Defence Commission" in names("He attended the first meeting of the Joint Defence Commission.")
    assert "Ministry of Defence" in names("Joint Secretary Anil Rao of the Ministry of Defence spoke.")


def test_a_counted_product_is_no_body_but_a_counted_body_s_people_leave_it_one():
    assert "Rafale Marine" not in names("The contract for 26 Rafale Marine jets was signed on Monday.")
    assert "Orvik Marine" in names("The two Orvik Marine officials said the deal was signed.")
    assert "Orvik Marine" in names("In 2024 Orvik Marine signed a deal with the Navy.")


def test_a_head_word_joined_by_and_inside_a_name_keeps_the_name_whole():
    assert "Defence Services Command and Staff College" in names(
        "The Army Chief visited the Defence Services Command and Staff College in Mirpur.")
    got = names("The Army Chief visited the Northern Command and the Staff College in Mirpur.")
    assert {"Northern Command", "Staff College"} <= set(got)


def test_a_counted_name_before_a_verb_or_preposition_is_the_product_counted():
    assert "Vexla Towed Gun Systems" not in names("A contract for 307 Vexla Towed Gun Systems was signed with Acme.")
    assert "Vexla Utility Vehicles" not in names("It ordered 12 Vexla Utility Vehicles for the Army.")
    assert "Orvik Systems" in names("The two Orvik Systems engineers said the deal was signed.")


def test_common_words_capitalised_before_a_head_word_name_a_signing_company():
    rec = view("Germany's Quantum Systems signed an agreement with Orvik Marine on Friday.", dt.date(2025, 6, 12))
    assert {o["name"] for o in rec["organisations"]} == {"Quantum Systems", "Orvik Marine"}


def test_a_body_of_a_country_ends_before_and_another_body():
    got = names("The Directorate General of Defence Procurement of the Ministry of Defence of the Republic of Chile "
                "and Vexa Systems signed a memorandum of understanding.")
    assert "Vexa Systems" in got
    assert "Directorate General of Defence Procurement of the Ministry of Defence of the Republic of Chile" in got


def test_an_exchange_between_services_and_a_product_code_are_no_bodies():
    got = names("The Indian Navy and the Royal Australian Navy held the Navy-to-Navy staff talks in Goa.")
    assert set(got) == {"Indian Navy", "Royal Australian Navy"}
    got = names("Vexlar Systems has signed an MoU to offer the C-390 Millennium with Orvik Marine.")
    assert set(got) == {"Vexlar Systems", "Orvik Marine"}


def test_a_one_word_brand_and_a_named_body_are_two_bodies_but_an_adjective_opens_one_name():
    assert {"Vexlar", "Orvik Marine"} <= set(pipeline_names("Vexlar and Orvik Marine have signed an MoU on radars."))
    assert "Meteorological and Oceanographic Satellite Data Archival Centre" in names(
        "The Meteorological and Oceanographic Satellite Data Archival Centre (MOSDAC) said.")
    assert "Larsen & Toubro" in names("Larsen and Toubro Limited signed an MoU.")


def test_a_head_word_alone_after_and_ends_the_name_before_it():
    assert "Orvane Research and Technologies" in names(
        "The laboratory has tied up with Pune-based Orvane Research and Technologies to develop pseudo satellites.")
    assert "Orvane Research and Technologies" in pipeline_names(
        "Orvane Research and Technologies signed an MoU with the Navy.")
    # Positive control: two bodies joined by "and" stay two.
    assert {"Vexa Labs", "Orvik Marine"} <= set(names("Pune-based Vexa Labs and Orvik Marine signed an MoU."))


def test_a_product_s_letters_after_for_end_a_body_s_name():
    got = names("Kongsberg signed a contract with the Polish Armament Agency for NSM coastal defence batteries.")
    assert "Polish Armament Agency" in got
    assert "Centre for Air Power Studies" in names("The Centre for Air Power Studies met on Monday.")


def test_a_name_whose_officials_products_or_shares_the_text_speaks_of_is_a_body():
    assert "Armavia" in names("Officials from Armavia and the Brazilian Air Force attended the ceremony.")
    assert "Tessaro" in names("The frigates will be built by Tessaro at its yard in Genoa.")
    assert "Kelvora" in names("Shares in Kelvora rose 4% after the announcement.")
    assert "Morvane" in names("Kelvora CEO Jan Berg and Morvane chairman Ole Lie attended the signing.")
    # Positive controls: countries are no bodies; what a proposal was "made by" says nothing.
    assert names("Officials from India and Brazil attended.") == {}
    assert "Sub Working Groups" not in names("They heard of the progress made by the Sub Working Groups on Monday.")


def test_a_family_name_with_its_acronym_in_brackets_and_a_place_is_that_member():
    got = names("The Orion Agency and the Indian Institute of Technology (IIT) Delhi signed an MoU. The Agency "
                "has centres at IIT Madras and IIT Kanpur.")
    assert {"Indian Institute of Technology Delhi", "Indian Institute of Technology Madras"} <= set(got)
    assert "Indian Institute of Technology" not in got
    assert got["Indian Institute of Technology Delhi"].acronym == "IIT Delhi"


def test_a_state_s_portfolio_before_minister_is_part_of_the_role_not_a_body():
    assert names("The deal was signed in the presence of Telangana Industries Minister K T Rao.") == {}
    assert "Orvik Industries" in names("The deal was signed in the presence of Orvik Industries chairman K T Rao.")


def test_the_service_in_brackets_after_a_body_s_name_is_part_of_it_but_an_acronym_is_not():
    assert "Directorate of Technical Development and Production (Air)" in names(
        "The Directorate of Technical Development and Production (Air) approved the design.")
    got = names("The Ministry of Defence (MoD) said.")
    assert got["Ministry of Defence"].acronym == "MoD"


def test_a_weak_head_among_a_name_s_first_words_before_of_or_for_names_a_body():
    assert "Joint Staff Office of the Japan Self-Defense Forces" in names(
        "The Joint Staff Office of the Japan Self-Defense Forces issued a statement.")
    assert "Federal Office for Economic Affairs" in names("The Federal Office for Economic Affairs approved it.")
    # Positive control: "Group" alone in a sentence's subject is no body.
    assert names("The group of officers met on Monday.") == {}


def test_messrs_before_a_firm_s_name_is_no_part_of_it():
    assert "Vexlar Systems Pvt Ltd" in names("The Ministry signed a contract with M/s Vexlar Systems Pvt. Ltd. today.")


def test_a_country_opening_the_name_after_and_starts_another_body():
    got = pipeline_names("The COAS witnessed the signing of a contract between the Heavy Industries Taxila and "
                         "China North Industries Corporation for armoured vehicles.")
    assert {"Heavy Industries Taxila", "China North Industries Corporation"} <= set(got)
    assert "Ministry of Science and Technology" in names("The Ministry of Science and Technology said.")


def test_one_name_like_word_after_a_registry_company_ending_the_run_is_its_unit():
    assert "BAE Systems Bofors" in names("The agency signed a contract with BAE Systems Bofors for 18 guns.")
    got = names("BAE Systems Ian King said the deal was good.")
    assert "BAE Systems" in got and "BAE Systems Ian" not in got


def test_a_dateline_s_city_names_the_story_s_country_for_a_bare_service():
    assert "Indian Navy" in names("Navy inks deal\n\nPune, June 5 (PTI): The Navy signed a contract with Vexlar "
                                  "Systems on Thursday.")
    got = names("Oslo, June 5: The Navy signed a contract with Vexlar Systems on Thursday.")
    assert "Indian Navy" not in got and "Navy" in got


def test_a_body_known_by_its_name_ends_before_for_the_and_what_it_buys():
    got = names("Vexa Labs had signed a contract with the Ministry of Defence for the Orvik Star radars in March.")
    assert "Ministry of Defence" in got and not any("Orvik" in n for n in got)
    got = names("The Vexlar Institute for the Study of Sea Power said so.")
    assert "Vexlar Institute for the Study of Sea Power" in got
    got = names("The largest contract was signed with Orvik Industries for the Stormfang loitering munition.")
    assert list(got) == ["Orvik Industries"]  # the product's word after two lower-case words


def test_a_company_ending_in_a_nordic_legal_form_is_one_body_with_its_and():
    assert set(names("Vexlar Defence & Aerospace AS signed a contract with the Norland Navy.")) == {
        "Vexlar Defence & Aerospace AS", "Norland Navy"}
    assert "Vexlar Robotics AS" in names("Vexlar Robotics AS signed it.")


def test_a_registry_company_written_with_its_legal_form_is_that_company():
    reg = next(o for o in K.organisations if o.org_type == "company" and o.name.isalpha() and len(o.name) > 4)
    got = names(f"{reg.name} AS signed a contract with the Norland Navy.")
    assert reg.name in got and f"{reg.name} AS" in got[reg.name].aliases


def test_a_name_ending_in_a_company_s_trade_is_a_company_but_a_product_s_is_not():
    got = names("Vexlar Aviation and Orvik Robotics signed a teaming agreement with Norland Composites.")
    assert {"Vexlar Aviation", "Orvik Robotics", "Norland Composites"} <= set(got)
    got = names("The Norland Army will buy Light Attack Helicopters and Joint Strike Missiles.")
    assert set(got) == {"Norland Army"}


def test_countries_written_by_their_letters_are_no_organisations():
    for text in ("Australia, PNG sign defence treaty\n\nThey signed it on Monday.",
                 "NZ, KSA sign defence pact\n\nThey signed it on Monday."):
        assert names_in_story(text) == [], text


def test_a_conjunction_opening_the_sentence_is_no_part_of_the_body_s_name():
    got = names("When the Vexa Acquisition Council met last year, it cleared proposals. While the Norland Navy waits,")
    assert set(got) == {"Vexa Acquisition Council", "Norland Navy"}


def test_a_body_after_of_in_what_the_subject_is_is_named_but_the_description_itself_is_not():
    assert set(names("He is an alumnus of the Norland Defence Academy.")) == {"Norland Defence Academy"}
    assert names("Vexlar is the country's sole Defence Public Sector Company.") == {}


def test_names_described_as_another_maker_or_given_as_investors_are_bodies():
    got = names("Quantum Systems, another Norland drone maker, raised funds this year.")
    assert "Quantum Systems" in got
    assert "Orvik Capital" in names("Existing investors including Orvik Capital also took part.")


def test_a_registry_company_s_division_in_a_country_is_an_arm_of_its_own():
    reg = next(o for o in K.organisations if o.org_type == "company" and o.name.isalpha() and len(o.name) > 4)
    got = names(f"Norway has signed a contract with {reg.name} Defence Australia for radars.")
    assert f"{reg.name} Defence Australia" in got


def test_a_known_name_with_an_ampersand_before_and_and_another_body_is_two_bodies():
    reg = next(o for o in K.organisations if " & " in o.name and len(o.name.split()) == 3)
    other = next(o for o in K.organisations if o.org_type == "company" and o.name.endswith(" Electronics Limited")
                 and len(o.name.split()) == 3)
    got = names(f"They met officials of {reg.name} and {other.name}.")
    assert {reg.name, other.name} <= set(got)


def test_a_name_ending_in_committee_is_a_body():
    assert "Vexa Military Committee" in names("The Vexa Military Committee met on Monday.")


def test_former_before_a_body_s_name_is_no_part_of_it_and_a_ministry_after_a_possessive_is_a_ministry():
    got = names("Former Norland Navy chief Admiral Karl Berg has joined the board.")
    assert "Norland Navy" in got and not any(n.startswith("Former") for n in got)
    got = names("Ukraine's Ministry of Strategic Industries said so.")
    assert got["Ukraine's Ministry of Strategic Industries"].org_type == "ministry"


def test_a_ranked_person_after_a_body_and_and_is_no_part_of_the_body_s_name():
    got = names("It was co-chaired by Colonel Ivo Rask of the Vexlar Department of Foreign Relations and Brigadier "
                "General Tomas Vidal of the Norland Army. Colonel Ana Lunde of the Department of Foreign Affairs "
                "and General Karl Berg attended.")
    assert "Vexlar Department of Foreign Relations" in got
    assert "Department of Foreign Affairs" in got
    assert not any("General" in n or "Karl" in n for n in got)


def _acronym_of_four_letters() -> tuple[str, str]:
    reg = next(o for o in K.organisations if o.acronym and o.acronym.isalpha() and o.acronym.isupper()
               and len(o.acronym) >= 4)
    return reg.acronym, reg.name


def test_an_acronym_written_as_a_word_opening_a_headline_or_also_in_lower_case_is_that_word():
    acronym, name = _acronym_of_four_letters()
    word = acronym.capitalize()
    assert name not in names(f"{word} signed for radars\n\nThe firm said the {word.lower()} was done.")
    assert name not in names(f"Officials met. {word} talks went on.")
    assert name in names(f"Scientists at {word} and at Vexa Labs met in May.")  # 'Nasa' style, mid-sentence


def test_a_bracketed_field_after_a_title_is_no_registry_body():
    reg, bare = _registry_service()
    got = names(f"Vexlar Works signed it with Rear Admiral Ivo Rask, Director General Procurement ({bare}).")
    assert reg.name not in got
    assert "Vexlar Works" in got


def test_a_country_s_known_body_and_the_demonym_of_the_next_body_s_kind_are_apart():
    got = names("Denmark's Ministry of Defence and the Norwegian company Orvik Munitions signed a memorandum.")
    assert "Denmark's Ministry of Defence" in got
    assert not any("Norwegian" in n for n in got)


def test_a_lone_acronym_before_and_and_a_country_s_service_is_a_body_of_its_own():
    got = names("Turkey's VXAT and Pakistan Navy ink corvette deal\n\nTurkish defence firm VXAT and the Pakistan "
                "Navy signed the deal on Tuesday.")
    assert {"VXAT", "Pakistan Navy"} <= set(got)
    assert not any(" and " in n for n in got)


def test_a_dateline_city_without_a_date_names_the_story_s_country_for_a_bare_service():
    reg, bare = _registry_service()
    city = next(c for c, country in K.city_countries.items() if country == reg.country and " " not in c)
    assert reg.name in names(f"Commanders meet\n\n{city.upper()}: The {bare} said the talks began on Monday.")
    assert reg.name not in names(f"Commanders meet\n\nVEXLARBURG: The {bare} said the talks began on Monday.")


def test_a_registry_name_printed_without_its_accents_is_that_body():
    reg = next(o for o in K.organisations if any(ord(c) > 127 for c in o.name) and " " in o.name)

    plain = "".join(c for c in unicodedata.normalize("NFKD", reg.name) if not unicodedata.combining(c))
    got = names(f"Officials of the {plain} met on Monday.")
    assert list(got) == [reg.name]


def test_a_weakly_headed_name_before_a_programme_noun_is_a_product():
    assert "Vexlar Marine" not in names("The chiefs discussed the Vexlar Marine programme on Friday.")
    assert "Vexlar Marine" in names("The chiefs met Vexlar Marine on Friday.")


def test_capitalised_words_after_for_before_a_product_word_are_no_part_of_the_body():
    got = names("Orvik has received an order from the Vexlar Defence Materiel Agency for Kestrel-Nine ammunition.")
    assert "Vexlar Defence Materiel Agency" in got
    kept = names("The Vexlar Agency for Science and Research signed it.")
    assert "Vexlar Agency for Science and Research" in kept


def test_a_chief_of_a_force_then_of_a_body_names_the_body_after_the_second_of():
    got = names("The talks were led by the Chief of Defence Force of the Vexlar National Defence Force.")
    assert "Vexlar National Defence Force" in got
    assert not any(n.startswith("Defence Force") for n in got)


def test_a_name_of_a_country_s_government_ends_at_the_country_before_what_is_sold():
    got = names("The sale to the Government of Egypt of Patriot air defence missiles was approved.")
    assert "Government of Egypt" in got
    assert not any("Patriot" in n for n in got)


def test_a_kind_of_company_opening_a_headline_is_no_company_s_name():
    text = ("Consortium signs contract for border radars\n\nHelsinki, 2 September: A consortium led by Orvik Systems, "
            "with Kestrel Sensors and Norland Telecom as partners, signed a contract with the Finnish Border Guard "
            "on Monday. The Border Guard said it was worth 120 million euros.")
    got = names(text)
    assert "Consortium" not in got
    assert {"Orvik Systems", "Kestrel Sensors", "Norland Telecom", "Finnish Border Guard"} <= set(got)
    assert "Border Guard" not in got  # the Finnish one, without its adjective
    assert "Firms" not in names("Firms sign teaming agreement\n\nOrvik Systems and Kestrel Aero signed a teaming "
                                "agreement on Tuesday.")


def test_a_bare_body_stays_apart_where_two_countries_have_one():
    got = names("The Vexlar Border Guard and the Finnish Border Guard and the Norwegian Border Guard met. The Border "
                "Guard of each will patrol.")
    assert {"Finnish Border Guard", "Norwegian Border Guard"} <= set(got)


def test_shares_of_a_company_are_no_part_of_its_name():
    got = names("Shares of Kestrel Shipbuilders rose 8% on Monday after it signed a contract.")
    assert list(got) == ["Kestrel Shipbuilders"]


def test_a_bare_service_is_no_registry_body_where_the_story_names_another_body_of_that_name():
    reg, bare = _registry_service()
    city = next(c for c, country in K.city_countries.items() if country == reg.country and " " not in c)
    text = f"{city}, Nov 14: The Vexlar {bare} signed a contract with Orvik Arms, a {bare} official said."
    assert reg.name not in names(text)
    assert reg.name in names(f"{city}, Nov 14: The {bare} signed a contract with Orvik Arms, a {bare} official said.")


def test_a_title_with_its_own_article_and_of_hands_over_to_the_body_after_it():
    got = names("He hosted the Chief of the Air Staff of the Norland Air Force, Air Chief Marshal Ivo Rask. The "
                "Chief of Staff of the National Army of Chile, General Ana Lunde, attended.")
    assert "Norland Air Force" in got
    assert "National Army of Chile" in got


def test_an_acronym_in_another_language_after_a_whole_name_is_that_body_s():
    got = names("Turkey's SSB signs contracts\n\nTürkiye's Presidency of Defence Industries (SSB) signed contracts on "
                "Thursday, SSB head Karl Berg said.")
    assert got["Presidency of Defence Industries"].acronym == "SSB"
    assert "SSB" not in got
    # Letters opening as the name does but not its initials: no definition read from a bracket alone.
    assert names("The Vexlar Defence Procurement Agency (VXQT) said.")["Vexlar Defence Procurement Agency"].acronym \
        is None


def test_a_country_s_own_ministry_spelt_two_ways_is_one_body():
    got = names("Israel's defence ministry signs deal\n\nThe Israel Ministry of Defense signed a contract on "
                "Wednesday.")
    ministries = [n for n in got if "inistry" in n]
    assert len(ministries) == 1
    assert got[ministries[0]].country == "Israel"


def test_a_name_introduced_at_a_headline_s_end_stops_at_the_line():
    got = names("Frigate built by Orvik Shipyard\n\nBergen, 10 April: The ship was commissioned on Wednesday.")
    assert "Orvik Shipyard" in got
    assert not any("Bergen" in n for n in got)


def _registry_service() -> tuple[RegistryOrg, str]:
    """A registry body of one country known bare by its last word ("the Navy"), and that word."""
    reg = next(o for o in K.organisations if o.country and any(
        " " not in a and o.name.endswith(" " + a) for a in o.aliases))
    return reg, next(a for a in reg.aliases if " " not in a and reg.name.endswith(" " + a))


def test_the_body_after_a_title_opened_by_its_modifier_is_a_body():
    got = names("Zhang Wei, Vice Chairman of the Central Military Commission, also met him.")
    assert list(got) == ["Central Military Commission"]


def test_a_generic_registry_name_in_a_story_of_another_country_is_that_country_s_body_of_the_name():
    got = names("Oslo, 12 March: The talks were held at the Ministry of Defence, a statement from the Norland "
                "Ministry of Defence said.")
    assert list(got) == ["Norland Ministry of Defence"]
    kept = names("New Delhi, 12 May: The Norland Ministry of Defence and the Ministry of Defence signed an MoU.")
    assert {"Norland Ministry of Defence", "Ministry of Defence"} <= set(kept)


def test_what_a_company_officer_s_title_is_of_is_a_company_but_a_name_running_on_is_not_taken():
    assert "Kestrel Infrasec" in names("Karl Berg, CEO of Kestrel Infrasec, said the deal was signed.")
    got = names("The talks were opened by the CEO of Kestrel Infrasec Ana Lunde Berg on Monday.")
    assert not any("Lunde" in n for n in got)


def test_a_rank_word_after_of_is_part_of_an_office_not_a_person_s_rank():
    got = names("He met the Chief of General Staff of the Saudi Armed Forces General Karl Berg at the headquarters.")
    assert "Saudi Armed Forces" in got


def test_a_lower_case_ministry_named_by_its_subject_is_a_body_of_the_country_before_it():
    got = names("The Ruritanian foreign ministry and Chile's trade ministry signed the memorandum on Monday. "
                "The education ministry of Peru was not a party.")
    assert got["Chile's trade ministry"].country == "Chile"
    assert got["Chile's trade ministry"].org_type == "ministry"
    assert got["education ministry of Peru"].country == "Peru"
    assert "Ruritanian foreign ministry" not in got and "foreign ministry" in got  # no country: the bare name


def test_a_lower_case_ministry_the_registry_holds_under_its_full_name_is_that_ministry():
    got = names("The external affairs ministry said talks went well. The Ministry of External Affairs (MEA) agreed.")
    assert list(got) == ["Ministry of External Affairs"]
    assert "external affairs ministry" in got["Ministry of External Affairs"].aliases


def test_a_name_listing_subjects_stops_before_a_person_apposed_to_an_office():
    got = names("It was hosted by Erik Dahl, state secretary of the Ruritanian Ministry of Defence, and Carla "
                "Ruiz, Chilean undersecretary of defence. The Ministry of Petroleum and Natural Gas, the oil "
                "regulator, also attended.")
    assert "Ruritanian Ministry of Defence" in got
    assert "Ministry of Petroleum and Natural Gas" in got
    assert not any("Carla" in name for name in got)


def test_name_like_words_right_after_a_body_s_of_are_its_field_not_a_person():
    got = names("Talks between the Federal Office of Bundeswehr Equipment and Airbus are in their final stage. "
                "The Ministry of Defence Kiran Rao Sood said more.")
    assert "Federal Office of Bundeswehr Equipment" in got
    assert "Ministry of Defence" in got and not any("Kiran" in name for name in got)


def test_a_registry_body_s_short_name_followed_by_another_country_is_that_country_s_body():
    got = names("Kwame Boateng, Chief Director, MoD Ghana, met the Defence Secretary. Officials of the MoD were "
                "present.")
    assert got["MoD Ghana"].country == "Ghana" and got["MoD Ghana"].org_type == "ministry"
    assert "Ministry of Defence" in got


def test_a_country_s_service_before_a_minister_is_the_portfolio_not_a_body():
    assert "French Armed Forces" not in names("French Armed Forces Minister Sebastien Lecornu and Chilean Defence "
                                              "Minister Maya Fernandez signed the agreement.")
    assert "French Armed Forces" in names("The French Armed Forces will test the drones.")


def test_an_ampersand_inside_a_name_before_and_another_body_stays_in_the_first_name():
    other = next(o for o in K.organisations if o.org_type == "company" and o.name.endswith(" Electronics Limited")
                 and len(o.name.split()) == 3)
    reg = next(o for o in K.organisations if o.org_type == "company" and o.name.isalpha() and len(o.name) > 4)
    got = names(f"{reg.name} Electronics & Defense and {other.name} signed a memorandum of understanding.")
    assert {f"{reg.name} Electronics & Defense", other.name} <= set(got)
    # positive control: an ampersand alone in the run still joins two bodies where each is one
    assert {"Norland Navy", other.name} <= set(names(f"The Norland Navy & {other.name} signed it."))


def test_an_acronym_after_and_the_is_a_body_of_its_own():
    text = "The Orvik Defence Research Group signed an agreement with the University of Norvik and the NDRA."
    (ag,) = view(text, dt.date(2025, 1, 1))["agreements"]
    assert ag["parties"] == ["Orvik Defence Research Group", "University of Norvik", "NDRA"]


def test_an_acting_or_interim_office_before_of_is_a_title_not_part_of_the_body():
    for role in ("Acting Secretary-General", "Interim Director"):
        got = names(f"It was signed by Karl Berg, {role} of the Orvik Defence Council, and Lena Holm.")
        assert set(got) == {"Orvik Defence Council"}, role


def test_a_cabinet_secretary_or_minister_is_a_rank_of_office_not_a_member_of_a_cabinet_body():
    got = names("The agreements were signed by Defence Cabinet Secretary Lena Holm and the Norland Navy.")
    assert set(got) == {"Norland Navy"}
    # positive control: a cabinet named as a body, with no title after it, is still one
    assert "Orvik Security Cabinet" in names("The Orvik Security Cabinet approved the plan on Monday.")


def test_a_body_named_after_a_list_of_subjects_stops_before_an_honorific_and_a_name():
    got = names("It was signed by Ola Dahl, Director, Norland Institute of Technology, and Mr. Ivo Rask, CEO.")
    assert "Norland Institute of Technology" in got and not any("Mr" in n for n in got)
    # positive control: a list of subjects after such a body stays in its name
    assert "Norland Institute of Science, Technology and Research" in names(
        "The Norland Institute of Science, Technology and Research signed it.")


def test_a_body_s_city_before_and_another_body_is_no_part_of_the_next_name():
    got = names("The licences went to Vexa Labs Ltd, Pune and Orvik Systems Ltd, Chennai.")
    assert {"Vexa Labs Ltd", "Orvik Systems Ltd"} <= set(got) and not any("Pune" in n for n in got)


def test_acronyms_listed_with_a_named_body_are_bodies_but_not_a_longer_names_first_word_or_a_title():
    got = names("Officials from the Norland Navy, VEXA, ORVAL and TELMA attended the meeting.")
    assert {"Norland Navy", "VEXA", "ORVAL", "TELMA"} <= set(got)
    assert set(names("VEXA, ORVAL and the Norland Navy attended.")) == {"VEXA", "ORVAL", "Norland Navy"}
    # positive controls: the first word of a longer name, a ship's prefix and a title are no bodies
    assert "VEXA" not in names("It was bought by the Norland Navy and VEXA Systems Ltd.")
    assert set(names("The Norland Navy and INS Orvik sailed, and the Norland Navy and CEO Karl Berg met.")) == {
        "Norland Navy"}


def test_an_office_for_a_list_of_subjects_is_one_body_whole():
    text = "The Norland Office for Equipment, Information Technology and In-Service Support awarded the contract."
    assert "Norland Office for Equipment, Information Technology and In-Service Support" in names(text)
    # positive control: a room named an office is no body
    assert names("The two leaders met in the Oval Office on Monday.") == {}


def test_a_name_ending_in_its_head_then_and_a_branded_name_are_two_bodies():
    rec = view("Orvik Labs and Tellura Defence signed a teaming agreement.", dt.date(2025, 1, 1))
    assert [o["name"] for o in rec["organisations"]] == ["Orvik Labs", "Tellura Defence"]
    # positive control: a subject list inside one name stays whole
    assert "Norland Institute of Science and Technology" in names("The Norland Institute of Science and Technology "
                                                                  "signed it.")


def test_a_country_s_body_after_and_a_name_ending_in_a_country_is_a_body_of_its_own():
    got = names("Our partnership with the Commonwealth of Chile and Chilean Defence Force is fundamental.")
    assert "Chilean Defence Force" in got and not any(" and " in n for n in got)


def test_a_ministry_named_by_a_leading_word_is_a_body_but_the_word_before_another_name_is_not():
    assert list(names("The Personnel Ministry issued the order on Monday.")) == ["Personnel Ministry"]
    assert list(names("Personnel of the Norland Navy took part.")) == ["Norland Navy"]  # positive control


def test_services_in_the_plural_alone_are_no_body():
    assert names("It has earned the respect of foreign Air Forces who want to cooperate.") == {}
    assert "Norland Air Force" in names("The Norland Air Force trained with them.")  # positive control


def test_a_title_case_headline_names_only_bodies_the_registry_or_the_story_knows():
    got = names("Orvane Wins Contract From Indian Navy to Supply Sonar Buoys\n\n"
                "Orvane Ltd has won a contract from the Navy to supply sonar buoys.")
    assert "Indian Navy" in got and "Orvane Ltd" in got
    assert not any("Contract" in n for n in got)
    got = names("Vexlar Signs Pact With Korvane Systems For Training\n\nThe deal with Korvane Systems was signed.")
    assert "Korvane Systems" in got


def test_title_case_headings_are_the_opening_lines_written_in_title_case_only():
    from transforms.sentences import title_case_headings
    text = ("Vexlar Wins Navy Contract for Radars\nBy Staff\n\nVexlar won a contract, it said.\n"
            "A Later Line In Title Case")
    assert [text[a:b] for a, b in title_case_headings(text, K)] == ["Vexlar Wins Navy Contract for Radars"]
    assert title_case_headings("Vexlar wins navy contract for radars\n\nText.", K) == []


def test_a_countrys_known_ministry_ends_before_for_the_and_what_it_orders():
    got = names("Vexlar has received an order from the Latvian Ministry of Defence for the Korvex M4 weapon system.")
    assert "Latvian Ministry of Defence" in got
    assert not any("Korvex" in n for n in got)


def test_a_first_name_after_a_title_in_a_signing_sentences_with_slot_is_a_persons_not_a_body():
    text = ("Chile and Peru signed a defence treaty on Thursday during a visit by Chilean President Karl Berg, "
            "who held talks with Peruvian Prime Minister Ansgar Tollefsen.")
    assert names_in_story(text) == []


def test_a_joint_venture_named_after_both_parents_leaves_the_short_form_to_its_parent():
    text = ("Vexlar Aerospace Pvt Ltd and Orvik Engines Ltd announced a joint venture. The joint venture, Vexlar "
            "Orvik Propulsion Pvt Ltd, will be 51 per cent owned by Vexlar. \"It will create jobs,\" Vexlar managing "
            "director Ana Rao said.")
    assert names_in_story(text) == ["Vexlar Aerospace Pvt Ltd", "Orvik Engines Ltd", "Vexlar Orvik Propulsion Pvt Ltd"]
    joint = next(o for o in find_organisations(text, K, split_sentences(text)) if o.name.startswith("Vexlar Orvik"))
    assert "Vexlar" not in joint.aliases


def test_a_venture_named_after_known_companies_is_defined_by_its_acronym_but_a_programme_is_not():
    text = "Thales Saab Naval Radars (TSNR) won the order. The Advanced Naval Radar Programme (ANRP) runs to 2030."
    got = names(text)
    assert got["Thales Saab Naval Radars"].acronym == "TSNR"
    assert list(got) == ["Thales Saab Naval Radars"]  # the programme is no body; the parents only name it


def test_a_body_with_its_country_before_or_after_its_name_is_one_body():
    text = ("The Ministry of Defence of Nigeria signed an MoU with Vexlar. The Permanent Secretary of the Nigerian "
            "Ministry of Defence, Ibrahim Kana, signed it.")
    assert names_in_story(text) == ["Ministry of Defence of Nigeria", "Vexlar"]
    assert names_in_story("The Chilean Army thanked the crew. The Army of Chile said so.") == ["Chilean Army"]


def test_a_head_word_joined_to_a_year_names_an_event_not_a_body():
    assert list(names("They met on the sidelines of the Army-2024 international forum in Moscow.")) == []


def test_students_or_researchers_of_a_body_are_no_part_of_its_name():
    assert list(names("Students of the Vexlar Institute of Technology met the minister.")) == [
        "Vexlar Institute of Technology"]


def test_a_name_ending_of_a_country_stops_before_what_a_deal_is_about():
    text = ("Memorandum of Understanding between the Vexlar Agency and the Ministry of National Defence of Vietnam on "
            "Defence Cooperation.")
    assert "Ministry of National Defence of Vietnam" in names_in_story(text)


def test_a_headline_pair_of_bodies_the_story_names_in_full_is_two_bodies():
    text = ("Vexlar Defence and Orvik Shipyards sign strategic partnership\n\nVexlar Defence AS and Orvik Shipyards "
            "S.A. today signed a strategic partnership agreement. Vexlar CEO Ola Dahl signed for the company.")
    assert names_in_story(text) == ["Vexlar Defence AS", "Orvik Shipyards S.A"]


def test_a_companys_arm_named_with_its_country_in_the_countrys_own_tongue_keeps_it():
    assert names_in_story("The Dutch agency ordered 20 radars from Thales Nederland.") == ["Thales Nederland"]


def test_a_news_agency_reporting_the_story_is_no_organisation_of_it():
    text = "The Vexlar Authority signed an MoU with Orvik Aerospace on Sunday, the Saudi Press Agency reported."
    assert names_in_story(text) == ["Vexlar Authority", "Orvik Aerospace"]


def test_a_name_ending_in_service_is_a_body_but_a_civil_service_cadre_or_news_service_is_not():
    text = ("The Norland External Action Service hosted the dialogue, Tribune News Service reported. Its director, "
            "an officer of the Indian Administrative Service, chaired it.")
    assert names_in_story(text) == ["Norland External Action Service"]


def test_a_portfolio_or_a_person_before_a_bodys_of_is_no_part_of_its_name():
    for text in ("The other side was led by Deputy Secretary Strategy, Policy and Industry Ana Lunde of the "
                 "Department of Defence.",
                 "The other side was led by Ana Lunde, Deputy Secretary Strategy, Policy and Industry of the "
                 "Department of Defence."):
        assert names_in_story(text) == ["Department of Defence"], text
    # positive control: a body's own words before its "of" stay in its name
    assert names_in_story("Officials of the Armed Forces of the Philippines attended.") == [
        "Armed Forces of the Philippines"]


def test_the_company_an_appointee_joins_from_is_a_body():
    text = "Vexlar Maritime appointed Ingrid Lunde as its chief executive. Lunde joins from Orvik Defence."
    assert names_in_story(text) == ["Vexlar Maritime", "Orvik Defence"]


def test_a_countrys_ministry_in_lower_case_and_inverted_is_its_ministry_named_in_full():
    text = ("Israel's defense ministry orders interceptors\n\nIsrael's Ministry of Defense said on Sunday it had "
            "signed a deal with Vexa Systems Ltd.")
    assert names_in_story(text) == ["Israel's Ministry of Defense", "Vexa Systems Ltd"]


def test_names_listed_right_after_a_plural_kind_or_after_an_airline_or_lessor_are_bodies():
    text = "Space startups Vexa, Orvik and Tellura were selected by the Norland Space Agency."
    assert names_in_story(text) == ["Vexa", "Orvik", "Tellura", "Norland Space Agency"]
    text = "Airline Vexa and aircraft lessor Orvik inked a deal for 40 jets last week."
    assert names_in_story(text) == ["Vexa", "Orvik"]


def test_a_name_partnered_or_teamed_up_with_is_a_body():
    for verb in ("partnered with", "teamed up with"):
        text = f"Vexa Aerospace had earlier {verb} Orvik on counter-drone systems."
        assert names_in_story(text) == ["Vexa Aerospace", "Orvik"], verb


def test_a_countrys_known_body_then_and_a_company_are_two_bodies():
    text = "The Chilean Ministry of Defence and Vexa Aerospace signed a framework agreement on Monday."
    assert names_in_story(text) == ["Chilean Ministry of Defence", "Vexa Aerospace"]


def test_a_body_then_and_a_countrys_possessive_opening_a_long_name_are_two_bodies():
    text = ("The memorandum was signed between the Vexa Department of Defence Industry and Japan's Acquisition, "
            "Technology and Logistics Agency.")
    assert "Vexa Department of Defence Industry" in names_in_story(text)


def test_a_city_naming_a_bodys_site_and_a_head_word_before_a_known_body_are_no_bodies():
    text = ("The jets will be built by Vexa Aerospace Ltd's Bergen division, in the presence of officials of the "
            "Ministry and Vexa Aerospace Ltd.")
    assert names_in_story(text) == ["Vexa Aerospace Ltd"]
    # positive control: a city's name as a company's, cued by its kind, is the company's
    assert "Bergen" in names_in_story("Norwegian group Bergen signed a deal with Vexa Aerospace Ltd.")


def test_a_company_name_ends_before_for_the_product_it_makes():
    text = "The agency signed contracts with Vexa Aerospace for the Kestrel jet trainer."
    assert names_in_story(text) == ["Vexa Aerospace"]


def test_a_region_in_brackets_is_part_of_a_commands_name():
    text = "The meeting was chaired by Inspector General Ana Rao, Commander, Coast Guard Region (West)."
    assert names_in_story(text) == ["Coast Guard Region (West)"]


def test_a_contracting_instrument_named_like_a_body_is_none():
    text = ("Vexa Robotics has been awarded a $24 million Other Transaction Authority agreement by the Norland Army's "
            "Program Executive Office.")
    assert "Other Transaction Authority" not in names_in_story(text)
    assert "Vexa Robotics" in names_in_story(text)


def test_an_inverted_department_is_the_countrys_department_and_an_air_force_base_is_a_place():
    text = ("The Chilean Department of Defense awarded Vexa Systems Inc a contract, the Defense Department said. The "
            "Vexa Air Force Base, Florida, is where the work will be done.")
    assert names_in_story(text) == ["Chilean Department of Defense", "Vexa Systems Inc"]


def test_an_international_body_named_before_its_members_is_no_actor():
    text = "The Vexa Agency signed a contract with Orvik Munitions AS on behalf of eight NATO nations."
    assert "North Atlantic Treaty Organization" not in names_in_story(text)
    # positive control: the body acting is one
    assert "North Atlantic Treaty Organization" in names_in_story("NATO signed a contract with Orvik Munitions AS.")


def test_an_institution_familys_member_with_its_place_after_a_comma_is_that_member():
    text = "Vexa Dynamics Ltd and IIT, Jodhpur, also signed a pact on joint research."
    assert names_in_story(text) == ["Vexa Dynamics Ltd", "Indian Institute of Technology Jodhpur"]


def test_a_name_after_a_groups_entity_is_a_body():
    text = "The Norland Procurement Council awarded Vexa Group entity Al Tarvik a contract for shells."
    assert "Al Tarvik" in names_in_story(text)


def test_a_body_named_with_its_countrys_possessive_also_goes_by_the_bare_name():
    got = names("Vietnam's General Department of Defence Industry signed an MoU with Vexa Systems.")
    assert "General Department of Defence Industry" in got["Vietnam's General Department of Defence Industry"].aliases


def test_the_service_an_office_is_named_after_is_no_body_but_a_ministry_a_secretary_serves_is():
    text = "US Secretary of the Air Force Jon Kett delivered the address. Kett, Secretary of the Navy, agreed."
    assert names_in_story(text) == []
    # positive control: the body a secretary works in is one
    assert names_in_story("The Permanent Secretary of the Ministry of Defence, Ana Rao, said so.") == [
        "Ministry of Defence"]


def test_a_service_naming_a_facility_in_lower_case_is_no_body():
    text = "The two sides reviewed the construction of the coast guard harbour at Vexa Point."
    assert names_in_story(text) == []


def test_service_names_a_body_only_after_two_words():
    text = ("Vexa Systems said its Customer Service team would help. The Norland Medical Service and the European "
            "External Action Service took part.")
    assert names_in_story(text) == ["Vexa Systems", "Norland Medical Service", "European External Action Service"]


def test_a_capitals_possessive_before_a_ministry_names_its_countrys_ministry_not_the_registrys():
    got = names("The talks ended on Monday. Seoul's defence ministry said so, and Moscow's foreign ministry "
                "declined to comment. New Delhi's defence ministry welcomed the talks.")
    assert (got["Seoul's defence ministry"].country, got["Seoul's defence ministry"].org_type) == (
        "Republic of Korea", "ministry")
    assert got["Moscow's foreign ministry"].country == "Russia"
    assert "Ministry of Defence" in got  # the registry's own capital names the registry's body


def test_a_police_force_is_a_body_of_its_own_after_and():
    got = names("The Vexlar Armed Forces and Orvik Police took part, as did the Royal Tellmar Police.")
    assert set(got) == {"Vexlar Armed Forces", "Orvik Police", "Royal Tellmar Police"}
    assert got["Orvik Police"].org_type == "agency"


def test_a_known_body_s_name_qualified_by_an_unknown_word_ends_where_and_starts_another():
    got = names("The Norland Ministry of Defence and Vexlar Systems today entered into a contract.")
    assert {"Norland Ministry of Defence", "Vexlar Systems"} <= set(got)
    one = names("The Norland Department of Science and Technology signed an MoU.")
    assert "Norland Department of Science and Technology" in one


def test_a_countrys_possessive_before_a_name_its_acronym_defines_is_no_part_of_the_name():
    got = names("SEOUL -- Chile's Agency for Weapons Research (AWR) said it had signed a contract with Vexa "
                "Aerospace. Chile's Ministry of Defence approved it.")
    assert "Agency for Weapons Research" in got and not any(n.startswith("Chile's Agency") for n in got)
    assert got["Agency for Weapons Research"].acronym == "AWR"
    assert "Chile's Ministry of Defence" in got  # a ministry keeps its country's possessive


def test_a_company_read_bare_before_its_name_with_legal_form_is_one_company():
    got = names("Vexlar Sensores' chief executive said the firm was ready. Vexlar Sensores Ltda will deliver radars "
                "from Vexlar Sensores' plant.")
    assert [n for n in got if n.startswith("Vexlar")] == ["Vexlar Sensores Ltda"]
    assert got["Vexlar Sensores Ltda"].org_type == "company"


def test_an_industry_federation_keeps_the_country_that_ends_its_name():
    got = names("The agency hosted a roundtable with start-ups and the Drone Federation of Chile to discuss parts. "
                "Vexlar Shipyard of Norway attended.")
    assert "Drone Federation of Chile" in got
    assert "Vexlar Shipyard" in got  # a company's country is no part of its name


def test_a_role_after_a_body_named_for_its_country_is_no_part_of_the_name():
    got = names("The talks were co-chaired by Armed Forces of the Philippines Chief of Staff General Karl Berg and "
                "Armed Forces of Chile Chief of Staff Admiral Ana Lunde.")
    assert sorted(got) == ["Armed Forces of Chile", "Armed Forces of the Philippines"]
    assert "Government of the Philippines" in names("a sale to the Government of the Philippines of Vexa missiles")


def test_a_body_named_for_its_city_and_later_without_it_is_one_body():
    got = names("Orvik Shipyard signed an agreement with the Bergen Port Authority on Thursday. The Port Authority's "
                "chief engineer Karl Berg signed it.")
    assert sorted(got) == ["Bergen Port Authority", "Orvik Shipyard"]


def test_a_service_before_its_secretary_s_name_makes_no_body_of_that_name():
    text = "WASHINGTON -- Secretary of the Army Dan Kovar met Estonian officers at the Pentagon on Monday."
    names = [o.name for o in find_organisations(text, K)]
    assert not any("Kovar" in n for n in names)


def test_a_part_named_before_part_of_and_its_incorporated_whole_are_bodies():
    text = "ARLINGTON -- Vexlar Defense, part of Vexlar Holdings Incorporated, today announced an award."
    names = {o.name for o in find_organisations(text, K)}
    assert {"Vexlar Defense", "Vexlar Holdings Incorporated"} <= names
    plain = "ARLINGTON -- Vexlar Defense today announced an award, part of a wider plan."
    assert "Vexlar Defense" not in {o.name for o in find_organisations(plain, K)}  # positive control


def test_an_acronym_spelling_a_whole_name_with_and_keeps_it_one_body_after_a_country_s_possessive():
    text = ("MADRID -- Norway's Directorate General of Armament and Materiel (DGAM) and Vexlar Systems signed an "
            "amendment on Monday.")
    names = {o.name for o in find_organisations(text, K, split_sentences(text))}
    assert "Directorate General of Armament and Materiel" in names and "Materiel" not in names
    two = text.replace(" (DGAM)", "")  # positive control: no acronym, the "and" may join two bodies
    assert "Directorate General of Armament and Materiel" not in {
        o.name for o in find_organisations(two, K, split_sentences(two))}


def test_a_country_s_adjective_after_and_the_describes_another_body_and_ends_the_name():
    text = ("The contract was signed in 2022 between the Department of National Defense and the South Korean "
            "shipbuilder.")
    names = {o.name for o in find_organisations(text, K, split_sentences(text))}
    assert "Department of National Defense" in names
    two = text.replace("the South Korean shipbuilder", "the Vexlar Shipyard")  # positive control: two bodies
    assert {"Department of National Defense", "Vexlar Shipyard"} <= {
        o.name for o in find_organisations(two, K, split_sentences(two))}


def test_a_titled_person_then_and_then_another_title_of_a_body_leaves_that_body_whole():
    text = ("The talks were co-chaired by Defence Secretary Karl Berg and Secretary of the Vestmark Department of "
            "Defence Olav Dahl.")
    assert "Vestmark Department of Defence" in {o.name for o in find_organisations(text, K, split_sentences(text))}
    plain = "The talks were co-chaired by Secretary of the Vestmark Department of Defence Olav Dahl."
    assert "Vestmark Department of Defence" in {  # positive control: the body alone after the title
        o.name for o in find_organisations(plain, K, split_sentences(plain))}


def test_a_company_named_with_its_opening_legal_form_ends_before_a_role_and_is_its_short_form_too():
    text = ("Jakarta -- State shipbuilder PT Orvik Indonesia (Persero) and Vexlar Marine signed a contract. It was "
            "inked by PT Orvik President Director Budi Santoso at PT Orvik's yard.")
    got = {o.name for o in find_organisations(text, K, split_sentences(text))}
    assert "PT Orvik Indonesia" in got and not any(n.startswith("PT Orvik") and n != "PT Orvik Indonesia" for n in got)
    assert "Orvik" not in got


def test_capitals_never_spelt_out_that_are_a_body_s_initials_are_its_acronym():
    text = ("The Norland Navy signed a contract with Vexlar Heavy Industries for vessels. It was signed by VHI "
            "president Karl Berg. HD Orvik Marine Systems signed a deal with the Navy too, signed by HD OMS president "
            "Ola Dahl.")
    got = {o.name: o for o in find_organisations(text, K, split_sentences(text))}
    assert got["Vexlar Heavy Industries"].acronym == "VHI" and "VHI" not in got
    assert got["HD Orvik Marine Systems"].acronym == "HD OMS" and "HD OMS" not in got
    other = text.replace("VHI president", "NMA president")  # positive control: letters of no body stay apart
    assert "NMA" in {o.name for o in find_organisations(other, K, split_sentences(other))}


def test_a_body_defined_by_an_acronym_of_its_syllables_is_a_body_but_a_weapon_so_named_is_not():
    text = "Ministers of the Vestmark Defence Cooperation (VESDEFCO) met. The Orvik Missile System (ORMIS) was shown."
    got = {o.name: o.acronym for o in find_organisations(text, K, split_sentences(text))}
    assert got.get("Vestmark Defence Cooperation") == "VESDEFCO"
    assert "Orvik Missile System" not in got


def test_a_name_ending_in_team_consortium_or_alliance_is_a_body():
    text = ("Officials of the Norland Computer Emergency Response Team, the Vestmark Space Industry Alliance and the "
            "Orvik Drone Consortium spoke at the seminar.")
    got = {o.name for o in find_organisations(text, K, split_sentences(text))}
    assert {"Norland Computer Emergency Response Team", "Vestmark Space Industry Alliance",
            "Orvik Drone Consortium"} <= got
    assert not {o.name for o in find_organisations("A team of engineers met the alliance.", K)}  # lower case: none


def test_a_company_named_for_its_sectors_joined_by_and_is_one_company():
    assert list(names("Hyderabad-based Vexa Aerospace and Defence signed an MoU with the Norland Army.")) == [
        "Vexa Aerospace and Defence", "Norland Army"]
    assert list(names("Vexa Aerospace and the Norland Army signed an MoU.")) == [  # positive control: two bodies
        "Vexa Aerospace", "Norland Army"]


def test_an_adjective_after_and_goes_on_with_the_subjects_of_a_name_a_brand_starts_another():
    assert list(names("Karl Berg, Commandant, Norland College of Electronics and Mechanical Engineering, signed it.")) \
        == ["Norland College of Electronics and Mechanical Engineering"]
    assert list(names("Norland College of Electronics and Orvik Motors signed an MoU.")) == [  # positive control
        "Norland College of Electronics", "Orvik Motors"]
