import datetime as dt

from tests.views import view as extract_article
from transforms.knowledge import knowledge

K = knowledge()
PUB = dt.date(2025, 6, 12)  # a Thursday


def test_concluded_mou_with_parties_signatories_date_and_place():
    text = ("The Orion Research Agency (ORA) and the Department of Science and Technology signed a "
            "Memorandum of Understanding on Tuesday in Pune. The MoU was signed by Director, ORA, Dr Kiran Rao "
            "and Joint Secretary, DST, Shri Amit Sood in the presence of Secretary Vivek Nanda.")
    rec = extract_article(text, PUB)
    (ag,) = rec["agreements"]
    assert ag["type"] == "MoU"
    assert set(ag["parties"]) == {"Orion Research Agency", "Department of Science and Technology"}
    assert set(ag["signatories"]) == {"Kiran Rao", "Amit Sood"}
    assert (ag["date"], ag["precision"], ag["location"]) == ("2025-06-10", "day", "Pune")


def test_planned_expected_and_cancelled_agreements_are_left_out():
    for sentence in ("The two agencies are expected to sign an MoU next month.",
                     "The Navy will sign a contract with the shipyard.",
                     "The ministry cancelled the contract signed last year."):
        assert extract_article(sentence, PUB)["agreements"] == [], sentence


def test_contract_type_and_month_precision():
    text = "Orion Castings Limited said it signed a contract with the Ministry of Defence in March 2025."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["date"], ag["precision"]) == ("contract", "2025-03-01", "month")


def test_meeting_with_name_chairs_dates_and_location():
    text = ("The 5th India-Ruritania Joint Working Group meeting was held in New Delhi on June 9 and 10. "
            "It was co-chaired by Joint Secretary Meena Dutt and Ruritanian Deputy Minister Karl Hoss.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["name"] == "5th India-Ruritania Joint Working Group meeting"
    assert (m["start"], m["end"], m["location"]) == ("2025-06-09", "2025-06-10", "New Delhi")
    assert {c["name"] for c in m["chairs"]} == {"Meena Dutt", "Karl Hoss"}


def test_brainstorming_session_under_chairmanship():
    text = ("A brainstorming session was held under the chairmanship of Defence Secretary Anil Rawat "
            "at South Block on Monday.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["type"] == "brainstorming session"
    assert m["chairs"] == [{"name": "Anil Rawat", "role": "chair"}]
    assert m["start"] == "2025-06-09"


def test_planned_meetings_and_exercises_are_not_meetings():
    for sentence in ("The two sides will hold the next dialogue in Tokyo.",
                     "Troops began a joint exercise in the desert on Monday."):
        assert extract_article(sentence, PUB)["meetings"] == [], sentence


def test_article_without_events_has_none():
    rec = extract_article("The DRDO conducted a flight test of a missile off Odisha on Tuesday.", PUB)
    assert rec["agreements"] == [] and rec["meetings"] == []


def test_chairs_bodies_named_in_the_story_take_part():
    text = ("The dialogue was held in New Delhi on Monday. It was co-chaired by Defence Secretary Anil Rawat and "
            "US Under Secretary of Defense for Policy John Marsh. The Ministry of Defence and the US Department of "
            "Defense have held the dialogue since 2002. An Israeli Defence Minister also spoke.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert {"Ministry of Defence", "US Department of Defense"} <= set(m["participants"])


def test_counted_agreements_become_that_many_entries():
    text = "The Ruritanian Space Agency and the Indian Space Research Organisation signed three MoUs on Monday."
    ags = extract_article(text, PUB)["agreements"]
    assert len(ags) == 3 and all(a["type"] == "MoU" and len(a["parties"]) == 2 for a in ags)


def test_bilateral_meetings_with_several_counterparts_are_one_meeting_each():
    text = ("Defence Secretary Anil Rawat held bilateral meetings in Pune on Tuesday. The meetings took place with "
            "Ruritanian Defence Minister Karl Hoss, Freedonian Defence Secretary Ana Lopes and Sylvanian "
            "Permanent Secretary Lars Berg.")
    ms = extract_article(text, PUB)["meetings"]
    assert len(ms) == 3 and all(m["type"] == "bilateral meeting" and m["start"] == "2025-06-10" for m in ms)


def test_counted_contracts_are_filled_by_the_sentences_that_name_each_party():
    text = ("The Ministry of Defence signed two contracts on Monday. The first contract was with Goa Shipyard "
            "Limited for patrol vessels. The second contract is with Cochin Shipyard Limited for a refit.")
    ags = extract_article(text, PUB)["agreements"]
    assert sorted(sorted(a["parties"]) for a in ags) == [
        ["Cochin Shipyard Limited", "Ministry of Defence"], ["Goa Shipyard Limited", "Ministry of Defence"]]


def test_transfer_list_gives_one_technology_transfer_per_line_with_headless_recipients():
    text = ("The Orion Armour Research Establishment (OARE) handed over technologies to six firms on Monday.\n"
            "The technologies transferred included\n"
            "- Light Bridging System to Kestrel Fabrications\n"
            "- Field Water Purifier to Norvik Hydro and Palash Works\n"
            "- Mine Plough to Sarn Metal Industries Limited\n")
    rec = extract_article(text, PUB)
    tots = [a for a in rec["agreements"] if a["type"] == "technology transfer"]
    assert [set(a["parties"]) for a in tots] == [
        {"Orion Armour Research Establishment", "Kestrel Fabrications"},
        {"Orion Armour Research Establishment", "Norvik Hydro", "Palash Works"},
        {"Orion Armour Research Establishment", "Sarn Metal Industries Limited"},
    ]
    names = {o["name"] for o in rec["organisations"]}
    assert {"Kestrel Fabrications", "Norvik Hydro", "Palash Works"} <= names


def test_a_bullet_list_without_a_transfer_sentence_is_not_a_transfer():
    text = ("The minister listed the priorities.\n- Boats to Kestrel Fabrications\n- Radios to Norvik Hydro\n")
    assert extract_article(text, PUB)["agreements"] == []


def test_name_joined_to_a_known_body_in_a_signing_is_an_organisation_and_party():
    text = "VELA and the Indian Space Research Organisation (ISRO) signed an agreement on Tuesday."
    rec = extract_article(text, PUB)
    (ag,) = rec["agreements"]
    assert set(ag["parties"]) == {"VELA", "Indian Space Research Organisation"}
    assert "VELA" in {o["name"] for o in rec["organisations"]}


def test_a_name_joined_to_a_body_described_by_its_kind_in_a_signing_is_a_party():
    for text in ("Separately, Korvane Space and the Dutch space agency NSO signed a memorandum of understanding.",
                 "The Dutch space agency NSO and Korvane Space signed a memorandum of understanding."):
        rec = extract_article(text, PUB)
        (ag,) = rec["agreements"]
        assert set(ag["parties"]) == {"Korvane Space", "NSO"}, text


def test_a_company_announcing_an_agreement_with_another_concluded_it_but_announcing_a_plan_did_not():
    text = "Vexlar Sensors also announced a teaming agreement with Oslo-based Orvik Marine to set up a repair centre."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexlar Sensors", "Orvik Marine"}
    text = "Vexlar Sensors had announced that the Norland Navy would buy 36 boats in a government contract."
    assert extract_article(text, PUB)["agreements"] == []


def test_contracts_that_shall_be_concluded_are_no_agreements_but_those_signed_to_do_something_are():
    text = "The Norland Acquisition Council ruled that all acquisition contracts shall be concluded in two years."
    assert extract_article(text, PUB)["agreements"] == []
    (ag,) = extract_article("Vexa Labs and the Norland Navy signed an MoU to boost research.", PUB)["agreements"]
    assert ag["parties"] == ["Vexa Labs", "Norland Navy"]


def test_talks_that_concluded_and_a_shortlisted_bidder_conclude_no_agreement_but_a_signing_after_talks_does():
    for text in ("Talks on the contract between Vexa Labs and the Norland Navy concluded on Monday, with the deal "
                 "expected to be signed in June.",
                 "Vexa Labs was shortlisted for the contract, which has not been awarded."):
        assert extract_article(text, PUB)["agreements"] == [], text
    text = "Negotiations concluded last week and Vexa Labs signed the contract with the Norland Navy on Monday."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["parties"], ag["date"]) == (["Vexa Labs", "Norland Navy"], "2025-06-09")


def test_terms_agreed_on_a_contract_not_yet_signed_are_no_agreement_but_a_signed_one_is():
    text = ("Orvik Motors agreed with the Norland Navy on terms for more boats, though that contract has not yet "
            "been signed.")
    assert extract_article(text, PUB)["agreements"] == []
    (ag,) = extract_article("Orvik Motors signed the contract for more boats with the Norland Navy.", PUB)["agreements"]
    assert set(ag["parties"]) == {"Orvik Motors", "Norland Navy"}


def test_a_contract_with_a_described_body_and_another_deal_with_a_second_are_two_and_the_government_is_its_ministry():
    text = ("On Thursday, the Norland Ministry of Defence signed a contract with public sector Vexa Nigam Limited for "
            "missiles and another deal with Orvik Motors Ltd for vehicles.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(a["parties"][1] for a in got) == ["Orvik Motors Ltd", "Vexa Nigam Limited"]
    assert {a["parties"][0] for a in got} == {"Norland Ministry of Defence"}
    text = ("The Norland Ministry of Defence said so. The government on Friday signed two contracts with Vexa "
            "Aeronautics Limited for helicopters.")
    got = extract_article(text, PUB)["agreements"]
    assert [sorted(a["parties"]) for a in got] == [["Norland Ministry of Defence", "Vexa Aeronautics Limited"]] * 2


def test_an_agreement_renewed_is_concluded_again_but_one_to_be_renewed_is_not():
    (ag,) = extract_article("Vexa Labs and the Norland Navy renewed their MoU on Monday.", PUB)["agreements"]
    assert (ag["type"], ag["date"]) == ("MoU", "2025-06-09")
    assert extract_article("Vexa Labs and the Norland Navy will renew the MoU next year.", PUB)["agreements"] == []


def test_a_subject_described_before_its_verb_a_surname_and_a_company_named_without_its_legal_form():
    (ag,) = extract_article("Vexlar Robotics AS, a developer of drones, today signed an MoU with the Norland "
                            "University of Science and Technology.", PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexlar Robotics AS", "Norland University of Science and Technology"}
    text = ("The partnership was announced on Monday, said Kari Holm, CEO of Vexlar Robotics. The agreement was "
            "signed in Bergen by Holm and the Norland University of Science and Technology rector Per Olsen.")
    got = extract_article(text, PUB)
    assert "Holm" not in {o["name"] for o in got["organisations"]}
    text = ("Vexlar Robotics AS signed an MoU with the Norland Navy on Monday, said Kari Holm, CEO of Vexlar "
            "Robotics.")
    got = extract_article(text, PUB)
    assert {o["name"]: o["organisation"] for o in got["officials"]}["Kari Holm"] == "Vexlar Robotics AS"


def test_a_company_named_with_its_legal_form_in_front_and_later_without_it_is_one_with_its_officer():
    text = ("Orvik Marine and PT Vexa Industri signed an MoU in Surabaya on Monday. It was signed by Vexa Industri "
            "president director Ola Dahl.")
    got = extract_article(text, PUB)
    (person,) = [o for o in got["officials"] if o["name"] == "Ola Dahl"]
    assert (person["title"], person["organisation"]) == ("president director", "PT Vexa Industri")
    assert {o["name"]: o["org_type"] for o in got["organisations"]}["PT Vexa Industri"] == "company"


def test_the_second_of_counted_contracts_told_without_its_word_is_with_the_bodies_it_names():
    text = ("The Norland Ministry of Defence on Thursday signed two contracts. The first contract, with Vexa Dynamics "
            "Limited, is for missiles. The second, with Orvik Motors Limited, is for light vehicles.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(a["parties"][-1] for a in got) == ["Orvik Motors Limited", "Vexa Dynamics Limited"]


def test_the_number_nearest_the_agreements_counts_them_and_a_list_of_their_kinds_types_them():
    text = "Karl Berg held talks with Ola Lind on Friday, after which the two sides signed five agreements."
    assert len(extract_article(text, PUB)["agreements"]) == 5
    text = ("Norway and India signed three agreements on Friday. These included an MoU on military education, an "
            "agreement on search and rescue, and a letter of intent on industry.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(a["type"] for a in got) == ["MoU", "letter of intent", "other"]


def test_the_date_in_a_contract_signed_participle_is_its_own_but_a_date_after_its_object_is_not():
    text = ("The Norland Navy on Wednesday commissioned a survey vessel built by Vexa Shipyard under a contract signed "
            "with the Ministry of Defence in October 2018.")
    assert extract_article(text, PUB)["agreements"][0]["date"] == "2018-10-01"
    text = "On Monday, Vexa Labs signed a contract with the Norland Navy for boats first ordered in 2019."
    assert extract_article(text, PUB)["agreements"][0]["date"] == "2025-06-09"


def test_a_deal_its_year_dates_under_which_something_was_delivered_was_concluded_that_year():
    text = ("The Norland Navy on Tuesday took delivery of its second frigate from Vexa Heavy Industries under a 2021 "
            "contract worth $556 million.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (sorted(ag["parties"]), ag["date"]) == (["Norland Navy", "Vexa Heavy Industries"], "2021-01-01")
    assert extract_article("The Norland Navy wants a new contract with Vexa Labs.", PUB)["agreements"] == []


def test_agreements_listed_by_year_and_type_are_each_an_agreement():
    text = ("VELA and the Indian Space Research Organisation (ISRO) signed an agreement on Tuesday. "
            "It follows the memoranda of understanding VELA and ISRO signed in 2004, 2009 and 2012, and "
            "the letter of intent on lunar science signed in 2016.")
    ags = extract_article(text, PUB)["agreements"]
    dated = sorted((a["type"], a["date"], a["precision"]) for a in ags)
    assert dated == [("MoU", "2004-01-01", "year"), ("MoU", "2009-01-01", "year"), ("MoU", "2012-01-01", "year"),
                     ("letter of intent", "2016-01-01", "year"), ("other", "2025-06-10", "day")]


def test_this_agreement_refers_back_instead_of_adding_one():
    text = ("VELA and the Indian Space Research Organisation (ISRO) signed an agreement on Tuesday. "
            "The signing of this agreement between the two governments opens a new chapter.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"VELA", "Indian Space Research Organisation"}


def test_the_two_sides_signing_after_two_bodies_met_are_those_bodies():
    text = ("Oslo, Jan 22: The Norland Coast Guard and the Vexian Coast Guard held their 23rd high-level meeting in "
            "Oslo on Tuesday. The two sides signed a memorandum of cooperation on maritime safety.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Norland Coast Guard", "Vexian Coast Guard"]


def test_the_two_sides_are_the_bodies_after_an_undated_dateline_even_with_their_short_forms():
    text = ("OSLO: The Norland Coast Guard (NCG) and the Vexian Coast Guard (VCG) held their second dialogue in "
            "Oslo on Tuesday.\n\nThe two sides also signed a memorandum of cooperation on maritime safety.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Norland Coast Guard", "Vexian Coast Guard"]


def test_the_two_sides_signing_names_the_two_governments():
    text = ("India and Chile held talks in Delhi on Monday. Chile is a close partner of India. "
            "The two sides also signed two MoUs on cooperation in health and culture.")
    ags = [a for a in extract_article(text, PUB)["agreements"] if a["type"] == "MoU"]
    assert len(ags) == 2
    assert all(set(a["parties"]) == {"Government of India", "Government of Chile"} for a in ags)


def test_a_body_whose_people_a_contract_trains_is_served_but_the_one_entering_into_it_is_a_party():
    text = "The ministry awarded a contract to Orion Castings Limited to train the Indian Navy's new pilots."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert "Indian Navy" not in ag["parties"] and "Orion Castings Limited" in ag["parties"]
    text = "Orion Castings Limited said the Indian Navy has entered today into a contract with the company."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert "Indian Navy" in ag["parties"]


def test_bilateral_meetings_with_different_counterparts_stay_apart():
    text = ("Defence Secretary Anil Rawat held discussions with delegations from firms such as Kestrel "
            "Aerospace Limited, Norvik Systems Limited and Palash Dynamics Limited on Monday. "
            "Defence Secretary Anil Rawat met the delegation from Kestrel Aerospace Limited. "
            "He later held a meeting with a delegation from Norvik Systems Limited.")
    meetings = extract_article(text, PUB)["meetings"]
    assert len(meetings) == 3
    assert all(m["start"] == "2025-06-09" for m in meetings)  # the running date of the story


def test_delegation_leader_is_not_a_chair():
    text = ("Defence Secretary Anil Rawat received a delegation from Ruritania led by Deputy Minister Karl Hoss "
            "in New Delhi on Monday.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["type"] == "bilateral meeting" and m["chairs"] == []


def test_undated_story_resolves_day_and_month_with_the_year_it_names():
    text = ("On the sidelines of Defexpo 2022 in Gandhinagar on October 19, Defence Secretary Anil Rawat met "
            "Ruritanian Deputy Minister Karl Hoss.")
    (m,) = extract_article(text, None)["meetings"]
    assert m["start"] == "2022-10-19"


def test_hosts_of_the_occasion_are_not_parties():
    text = ("Speaking at a space show organised by the Confederation of Indian Industry, the president of VELA said "
            "the implementing arrangement VELA signed with Isro will help crew transport.")
    ags = extract_article(text, PUB)["agreements"]
    assert ags and all("Confederation of Indian Industry" not in a["parties"] for a in ags)
    assert any("Indian Space Research Organisation" in a["parties"] for a in ags)


def test_signed_part_stands_when_the_rest_is_planned():
    text = ("After signing a deal to supply radars to the Indian Army, Orion Castings Limited is preparing for a "
            "tender by the Ministry of Defence for drones. Orion Castings Limited said the radars ship soon.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Orion Castings Limited", "Indian Army"}


def test_the_company_it_signed_is_the_story_s_company_and_two_deals_stay_two():
    text = ("Kestrel Aerospace Limited won a contract to service US Navy trainer aircraft. Kestrel Aerospace "
            "Limited said it has signed a deal with the Indian Navy, as well as receiving an order from the "
            "Indian Coast Guard. Kestrel Aerospace Limited shares rose.")
    ags = extract_article(text, PUB)["agreements"]
    assert sorted(sorted(a["parties"]) for a in ags) == [
        ["Indian Coast Guard", "Kestrel Aerospace Limited"], ["Indian Navy", "Kestrel Aerospace Limited"],
        ["Kestrel Aerospace Limited", "United States Navy"]]


def test_signatories_sign_for_their_top_body():
    text = ("The MoU was signed by Director, Orion Armour Research Establishment, Dr Kiran Rao and Director, "
            "Vela Institute of Technology, Prof Amit Sood. Orion Armour Research Establishment, a DRDO laboratory, "
            "develops vehicles.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert {"Defence Research and Development Organisation", "Vela Institute of Technology"} <= set(ag["parties"])


def test_habitual_and_rescheduled_meetings_are_not_reported_as_held():
    for sentence in ("Nine meetings of the Commission have been held so far, in Delhi and Moscow.",
                     "The meeting will now be held on October 10 in New Delhi, it said.",
                     "The conference, to be chaired by General Anil Rawat, will discuss logistics."):
        assert extract_article(sentence, PUB)["meetings"] == [], sentence


def test_a_deal_ranked_so_far_is_still_concluded_and_keeps_its_own_date():
    lede = ("Ostrava Drones Ltd has signed a contract with the Ministry of Defence for trainer drones, the firm said "
            "on Tuesday. ")
    for told in ("The contract, its largest so far, was signed on June 2 in Pune.",
                 "The contract, the biggest yet, was signed on June 2 in Pune."):
        (ag,) = extract_article(lede + told, PUB)["agreements"]
        assert (ag["date"], ag["location"]) == ("2025-06-02", "Pune"), told
    (ag,) = extract_article(lede + "Four such contracts have been signed so far.", PUB)["agreements"]
    assert ag["date"] == "2025-06-10"  # the tally is no deal of its own, and no date of this one


def test_the_date_of_a_last_disclosure_dates_no_order_but_an_earlier_dialogue_keeps_its_year():
    text = "Velmar Electronics Ltd has secured orders worth Rs 900 crore since its last disclosure on June 2."
    assert [a["date"] for a in extract_article(text, PUB)["agreements"]] in ([], [None])
    text = "The talks were the first since the 9th Defence Policy Dialogue was held in 2015."
    assert [m["start"] for m in extract_article(text, PUB)["meetings"]] == ["2015-01-01"]


def test_a_deal_told_in_a_when_clause_after_since_a_year_is_that_years_and_no_part_of_the_storys_deal():
    text = ("Vexa Systems and Orvik Labs signed a joint venture agreement on Monday. The two firms have worked "
            "together since 2009, when they signed their first contract for radars.")
    got = sorted((a["type"], a["date"]) for a in extract_article(text, PUB)["agreements"])
    assert got == [("contract", "2009-01-01"), ("other", "2025-06-09")]
    assert extract_article("The two firms have worked together since 2009.", PUB)["agreements"] == []


def test_the_contracts_told_one_by_one_take_the_day_a_plural_mention_says_they_were_signed():
    text = ("Vexa Systems signed a contract with the Norland Army for howitzers. The Norland Procurement Agency also "
            "awarded Orvik Labs a contract for missiles. Officials said the contracts were signed on Monday.")
    assert [a["date"] for a in extract_article(text, PUB)["agreements"]] == ["2025-06-09", "2025-06-09"]
    text = text.replace("the contracts were", "the second contract was")
    assert [a["date"] for a in extract_article(text, PUB)["agreements"]] == [None, "2025-06-09"]


def test_during_the_meeting_adds_to_that_meeting_whatever_date_it_mentions():
    text = ("The 6th India-Ruritania Defence Policy Dialogue took place in New Delhi on June 10. During the meeting, "
            "the two sides noted progress since the vision statement signed in June 2022.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["start"] == "2025-06-10"


def test_meetings_with_ministers_of_listed_countries_are_one_each():
    text = "Defence Minister Anil Rawat held bilateral meetings with the ministers of Chile, Peru and Kenya on Monday."
    assert len(extract_article(text, PUB)["meetings"]) == 3


def test_participants_named_later_in_a_one_meeting_story_take_part():
    text = ("The Orion Research Agency hosted the 3rd Joint Technical Group plenary meeting in Pune on June 9. "
            "It reviewed projects. The delegates saw radars. Indian participants included representatives from "
            "the Ministry of External Affairs.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert "Ministry of External Affairs" in m["participants"]


def test_committee_and_policy_talks_meetings_get_their_types():
    text = ("The 5th India-Chile Joint Defence Committee meeting was held in Santiago on June 3. "
            "Separately, the 2nd India-Peru Defence Policy Talks were held in Lima on June 5.")
    types = sorted(m["type"] for m in extract_article(text, PUB)["meetings"])
    assert types == ["bilateral meeting", "dialogue"]


def test_what_an_agreement_sets_up_is_not_a_party():
    text = ("The Orion Research Agency and Vela University signed an MoU on Monday to set up a Centre for "
            "Quantum Studies at the campus.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Orion Research Agency", "Vela University"}


def test_an_agreement_signed_for_a_planned_bid_is_still_signed_and_keeps_its_evidence():
    text = ("Orion Castings Limited and Vela Shipyard Limited have signed a teaming agreement to jointly bid "
            "for a tender.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Orion Castings Limited", "Vela Shipyard Limited"}
    assert ag["evidence"] == text


def test_headline_verbs_in_the_present_and_a_generic_pact_join_the_body_s_mou():
    text = ("Navy inks pact with Vela University\n"
            "The Indian Navy and Vela University signed a Memorandum of Understanding on Tuesday in Kochi.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["type"] == "MoU" and set(ag["parties"]) == {"Indian Navy", "Vela University"}


def test_planned_meetings_with_an_adverb_after_the_modal_and_present_tense_headlines():
    planned = "The two sides will also hold discussions on the delays in New Delhi."
    assert extract_article(planned, PUB)["meetings"] == []
    (m,) = extract_article("India, Chile hold defence dialogue in Santiago on Monday", PUB)["meetings"]
    assert m["type"] == "dialogue" and m["start"] == "2025-06-09"


def test_a_joint_venture_between_two_countries_is_a_description_not_the_parties():
    text = ("Orion Missiles Limited, a joint venture between India and Chile, signed a contract with the Peruvian "
            "Navy on Monday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert not any(p.startswith("Government of") for p in ag["parties"])


def test_headline_adds_no_agreement_of_its_own_and_a_government_gives_way_to_its_body():
    text = ("India and Chile sign project agreement on radars\n"
            "The Defence Research and Development Organisation and the Defence Research Group of Chile signed "
            "a project agreement on Monday in Santiago.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Defence Research and Development Organisation", "Defence Research Group of Chile"}


def test_a_headline_agreement_stands_when_the_body_names_none():
    text = "Chile, India sign defence pact\nThe two ministers met in Delhi on Monday to discuss training."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of India", "Government of Chile"}


def test_one_story_pasted_over_and_over_is_one_agreement():
    text = "The Indian Navy signed a contract with Orvel Shipyard Limited on Monday. " * 3000
    assert len(extract_article(text, PUB)["agreements"]) == 1


def test_a_sentence_without_a_full_stop_is_read_in_bounded_pieces():
    from transforms.sentences import MAX_SENTENCE_CHARS, split_sentences

    sentences = split_sentences("The Navy and the Army met " * 20000)
    assert len(sentences) > 200 and max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS


def test_a_demonym_with_who_acts_for_the_state_signing_makes_that_state_a_party():
    text = ("Chilean President Ana Ruiz and Peruvian Prime Minister Luis Soto signed a defence cooperation "
            "agreement on Monday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Chile", "Government of Peru"}
    text = "The Colombian government has signed a contract with Acme Shipyards Ltd for two patrol vessels."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Acme Shipyards Ltd", "Government of Colombia"}


def test_a_state_that_only_comments_on_a_signing_is_not_a_party():
    text = ("The deal, welcomed by the Chilean government, was signed by Acme Shipyards Ltd and Orion Systems "
            "Inc on Monday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Acme Shipyards Ltd", "Orion Systems Inc"}


def test_two_numbered_meetings_of_one_series_stay_two_whether_the_number_is_a_word_or_digits():
    text = ("The fifth Kelvar-Norland Defence Dialogue was held in New Delhi earlier this month. "
            "The 4th Kelvar-Norland Defence Dialogue was held in Mumbai in November last year.")
    meetings = extract_article(text, PUB)["meetings"]
    assert len(meetings) == 2
    again = "The fifth Kelvar-Norland Defence Dialogue was held on Monday. The 5th Kelvar-Norland Defence Dialogue "
    assert len(extract_article(again + "reviewed the ties.", PUB)["meetings"]) == 1  # positive control


def test_the_city_of_a_visit_is_where_its_meeting_was_held():
    rec = extract_article("On a two-day trip to Lisbon, the Minister held talks with President Ana Costa on "
                          "defence industry cooperation.", dt.date(2024, 5, 2))
    assert [m["location"] for m in rec["meetings"]] == ["Lisbon"]


def test_a_city_known_only_to_the_world_gazetteer_is_a_meetings_place_but_a_word_like_city_is_not():
    rec = extract_article("The defence ministers held talks in Montevideo on Tuesday.", dt.date(2024, 5, 2))
    assert [m["location"] for m in rec["meetings"]] == ["Montevideo"]
    rec = extract_article("The defence ministers held talks in Nice weather on Tuesday.", dt.date(2024, 5, 2))
    assert [m["location"] for m in rec["meetings"]] == [None]


def test_a_long_buildings_city_after_its_comma_is_where_a_deal_was_signed():
    lede = "Vexa Engines and Orvik Labs signed a licence agreement on Monday. "
    for told, place in (("It was signed at the Engine Research and Development Centre, Bengaluru.", "Bengaluru"),
                        ("It was signed in Pune and Mumbai.", "Pune")):
        (ag,) = extract_article(lede + told, PUB)["agreements"]
        assert ag["location"] == place, told


def test_an_upper_case_dateline_city_is_the_place_of_a_story_about_one_meeting():
    rec = extract_article("MONTEVIDEO, May 1 (Wire) - The two countries held a joint defence committee "
                          "meeting on Tuesday.", dt.date(2024, 5, 2))
    assert [m["location"] for m in rec["meetings"]] == ["Montevideo"]


def test_a_meeting_that_got_underway_or_opened_is_held():
    for text in ("The annual Coast Guard Commanders Conference got underway in Lisbon on Monday.",
                 "The three-day Air Chiefs Conclave opened in Pune on Monday."):
        (m,) = extract_article(text, dt.date(2024, 5, 8))["meetings"]
        assert m["type"] == "conference" and m["location"] in ("Lisbon", "Pune")


def test_a_meeting_word_that_qualifies_a_place_names_no_meeting():
    assert extract_article("Work on the conference hall began in May.", dt.date(2024, 5, 8))["meetings"] == []
    assert extract_article("The summit opened in Lisbon on Tuesday.", dt.date(2024, 5, 8))["meetings"] != []


def test_the_meeting_at_which_something_was_done_was_held_but_not_one_still_to_come():
    (m,) = extract_article("During the annual strategic dialogue, Peru and Chile exchanged letters on Tuesday.",
                           dt.date(2024, 5, 8))["meetings"]
    assert m["type"] == "dialogue"
    assert extract_article("Service chiefs will discuss budgets at the three-day conference in "
                           "June.", dt.date(2024, 5, 8))["meetings"] == []


def test_a_meeting_with_someone_is_a_bilateral_meeting():
    (m,) = extract_article("The minister's meeting with Karl Berg of Norland focused on joint production.",
                           dt.date(2024, 5, 8))["meetings"]
    assert m["type"] == "bilateral meeting"


def test_plural_agreements_with_listed_bodies_are_one_agreement_with_each():
    rec = extract_article("Orion Electronics Ltd said it has signed MoUs with two defence companies, Vexa Systems "
                          "Ltd and Tellura Defence Ltd, to address export markets.", dt.date(2024, 5, 8))
    assert sorted(tuple(a["parties"]) for a in rec["agreements"]) == [
        ("Orion Electronics Ltd", "Tellura Defence Ltd"), ("Orion Electronics Ltd", "Vexa Systems Ltd")]


def test_one_agreement_with_two_listed_bodies_stays_one():
    rec = extract_article("Orion Electronics Ltd signed an MoU with Vexa Systems Ltd and Tellura Defence Ltd.",
                          dt.date(2024, 5, 8))
    assert len(rec["agreements"]) == 1 and len(rec["agreements"][0]["parties"]) == 3


def test_an_undated_story_is_read_as_of_its_datelines_day():
    rec = extract_article("Lisbon, May 6, 2023: Orion Electronics Ltd has signed an MoU with Vexa "
                          "Systems Ltd.", None)
    assert rec["agreements"][0]["date"] == "2023-05-06"
    rec = extract_article("Lisbon, May 6, 2023: Defence Minister Ravi Menon met his Norland counterpart "
                          "Karl Berg on Thursday.", None)
    assert rec["meetings"][0]["start"] == "2023-05-04"


def test_a_dateline_without_a_year_dates_nothing_in_an_undated_story():
    rec = extract_article("Lisbon, May 6: Orion Electronics Ltd has signed an MoU with Vexa Systems Ltd.",
                          None)
    assert rec["agreements"][0]["date"] is None


def test_an_unnamed_pair_signing_for_each_other_is_the_two_countries_of_the_story():
    text = ("Peru and Chile deepen ties. The Peruvian minister visited Chile on Monday. "
            "Agreements on the joint training of each other's coast guards were signed on Monday.")
    agreements = extract_article(text, dt.date(2024, 5, 8))["agreements"]
    assert agreements
    assert all(set(a["parties"]) == {"Government of Peru", "Government of Chile"} for a in agreements)


def test_ministers_who_signed_sign_for_the_two_countries_of_the_story():
    text = ("OSLO, 4 September 2024 - The Norwegian Minister of Defence hosted his Polish counterpart in Oslo on "
            "Tuesday. During the meeting, the ministers signed a letter of intent on military mobility.")
    (ag,) = extract_article(text, None)["agreements"]
    assert set(ag["parties"]) == {"Government of Norway", "Government of Poland"}
    assert ag["date"] == "2024-09-03"


def test_a_meeting_named_by_its_short_form_and_by_the_name_it_stands_for_is_one():
    text = ("Peru, Chile hold PECMIN talks in Lima\n\nLIMA, 7 August 2024 - The two defence ministers met for the "
            "5th Peru-Chile Ministerial Consultations (PECMIN) in Lima on Tuesday.")
    (m,) = extract_article(text, None)["meetings"]
    assert m["name"] == "5th Peru-Chile Ministerial Consultations"


def test_the_ministry_that_signed_is_the_storys_ministry():
    text = ("The Ministry of Defence of Peru said on Monday it would buy radars. Separately, the ministry signed a "
            "framework agreement with the U.S. Navy for joint testing.")
    (ag,) = extract_article(text, dt.date(2024, 5, 8))["agreements"]
    assert set(ag["parties"]) == {"Ministry of Defence of Peru", "United States Navy"}


def test_a_tally_of_contracts_signed_this_year_is_no_agreement():
    text = "The total number of MoUs inked by the Norland Navy since April now stands at 40."
    assert extract_article(text, dt.date(2024, 5, 8))["agreements"] == []


def test_telephone_and_video_talks_are_bilateral_meetings():
    text = ("Defence Minister Ravi Menon held a telephone conversation with Norland's Defence Minister Karl Berg on "
            "Tuesday. Earlier, Defence Secretary Anil Rao had a video call with Norland's Deputy Minister Ola Dahl.")
    meetings = extract_article(text, dt.date(2025, 1, 15))["meetings"]
    assert [m["type"] for m in meetings] == ["bilateral meeting", "bilateral meeting"]
    assert meetings[0]["start"] == "2025-01-14"


def test_an_agreement_the_sides_could_reach_is_not_concluded():
    text = "Officials said the two sides could reach an agreement on joint patrols soon."
    assert extract_article(text, dt.date(2024, 5, 8))["agreements"] == []


def test_an_amount_is_not_a_count_of_agreements_and_a_headline_counts_only_once():
    text = ("Norland awards Orion Aerospace Ltd $1.5 billion radar contracts\n\nNorland has awarded Orion Aerospace "
            "Ltd contracts worth $1.5 billion for coastal radars.")
    assert len(extract_article(text, dt.date(2024, 5, 8))["agreements"]) == 1


def test_an_opening_clause_about_what_came_before_does_not_date_the_story():
    text = ("Following a dinner with the delegation on Tuesday, the Norland minister on Wednesday said the talks "
            "had gone well. Orion Aerospace Ltd and Vexa Systems Ltd signed an MoU.")
    (ag,) = extract_article(text, dt.date(2024, 5, 9))["agreements"]
    assert ag["date"] == "2024-05-08"


def test_today_in_a_story_is_the_day_of_its_dateline_line():
    text = ("Lisbon, March 21\n\nOrion Aerospace Ltd, Vexa Systems Ltd and the Norland Defence Council marked "
            "the conclusion of the 2024 Naval Industry Conclave in the city today.")
    (m,) = extract_article(text, dt.date(2024, 3, 22))["meetings"]
    assert (m["start"], m["name"]) == ("2024-03-21", "2024 Naval Industry Conclave")
    assert {"Orion Aerospace Ltd", "Vexa Systems Ltd"} <= set(m["participants"])


def test_within_the_framework_of_a_partnership_names_no_framework_agreement():
    text = ("The two ministries signed an agreement on military cooperation within the framework of their strategic "
            "partnership on Monday.")
    (ag,) = extract_article(text, dt.date(2024, 5, 8))["agreements"]
    assert ag["type"] == "other"


def test_a_meeting_of_so_many_days_ends_that_many_days_after_it_began_but_a_visits_length_is_not_its():
    text = ("The annual Coast Guard Commanders Conference got underway in Lisbon today. During the five-day "
            "conference, commanders will review plans.")
    (m,) = extract_article(text, dt.date(2024, 5, 6))["meetings"]
    assert (m["start"], m["end"]) == ("2024-05-06", "2024-05-10")
    text = "On a three-day visit, the Minister held talks with Karl Berg of Norland on Monday."
    (m,) = extract_article(text, dt.date(2024, 5, 8))["meetings"]
    assert m["start"] == m["end"]


def test_the_body_supplied_under_a_contract_is_not_a_party():
    text = ("The Ministry of Defence signed a contract with Orion Aerospace Ltd for the supply of radars to the "
            "Norland Navy.")
    (ag,) = extract_article(text, dt.date(2024, 5, 8))["agreements"]
    assert set(ag["parties"]) == {"Ministry of Defence", "Orion Aerospace Ltd"}


def test_a_minister_receiving_a_visiting_official_holds_a_meeting_but_receiving_an_order_does_not():
    text = ("Ruritanian Defence Minister Ilse Varga received Norlandic Deputy Defence Minister Jon Kett at the "
            "ministry in Velmar on Tuesday to discuss naval cooperation.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["type"], m["start"]) == ("bilateral meeting", "2025-06-10")
    for sentence in ("Orion Castings Limited received an order from the Ministry of Defence on Tuesday.",
                     "Defence Minister Ilse Varga hosted the annual conference of commanders on Tuesday."):
        assert [x["type"] for x in extract_article(sentence, PUB)["meetings"]] != ["bilateral meeting"], sentence


def test_a_country_ending_a_company_name_is_not_a_government_party():
    text = ("The two ministers witnessed the signing of an agreement between shipbuilder PT Kelautan Indonesia "
            "and Turkish firm Vexor Inc. on Tuesday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert "Government of Indonesia" not in ag["parties"] and "Vexor Inc" in ag["parties"]
    (ag,) = extract_article("Indonesia and Turkey signed a defence pact on Tuesday.", PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Indonesia", "Government of Turkey"}


def test_countries_a_body_acts_for_are_places_not_parties():
    text = ("The Joint Armament Agency signed a contract amendment with Vexor Inc. on behalf of Belgium and "
            "Portugal on Tuesday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["type"] == "contract"
    assert set(ag["parties"]) == {"Joint Armament Agency", "Vexor Inc"}


def test_the_contracting_activity_of_a_contract_notice_is_its_other_party():
    text = ("Vexor Marine Inc., Halden, Norland, is awarded a $48,210,554 firm-fixed-price contract for hull "
            "repairs. Work will be performed in Halden. Naval Ship Systems Command, Velmar, is the contracting "
            "activity.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexor Marine Inc", "Naval Ship Systems Command"}


def test_deals_announced_then_itemised_are_one_agreement_per_item_with_the_announcer():
    text = ("The Defence Procurement Council announced on Tuesday the signing of 12 deals worth $300 million. "
            "The deals included a contract with Vexor Inc. for spare parts, a contract with Orvik for radar "
            "support, and an agreement with Tellura for pilot training.")
    ags = extract_article(text, PUB)["agreements"]
    assert sorted((a["type"], tuple(a["parties"])) for a in ags) == [
        ("contract", ("Defence Procurement Council", "Orvik")),
        ("contract", ("Defence Procurement Council", "Tellura")),  # a generic word keeps the deals' type
        ("contract", ("Defence Procurement Council", "Vexor Inc")),
    ]
    assert {a["date"] for a in ags} == {"2025-06-10"}
    text = ("Orvik Systems signed 11 MoUs with start-ups at the expo on Tuesday. Among them were agreements with "
            "Vexor Labs for seekers and with Tellura for simulators.")
    ags = extract_article(text, PUB)["agreements"]
    assert sorted((a["type"], a["parties"][1]) for a in ags) == [("MoU", "Tellura"), ("MoU", "Vexor Labs")]


def test_where_a_company_is_based_is_not_where_it_signed():
    text = ("Orvik Dynamics signed a teaming agreement with Vexor Aerospace, a Canadian firm based in Ottawa, on "
            "Tuesday. The agreement was signed in Oslo by the two chief executives.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["location"] == "Oslo"


def test_a_company_of_a_country_named_with_a_possessive_does_not_make_its_government_a_party():
    text = "Orvik Group has signed a joint venture agreement with Brazil's Vexor Technologies on Tuesday."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Orvik Group", "Vexor Technologies"}


def test_two_leaders_meeting_on_the_sidelines_of_a_conference_hold_a_meeting_of_their_own():
    text = ("German Chancellor Karl Brandt and French President Luc Morel met on the sidelines of the Baltic "
            "Security Conference on Tuesday.")
    types = sorted(m["type"] for m in extract_article(text, PUB)["meetings"])
    assert types == ["bilateral meeting", "conference"]
    assert extract_article("Karl Brandt and Luc Morel, who met in 2019, spoke again.", PUB)["meetings"] == []


def test_members_of_a_body_meeting_together_hold_one_meeting():
    (m,) = extract_article("NATO defence ministers met in Brussels on Tuesday.", PUB)["meetings"]
    assert (m["type"], m["start"], m["location"]) == ("other", "2025-06-10", "Brussels")


def test_the_day_a_signing_was_reported_gives_way_to_the_day_it_was_signed():
    text = ("Orvik and the procurement agency have signed an engine contract, Orvik said on Wednesday. The contract "
            "was signed on June 2 at the agency's headquarters.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["date"] == "2025-06-02"


def test_a_yearly_edition_keeps_its_year_in_the_meetings_name():
    text = "The 2025 edition of the Pacific Chiefs of Defence Conference was held in Suva on Tuesday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["name"] == "2025 edition of the Pacific Chiefs of Defence Conference"


def test_calling_on_one_official_and_holding_talks_with_another_are_two_meetings():
    text = ("During the visit, the Admiral called on Defence Minister Ilse Varga and held talks with Navy chief "
            "Vice Admiral Jon Kett in Velmar on Tuesday.")
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["bilateral meeting"] * 2
    one = "Defence Minister Ilse Varga met Navy chief Vice Admiral Jon Kett in Velmar on Tuesday."
    assert len(extract_article(one, PUB)["meetings"]) == 1


def test_an_agreement_reported_as_cancelled_stays_out_when_the_next_sentence_refers_back_to_it():
    text = ("Norland has cancelled its order for more drones from Orvik Systems, the ministry said. The contract, "
            "worth 300 million euros, had been signed in 2024.")
    assert extract_article(text, PUB)["agreements"] == []
    signed = "Norland signed an order for drones with Orvik Systems. The contract had been negotiated since 2024."
    assert len(extract_article(signed, PUB)["agreements"]) == 1


def test_a_countrys_government_named_as_an_actor_is_an_organisation_but_not_as_a_modifier():
    acting = extract_article("The Chilean government has approved the purchase.", PUB)["organisations"]
    assert "Government of Chile" in {o["name"] for o in acting}
    for text in ("Chilean government officials visited the plant.", "It backs the Chilean government's scheme.",
                 "A Chilean government-owned shipyard built it."):
        got = {o["name"] for o in extract_article(text, PUB)["organisations"]}
        assert "Government of Chile" not in got, text


def test_the_agreement_signed_by_a_bodys_head_in_the_next_sentence_is_the_same_agreement():
    text = ("Estonia has signed a contract with Orvik Systems for 40 tanks, the defence minister said on Wednesday. "
            "The contract was signed in Tallinn on Tuesday by the head of the Estonian Centre for Defence Investment.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert "Orvik Systems" in ag["parties"] and "Estonian Centre for Defence Investment" in ag["parties"]
    assert (ag["date"], ag["location"]) == ("2025-06-10", "Tallinn")


def test_a_meeting_name_goes_on_after_its_word_with_on_and_capitalised_words():
    text = ("The Joint Working Group on Defence Research and Materiel Cooperation met in Canberra on Tuesday "
            "and reviewed progress.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["name"] == "Joint Working Group on Defence Research and Materiel Cooperation"


def test_what_was_proposed_at_a_held_meeting_does_not_unmake_the_meeting():
    text = "The two sides held the annual defence dialogue in Lisbon on Tuesday, where a proposal was discussed."
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["type"], m["location"]) == ("dialogue", "Lisbon")
    assert extract_article("A defence dialogue has been proposed for next month in Lisbon.", PUB)["meetings"] == []


def test_a_similar_contract_signed_earlier_is_another_agreement():
    text = ("Orvik Aerospace Limited has received a contract from the Ministry of Defence for 12 jets, the company "
            "said on Tuesday. "
            "Orvik Aerospace Limited had signed a similar contract for 80 trainers in February 2021.")
    dates = sorted(a["date"] for a in extract_article(text, PUB)["agreements"])
    assert dates == ["2021-02-01", "2025-06-10"]


def test_two_states_signing_for_a_service_are_the_parties_not_the_service():
    text = "Chile and France on Tuesday signed a contract for 12 jets for the Chilean Navy."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Chile", "Government of France"}


def test_orders_a_framework_allows_to_be_placed_later_are_no_agreement_of_their_own():
    text = ("The Navy has concluded a framework agreement with Orvik Forge Limited for shells. The agreement, signed "
            "on June 9 in Mumbai, allows the Navy to place orders worth up to $500 million.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["date"], ag["location"]) == ("framework", "2025-06-09", "Mumbai")


def test_a_dateline_with_an_ordinal_day_is_the_filing_day_not_the_events():
    text = ("NORVIK, 12th June, 2025 (NNA) -- The Orvik Council said a contract with Vexor Labs for radar spares "
            "was signed on June 2.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["date"] == "2025-06-02"  # the dateline's day is the filing day, not the signing's


def test_a_company_reporting_its_own_signing_on_a_day_is_a_party():
    text = "Vexacorp said on Tuesday it had signed a contract with the Orvik Procurement Agency for radios."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexacorp", "Orvik Procurement Agency"]
    text = "The Orvik Procurement Agency said the contract with Vexacorp was signed on Tuesday."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert "Orvik Procurement Agency" not in ag["parties"]  # it reports the signing, it is no party


def test_memorandums_listed_with_states_are_one_memorandum_with_each_state():
    text = ("The Orvik Procurement Agency said Monday it has signed memorandums of understanding with Poland, "
            "Romania and Norway on industrial cooperation.")
    ags = extract_article(text, PUB)["agreements"]
    assert sorted((a["type"], a["parties"][1]) for a in ags) == [
        ("MoU", "Government of Norway"), ("MoU", "Government of Poland"), ("MoU", "Government of Romania")]
    assert all(a["parties"][0] == "Orvik Procurement Agency" for a in ags)


def test_a_start_up_named_by_its_kind_and_a_body_with_its_acronym_before_the_verb_are_parties():
    text = ("Startup Vexa Cosmos and the Orvik Space Research Agency (OSRA) have inked a pact for access to "
            "test facilities.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexa Cosmos", "Orvik Space Research Agency"]


def test_a_mechanism_named_as_a_committee_that_met_is_a_meeting_and_no_organisation():
    text = "The roadmap was reviewed at the High Committee on Defence Cooperation, which met in Oslo on Monday."
    got = extract_article(text, PUB)
    (mt,) = got["meetings"]
    assert (mt["name"], mt["location"], mt["start"]) == ("High Committee on Defence Cooperation", "Oslo", "2025-06-09")
    got = extract_article("The 12th Army-to-Army Staff Talks were held in Oslo on Monday.", PUB)
    assert got["organisations"] == [] and got["meetings"][0]["participants"] == []
    assert got["meetings"][0]["name"] == "12th Army-to-Army Staff Talks"


def test_level_talks_keep_their_level_in_the_name_and_a_corps_before_a_commander_is_no_body():
    text = "The 21st round of India-Norway Corps Commander level talks was held at the border point on Monday."
    got = extract_article(text, PUB)
    assert got["meetings"][0]["name"] == "21st round of India-Norway Corps Commander level talks"
    assert got["organisations"] == [] and got["meetings"][0]["participants"] == []
    got = extract_article("The XV Corps Commander met the Royal Thai Air Force Chief on Monday.", PUB)
    assert {o["name"] for o in got["organisations"]} == {"XV Corps", "Royal Thai Air Force"}


def test_a_country_known_by_another_of_its_names_signs_as_its_government():
    (ag,) = extract_article("South Korea and Poland on Tuesday signed a contract for tanks.", PUB)["agreements"]
    assert ag["parties"] == ["Government of the Republic of Korea", "Government of Poland"]


def test_a_lower_case_title_after_a_company_possessive_does_not_keep_its_s():
    got = extract_article("The deal was signed by Vexacorp's executive vice president Eirik Lie.", PUB)
    assert [(o["name"], o["title"]) for o in got["officials"]] == [("Eirik Lie", "executive vice president")]


def test_bodies_acting_for_the_governments_of_a_deal_refer_back_to_it_and_replace_them():
    text = ("Norway and Poland on Tuesday signed a contract for tanks, the ministry said. Norway's Defence "
            "Materiel Agency and Poland's Armament Agency signed the deal in Warsaw.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["location"] == "Warsaw" and not any(p.startswith("Government of") for p in ag["parties"])
    assert len(ag["parties"]) == 2
    text = ("Norway and Poland on Tuesday signed a contract for tanks. Vexacorp signed a deal with the "
            "Polish Armament Agency in Warsaw.")
    assert len(extract_article(text, PUB)["agreements"]) == 2  # another deal: a company acts for no state


def test_talks_after_which_something_was_done_were_held_but_talks_to_come_were_not():
    got = extract_article("Following bilateral talks with his counterpart, the minister signed the pact.", PUB)
    assert [m["type"] for m in got["meetings"]] == ["bilateral meeting"]
    assert extract_article("The minister will sign the pact after talks.", PUB)["meetings"] == []
    assert extract_article("After a break, he left.", PUB)["meetings"] == []


def test_a_parliament_building_is_a_place_not_a_body():
    got = extract_article("The leaders signed the treaty after talks at Parliament House on Thursday.", PUB)
    assert got["organisations"] == []


def test_talks_with_a_counterpart_beside_a_named_gathering_are_a_meeting_of_their_own():
    text = ("The framework was signed by Defence Minister Arne Berg and Norland's Defence Minister Karl Vik in "
            "Oslo on Friday on the sidelines of the Nordic Ministers' meeting. Berg also held bilateral talks "
            "with his Ruritanian counterpart Jan Novak.")
    got = extract_article(text, PUB)["meetings"]
    assert sorted((m["type"], m["name"] or "") for m in got) == [
        ("bilateral meeting", ""), ("other", "Nordic Ministers' meeting")]


def test_meeting_used_as_a_verb_names_no_meeting():
    text = ("Norway and Sweden held security talks in Oslo on Thursday, with Defence Minister Karl Vik meeting "
            "their counterparts.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["name"] is None


def test_the_two_navies_are_the_two_the_story_names_and_three_are_too_many():
    text = ("The Norland Navy and the Ruritanian Navy began an exercise off Oslo. The staff talks between the two "
            "navies were held in Oslo on Monday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["participants"] == ["Norland Navy", "Ruritanian Navy"]
    text = ("The Norland Navy hosted the Ruritanian Navy and the Vexan Navy. The staff talks between the two "
            "navies were held in Oslo on Monday.")
    assert extract_article(text, PUB)["meetings"][0]["participants"] == []


def test_the_body_a_contract_was_awarded_to_is_a_party():
    (ag,) = extract_article("The contract was awarded to Vexlar, which makes interceptor drones.", PUB)["agreements"]
    assert ag["parties"] == ["Vexlar"]
    text = "The Norland Procurement Agency awarded Vexlar a contract worth 20 million dollars."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Norland Procurement Agency", "Vexlar"]


def test_the_company_named_by_its_kind_after_its_name_signed():
    text = ("Vexlar Aerospace opened a plant in Oslo on Monday. Vexlar Aerospace employs 900 people. "
            "Separately, the Norwegian planemaker signed a letter of intent with Orvik Airways for ten jets.")
    ags = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in ags] == [["Vexlar Aerospace", "Orvik Airways"]]


def test_a_council_named_as_an_officers_body_is_no_council_meeting():
    assert extract_article("The Emirati side was led by Vexan Council's Ole Amund.", PUB)["meetings"] == []
    assert extract_article("Vexan Council chief Ole Amund led the Emirati side.", PUB)["meetings"] == []
    got = extract_article("The Defence Acquisition Council, chaired by him, approved proposals on Friday.", PUB)
    assert [m["type"] for m in got["meetings"]] == ["council meeting"]


def test_a_council_whose_officials_took_part_in_the_meeting_told_joined_it_and_held_none_of_its_own():
    text = ("Norland and Vexia held their first Maritime Dialogue in Oslo on Tuesday. Officials from the Norland "
            "Coast Guard and the National Maritime Council also took part.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["type"] == "dialogue"
    assert "National Maritime Council" in m["participants"]
    text = "The National Maritime Council met in Oslo on Tuesday. Officials of the Norland Coast Guard also attended."
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["council meeting"]


def test_the_day_in_a_participle_after_the_meetings_word_dates_the_meeting_told_before():
    text = ("Norland and Vexia were close once. Trade fell later. The two countries have held talks on defence at "
            "the 13th Norland-Vexia Defence Talks in Oslo. The talks, held Wednesday, were co-hosted by Ivo Rask.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["start"] == "2025-06-11"


def test_he_who_co_chaired_talks_with_a_counterpart_is_the_official_named_before_and_both_chair():
    text = ("Rear Admiral Ivo Rask, the deputy chief of the Norland Navy, visited Vexia this week. During the "
            "visit, he co-chaired the 4th Navy Staff Talks with Rear Admiral Ola Berg in Vexton on Tuesday.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert {c["name"] for c in m["chairs"]} == {"Ivo Rask", "Ola Berg"}
    text = ("Rear Admiral Ivo Rask visited Vexia this week. During the visit, the 4th Navy Staff Talks were "
            "co-chaired by Rear Admiral Ola Berg with a delegation from Vexton on Tuesday.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert [c["name"] for c in m["chairs"]] == ["Ola Berg"]


def test_meetings_with_the_chiefs_of_defence_of_listed_countries_the_last_with_the_are_one_each():
    text = ("General Ola Dahl held bilateral meetings with the chiefs of defence of Chile, Peru and the Philippines in "
            "Oslo on Monday.")
    assert len(extract_article(text, PUB)["meetings"]) == 3


def test_ministers_of_several_named_countries_meeting_hold_one_meeting_that_the_host_held():
    text = ("Foreign ministers of Norland, Vexia, Ruritania and Chile met in Oslo on Tuesday and agreed to expand "
            "patrols. Norland's Foreign Minister Karl Berg hosted the meeting, which was attended by Vexia's Foreign "
            "Minister Ola Lind and Chile's Foreign Minister Ana Soto.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["type"], m["start"], m["location"]) == ("other", "2025-06-10", "Oslo")


def test_the_army_chief_who_met_one_officer_and_called_on_another_held_two_meetings_not_with_a_school_visited():
    text = ("General Karl Berg, the Norland Army chief, arrived in Vexia on Sunday. In Vexton, the Army chief met "
            "Vexia's Chief of Defence Forces General Ola Lind and held discussions on training. He also called on "
            "the Cabinet Secretary for Defence, Ana Soto, and visited the Vexia Army's Infantry School.")
    got = extract_article(text, PUB)["meetings"]
    assert len(got) == 2
    assert all("Infantry School" not in m["participants"] for m in got)


def test_the_chiefs_of_two_named_bodies_meeting_hold_a_bilateral_meeting_of_those_bodies():
    text = "The chiefs of the Vexian Air Force and the Royal Norland Air Force met in Oslo on Monday to discuss drills."
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["type"] == "bilateral meeting"
    assert sorted(m["participants"]) == ["Royal Norland Air Force", "Vexian Air Force"]


def test_a_numbered_2_plus_2_dialogue_keeps_its_number_and_name_but_a_second_meeting_has_no_name():
    text = "Norway and Chile held their second 2+2 Ministerial Dialogue in Oslo on Friday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["type"], m["name"]) == ("dialogue", "second 2+2 Ministerial Dialogue")
    (m,) = extract_article("Norway and Chile held the second meeting in Oslo on Friday.", PUB)["meetings"]
    assert m["name"] is None


def test_a_proposal_cleared_at_a_meeting_is_its_topic_but_a_proposed_meeting_is_not_held():
    text = "The proposal was cleared at a meeting chaired by Defence Minister Karl Berg on Monday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert [c["name"] for c in m["chairs"]] == ["Karl Berg"] and m["start"] == "2025-06-09"
    assert extract_article("A proposal to hold a meeting of the council next month was discussed.", PUB)[
        "meetings"] == []


def test_meeting_a_minister_known_by_a_lower_case_title_beside_an_occasion_is_a_meeting_of_its_own():
    for text in ("He had met the minister on the sidelines of the Oslo Security Forum in June.",
                 "He met the Norwegian defence minister on the sidelines of the Oslo Security Forum in June."):
        got = extract_article(text, PUB)["meetings"]
        assert sorted(m["type"] for m in got) == ["bilateral meeting", "conference"], text
    assert extract_article("He met the press after the Oslo Security Forum was cancelled.", PUB)["meetings"] == []


def test_a_meeting_at_which_something_was_done_was_held_but_one_at_which_it_will_be_done_and_a_press_conference_not():
    text = "The roadmap was adopted at a meeting of the two navies' staffs in Brest in March."
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["start"], m["location"]) == ("2025-03-01", "Brest")
    for text in ("The roadmap will be adopted at a meeting of the two navies' staffs in Brest in March.",
                 "The plan will be discussed at a meeting in Brest in March.",
                 "The issue was raised at a press conference in Oslo on Monday."):
        assert extract_article(text, PUB)["meetings"] == [], text


def test_no_agreements_signed_is_no_agreement():
    text = "The Norland Navy and the Vexian Navy held an exercise this week. No agreements were signed."
    assert extract_article(text, PUB)["agreements"] == []


def test_calling_on_someone_and_later_addressing_a_roundtable_are_two_meetings_but_briefing_on_the_dialogue_not():
    text = ("On Tuesday, he called on Prime Minister Karl Berg and later addressed a business roundtable organised by "
            "the Norland Business Federation.")
    got = extract_article(text, PUB)["meetings"]
    assert sorted(m["type"] for m in got) == ["bilateral meeting", "conference"]
    text = ("The two sides held their fourth defence policy dialogue in Oslo on Monday. He also called on Minister "
            "Karl Berg and briefed him on the outcomes of the dialogue.")
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["dialogue"]


def test_a_body_at_whose_headquarters_a_meeting_was_held_is_its_venue_but_a_host_takes_part():
    text = "The meeting was held at the headquarters of the Norland Naval Command in Bergen on Monday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["participants"], m["location"]) == ([], "Bergen")
    text = "The Norland Naval Command hosted the meeting at Bergen on Monday."
    assert extract_article(text, PUB)["meetings"][0]["participants"] == ["Norland Naval Command"]


def test_a_body_hosting_a_delegation_holds_a_meeting_but_hosting_a_reception_does_not():
    text = "The Vexian Navy hosted a delegation of the Norland Coast Guard in Oslo on Monday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["type"], sorted(m["participants"])) == ("bilateral meeting", ["Norland Coast Guard", "Vexian Navy"])
    assert extract_article("The Vexian Navy hosted a reception in Oslo on Monday.", PUB)["meetings"] == []


def test_the_navies_of_two_countries_holding_talks_are_those_countries_navies():
    text = "The navies of India and France held their 5th staff talks in Paris from November 11 to 13."
    got = extract_article(text, PUB)
    assert sorted(got["meetings"][0]["participants"]) == ["French Navy", "Indian Navy"]
    assert {o["name"] for o in got["organisations"]} == {"French Navy", "Indian Navy"}


def test_a_headline_of_bilateral_talks_and_its_lede_are_one_meeting_and_a_lunch_hosted_is_none():
    text = ("Minister holds bilateral talks with Defence Minister of Chile in Oslo\n\nMinister Arun Rao held bilateral "
            "talks with the Defence Minister of Chile, Mr Lars Holm, in Oslo on March 4, 2025. Later, the minister "
            "hosted a lunch in honour of the visiting dignitary.")
    assert len(extract_article(text, PUB)["meetings"]) == 1
    text = ("Defence Minister Arun Rao held bilateral meetings on Monday. The meetings took place with Defence "
            "Minister Karl Berg; Navy chief Ola Lind; and Foreign Minister Ana Soto.")
    assert len(extract_article(text, PUB)["meetings"]) == 3


def test_parties_named_after_those_present_who_open_the_sentence():
    text = ("In the presence of the two Ministers, an Implementing Arrangement between the Norland Coast Guard and "
            "the Vexian Coast Guard on search and rescue was exchanged.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Norland Coast Guard", "Vexian Coast Guard"]


def test_a_meeting_name_starts_after_a_weekday_and_its_for():
    got = extract_article("The ministers met in Oslo on Monday for Nordic Triangle talks on air defence.", PUB)
    assert [m["name"] for m in got["meetings"]] == ["Nordic Triangle talks"]


def test_the_two_companies_are_the_two_companies_the_story_names():
    text = ("Vexlar Aerospace and Orvik Systems signed a deal on Tuesday to set up a joint venture. The deal follows "
            "a memorandum of understanding the two companies signed in March.")
    ags = extract_article(text, PUB)["agreements"]
    assert [(a["type"], a["parties"]) for a in ags][-1] == ("MoU", ["Vexlar Aerospace", "Orvik Systems"])


def test_a_company_of_a_country_does_not_act_for_its_state_but_a_served_navy_is_no_party():
    text = ("Norway and Poland signed a contract on Thursday for the supply of upgraded frigates to the Royal "
            "Norwegian Navy, with Vexlar Shipbuilding Ltd of Poland selected as the builder.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert {"Government of Norway", "Government of Poland"} <= set(ag["parties"])
    assert "Royal Norwegian Navy" not in ag["parties"]


def test_a_company_named_by_its_country_is_the_storys_one_company_of_that_country():
    text = ("Orvik Aeronautics Ltd signed a contract with US company Vexlar Inc on Friday. Orvik "
            "Aeronautics Ltd had signed a contract for engines with the US firm in 2021.")
    ags = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in ags if a["date"] == "2021-01-01"] == [["Orvik Aeronautics Ltd", "Vexlar Inc"]]


def test_a_meeting_at_a_building_in_a_city_is_in_that_city():
    text = "The Norland air chief held talks with the visiting Ruritanian air chief at Air House, Oslo, on Monday."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["location"] == "Oslo"


def test_a_deal_that_is_only_hoped_for_or_not_signed_is_no_agreement():
    assert extract_article("Once signed, the deal would be the largest order placed with a private helicopter "
                           "maker.", PUB)["agreements"] == []
    assert extract_article("No contract has been signed with Vexlar Aero, and the Ministry of Defence declined to "
                           "comment.", PUB)["agreements"] == []
    got = extract_article("A contract has been signed with Vexlar Aero by the Ministry of Defence.", PUB)
    assert [a["type"] for a in got["agreements"]] == ["contract"]


def test_two_deals_joined_by_while_are_two_agreements():
    text = ("Vexlar Group signed a contract with the Norland Armed Forces for munitions, while the Orvik Council "
            "awarded Tellmar Aero a contract for radar support.")
    got = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in got] == [["Vexlar Group", "Norland Armed Forces"], ["Orvik Council", "Tellmar Aero"]]


def test_technologies_handed_over_to_several_firms_are_one_transfer_each():
    text = ("The Norland Defence Research Agency signed licensing agreements for transfer of technology with three "
            "firms in Bergen on Friday. The technologies were handed over to Vexlar Precision Ltd, Orvik Materials "
            "Ltd and Tellmar Composites.")
    got = extract_article(text, PUB)["agreements"]
    assert [(a["type"], a["parties"][-1], a["location"]) for a in got] == [
        ("technology transfer", firm, "Bergen")
        for firm in ("Vexlar Precision Ltd", "Orvik Materials Ltd", "Tellmar Composites")]


def test_an_officer_named_by_title_alone_meets_a_body_and_its_venue_takes_no_part():
    text = ("On Monday, the Chief of the Naval Staff met the Chief of Staff of the Norland Navy at the Naval "
            "Headquarters in Oslo.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["location"], mt["participants"]) == ("bilateral meeting", "Oslo", ["Norland Navy"])


def test_counted_memoranda_itemised_with_each_partner_are_one_each():
    text = ("Vexlar Dynamics Limited signed three memoranda of understanding at the expo in Bergen on Thursday: "
            "with Kestrel Optics for seekers, with Tellmar Aero for guidance kits, and with the Norland Institute "
            "of Science for propulsion research.")
    got = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in got] == [["Vexlar Dynamics Limited", p] for p in
                                           ("Kestrel Optics", "Tellmar Aero", "Norland Institute of Science")]


def test_the_company_that_received_an_order_is_the_one_the_sentence_before_opened_with():
    text = ("Vexlar Dynamics Limited signed an MoU with Thales on Monday. The company also received an order worth "
            "Rs 2,100 crore from the Norland Army for missiles.")
    got = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in got] == [["Vexlar Dynamics Limited", "Thales"],
                                           ["Vexlar Dynamics Limited", "Norland Army"]]


def test_the_company_signing_one_memorandum_with_two_bodies_is_a_party_beside_both():
    text = ("Vexlar Dynamics Limited received an order from the Norland Army, the company said on Monday. The "
            "company signed a memorandum of understanding with Orvik Labs, Oslo, and Tellmar Aero Ltd.")
    got = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in got][-1] == ["Vexlar Dynamics Limited", "Orvik Labs", "Tellmar Aero Ltd"]


def test_counted_contracts_told_in_order_take_their_own_sides_but_not_the_services_they_equip():
    text = ("The Norland Ministry of Defence on Wednesday signed two contracts worth $90 million. The first contract, "
            "worth $60 million, was signed with Vexa Systems Ltd for radars to be fielded by the Norland Army. The "
            "second, with Orvik Marine Ltd, covers the supply of sonars for Norland Navy frigates. The contracts "
            "were signed in Oslo.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(tuple(a["parties"]) for a in got) == [("Norland Ministry of Defence", "Orvik Marine Ltd"),
                                                        ("Norland Ministry of Defence", "Vexa Systems Ltd")]
    assert [a["location"] for a in got] == ["Oslo", "Oslo"]


def test_a_body_that_will_field_or_use_what_a_contract_buys_is_served_not_a_party():
    for served in ("to be fielded by the Norland Army", "for use by the Norland Army"):
        text = f"The Norland Ministry of Defence signed a contract with Vexa Systems Ltd for radars {served}."
        (ag,) = extract_article(text, PUB)["agreements"]
        assert ag["parties"] == ["Norland Ministry of Defence", "Vexa Systems Ltd"], served
    # positive control: a body named as the other side is a party
    text = "The Norland Ministry of Defence signed a contract with Vexa Systems Ltd and the Norland Army for radars."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Norland Ministry of Defence", "Vexa Systems Ltd", "Norland Army"]


def test_talks_with_counterparts_of_two_countries_beside_a_conference_are_two_more_meetings():
    text = ("Defence chiefs from 14 nations gathered in Bergen for a two-day conference hosted by the Norland "
            "Armed Forces that ended on Friday. On the sidelines, the Ruritanian Chief of Defence Staff, General "
            "Karl Berg, held bilateral talks with his Malaysian and Singaporean counterparts.")
    got = extract_article(text, PUB)["meetings"]
    assert [m["type"] for m in got] == ["conference", "bilateral meeting", "bilateral meeting"]
    one = text.replace("Malaysian and Singaporean counterparts", "Malaysian counterpart")
    assert [m["type"] for m in extract_article(one, PUB)["meetings"]] == ["conference", "bilateral meeting"]


def test_a_meeting_received_for_talks_is_held_and_another_met_later_is_its_own():
    text = ("Norland's Minister of Defence Karl Berg received his Ruritanian counterpart Ole Lind in Oslo on Monday "
            "for talks on air defence. Later in the day, Lind met Norland Prime Minister Ana Lunde.")
    got = extract_article(text, PUB)["meetings"]
    assert [(m["type"], m["location"]) for m in got] == [("bilateral meeting", "Oslo")] * 2


def test_the_place_and_date_of_an_earlier_occasion_in_a_which_clause_are_not_the_meetings():
    text = ("The Norland-Ruritania Joint Working Group, which last met in Tokyo in 2024, convened its ninth meeting "
            "in Oslo on Wednesday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["location"], mt["start"]) == ("Oslo", "2025-06-11")


def test_a_deal_that_builds_on_an_earlier_one_names_another_agreement_between_the_two_parties():
    text = ("The Department of Defence has signed a contract with Vexlar Systems for missiles on Monday. The contract "
            "builds on an agreement signed in 2023 between the two parties.")
    got = extract_article(text, PUB)["agreements"]
    assert [(a["type"], a["date"], a["parties"]) for a in got] == [
        ("contract", "2025-06-09", ["Department of Defence", "Vexlar Systems"]),
        ("other", "2023-01-01", ["Department of Defence", "Vexlar Systems"])]


def test_a_contract_the_company_had_earlier_won_is_another_agreement():
    text = ("Vexlar Munitions Ltd (VML) has secured an export order worth $90 million from a European customer for "
            "shells. The order will be executed over three years. VML had earlier won a contract from the Norland "
            "Army for guns.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(a["parties"] for a in got) == [["Vexlar Munitions Ltd"], ["Vexlar Munitions Ltd", "Norland Army"]]


def test_the_one_who_won_a_contract_is_a_body_even_with_a_name_like_a_person_s():
    text = "Korva Armour won a contract from the Norland Border Force for jackets."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Korva Armour", "Norland Border Force"}
    text = "Karl Berg signed a contract with the Norland Border Force for jackets."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Norland Border Force"]


def test_the_subject_right_after_a_datelines_dash_is_a_party():
    text = "Vexa wins order\n\nBERGEN, Norway — Rheinvik Defence has won an order from the Norland Army for trucks."
    got = extract_article(text, PUB)
    assert set(got["agreements"][0]["parties"]) == {"Rheinvik Defence", "Norland Army"}
    assert "Rheinvik" not in {o["name"] for o in got["organisations"]}


def test_the_framework_contract_told_after_an_order_is_that_order_now_typed_and_placed_in_a_town():
    text = ("Vexlar Defence has won an order from the Norland Materiel Agency for 400 trucks, the company said on "
            "Thursday. The framework contract was signed in Karlskrona on 2 June.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["date"], ag["location"]) == ("framework", "2025-06-02", "Karlskrona")
    assert set(ag["parties"]) == {"Vexlar Defence", "Norland Materiel Agency"}


def test_each_verb_of_a_sentence_reporting_two_deals_has_its_own_subject():
    text = ("Among the contracts, Vexlar Shipyards Ltd signed a deal with the Norland Coast Guard for boats, while "
            "Korva Armour won a contract from the Norland Border Force for jackets.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(sorted(a["parties"]) for a in got) == [["Korva Armour", "Norland Border Force"],
                                                         ["Norland Coast Guard", "Vexlar Shipyards Ltd"]]


def test_deals_listed_as_one_between_a_and_b_and_another_between_c_and_d_are_one_agreement_each():
    text = ("The second day of the show saw the signing of nine memoranda of understanding. Notable MoUs included "
            "one between the Norland Institute of Technology and Vexlar Photonics on lasers, and another between "
            "Korvane Aerostructures and Nordic firm Fjell Composites on airframes.")
    got = extract_article(text, PUB)
    assert sorted(sorted(a["parties"]) for a in got["agreements"]) == [
        ["Fjell Composites", "Korvane Aerostructures"], ["Norland Institute of Technology", "Vexlar Photonics"]]
    assert {a["type"] for a in got["agreements"]} == {"MoU"}
    assert "Nordic" not in {o["name"] for o in got["organisations"]}


def test_the_two_names_after_between_are_two_bodies_unless_a_common_word_alone_follows_and():
    got = extract_article("An MoU between the Norland Ministry of Science and Technology and Vexa Labs was signed.",
                          PUB)
    assert sorted(got["agreements"][0]["parties"]) == ["Norland Ministry of Science and Technology", "Vexa Labs"]
    got = extract_article("An MoU between the Norland Institute of Technology and Vexa Photonics was signed.", PUB)
    assert sorted(got["agreements"][0]["parties"]) == ["Norland Institute of Technology", "Vexa Photonics"]
    got = extract_article("Vexa Labs signed an MoU with the Norland Institute of Science and Technology.", PUB)
    assert "Norland Institute of Science and Technology" in got["agreements"][0]["parties"]


def test_two_signatories_side_by_side_with_the_seconds_body_and_title_between():
    text = ("The Norland Department of Defense signed a contract with Vexlar Heavy Industries on Monday. Defense "
            "Secretary Karl Berg and Vexlar Heavy Industries president Ole Lind signed the contract.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["signatories"] == ["Karl Berg", "Ole Lind"]


def test_a_sentence_opening_in_a_city_places_its_meeting_there():
    (mt,) = extract_article("In Hanoi, he held bilateral talks with his Vietnamese counterpart on Wednesday.",
                            PUB)["meetings"]
    assert mt["location"] == "Hanoi"


def test_the_body_a_deal_was_signed_at_is_no_party_where_others_are():
    text = ("Vexlar Aero signed a letter of intent with Austria for the joint acquisition of nine aircraft at the "
            "Norland Ministry of Defence in Oslo on Monday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexlar Aero", "Government of Austria"] and ag["location"] == "Oslo"


def test_a_delegation_calls_on_an_officer_known_by_title_and_body_and_both_sides_leaders_chair():
    text = ("A delegation from the Norland Navy, led by Vice Admiral Karl Berg, called on the Flag Officer "
            "Commanding-in-Chief of the Eastern Naval Command in Bergen on Tuesday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["participants"] == ["Norland Navy", "Eastern Naval Command"]
    text = ("The Norland Army and the Ruritanian Army held the 21st Executive Steering Group meeting in Oslo on "
            "Monday. The Norland side was led by Major General Karl Berg, and the Ruritanian side by Major General "
            "Ole Lind.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["type"] == "bilateral meeting" and [c["name"] for c in mt["chairs"]] == ["Karl Berg", "Ole Lind"]
    assert "Executive Steering Group" not in [o["name"] for o in extract_article(text, PUB)["organisations"]]


def test_the_heads_of_both_delegations_chair_when_the_second_is_told_without_its_verb():
    text = ("The fourth meeting of the Norland-Vexia Joint Defence Committee was held in Oslo on Monday. The "
            "Norland delegation was led by Defence Secretary Karl Berg and the Vexian delegation by Major General "
            "Ole Lind.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert [c["name"] for c in mt["chairs"]] == ["Karl Berg", "Ole Lind"]
    text = ("The fourth meeting of the Norland-Vexia Joint Defence Committee was held in Oslo on Monday. A "
            "Vexian delegation led by Major General Ole Lind attended.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["chairs"] == []


def test_the_head_of_the_side_represented_by_someone_chairs_with_the_other_sides_head():
    text = ("The defence ministries of Norland and Vexia held their annual consultations in Oslo on Monday. The "
            "Norland delegation was headed by State Secretary Karl Berg, while Vexia was represented by State "
            "Secretary Ana Lund.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert [c["name"] for c in mt["chairs"]] == ["Karl Berg", "Ana Lund"]


def test_counted_deals_listed_among_them_each_with_its_own_subject_are_one_each():
    text = ("Day two of the expo saw 11 memoranda of understanding signed. Among them, Vexlar Defence Systems tied "
            "up with Israel's Orvik Systems for fire control; Tellmar Electronics Limited signed with Kestrel "
            "Robotics for ground vehicles; and the Norland Institute of Technology partnered with the Ruritanian "
            "Research Agency on quantum sensing.")
    got = extract_article(text, PUB)["agreements"]
    assert [(a["type"], a["parties"]) for a in got] == [
        ("MoU", ["Vexlar Defence Systems", "Orvik Systems"]),
        ("MoU", ["Tellmar Electronics Limited", "Kestrel Robotics"]),
        ("MoU", ["Norland Institute of Technology", "Ruritanian Research Agency"])]


def test_the_two_sides_meeting_earlier_is_a_meeting_of_its_own():
    text = "The ministers held talks in Oslo on Monday. The two ministers had last met in Bergen in March."
    got = extract_article(text, PUB)["meetings"]
    assert [(m["type"], m["location"], m["start"]) for m in got] == [
        ("bilateral meeting", "Oslo", "2025-06-09"), ("bilateral meeting", "Bergen", "2025-03-01")]


def test_deals_listed_among_the_named_deals_read_each_items_own_subject_and_type():
    text = ("Norland and Ruritania signed 12 agreements in Oslo on Saturday. Among the defence deals, Vexlar "
            "Aerospace signed an MoU with the Ruritanian Aeronautical Complex for trainers, and VXA agreed with "
            "Orvik Shipyard to build two corvettes.")
    got = extract_article(text, PUB)["agreements"][1:]
    assert [(a["type"], a["parties"]) for a in got] == [
        ("MoU", ["Vexlar Aerospace", "Ruritanian Aeronautical Complex"]), ("other", ["VXA", "Orvik Shipyard"])]


def test_a_weekday_after_a_meetings_name_is_its_date_not_part_of_its_name():
    text = ("Officials held the Velmar Security Dialogue on Tuesday. The Joint Working Group on Naval Research met "
            "on June 3.")
    got = extract_article(text, PUB)["meetings"]
    assert [m["name"] for m in got] == ["Velmar Security Dialogue", "Joint Working Group on Naval Research"]


def test_talks_held_on_the_sidelines_of_a_dialogue_are_bilateral_meetings_of_their_own():
    text = ("Defence Minister Ilse Varga held bilateral meetings with the defence ministers of Chile, Peru and "
            "Ghana on the sidelines of the Velmar Security Dialogue on Tuesday.")
    got = extract_article(text, PUB)["meetings"]
    assert [(m["type"], m["name"]) for m in got] == [
        ("dialogue", "Velmar Security Dialogue"), *[("bilateral meeting", None)] * 3]
    (only,) = extract_article("The ministers signed a pact at the Velmar Security Dialogue.", PUB)["meetings"]
    assert only["type"] == "dialogue"


def test_an_earlier_meeting_of_the_two_sides_neither_dates_nor_joins_the_storys_meeting():
    text = ("Portuguese Defence Minister Jon Kett and his Chilean counterpart Ilse Varga signed a memorandum "
            "on naval training at their meeting in Lisbon. The two ministers had last met in Bergen in 2023.")
    got = extract_article(text, PUB)
    assert [(m["type"], m["location"], m["start"]) for m in got["meetings"]] == [
        ("bilateral meeting", "Lisbon", None), ("bilateral meeting", "Bergen", "2023-01-01")]
    (ag,) = got["agreements"]
    assert ag["date"] is None and set(ag["parties"]) == {"Government of Portugal", "Government of Chile"}


def test_a_delegation_calling_on_an_official_named_by_title_alone_holds_a_meeting():
    for text in ("A Norlandic delegation led by Brigadier Jon Kett called on the Defence Secretary.",
                 "The delegation met the Chief of the Naval Staff on Tuesday."):
        assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["bilateral meeting"], text
    assert extract_article("The delegation visited the Joint Staff College.", PUB)["meetings"] == []


def test_a_list_of_deals_of_different_kinds_gives_one_agreement_per_item_of_its_own_type():
    text = ("Vexlar Industries signed a memorandum of understanding with Orvik Systems to assemble trainers, a "
            "contract with Tellmar Aerospace for artillery shells, and a teaming agreement with Kestrel Naval.")
    got = extract_article(text, PUB)["agreements"]
    assert [(a["type"], a["parties"]) for a in got] == [
        ("MoU", ["Vexlar Industries", "Orvik Systems"]), ("contract", ["Vexlar Industries", "Tellmar Aerospace"]),
        ("other", ["Vexlar Industries", "Kestrel Naval"])]
    (one,) = extract_article("Vexlar Industries signed an agreement with Orvik Systems and Kestrel Naval.",
                             PUB)["agreements"]
    assert one["parties"] == ["Vexlar Industries", "Orvik Systems", "Kestrel Naval"]


def test_a_later_sentence_telling_where_when_and_by_whom_it_was_signed_completes_the_agreement():
    text = ("The Norlandic Navy has awarded Vexlar Radar AS a contract for radar support, the company said on "
            "Wednesday. The contract covers spare parts and repairs for five years. It was signed on 3 June in "
            "Bergen by Rear Admiral Ivo Rask and Vexlar Radar chief executive Ola Berg.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["location"]) == ("2025-06-03", "Bergen")
    assert ag["signatories"] == ["Ivo Rask", "Ola Berg"]
    text = ("Vexlar Systems and Orvik Labs signed an MoU on Monday. Under it, Orvik will repair engines. "
            "The signing took place in Oslo in the presence of the deputy minister.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["location"]) == ("2025-06-09", "Oslo")
    text = ("Vexlar Systems and Orvik Labs signed an MoU on Monday. Under it, Orvik will repair engines. "
            "A new hangar was opened in Oslo on 3 June.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["location"]) == ("2025-06-09", None)


def test_calls_on_two_officials_after_an_opening_clause_are_two_meetings():
    text = ("On the first day, he called on the Norlandic Minister of Defence, General Jon Kett, and held "
            "discussions on training. He also met the Chief of Staff of the Norlandic Armed Forces, Lieutenant "
            "General Ivo Rask.")
    got = extract_article(text, PUB)["meetings"]
    assert [m["type"] for m in got] == ["bilateral meeting", "bilateral meeting"]


def test_signatories_set_off_by_their_titles_or_signing_the_document_afterwards_are_the_agreements():
    text = "Arvid Lunde, CMD of Vexlar Systems, and Ola Berg, CEO of Orvik Labs, signed the MoU."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["signatories"] == ["Arvid Lunde", "Ola Berg"]
    text = ("Vexlar Systems and Orvik Labs signed an MoU on Monday. Chairman Arvid Lunde and CEO Ola Berg signed "
            "the document.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["signatories"] == ["Arvid Lunde", "Ola Berg"]
    text = "Vexlar Systems and Orvik Labs signed an MoU on Monday. Chairman Arvid Lunde later met CEO Ola Berg."
    assert extract_article(text, PUB)["agreements"][0]["signatories"] == []


def test_ministers_gathering_for_a_named_meeting_held_it():
    text = "Defence ministers gathered in Lisbon on Tuesday for the Atlantic Defence Ministers' Meeting."
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["name"], m["location"], m["start"]) == ("Atlantic Defence Ministers' Meeting", "Lisbon", "2025-06-10")


def test_a_signed_defence_cooperation_programme_is_an_agreement_and_its_signers_sign_it():
    text = ("Chile and Peru signed a Defence Cooperation Programme for 2026-27 on Tuesday. The programme was "
            "signed by Chilean Ambassador Ana Soto and Peruvian Defence Secretary Ivo Rask.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["signatories"]) == ("other", ["Ana Soto", "Ivo Rask"])
    assert extract_article("Both sides agreed to finalise a cooperation programme next year.", PUB)["agreements"] == []


def test_a_contact_group_convening_beside_a_ministers_meeting_with_chairs_of_its_own_is_another_meeting():
    text = ("Alliance defence ministers met in Brussels on Thursday. Secretary General Ana Soto chaired the meeting. "
            "On the margins, the Norland Support Contact Group also convened, co-chaired by Defence Secretary Jon "
            "Kett and Defence Minister Ivo Rask.")
    got = extract_article(text, PUB)["meetings"]
    assert [(m["name"], sorted(r["name"] for r in m.get("chairs", []))) for m in got] == [
        (None, ["Ana Soto"]), ("Norland Support Contact Group", ["Ivo Rask", "Jon Kett"])]


def test_a_joint_venture_set_up_by_two_firms_and_a_deal_under_another_agreement_are_agreements():
    text = ("Vexlar Aero and Orvik Systems have set up a joint venture to build drones, the companies said on "
            "Tuesday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["parties"]) == ("other", ["Vexlar Aero", "Orvik Systems"])
    text = ("Vexlar Aero and Orvik Systems signed a contract for drones on Monday. Under another agreement, "
            "Tellmar Industries and Kestrel Industries are to build gearboxes together in Chile.")
    got = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in got] == [
        ["Vexlar Aero", "Orvik Systems"], ["Tellmar Industries", "Kestrel Industries"]]
    text = "Orvik Missiles, a joint venture between Chile and Peru, received an order from the Navy on Monday."
    assert [a["type"] for a in extract_article(text, PUB)["agreements"]] == ["contract"]


def test_a_signing_by_the_two_leaders_ministers_has_both_governments_and_an_award_by_an_agency_is_the_same_deal():
    text = ("Chilean President Ana Soto received Peruvian Prime Minister Ivo Rask in Santiago on Tuesday. The two "
            "leaders witnessed the signing of a reciprocal access agreement by their defence ministers.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Chile", "Government of Peru"}
    text = ("Vexlar Electronics said on Thursday it had won a contract to supply radars for four frigates. The "
            "contract was awarded by the Norland Defence Materiel Organisation.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexlar Electronics", "Norland Defence Materiel Organisation"]


def test_both_sides_heads_lead_a_dialogue_and_the_two_delegations_sign_for_their_countries():
    text = ("The third Chile-Peru Defence Policy Dialogue was held in Lima on Thursday. The Chilean delegation was "
            "headed by Deputy Defence Minister Ana Soto, while the Peruvian side was led by Permanent Secretary Ivo "
            "Rask. On the sidelines, the two delegations signed a memorandum of understanding on peacekeeping.")
    got = extract_article(text, PUB)
    assert [c["name"] for c in got["meetings"][0]["chairs"]] == ["Ana Soto", "Ivo Rask"]
    assert got["agreements"][0]["parties"] == ["Government of Chile", "Government of Peru"]
    text = "Defence Minister Jon Kett held talks with a delegation led by Brigadier Ana Soto on Monday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["chairs"] == []


def test_the_date_right_after_the_signing_verb_is_the_agreements_own():
    text = ("On Monday the two ministers reviewed the progress of the Defence Cooperation Agreement signed in 2024 "
            "between Chile and Peru.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["precision"]) == ("2024-01-01", "year")


def test_the_day_a_later_sentence_gives_the_award_replaces_the_day_of_the_announcement():
    text = ("Vexlar Systems today announced that it has been awarded a contract by the Orvik Materiel Agency to "
            "upgrade radars.\n\nThe contract, awarded on January 10, covers engineering work over five years.")
    (ag,) = extract_article(text, dt.date(2025, 1, 14))["agreements"]
    assert ag["date"] == "2025-01-10"


def test_those_a_teaming_deal_offers_or_markets_its_products_to_are_served_not_parties():
    for purpose in ("to jointly offer drones to NATO customers", "to market the radar to the Indian Army"):
        text = f"Vexlar Dynamics signed a teaming agreement with Orvik Aerospace GmbH {purpose}."
        (ag,) = extract_article(text, PUB)["agreements"]
        assert ag["parties"] == ["Vexlar Dynamics", "Orvik Aerospace GmbH"]


def test_announcing_a_joint_ventures_formation_concludes_it_and_a_partys_country_after_of_is_no_party():
    text = ("Vexlar Aerospace Pvt Ltd and Orvik Engines Ltd of the UK on Wednesday announced the formation of a "
            "joint venture to manufacture engines for drones.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexlar Aerospace Pvt Ltd", "Orvik Engines Ltd"]


def test_the_days_of_a_visit_in_a_relative_clause_do_not_date_talks_told_with_their_own_day():
    text = ("Admiral Ola Dahl, who is on an official visit to Norland from October 7 to 10, held talks with Vice "
            "Admiral Karl Berg in Oslo on Tuesday.")
    (mt,) = extract_article(text, dt.date(2024, 10, 9))["meetings"]
    assert (mt["start"], mt["end"]) == ("2024-10-08", "2024-10-08")


def test_a_meetings_length_reads_across_the_adjectives_before_its_word():
    text = "A two-day international conference on space security, organised by the Vexlar Centre, concluded on Friday."
    (mt,) = extract_article(text, dt.date(2024, 10, 9))["meetings"]
    assert (mt["start"], mt["end"]) == ("2024-10-03", "2024-10-04")


def test_a_committee_the_story_named_that_last_met_held_a_meeting_though_the_next_is_only_planned():
    text = ("Chile and Peru will hold the next meeting of their Joint Defence Committee in Lima next month. The "
            "committee last met in Santiago in September 2023, when the two sides agreed to expand training.")
    (mt,) = extract_article(text, dt.date(2024, 10, 9))["meetings"]
    assert (mt["start"], mt["location"]) == ("2023-09-01", "Santiago")


def test_two_ministers_joined_by_and_with_titles_of_for_sign_together():
    text = ("Chile's Minister of Defence Ana Soto and Peru's Minister for Defence Ivo Rask held talks in Lima on "
            "Wednesday and signed an agreement on the support of the fighter fleet.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["signatories"] == ["Ana Soto", "Ivo Rask"]


def test_a_meeting_that_began_and_will_continue_till_a_later_day_ends_that_day():
    text = "The annual commanders' conference began in Oslo on Tuesday and will continue till April 4."
    (mt,) = extract_article(text, dt.date(2025, 4, 1))["meetings"]
    assert (mt["start"], mt["end"]) == ("2025-04-01", "2025-04-04")
    text = "The annual commanders' conference began in Oslo on Monday and will conclude on Thursday."
    (mt,) = extract_article(text, dt.date(2025, 3, 14))["meetings"]
    assert (mt["start"], mt["end"]) == ("2025-03-10", "2025-03-13")


def test_the_company_that_had_earlier_secured_a_contract_is_the_storys_company():
    text = ("Vexlar Aerospace has bagged an order from the Indian Army for drones, the company said. The company had "
            "earlier secured a contract from the Indian Air Force for radars.")
    ags = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in ags] == [["Vexlar Aerospace", "Indian Army"],
                                           ["Vexlar Aerospace", "Indian Air Force"]]


def test_an_upcoming_event_the_talks_discussed_does_not_make_the_talks_planned():
    text = ("Admiral Ola Dahl held a video conference with Admiral Karl Berg on Monday to discuss the upcoming "
            "naval exercise.")
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["bilateral meeting"]
    text = "The two admirals will meet on Friday to discuss the upcoming exercise."
    assert extract_article(text, PUB)["meetings"] == []


def test_a_council_that_hosted_the_summit_names_no_meeting_of_its_own():
    text = ("The first Vexa-X summit, bringing together start-ups and officials, was held in Oslo on June 20-21.\n\n"
            "The summit was co-organised by the Vexlar Innovation Agency and the Orvik Defense Department, and "
            "hosted by the Norland Business Council.")
    (mt,) = extract_article(text, dt.date(2025, 2, 14))["meetings"]
    assert (mt["name"], mt["start"], mt["end"]) == ("first Vexa-X summit", "2024-06-20", "2024-06-21")
    assert "Norland Business Council" in mt["participants"]


def test_a_years_tally_of_contracts_is_no_agreement():
    text = "Vexlar Electronics had signed contracts worth Rs 18,000 crore in the last financial year, analysts said."
    assert extract_article(text, PUB)["agreements"] == []
    text = "Vexlar Electronics signed a contract with the Navy on Monday, analysts said."
    assert len(extract_article(text, PUB)["agreements"]) == 1


def test_the_body_of_an_officers_title_names_no_meeting():
    text = ("Ola Dahl, vice chairman of Norland's Central Military Commission, held talks with General Karl Berg in "
            "Oslo on Wednesday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["name"] is None


def test_two_officers_joined_by_and_the_second_with_a_lower_case_title_and_a_rank_sign_together():
    text = ("The Norland Defence Forces and the Vexian Army Task Force signed a partnership agreement on Thursday. "
            "Norland Chief of Defence Forces General Ola Dahl and Vexian commander Maj. Gen. Karl Berg signed on "
            "behalf of their forces.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["signatories"] == ["Ola Dahl", "Karl Berg"]


def test_a_headlines_cooperation_deal_is_a_cooperation_agreement_not_a_contract():
    text = ("Vexa signs cooperation deal with Orvik\n\nVexa Labs and Orvik Systems signed a cooperation agreement "
            "on Tuesday covering joint production.")
    assert [a["type"] for a in extract_article(text, PUB)["agreements"]] == ["other"]


def test_a_unit_signing_for_its_parent_beside_the_parent_is_no_party_of_its_own():
    text = ("The Indian Army and the Vexlar Institute of Technology on Monday signed an MoU on AI research. The MoU "
            "was signed by Lt Gen Ola Dahl, Commandant of the Army's Orvik College of Signals Engineering, and Prof "
            "Karl Berg, Director, Vexlar Institute of Technology.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Indian Army", "Vexlar Institute of Technology"]


VISIT_REPORT = (
    "Oslo, June 14: Defence Minister Ola Dahl returned on Saturday from a tour of Chile and Peru, during which he "
    "held talks with his counterparts and signed several agreements.\n\n"
    "In Santiago on Monday, Dahl held bilateral talks with Chile's Defence Minister, Ana Soto. The two sides "
    "signed an MoU on defence cooperation.\n\n"
    "On Wednesday in Lima, he met Peruvian Defence Minister Ivo Rask. An agreement on the training of Peruvian "
    "officers in Norway was signed in the presence of the two ministers.")


def test_a_visit_reports_deals_are_each_between_the_home_country_and_the_one_visited_that_day():
    ags = extract_article(VISIT_REPORT, dt.date(2025, 6, 14))["agreements"]
    assert [(sorted(a["parties"]), a["date"]) for a in ags] == [
        (["Government of Chile", "Government of Norway"], "2025-06-09"),
        (["Government of Norway", "Government of Peru"], "2025-06-11")]


def test_talks_of_a_tour_are_dated_by_their_own_day_not_the_day_of_return():
    meetings = extract_article(VISIT_REPORT, dt.date(2025, 6, 14))["meetings"]
    assert [(m["start"], m["location"]) for m in meetings] == [("2025-06-09", "Santiago"), ("2025-06-11", "Lima")]


def test_the_minister_meeting_a_counterpart_after_a_long_opening_occasion_held_talks_beside_it():
    text = ("On the sidelines of the Halvard Security Dialogue in Singapore, the minister met his Norwegian "
            "counterpart Ola Dahl on Saturday.")
    meetings = extract_article(text, PUB)["meetings"]
    assert [m["type"] for m in meetings] == ["dialogue", "bilateral meeting"]


def test_officials_of_two_bodies_who_met_held_a_meeting_of_those_bodies():
    text = ("Officials of the Norwegian Defence Materiel Agency and the Chilean Army met in Oslo on Monday to review "
            "the howitzer programme.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["participants"]) == ("bilateral meeting", ["Norwegian Defence Materiel Agency",
                                                                      "Chilean Army"])


def test_delegations_or_staff_of_two_bodies_one_with_its_acronym_who_met_to_review_progress_held_a_review():
    text = ("Senior officers of the Norland Navy and scientists of the Velmar Sonar Laboratory (VSL) met in Oslo on "
            "Monday to review the progress of the torpedo programme.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["participants"]) == ("review meeting", ["Norland Navy", "Velmar Sonar Laboratory"])
    text = "Delegations of the Norland Navy and the Velmar Navy met in Oslo on Monday."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["participants"]) == ("bilateral meeting", ["Norland Navy", "Velmar Navy"])


def test_a_deal_told_in_a_relative_aside_is_dated_by_the_aside_not_by_the_sentences_event():
    text = "Chile and Peru, which signed a logistics pact in 2020, held staff talks in Lima on Monday."
    view = extract_article(text, dt.date(2025, 6, 14))
    assert [(a["date"], a["precision"]) for a in view["agreements"]] == [("2020-01-01", "year")]
    assert [m["start"] for m in view["meetings"]] == ["2025-06-09"]


def test_a_count_of_rounds_held_since_a_year_is_no_meeting_of_that_year():
    text = "Since 2020, Chile and Peru have held four rounds of staff talks."
    assert extract_article(text, dt.date(2025, 6, 14))["meetings"] == []
    text = "Chile and Peru held the fourth round of staff talks on Monday."
    assert len(extract_article(text, dt.date(2025, 6, 14))["meetings"]) == 1


def test_a_caption_meeting_on_the_sidelines_of_a_numbered_dialogue_leaves_the_dialogue_its_type():
    text = ("Defence Secretary Ola Dahl meets Vexian Deputy Minister Karl Berg on the sidelines of 15th "
            "Norway-Vexland Defence Policy Dialogue, Oslo on November 10, 2025.\n\nNorway and Vexland, on Monday, "
            "held the 15th Defence Policy Dialogue in Oslo, co-chaired by Defence Secretary Ola Dahl and Deputy "
            "Minister Karl Berg.")
    meetings = extract_article(text, dt.date(2025, 11, 11))["meetings"]
    assert [m["type"] for m in meetings] == ["dialogue", "bilateral meeting"]


def test_a_dialogue_held_before_an_announcement_was_held_but_talks_being_held_for_years_are_no_meeting():
    text = "The two ministers announced the partnership after holding the Norland-Vexland Strategic Dialogue."
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["dialogue"]
    text = "Norland and Vexland have been holding talks for two years on the purchase of jets."
    assert extract_article(text, PUB)["meetings"] == []


def test_the_place_where_a_deal_sets_up_a_centre_is_not_where_it_was_signed():
    text = ("Ola Dahl and Karl Berg signed an agreement on Thursday establishing the Joint Analysis, Training and "
            "Education Centre in Bergen, Norway.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["location"] is None


def test_another_deal_with_a_second_body_is_the_same_signers():
    second = ("the Vexlar Development Authority signed an MoU with Kalpana Aerospace for a plant at Bergen, and "
              "another with Trinetra Systems for a drone plant in Oslo.")
    for text in (second[0].upper() + second[1:],
                 "As many as 75 MoUs were signed on the occasion.\n\nAmong them, " + second):
        ags = extract_article(text, PUB)["agreements"]
        assert [a["parties"] for a in ags] == [["Vexlar Development Authority", "Kalpana Aerospace"],
                                               ["Vexlar Development Authority", "Trinetra Systems"]]


def test_talks_during_which_something_was_reached_were_held():
    text = ("The agreement was reached during talks between Vexlar Minister Ola Dahl and Norwegian Deputy Defence "
            "Minister Karl Berg in Oslo on Wednesday.")
    assert [(m["type"], m["location"]) for m in extract_article(text, PUB)["meetings"]] == [
        ("bilateral meeting", "Oslo")]


def test_the_ministers_of_the_countries_sign_for_their_governments():
    text = ("The defence ministers of the United Kingdom, Japan and Italy signed an international treaty on Thursday "
            "establishing an agency to manage the fighter programme.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Government of Italy", "Government of Japan", "Government of the United Kingdom"]


def test_an_agency_beside_the_department_it_reports_to_stays_a_party():
    text = ("The Defence Research and Development Organisation (DRDO) on Friday handed over licensing agreements "
            "for transfer of technology to Vexlar Systems Ltd. The agreements were handed over by Secretary, "
            "Department of Defence R&D and Chairman DRDO Ola Dahl.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert "Defence Research and Development Organisation" in ag["parties"]


def test_deals_of_a_show_told_one_by_one_are_signed_where_the_summary_says():
    text = ("Several agreements were signed on the second day of the defence exhibition in Paris on Tuesday.\n\n"
            "Vexlar Group signed a memorandum of understanding with Orvik Works to produce shells.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["location"]) == ("MoU", "Paris")


def test_the_five_year_contract_signed_by_an_agency_is_the_one_just_told_and_the_agency_its_party():
    text = ("A £1.5 billion contract has been awarded to Vexlar Marine to maintain the submarine fleet, the "
            "Defence Secretary announced today. The five-year contract, signed by the Norland Equipment Agency, "
            "will sustain 1,500 jobs.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexlar Marine", "Norland Equipment Agency"]


def test_a_deal_mentioned_again_without_a_verb_keeps_the_next_sentences_signer_on_it():
    text = ("The Norland Ministry of Defence has signed a contract with Vexlar Systems to assemble missiles in Bergen. "
            "The minister said the agreement, worth $850 million, would create 100 jobs. The contract was signed on "
            "3 March by the Norland Guided Weapons Group.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Norland Ministry of Defence", "Vexlar Systems", "Norland Guided Weapons Group"]


def test_they_after_an_opening_year_are_the_two_governments_just_told():
    text = ("The relationship took off in 2016, when the two governments of Chile and Peru signed an agreement for "
            "jets. In 2018, they signed an agreement on logistics support.")
    ags = extract_article(text, PUB)["agreements"]
    assert [sorted(a["parties"]) for a in ags] == [["Government of Chile", "Government of Peru"]] * 2


def test_a_dialogue_that_has_met_several_times_since_a_year_is_no_meeting_of_that_year():
    text = "The annual defence dialogue, launched in 2018, has since met six times."
    assert extract_article(text, PUB)["meetings"] == []
    text = "Since then, several rounds of consultations have been held, but no agreement has been reached."
    assert extract_article(text, PUB)["meetings"] == []


def test_a_companys_own_division_whose_manager_signed_is_the_company():
    text = ("Hindustan Aeronautics Limited (HAL) and Vexlar Engines on Wednesday signed a contract for forged parts at "
            "HAL's Forge and Foundry Division in Bengaluru. The contract was signed by HAL's General Manager (Forge "
            "and Foundry Division) Ola Dahl and Vexlar Engines' Executive Vice President Karl Berg.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Hindustan Aeronautics Limited", "Vexlar Engines"]


def test_a_declaration_signed_with_a_counted_set_of_memoranda_is_one_more_agreement():
    text = "Chile and Peru signed a joint declaration on security and three memoranda of cooperation on Friday."
    assert sorted(a["type"] for a in extract_article(text, PUB)["agreements"]) == ["MoU", "MoU", "MoU", "other"]
    # a summary naming no side counts deals told later: no more of its own
    text = "The second day of the show saw the signing of nine memoranda of understanding and two contracts."
    assert len(extract_article(text, PUB)["agreements"]) <= 1


def test_an_agreed_text_or_a_draft_concludes_no_agreement_but_talks_about_it_were_held():
    text = "Chile and Peru finalised the text of a defence cooperation agreement, which will be signed in April."
    assert extract_article(text, PUB)["agreements"] == []
    text = "The two ministers held talks in Lima on Monday and discussed the draft agreement on logistics."
    view = extract_article(text, PUB)
    assert view["agreements"] == [] and [m["type"] for m in view["meetings"]] == ["bilateral meeting"]


def test_who_signed_for_each_side_in_a_sentence_after_the_deal_signed_it():
    text = ("Vexlar Systems and the Norland Navy signed an MoU on Monday. Signing for the Navy was Rear Admiral Ola "
            "Dahl, while CEO Karl Berg signed for the company.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["signatories"]) == ["Karl Berg", "Ola Dahl"]


def test_a_meeting_held_in_a_countrys_capital_is_held_in_that_city():
    text = "The summit took place in the Vietnamese capital on Monday."
    assert [m["location"] for m in extract_article(text, PUB)["meetings"]] == ["Hanoi"]
    text = "The two ministers held talks in Norway's capital on Monday."
    assert [m["location"] for m in extract_article(text, PUB)["meetings"]] == ["Oslo"]


def test_talks_held_on_board_a_ship_are_held_there():
    text = "The talks were held on board INS Vexa off the coast on Monday."
    assert [m["location"] for m in extract_article(text, PUB)["meetings"]] == ["INS Vexa"]


def test_meetings_told_in_different_places_are_two_meetings():
    text = ("- The Chilean and Peruvian defence ministers met in Lima on Tuesday to discuss maritime security.\n"
            "- The Joint Working Group on Defence Industry held its fourth meeting in Santiago on Thursday.")
    meetings = extract_article(text, dt.date(2025, 3, 14))["meetings"]
    assert sorted(m["location"] for m in meetings) == ["Lima", "Santiago"]


def test_the_duo_or_both_firms_after_a_sentence_opening_with_two_bodies_are_those_bodies():
    for pair in ("The duo", "Both firms", "The companies"):
        text = (f"Vexlar Labs and Orvik Systems have worked together for years. {pair} signed an MoU on Monday to "
                "develop radars.")
        (ag,) = extract_article(text, PUB)["agreements"]
        assert ag["parties"] == ["Vexlar Labs", "Orvik Systems"], pair


def test_we_in_a_quoted_signing_is_the_speakers_body():
    text = '"We signed the MoU with the Norland Navy today," said Ola Dahl, chief executive of Vexlar Labs.'
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Norland Navy", "Vexlar Labs"]


def test_after_meeting_a_counterpart_is_a_meeting_but_after_meeting_a_target_is_none():
    text = ('"We had very productive talks," Defence Minister Ola Dahl said after meeting his Peruvian counterpart '
            "Karl Berg in Lima on Monday.")
    assert [(m["type"], m["location"]) for m in extract_article(text, PUB)["meetings"]] == [
        ("bilateral meeting", "Lima")]
    assert extract_article("After meeting the target, the company raised its guidance.", PUB)["meetings"] == []


def test_a_meeting_told_before_a_plan_in_the_next_clause_was_held():
    for text in ("Defence Minister Ola Dahl met his Peruvian counterpart Karl Berg in Lima on Monday and invited him "
                 "to visit Oslo next year.",
                 "Defence Minister Ola Dahl held talks with his Peruvian counterpart Karl Berg on Monday; the two will "
                 "sign a logistics pact in May."):
        assert [m["start"] for m in extract_article(text, dt.date(2025, 3, 14))["meetings"]] == ["2025-03-10"], text
    text = "Defence Minister Ola Dahl is scheduled to meet his counterpart Karl Berg on Friday and will sign a pact."
    assert extract_article(text, PUB)["meetings"] == []


def test_two_contracts_of_one_kind_each_with_its_own_company_are_two_not_three():
    text = ("The Ministry of Defence signed a Rs 1,200 crore contract with Vexlar Electronics Limited for radars, "
            "and a Rs 800 crore contract with Orvik Works Limited for bridges, on Monday.")
    ags = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in ags] == [["Ministry of Defence", "Vexlar Electronics Limited"],
                                           ["Ministry of Defence", "Orvik Works Limited"]]


def test_a_meeting_told_in_an_aside_before_a_planned_one_was_held():
    text = "The two defence ministers, who met in Oslo on Monday, will meet again in June."
    assert [(m["start"], m["location"]) for m in extract_article(text, dt.date(2025, 3, 14))["meetings"]] == [
        ("2025-03-10", "Oslo")]
    text = "The Joint Working Group, which meets every year, will hold its next session in June."
    assert extract_article(text, dt.date(2025, 3, 14))["meetings"] == []


def test_two_documents_of_one_type_signed_together_by_the_same_sides_are_two_agreements():
    text = ("Chile and Peru signed an agreement on air-to-air refuelling and an implementing arrangement on submarine "
            "rescue on Thursday.")
    assert [a["type"] for a in extract_article(text, PUB)["agreements"]] == ["other", "other"]


def test_a_phone_call_between_leaders_is_a_bilateral_meeting_and_a_denied_signing_is_no_agreement():
    text = "Prime Minister Ana Soto spoke by telephone with President Ivo Rask on Tuesday."
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["bilateral meeting"]
    text = "Officials denied reports that a contract had been signed with Vexlar Systems."
    assert extract_article(text, PUB)["agreements"] == []
    text = "Vexlar Systems signed the contract on Monday; the company denied that it had paid a commission."
    assert [a["type"] for a in extract_article(text, PUB)["agreements"]] == ["contract"]


def test_a_habit_in_a_which_aside_does_not_unmake_the_meeting_but_a_future_in_it_does():
    text = ("The 14th Chile-Peru Joint Working Group meeting, which reviews bilateral defence ties every year, "
            "concluded in Lima on Friday.")
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["bilateral meeting"]
    text = "Officials said the Procurement Council, which will meet on Saturday, is to weigh the bids then."
    assert extract_article(text, PUB)["meetings"] == []


def test_an_industry_meet_held_is_a_conference_but_ministers_who_will_meet_hold_nothing_yet():
    text = "Representatives of 40 companies took part in the industry meet held in Lima on Monday."
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["conference"]
    assert extract_article("The ministers will meet industry leaders next week.", PUB)["meetings"] == []


def test_the_body_that_signed_a_list_of_priced_deals_is_a_party_of_each():
    text = ("On Tuesday the Norland Ministry of Defence signed deals worth 5.7 billion crowns. The ministry signed a "
            "2.3 billion crown contract with Vexlar Systems for munitions, and a 1.1 billion crown deal with Orvik "
            "Aero for tanker maintenance.")
    got = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in got] == [["Norland Ministry of Defence", "Vexlar Systems"],
                                           ["Norland Ministry of Defence", "Orvik Aero"]]


def test_an_earlier_deal_a_later_one_follows_is_dated_by_its_year():
    text = ("Vexlar Systems signed a contract with the Navy on Monday. The contract follows a 2021 agreement under "
            "which Vexlar Systems supplied radars to Orvik Shipyards.")
    got = extract_article(text, PUB)["agreements"]
    assert [(a["type"], a["date"]) for a in got] == [("contract", "2025-06-09"), ("other", "2021-01-01")]
    assert extract_article("The contract follows the 2026 budget plan.", PUB)["agreements"] == []


def test_a_high_level_committee_meeting_is_bilateral_and_a_roundtable_a_conference():
    got = extract_article("The Chile-Peru High-Level Committee on Defence met in Lima on Monday.", PUB)["meetings"]
    assert [m["type"] for m in got] == ["bilateral meeting"]
    got = extract_article("The annual Chile-Peru Defence Industry Roundtable was held in Lima on Monday.", PUB)
    assert [m["type"] for m in got["meetings"]] == ["conference"]


def test_signatories_with_a_title_and_body_set_off_or_a_day_before_the_verb_sign_but_a_speaker_does_not():
    text = ("Ms Ana Soto, Director (Finance), Vexlar Systems, and Mr Ivo Rask, Director (Operations), Orvik Labs, "
            "exchanged the MoU documents at the expo on Monday.")
    assert extract_article(text, PUB)["agreements"][0]["signatories"] == ["Ana Soto", "Ivo Rask"]
    text = "Vexlar CEO Ana Soto and Orvik Labs CEO Ivo Rask on Tuesday inked the agreement before their boards."
    assert extract_article(text, PUB)["agreements"][0]["signatories"] == ["Ana Soto", "Ivo Rask"]
    text = "The plan is good, said Defence Minister Ana Soto, after the MoU was signed in Lima on Monday."
    assert extract_article(text, PUB)["agreements"][0]["signatories"] == []


def test_the_two_ministers_who_signed_are_the_storys_minister_and_counterpart():
    text = ("Chilean Defence Minister Ana Soto held talks with her Peruvian counterpart Ivo Rask in Lima on Monday. "
            "The two ministers also signed a letter of intent on military logistics.")
    got = extract_article(text, PUB)["agreements"]
    assert got[0]["signatories"] == ["Ana Soto", "Ivo Rask"]
    text = ("Chilean Defence Minister Ana Soto met Peruvian Defence Minister Ivo Rask and Bolivian Defence Minister "
            "Jon Kett in Lima on Monday. The two ministers also signed a letter of intent.")
    assert extract_article(text, PUB)["agreements"][0]["signatories"] == []


def test_a_dateline_with_an_agency_and_no_colon_is_not_part_of_the_meeting_s_name():
    text = ("Lisbon, June 12 (PTI) The 4th Portugal-Ruritania Defence Policy Dialogue was held in Lisbon on "
            "Wednesday. It was co-chaired by Defence Secretary Rui Costa and Deputy Minister Karl Hoss.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["name"] == "4th Portugal-Ruritania Defence Policy Dialogue"
    assert m["start"] == "2025-06-11"  # the Wednesday before the day it was filed


def test_talks_with_counterparts_on_the_day_of_a_2_plus_2_are_that_dialogue():
    text = ("Norland and Ruritania held their first 2+2 ministerial meeting in Velmar on Monday. Foreign "
            "Minister Ada Berg and Defence Minister Ola Dahl met their Ruritanian counterparts Karl Hoss and "
            "Jan Novak. Later, Ada Berg also held a bilateral meeting with Prime Minister Lena Varga.")
    got = extract_article(text, PUB)["meetings"]
    assert [m["type"] for m in got] == ["dialogue", "bilateral meeting"]
    assert got[0]["start"] == "2025-06-09"


def test_hosts_receiving_their_guests_on_the_day_of_a_2_plus_2_are_that_dialogue():
    text = ("Norland and Ruritania held their first 2+2 ministerial meeting in Velmar on Monday. Foreign "
            "Minister Ada Berg and Defence Minister Ola Dahl hosted Ruritanian Foreign Secretary Karl Hoss and "
            "Defence Secretary Jan Novak. Later, Ada Berg also held a bilateral meeting with Prime Minister "
            "Lena Varga.")
    got = extract_article(text, PUB)["meetings"]
    assert [m["type"] for m in got] == ["dialogue", "bilateral meeting"]


def test_talks_with_named_ministers_on_the_day_of_a_2_plus_2_are_that_dialogue_but_further_talks_are_not():
    text = ("The foreign and defence ministers of Norland and Ruritania met in Manila on Monday for their 2+2 "
            "ministerial dialogue. Norland's Foreign Minister Ada Berg and Defence Minister Ola Dahl held talks "
            "with Ruritanian Foreign Secretary Karl Hoss and Defence Secretary Jan Novak.")
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["dialogue"]
    more = " Ada Berg also held talks with Prime Minister Lena Varga."
    assert [m["type"] for m in extract_article(text + more, PUB)["meetings"]] == ["dialogue", "bilateral meeting"]


def test_talks_with_a_counterpart_on_the_sidelines_of_a_dialogue_are_talks_of_their_own():
    text = ("The Velmar Security Dialogue was held in Velmar on Monday. On the sidelines of the dialogue, "
            "Defence Minister Ola Dahl held talks with his Ruritanian counterpart Jan Novak.")
    got = extract_article(text, PUB)["meetings"]
    assert sorted(m["type"] for m in got) == ["bilateral meeting", "dialogue"]


def test_the_city_after_a_meeting_s_name_is_where_it_met_not_part_of_the_name():
    for text, name in (
            ("Norland and Ruritania held the 3rd meeting of the Joint Defence Committee in Manila on Monday.",
             "3rd meeting of the Joint Defence Committee"),
            ("The Working Group on Maritime Security in Manila met on Monday.", "Working Group on Maritime Security"),
            ("The Conference on Security in Asia was held in Velmar on Monday.", "Conference on Security in Asia")):
        (m,) = extract_article(text, PUB)["meetings"]
        assert m["name"] == name, text


def test_a_group_s_list_of_deals_gives_one_agreement_per_partner_with_the_group():
    text = ("Orvik Group signed agreements with three partners at the show on Monday. The group signed a joint "
            "venture agreement with Velmar Dynamics, an MoU with Kestrel Avionics and a teaming agreement "
            "with Norvik Systems.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted((a["type"], tuple(sorted(a["parties"]))) for a in got) == [
        ("MoU", ("Kestrel Avionics", "Orvik Group")),
        ("other", ("Norvik Systems", "Orvik Group")),
        ("other", ("Orvik Group", "Velmar Dynamics")),
    ]


def test_the_date_of_the_deal_a_new_one_follows_does_not_date_the_new_one():
    text = ("Velmar, 10 June 2025 - Vexlar Aerospace has signed a framework agreement with Orvik Systems for "
            "ammunition. The agreement follows a contract signed in 2023 for radars.")
    got = {a["type"]: a for a in extract_article(text, PUB)["agreements"]}
    assert got["framework"]["date"] == "2025-06-10"  # the day it was filed, not the earlier contract's year
    assert got["contract"]["date"] == "2023-01-01"


def test_a_ministry_named_of_the_country_acts_for_that_country_s_government():
    text = ("The Department of National Defense of the Philippines and the Ministry of Defence of Norway signed "
            "an agreement on defence cooperation in Manila on Tuesday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Department of National Defense of the Philippines", "Ministry of Defence of Norway"}


def test_a_minister_meeting_a_visit_s_crowd_holds_no_meeting():
    for text in ("Defence Minister Rajiv Menon visited the Norvik Air Base and interacted with the students of the "
                 "Velmar Military Academy on Monday.",
                 "Defence Minister Rajiv Menon met the troops of the Velmar Rifles on Monday."):
        assert extract_article(text, PUB)["meetings"] == [], text
    text = "Defence Minister Rajiv Menon met the Chief of the Velmar Navy, Admiral Karl Berg, on Monday."
    assert len(extract_article(text, PUB)["meetings"]) == 1  # a counterpart met: a meeting


def test_ministers_of_many_countries_meeting_then_sideline_talks_are_one_gathering_and_talks_apart():
    text = ("Defence ministers from ten Velmaran countries met in Velmar on Sunday for the Velmaran Defence "
            "Ministers' Meeting. The meeting was chaired by Minister for Defence Karl Berg. On the sidelines, "
            "Berg held bilateral meetings with his counterparts from Malaysia and Indonesia.")
    got = extract_article(text, PUB)["meetings"]
    assert sorted(m["type"] for m in got) == ["bilateral meeting", "bilateral meeting", "other"]


def test_every_body_of_a_list_after_for_the_is_served_not_a_party():
    text = ("Vexlar Dynamics signed a contract with the Ministry of Defence for the supply of radars for the "
            "Indian Army, Navy and the Air Force on Monday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexlar Dynamics", "Ministry of Defence"}


def test_the_same_count_named_again_is_those_agreements_not_more():
    text = ("Norland and Peru inked five agreements in areas like space and water on Tuesday. Unveiling the "
            "pacts, the ministers praised the ties. The five MoUs signed between Norland and Peru include a "
            "fund for research.")
    got = extract_article(text, PUB)["agreements"]
    assert [a["type"] for a in got] == ["MoU"] * 5


def test_both_countries_of_a_and_the_b_are_parties_whatever_the_verb():
    text = ("Norway and the US have been sharing intelligence under the Velmar Security Agreement (VSA), which "
            "was signed in 2018.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Norway", "Government of the United States"}


def test_a_country_named_with_the_after_a_dateline_still_acts():
    text = "Manila, June 9 (PTI) - The Philippines and Japan on Monday signed a Reciprocal Access Agreement."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of the Philippines", "Government of Japan"}


def test_technology_handed_over_to_firms_listed_after_a_colon_is_one_transfer_each():
    text = ("The Orion Research Agency (ORA) has handed over the technology of a light armour plate to three "
            "firms: Vexlar Forge, Pune-based Kestrel Metals Ltd and Norvik Composites. The licensing agreements "
            "for transfer of technology were handed over by ORA Director Kiran Rao in Pune on Monday.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(a["type"] for a in got) == ["technology transfer"] * 3
    assert sorted(p for a in got for p in a["parties"] if p != "Orion Research Agency") == [
        "Kestrel Metals Ltd", "Norvik Composites", "Vexlar Forge"]


def test_a_cabinet_approving_a_signing_reports_no_agreement_but_one_approved_after_it_was_signed_does():
    for text in ("The Union Cabinet on Wednesday approved the signing of an MoU between India and Chile.",
                 "The Cabinet gave its approval for signing an agreement between India and Chile."):
        assert extract_article(text, PUB)["agreements"] == [], text
    text = "The Cabinet gave ex-post facto approval to the MoU signed between India and Chile in March."
    assert len(extract_article(text, PUB)["agreements"]) == 1


def test_a_meeting_of_a_body_that_is_no_meeting_s_body_has_no_name():
    text = "Defence Minister Anil Rao chaired a review meeting of the Border Roads Organisation in Pune on Monday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["name"] is None
    text = "The fifth meeting of the Norland-Chile Joint Defence Committee was held in Santiago on Monday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["name"] == "fifth meeting of the Norland-Chile Joint Defence Committee"


def test_the_meeting_of_a_commission_takes_its_name():
    text = ("Defence Minister Anil Rao and his Chilean counterpart Ana Ruiz co-chaired the first meeting of the "
            "Joint Defence Commission in Santiago on Monday.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["name"] == "first meeting of the Joint Defence Commission"


def test_bodies_a_meeting_only_served_did_not_take_part():
    text = ("The Joint Working Group met in Pune on Monday. It was attended by officials of the Ministry of Defence "
            "and of the Chilean Navy, who reviewed projects for the Indian Army.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert set(m["participants"]) == {"Ministry of Defence", "Chilean Navy"}


def test_deals_firmed_up_or_forged_are_concluded():
    for text in ("Vexlar Systems and Orvik Marine have firmed up a teaming arrangement for corvettes.",
                 "Vexlar Systems has forged a partnership agreement with Orvik Marine."):
        (ag,) = extract_article(text, PUB)["agreements"]
        assert set(ag["parties"]) == {"Vexlar Systems", "Orvik Marine"}, text
    assert extract_article("The two firms are expected to firm up the agreement next month.", PUB)["agreements"] == []


def test_officials_who_took_part_in_a_dialogue_report_it_held():
    text = ("Senior officials from the Ministry of Defence and the Ministry of External Affairs took part in the "
            "dialogue in Pune on Monday.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["type"], set(m["participants"])) == ("dialogue", {"Ministry of Defence", "Ministry of External Affairs"})
    assert extract_article("Officials will take part in the dialogue next week.", PUB)["meetings"] == []


def test_a_conversation_or_a_courtesy_call_with_a_counterpart_is_a_meeting():
    for text in ("Defence Minister Anil Rao spoke to his Chilean counterpart Ana Ruiz over the phone on Tuesday.",
                 "Chilean Defence Minister Ana Ruiz paid a courtesy call on Defence Minister Anil Rao on Tuesday."):
        (m,) = extract_article(text, PUB)["meetings"]
        assert m["type"] == "bilateral meeting", text
    assert extract_article("Defence Minister Anil Rao spoke to reporters on Tuesday.", PUB)["meetings"] == []


def test_a_meeting_word_capitalised_only_as_the_sentence_s_first_is_no_name():
    (m,) = extract_article("Delegation-level talks were held between the two sides in Lima on Tuesday.",
                           PUB)["meetings"]
    assert m["name"] is None
    (m,) = extract_article("Joint Working Group met in Lima on Tuesday.", PUB)["meetings"]
    assert m["name"] == "Joint Working Group"


def test_capitals_acting_for_their_countries_are_the_governments_but_a_city_with_its_country_is_a_place():
    (ag,) = extract_article("New Delhi and Moscow signed an agreement on military logistics on Tuesday.",
                            PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of India", "Government of Russia"}
    (ag,) = extract_article("Paris, France: The Orion Research Agency and Vexlar Systems signed a contract for "
                            "two launches.", PUB)["agreements"]
    assert set(ag["parties"]) == {"Orion Research Agency", "Vexlar Systems"}


def test_a_building_in_a_city_gives_both_as_the_place():
    text = "Vexlar Systems and Orvik Marine signed the MoU at South Block in New Delhi on Tuesday."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["location"] == "South Block, New Delhi"
    (m,) = extract_article("The meeting was held in Pune in March.", PUB)["meetings"]
    assert m["location"] == "Pune"


def test_a_dialogue_whose_word_opens_a_bracket_is_still_the_occasion_of_the_sentence():
    text = ("At the first Foreign and Defence Ministerial Dialogue (2+2) in Pune, Prime Minister Anil Rao on "
            "Saturday said ties were strong.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["type"], m["location"]) == ("dialogue", "Pune")


def test_the_governments_of_two_countries_are_the_parties_after_between():
    (ag,) = extract_article("The contract for 26 jets was signed between the governments of Norway and France on "
                            "Monday.", PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Norway", "Government of France"}


def test_a_building_named_after_a_city_is_the_place_not_the_city():
    (m,) = extract_article("The two ministers held talks at Hyderabad House on Monday.", PUB)["meetings"]
    assert m["location"] == "Hyderabad House"
    (m,) = extract_article("The two ministers held talks in Hyderabad on Monday.", PUB)["meetings"]
    assert m["location"] == "Hyderabad"


def test_where_the_work_a_contract_pays_for_is_done_is_not_where_it_was_signed():
    (ag,) = extract_article("The Department of Defence has signed a contract with Orvik Marine Limited for the "
                            "construction of eight landing craft at the Perth shipyard.", PUB)["agreements"]
    assert ag["location"] is None
    (ag,) = extract_article("The Department of Defence has signed a contract in Perth with Orvik Marine Limited to "
                            "build eight landing craft.", PUB)["agreements"]
    assert ag["location"] == "Perth"


def test_signatories_after_a_passive_signing_with_its_day_and_place_before_by():
    text = ("Vexlar Systems signed a contract with the Ministry of Defence. The contract was signed on Tuesday in "
            "Pune by the company's chief executive Arun Mehta and Joint Secretary Kavita Rao.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["signatories"]) == {"Arun Mehta", "Kavita Rao"}
    assert ag["location"] == "Pune"


def test_a_body_met_on_the_sidelines_of_a_dialogue_takes_part_in_the_talks_not_the_dialogue():
    text = ("The fifth India-Norland Defence Policy Dialogue was held in Oslo on June 3. On the sidelines of the "
            "dialogue, the Defence Secretary also met the chairman of Vexlar Group.")
    dialogue, talks = sorted(extract_article(text, PUB)["meetings"], key=lambda m: m["type"] != "dialogue")
    assert dialogue["type"] == "dialogue" and dialogue["participants"] == []
    assert talks["participants"] == ["Vexlar Group"]


def test_a_country_ending_a_company_s_name_is_not_its_government_signing():
    # A registry company of another country with the country's name added: its branch, not the government.
    (ag,) = extract_article("Safran UK signed a memorandum of understanding with Orvik Marine on naval sonar.",
                            PUB)["agreements"]
    assert set(ag["parties"]) == {"Safran UK", "Orvik Marine"}
    (ag,) = extract_article("Norway and Vexlar UK signed a memorandum of understanding on Monday.", PUB)["agreements"]
    assert "Government of Norway" in ag["parties"]


def test_separate_meetings_with_listed_officials_are_one_meeting_each_even_undated():
    text = ("During his visit to Oslo, Defence Minister Arun Rao held separate meetings with Norwegian Defence "
            "Minister Lars Berg, Foreign Minister Ola Dahl and National Security Adviser Kari Lie.")
    assert len(extract_article(text, PUB)["meetings"]) == 3
    text = "Defence Minister Arun Rao held bilateral meetings with the defence ministers of Chile, Peru and Kenya."
    assert len(extract_article(text, PUB)["meetings"]) == 3
    assert len(extract_article("Defence Minister Arun Rao held talks with Lars Berg in Oslo.", PUB)["meetings"]) == 1


def test_a_forum_held_is_a_conference_and_a_country_pair_before_its_name_is_no_body():
    rec = extract_article("The two leaders co-chaired the 14th Norway-France CEO Forum in Paris on Monday.", PUB)
    (m,) = rec["meetings"]
    assert (m["type"], m["name"]) == ("conference", "14th Norway-France CEO Forum")
    assert m["participants"] == [] and rec["organisations"] == []


def test_deals_a_summary_sums_up_take_its_one_side_and_the_summary_is_no_deal_of_its_own():
    text = ("The Ministry of Defence on Friday signed contracts worth Rs 7,000 crore with three firms. A contract for "
            "ammunition was signed with Vexlar Systems Limited and Orvik Marine Limited, while a second contract, "
            "for radars, was concluded with Kestrel Works Limited.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(sorted(a["parties"]) for a in got) == [
        ["Kestrel Works Limited", "Ministry of Defence"],
        ["Ministry of Defence", "Orvik Marine Limited", "Vexlar Systems Limited"]]
    assert all(a["date"] == "2025-06-06" for a in got)


def test_the_body_an_agreement_told_before_was_signed_at_is_no_party_of_it():
    text = ("Vexlar Systems and Orvik Marine have signed an MoU on radars. The MoU was signed at the Embassy of "
            "Brazil in New Delhi on Tuesday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexlar Systems", "Orvik Marine"}
    assert (ag["date"], ag["location"]) == ("2025-06-10", "New Delhi")


def test_a_body_whose_programme_the_deal_aims_at_is_served_not_a_side():
    text = ("Vexlar Systems and Orvik Marine have signed an MoU to jointly pursue the Indian Air Force's Medium "
            "Transport Aircraft programme.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexlar Systems", "Orvik Marine"}
    (ag,) = extract_article("Vexlar Systems signed an MoU with the Indian Air Force's Base Repair Depot on Monday.",
                            PUB)["agreements"]
    assert "Indian Air Force" in ag["parties"]


def test_the_two_bodies_of_the_deal_just_told_signed_the_earlier_one_too():
    text = ("The Orion Research Agency and Vexlar Systems signed a memorandum of understanding on Monday for research "
            "in quantum sensing. The two institutions had earlier signed an agreement in 2019 for cooperation in "
            "materials science.")
    got = extract_article(text, PUB)["agreements"]
    assert [sorted(a["parties"]) for a in got] == [["Orion Research Agency", "Vexlar Systems"]] * 2
    assert sorted(a["date"] for a in got) == ["2019-01-01", "2025-06-09"]


def test_a_readout_headline_names_no_meeting_but_an_owners_plural_stays_in_a_name():
    text = ("Readout of Secretary of Defense Karl Berg's Meeting With Philippine Secretary of National Defense Ramon "
            "Cruz\n\nSecretary of Defense Karl Berg hosted Ramon Cruz at the Pentagon on Monday.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["name"] is None and m["location"] == "Pentagon"
    (m,) = extract_article("The Air Force Commanders' Conference was held in Pune on Monday.", PUB)["meetings"]
    assert m["name"] == "Air Force Commanders' Conference"


def test_a_separate_meeting_later_is_a_meeting_of_its_own():
    text = ("The Defence Minister reviewed capital acquisition projects at a high-level meeting in Pune on Monday. "
            "The meeting was attended by senior officials of the Ministry of Defence. In a separate meeting later in "
            "the day, he discussed the budget with officials of the Department of Defence Production.")
    got = extract_article(text, PUB)["meetings"]
    assert sorted(m["participants"] for m in got) == [["Department of Defence Production"], ["Ministry of Defence"]]


def test_where_a_dialogue_was_last_held_is_not_where_it_took_place():
    text = ("The India-Norland Maritime Affairs Dialogue, last held in Tokyo in 2023, took place in New Delhi on 16 "
            "January 2025.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["location"], m["start"]) == ("New Delhi", "2025-01-16")


def test_a_meeting_of_several_days_that_ended_on_a_day_began_before_it():
    text = "Officials attended a two-day brainstorming session in Pune, which ended on Friday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["start"], m["end"]) == ("2025-06-05", "2025-06-06")
    text = "The three-day conference, which began on Monday, concluded on Wednesday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["start"], m["end"]) == ("2025-06-09", "2025-06-11")


def test_the_year_a_company_was_founded_does_not_date_its_deal():
    text = ("Drone maker Zyphra has won an order from the Indian Army for 200 loitering munitions. Zyphra, a start-up "
            "founded in 2019, will deliver them within a year.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["date"] is None


def test_a_body_named_only_in_the_occasion_of_talks_held_on_its_sidelines_took_no_part_in_them():
    text = ("Defence Minister Arun Rao held talks with Norland Defence Secretary Lars Berg on the sidelines of the "
            "ASEAN Defence Ministers' Meeting-Plus in Kuala Lumpur on Friday.")
    occasion, m = extract_article(text, PUB)["meetings"]
    assert occasion["name"] == "ASEAN Defence Ministers' Meeting-Plus"
    assert m["participants"] == [] and m["location"] == "Kuala Lumpur"


def test_a_partnership_formalised_with_an_mou_and_a_works_company_receiving_an_order_are_concluded_deals():
    (ag,) = extract_article("Vexlar Systems and Kestrel Dynamics formalised their partnership with an MoU on Friday.",
                            PUB)["agreements"]
    assert (ag["type"], set(ag["parties"])) == ("MoU", {"Vexlar Systems", "Kestrel Dynamics"})
    (ag,) = extract_article("Kestrel Works received an order worth 30 million dollars from the Ministry of Defence on "
                            "Monday.", PUB)["agreements"]
    assert set(ag["parties"]) == {"Kestrel Works", "Ministry of Defence"}


def test_a_day_after_a_meeting_of_a_body_is_its_date_not_its_name():
    (m,) = extract_article("The Minister chaired a meeting of the Defence Acquisition Council on Tuesday.",
                           PUB)["meetings"]
    assert (m["name"], m["start"]) == ("meeting of the Defence Acquisition Council", "2025-06-10")


def test_a_city_written_with_a_small_particle_is_the_place():
    (m,) = extract_article("Both leaders took part in the G20 Summit in Rio de Janeiro on Monday.", PUB)["meetings"]
    assert m["location"] == "Rio de Janeiro"


def test_each_kind_of_agreement_signed_together_is_an_agreement_of_its_own():
    got = extract_article("Vexlar Systems and Orvik Marine signed an MoU on sonar and a contract for torpedoes on "
                          "Monday.", PUB)["agreements"]
    assert sorted(a["type"] for a in got) == ["MoU", "contract"]
    assert all(set(a["parties"]) == {"Vexlar Systems", "Orvik Marine"} for a in got)
    got = extract_article("Vexlar Systems signed an MoU with Orvik Marine for sonar and training.", PUB)["agreements"]
    assert len(got) == 1


def test_talks_during_a_visit_take_their_own_day_not_the_visit_s_and_later_meetings_the_story_s_last_day():
    text = ("Defence Minister Arun Rao on Thursday concluded a three-day official visit to Norway during which he held "
            "bilateral talks with his Norwegian counterpart Lars Berg. During the talks in Oslo on Tuesday, the two "
            "ministers reviewed defence cooperation. On Wednesday, Rao visited a shipyard in Bergen. He also held a "
            "roundtable with chief executives of Kestrel Maritime and Orvik Aerospace.")
    got = {m["type"]: m for m in extract_article(text, PUB)["meetings"]}
    assert got["bilateral meeting"]["start"] == "2025-06-10"
    assert got["conference"]["start"] == "2025-06-11"


def test_a_company_s_contracts_told_clause_by_clause_each_take_the_company_and_their_own_buyer():
    text = ("Vexlar Aerospace today announced that it has been awarded three contracts. The Orvik Materiel Agency has "
            "ordered 24 coastal radars, the Royal Danish Navy has signed a contract for sonar upgrades, and the "
            "Finnish Defence Forces Logistics Command has placed an order for training simulators.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(sorted(a["parties"]) for a in got) == [
        ["Finnish Defence Forces Logistics Command", "Vexlar Aerospace"], ["Royal Danish Navy", "Vexlar Aerospace"]]


def test_co_leads_of_a_dialogue_are_its_co_chairs_and_a_body_a_delegation_visited_took_no_part():
    text = ("The Norway-Chile Defence Industrial Dialogue was held in Oslo on Monday. It was co-led by State Secretary "
            "Anders Berg and Under Secretary Luis Soto. The Chilean delegation also visited the Vexa Naval Yard in "
            "Bergen.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert {c["name"] for c in m["chairs"]} == {"Anders Berg", "Luis Soto"}
    assert "Vexa Naval Yard" not in m["participants"]


def test_a_meeting_name_keeps_a_dotted_country_code():
    (m,) = extract_article("The two countries held the second U.S.-Norway Defense Industrial Cooperation Dialogue at "
                           "the Pentagon on Monday.", PUB)["meetings"]
    assert m["name"] == "second U.S.-Norway Defense Industrial Cooperation Dialogue"


def test_an_undated_signing_takes_the_day_the_sentence_before_names():
    text = ("Defence Minister Arun Rao arrived in Oslo on Monday. On Tuesday, he held talks with Norway's Defence "
            "Minister Lars Berg. The ministers also witnessed the signing of an implementing arrangement between the "
            "Indian Navy and the Royal Norwegian Navy.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["date"] == "2025-06-10"


def test_a_new_agreement_of_the_kind_of_one_dated_only_by_a_year_is_another():
    text = ("Norway has signed a contract to buy 42 jets from Vexlar Aviation. The deal follows a memorandum of "
            "understanding signed in 2021. Norway and Chile also signed an MoU on defence cooperation.")
    got = [a["date"] for a in extract_article(text, PUB)["agreements"] if a["type"] == "MoU"]
    assert len(got) == 2 and "2021-01-01" in got


def test_each_item_of_a_list_of_documents_announced_as_exchanged_is_an_agreement():
    text = ("The following documents were exchanged during the visit:\n1. Memorandum of Understanding between the "
            "Ministry of Defence of the Republic of India and the Ministry of National Defence of the Republic of "
            "Chile on defence cooperation.\n2. Letter of Intent between the Orion Space Agency and the Chilean Space "
            "Agency on cooperation in space.\nAnnouncements:\n3. Launch of negotiations for a Comprehensive Economic "
            "Partnership Agreement.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(a["type"] for a in got) == ["MoU", "letter of intent"]
    assert {"Orion Space Agency", "Chilean Space Agency"} in [set(a["parties"]) for a in got]


def test_a_webinar_held_is_a_conference():
    (m,) = extract_article("A webinar on space law was held by the Vexa Institute on Monday.", PUB)["meetings"]
    assert m["type"] == "conference"


def test_the_parents_in_a_joint_ventures_apposition_are_no_sides_whatever_dots_their_legal_forms_hold():
    text = ("Thales Saab Naval Radars (TSNR), the joint venture of Thales S.A. and Saab AB, has signed a contract "
            "with the Norland Navy.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Norland Navy", "Thales Saab Naval Radars"]


def test_a_state_named_by_its_formal_name_or_after_between_a_and_is_its_government():
    for text, company, state in (
            ("The contract was signed in 2023 between Vexa Australia Pty Ltd and the Commonwealth of Australia.",
             "Vexa Australia Pty Ltd", "Government of Australia"),
            ("The contract was signed between Vexa Systems and the Government of Australia.",
             "Vexa Systems", "Government of Australia"),
            ("Vexa Systems signed a contract with the Kingdom of Norway for radars.", "Vexa Systems",
             "Government of Norway"),
            ("The contract was signed between Vexa Systems and Norway.", "Vexa Systems", "Government of Norway")):
        (ag,) = extract_article(text, PUB)["agreements"]
        assert sorted(ag["parties"]) == sorted([company, state]), text
    text = "The contract was signed between Hindustan Aeronautics Limited and Vexlar Helicopter Engines of France."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Hindustan Aeronautics Limited", "Vexlar Helicopter Engines"]


def test_the_joint_venture_an_agreement_sets_up_is_no_side_of_it():
    (ag,) = extract_article("Vexa Aerospace and Orvik Defence Systems have formed a joint venture, Vexa Orvik "
                            "Propulsion Pvt Ltd, to manufacture engines.", PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexa Aerospace", "Orvik Defence Systems"}


def test_counted_deals_one_with_each_listed_body_are_one_agreement_each():
    got = extract_article("The ministry signed two contracts, one with Vexlar Systems for radars and another with "
                          "Orvik Marine for boats.", PUB)["agreements"]
    assert sorted(a["parties"] for a in got) == [["Orvik Marine"], ["Vexlar Systems"]]
    got = extract_article("Vexlar Systems signed MoUs with Orvik Marine and Kestrel Dynamics.", PUB)["agreements"]
    assert sorted(sorted(a["parties"]) for a in got) == [["Kestrel Dynamics", "Vexlar Systems"],
                                                         ["Orvik Marine", "Vexlar Systems"]]


def test_a_cooperation_group_that_met_is_a_bilateral_meeting_and_no_participant_of_itself():
    (m,) = extract_article("The Norway-Chile Military Cooperation Group met in Oslo on Monday.", PUB)["meetings"]
    assert (m["type"], m["name"], m["participants"]) == (
        "bilateral meeting", "Norway-Chile Military Cooperation Group", [])
    # A council sits for itself.
    (m,) = extract_article("The Defence Acquisition Council met on Monday.", PUB)["meetings"]
    assert m["participants"] == ["Defence Acquisition Council"]


def test_the_bodies_of_a_signing_told_beside_a_meeting_are_not_its_participants():
    text = ("Norway and Chile held their first Maritime Dialogue in Oslo on Thursday. The Orvik Coast Guard and the "
            "Vexa Coast Guard also signed an MoU, which was exchanged in the presence of the two delegation heads.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["participants"] == []
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Orvik Coast Guard", "Vexa Coast Guard"}


def test_a_body_visited_and_its_short_form_in_brackets_take_no_part_in_a_roundtable_held_after():
    text = ("Berg also visited the Vexa Procurement Agency (VPA), where he was briefed on its programmes, and held a "
            "roundtable with industry leaders including Orvik Heavy Industries and Norland Motors.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert sorted(m["participants"]) == ["Norland Motors", "Orvik Heavy Industries"]


def test_the_counterpart_a_minister_signed_with_is_a_signatory_too_but_one_merely_mentioned_is_not():
    text = ("On the sidelines, Defence Minister Karl Berg signed a letter of intent with his Norwegian counterpart "
            "Ola Dahl on maritime cooperation.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["signatories"] == ["Karl Berg", "Ola Dahl"]
    text = ("Defence Minister Karl Berg signed a letter of intent with Vexa Labs, and later met his Norwegian "
            "counterpart Ola Dahl.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["signatories"] == ["Karl Berg"]


def test_a_gathering_followed_by_another_are_two_each_with_its_own_chairs():
    text = ("The meeting of the Vexa Council was held in Velmar on Monday and was followed by a session of the Orvik "
            "Contact Group, chaired by Defence Minister Karl Berg and Defence Minister Ola Dahl.")
    got = extract_article(text, PUB)["meetings"]
    assert len(got) == 2
    assert [sorted(c["name"] for c in m["chairs"]) for m in got] == [[], ["Karl Berg", "Ola Dahl"]]
    text = "The meeting of the Vexa Council will be followed by a session of the Orvik Contact Group."
    assert extract_article(text, PUB)["meetings"] == []


def test_counted_contracts_told_back_in_the_plural_were_all_signed_where_the_sentence_says():
    text = ("The Norland Ministry of Defence on Friday signed two contracts with Vexa Motors Ltd for trucks and "
            "spares. The contracts were signed in the presence of senior officials in Oslo.")
    got = extract_article(text, PUB)["agreements"]
    assert [a["location"] for a in got] == ["Oslo", "Oslo"]


def test_they_last_met_is_the_pair_s_earlier_meeting():
    text = ("Prime Minister Karl Berg and his Vexian counterpart Ola Dahl held talks in Oslo on Thursday. They last "
            "met in Sydney in May 2023, when they launched a taskforce.")
    got = extract_article(text, PUB)["meetings"]
    assert [(m["start"], m["location"]) for m in got] == [("2025-06-12", "Oslo"), ("2023-05-01", "Sydney")]


def test_the_body_representing_a_state_in_a_contract_is_the_party_in_its_place():
    text = ("Vexlar Robotics AS has signed a contract with the Government of Norway, represented by the Norland "
            "Defence Materiel Agency, for drones.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexlar Robotics AS", "Norland Defence Materiel Agency"}


def test_a_contract_for_planning_services_is_awarded_but_a_company_planning_to_sign_one_signed_nothing():
    text = "Vexlar Industries Inc., Velmar, was awarded a $9,500,000 contract for planning yard services for ships."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexlar Industries Inc"]
    text = "Vexlar Industries Inc. is planning to sign a contract with the Norland Navy for ships."
    assert extract_article(text, PUB)["agreements"] == []


def test_counted_contracts_told_back_with_each_body_in_turn_are_one_with_each():
    text = ("The Norland Ministry of Defence on Wednesday signed three contracts worth $200 million with local firms. "
            "The contracts were signed with Vexa Dynamics Limited for missiles, with Orvik Motors Ltd for radars, "
            "and with Zenlar Technologies for simulators.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(a["parties"][1] for a in got) == ["Orvik Motors Ltd", "Vexa Dynamics Limited", "Zenlar Technologies"]
    assert {a["parties"][0] for a in got} == {"Norland Ministry of Defence"}


def test_bodies_that_co_hosted_a_forum_and_those_in_its_panel_discussions_took_part_in_it():
    text = ("The Vexa Procurement Agency and the Norland Department of Defence co-hosted the second Vexa-Norland "
            "Defence Industry Forum in Tokyo on Wednesday. Representatives of Orvik Heavy Industries and Zenlar "
            "Marine took part in panel discussions on shipbuilding.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["type"] == "conference"
    assert set(m["participants"]) == {"Vexa Procurement Agency", "Norland Department of Defence",
                                      "Orvik Heavy Industries", "Zenlar Marine"}


def test_a_visit_that_follows_a_meeting_between_counterparts_tells_that_earlier_meeting():
    text = ("The visit follows a meeting between Defence Minister Karl Berg and his Vexian counterpart in Cairo in "
            "September 2022.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["type"], m["start"], m["location"]) == ("bilateral meeting", "2022-09-01", "Cairo")
    assert extract_article("The visit will be followed by a meeting in Cairo in September.", PUB)["meetings"] == []


def test_a_contract_a_company_had_earlier_won_is_not_dated_by_the_story_s_day_but_one_signed_too_is():
    text = ("Vexa Labs on Wednesday signed an MoU with Orvik Motors. Vexa Labs had earlier won a contract from Zenlar "
            "ASA for eight boats.")
    got = {a["type"]: a["date"] for a in extract_article(text, PUB)["agreements"]}
    assert got == {"MoU": "2025-06-11", "contract": None}
    text = "Vexa Labs on Wednesday signed an MoU with Orvik Motors and a contract with Zenlar ASA for eight boats."
    assert {a["date"] for a in extract_article(text, PUB)["agreements"]} == {"2025-06-11"}


def test_it_signing_in_the_next_sentence_is_the_body_that_opened_the_one_before():
    text = ("The Vexa Research Agency on Wednesday signed an MoU with Orvik Motors. It also signed a contract with "
            "Zenlar ASA for eight boats.")
    got = [a["parties"] for a in extract_article(text, PUB)["agreements"]]
    assert got == [["Vexa Research Agency", "Orvik Motors"], ["Vexa Research Agency", "Zenlar ASA"]]


def test_a_meeting_word_used_as_a_verb_gives_no_type_but_the_noun_does():
    text = "The Vexa Army and the Orvik Army held their annual staff talks in Velmar on Monday to review training."
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["type"] == "bilateral meeting"
    (m,) = extract_article("The Army chief chaired a review of training on Monday.", PUB)["meetings"]
    assert m["type"] == "review meeting"


def test_bodies_that_signed_after_a_meeting_are_the_deal_s_parties_not_the_meeting_s_participants():
    text = ("Norland's defence minister Karl Berg met his Vexian counterpart Ola Dahl in Paris on Monday, after which "
            "the Norland Air Force and Orvik Aviation signed a contract for six fighters.")
    got = extract_article(text, PUB)
    (m,) = got["meetings"]
    (ag,) = got["agreements"]
    assert m["participants"] == [] and set(ag["parties"]) == {"Norland Air Force", "Orvik Aviation"}


def test_a_meeting_the_next_day_or_two_days_later_is_dated_from_the_day_last_named():
    text = "On Monday, he called on Vice Minister Karl Berg. The next day, he met General Ola Dahl in Oslo."
    assert [m["start"] for m in extract_article(text, PUB)["meetings"]] == ["2025-06-09", "2025-06-10"]
    text = "On Monday, he called on Vice Minister Karl Berg. Two days later, he met General Ola Dahl in Oslo."
    assert [m["start"] for m in extract_article(text, PUB)["meetings"]] == ["2025-06-09", "2025-06-11"]


def test_a_headline_s_talks_sum_up_the_talks_the_body_reports():
    text = ("Vexa army chief ends visit to Norland; holds talks with Norland Army leaders\n\n"
            "Velmar, June 12: General Karl Berg ended a three-day visit to Norland on Thursday.\n\n"
            "On June 10, he called on Norland's Vice Minister of Defence Ola Dahl in Oslo. The next day, he met the "
            "Norland Army chief General Per Olsen in Oslo.")
    got = extract_article(text, PUB)["meetings"]
    assert sorted(m["start"] for m in got) == ["2025-06-10", "2025-06-11"]


def test_a_laboratory_s_director_signs_for_its_agency_but_an_agency_s_head_not_for_its_department():
    reg = next(o for o in K.organisations if o.parent and o.org_type == "agency" and o.acronym)
    text = (f"The {reg.name} and Orvik Motors signed an MoU on Monday. The MoU was signed by {reg.acronym} Director "
            f"General Karl Berg and Orvik Motors CEO Ola Dahl in the presence of officials of the {reg.parent}.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {reg.name, "Orvik Motors"}
    lab = next(o for o in K.organisations if o.parent == reg.name and o.org_type == "laboratory")
    text = (f"{reg.acronym}'s {lab.name} and Orvik Motors signed an MoU on Monday. The MoU was signed by "
            f"Karl Berg, Director of the {lab.name}, and Orvik Motors CEO Ola Dahl.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert reg.name in ag["parties"]


def test_the_council_or_the_corporation_signing_is_the_story_s_body_of_that_kind():
    text = ("The Vexa Procurement Council signed deals with local firms on Monday. The council also signed a letter "
            "of intent with Orvik Motors to explore local production of drones.")
    got = [a for a in extract_article(text, PUB)["agreements"] if a["type"] == "letter of intent"]
    assert [set(a["parties"]) for a in got] == [{"Vexa Procurement Council", "Orvik Motors"}]


def test_a_contract_that_went_to_a_company_was_awarded_to_it_but_one_that_may_go_was_not():
    text = "The Vexa Procurement Council signed deals on Monday. The largest contract went to Orvik Motors for spares."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexa Procurement Council", "Orvik Motors"}
    assert extract_article("The largest contract is expected to go to Orvik Motors.", PUB)["agreements"] == []


def test_bodies_named_in_what_a_deal_will_do_are_not_its_parties():
    text = ("Norway and Chile have signed a defence agreement that will see the Vexa Navy operate five frigates "
            "built by Orvik Systems.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Norway", "Government of Chile"}
    text = "Vexa Labs signed an agreement with Orvik Systems that will see the two build drones."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexa Labs", "Orvik Systems"}


def test_a_deal_told_as_done_earlier_this_year_is_another_than_the_one_the_story_reports():
    text = ("Vexa Systems said on Monday it had won a contract worth $1.6 billion from a European customer. Earlier "
            "this year, Vexa Systems signed a $335 million deal with the Dutch defence ministry for launchers.")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(len(a["parties"]) for a in got) == [1, 2]


def test_the_body_set_off_as_reporting_a_meeting_takes_no_part_but_one_opening_the_sentence_may():
    text = ("Vexa's army chief General Karl Berg met Norland Army commander General Ola Dahl in Oslo on Tuesday, the "
            "Vexa Ministry of Defence said.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert "Vexa Ministry of Defence" not in m["participants"]
    text = "The Vexa Council said its members held talks with the Norland Army in Oslo on Tuesday."
    (m,) = extract_article(text, PUB)["meetings"]
    assert "Vexa Council" in m["participants"]


def test_items_listed_after_counted_agreements_fill_them_each_with_its_kind_and_sides():
    text = ("The Norland Navy and the Vexa Navy on Monday exchanged three agreements after talks in Oslo.\n\n"
            "The documents exchanged were:\n"
            "- Memorandum of Understanding on training between the Norland Naval Academy and the Vexa Naval College\n"
            "- Agreement on hydrography between the Norland Hydrographic Office and the Vexa Hydrographic Service\n"
            "- Letter of Intent between the Norland Space Agency and the Vexa Space Agency")
    got = extract_article(text, PUB)["agreements"]
    assert sorted(a["type"] for a in got) == ["MoU", "letter of intent", "other"]


def test_a_meeting_held_under_a_council_is_the_committee_s_and_the_council_takes_no_part():
    text = ("The first meeting of the Vexa-Norland Ministerial Committee on Defence Cooperation was held in Oslo on "
            "Monday under the Vexa-Norland Strategic Partnership Council.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["type"] == "bilateral meeting" and m["participants"] == []
    assert "Ministerial Committee" in m["name"]


def test_a_deal_signed_months_before_the_story_s_event_takes_neither_its_day_nor_its_place():
    text = ("Vexa Systems and Orvik Motors on Saturday opened a plant in Oslo, months after the two companies signed "
            "a teaming agreement.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["location"]) == (None, None)
    text = "Last month, Vexa Systems had signed an MoU with Orvik Motors for radars."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["date"] == "2025-05-01"


def test_the_body_s_sides_replace_a_headline_s_shorthand_and_the_service_supplied_is_no_party():
    text = ("Vexa Dynamics bags order for missiles from Navy\n\n"
            "Vexa Dynamics Limited has signed a contract with the Norland Ministry of Defence for the supply of "
            "Medium Range Surface to Air Missiles (MRSAM) to the Norland Navy.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexa Dynamics Limited", "Norland Ministry of Defence"}


def test_sides_of_deals_signed_at_a_seminar_are_no_participants_of_it_but_its_organiser_is():
    text = ("Vexa Shipbuilders Limited signed memoranda of understanding with Orvik Port Trust and Zenlar Marine "
            "at a seminar organised by the Norland Navy in Oslo on Thursday.")
    got = extract_article(text, PUB)
    (m,) = got["meetings"]
    assert m["participants"] == ["Norland Navy"]
    assert len(got["agreements"]) == 2


def test_a_body_named_with_a_plural_country_s_possessive_is_that_country_s_and_its_government_no_party():
    text = "Vexa Aero signed a contract with the Philippines' Department of National Defense for jets."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexa Aero", "Philippines' Department of National Defense"]


def test_bilateral_meetings_with_counterparts_from_listed_countries_are_one_each():
    text = ("Defence Minister Karl Berg held bilateral meetings with his counterparts from Malaysia, Vietnam and the "
            "Philippines in Kuala Lumpur on Saturday.")
    got = extract_article(text, PUB)["meetings"]
    assert [m["type"] for m in got] == ["bilateral meeting"] * 3


def test_a_mechanism_whose_progress_a_meeting_reviewed_is_neither_its_name_nor_a_participant():
    text = ("Defence Minister Karl Berg met his Vexian counterpart Ola Dahl in Oslo on Monday. The two sides reviewed "
            "the progress of the Vexa-Norland Defence Cooperation Committee.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert (m["name"], m["participants"]) == (None, [])


def test_an_earlier_order_told_in_the_pluperfect_does_not_date_the_story_s_contract():
    text = ("Contract awarded to Vexa Industries for rockets\n\n"
            "Velmar, Feb 6: A contract worth $60 million has been awarded to Vexa Industries Limited by the Norland "
            "Ministry of Defence for the supply of rockets, the company said.\n\n"
            "Vexa Industries had received a similar order in 2024.")
    got = sorted(a["date"] for a in extract_article(text, PUB)["agreements"])
    assert got == ["2024-01-01", "2025-02-06"]



def test_an_mou_to_this_effect_is_between_the_two_bodies_that_joined_hands():
    text = ("The Norland Navy and the Vexa Institute of Technology have joined hands to set up a research centre, "
            "officials said on Friday. An MoU to this effect was signed on Thursday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Norland Navy", "Vexa Institute of Technology"}


def test_a_deal_referred_to_under_another_event_takes_not_that_event_s_place_nor_a_visited_body():
    text = ("Vexa Systems will build the rockets with Orvik Motors at a plant in Kanpur, under an agreement the two "
            "firms signed in 2024.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["location"], ag["date"]) == (None, "2024-01-01")
    text = ("Karl Berg visited the shipyard of Orvik Heavy Industries in Oslo on Monday and held talks with "
            "executives of Vexa Aerospace.")
    (m,) = extract_article(text, PUB)["meetings"]
    assert m["participants"] == ["Vexa Aerospace"]


def test_a_letter_of_offer_and_acceptance_with_a_country_s_government_is_a_contract_with_that_government():
    rec = extract_article("The Vexlar Centre for Defence Investment has signed a letter of offer and acceptance "
                          "with the United States government for six launchers, the centre said.", PUB)
    (ag,) = rec["agreements"]
    assert ag["type"] == "contract"
    assert set(ag["parties"]) == {"Vexlar Centre for Defence Investment", "Government of the United States"}
    (other,) = extract_article("The Vexlar Centre for Defence Investment has signed a contract with the US firm "
                               "Orvik Systems for six launchers.", PUB)["agreements"]
    assert "Government of the United States" not in other["parties"]  # 'the US firm': an adjective


def test_ministers_of_three_states_listed_by_commas_who_signed_a_joint_declaration_sign_for_their_governments():
    rec = extract_article("Greek Minister of National Defence Karl Berg, Cypriot Defence Minister Ana Lunde and "
                          "Israeli Defence Minister Ivo Rask signed a joint declaration on Monday.", PUB)
    (ag,) = rec["agreements"]
    assert ag["type"] == "other"
    assert set(ag["signatories"]) == {"Karl Berg", "Ana Lunde", "Ivo Rask"}
    assert set(ag["parties"]) == {"Government of Greece", "Government of Cyprus", "Government of Israel"}


def test_trilateral_talks_are_no_bilateral_meeting_and_what_they_agreed_is_no_exercise():
    (mt,) = extract_article("The defence ministers of Greece, Cyprus and Israel held trilateral talks in Nicosia on "
                            "Monday.", PUB)["meetings"]
    assert mt["type"] == "other"
    (agreed,) = extract_article("The defence ministers of Greece, Cyprus and Israel met in Nicosia on Monday for "
                                "the sixth trilateral defence meeting, agreeing to expand joint exercises.",
                                PUB)["meetings"]
    assert agreed["location"] == "Nicosia"
    (two,) = extract_article("The defence ministers of Greece and Cyprus held bilateral talks in Nicosia on "
                             "Monday.", PUB)["meetings"]
    assert two["type"] == "bilateral meeting"


def test_the_body_s_fuller_name_of_a_place_completes_the_headline_s_short_one():
    (mt,) = extract_article("Commanders' conference begins in Delhi\n\nThe Vexlar Commanders' Conference began "
                            "in New Delhi on Monday.", PUB)["meetings"]
    assert mt["location"] == "New Delhi"


def test_a_meeting_held_virtually_or_by_telephone_takes_no_place_from_the_dateline():
    city = next(c for c in K.city_countries if " " not in c)
    (mt,) = extract_article(f"Talks held\n\n{city}, 15 April: Vexlar and Norland held the fifth Defence Cooperation "
                            "Dialogue virtually on Monday.", PUB)["meetings"]
    assert mt["location"] is None
    (met,) = extract_article(f"Talks held\n\n{city}, 15 April: Vexlar and Norland held the fifth Defence "
                             "Cooperation Dialogue on Monday.", PUB)["meetings"]
    assert met["location"] == city


def test_a_leader_and_his_counterpart_who_met_and_declared_a_plan_held_a_meeting():
    city = next(c for c in K.city_countries if " " not in c)
    (mt,) = extract_article(f"The Vexlar President and his Norland counterpart, Ana Lunde, met in {city} on Monday "
                            "and declared they wanted to forge a strategic alliance this year.", PUB)["meetings"]
    assert (mt["type"], mt["location"], mt["start"]) == ("bilateral meeting", city, "2025-06-09")
    assert extract_article(f"The Vexlar President and his Norland counterpart, Ana Lunde, want to meet in {city} "
                           "this year.", PUB)["meetings"] == []


def test_two_signers_each_set_off_by_three_phrases_before_the_verb_both_signed():
    (ag,) = extract_article("Ivo Rask, Officer In-charge, Vexlar Cell, Oslo from the Vexlar Navy (VN) and Tomas "
                            "Vidal, Director incharge, Orvik Unit, signed the MoU on Monday.", PUB)["agreements"]
    assert set(ag["signatories"]) == {"Ivo Rask", "Tomas Vidal"}


def test_the_signer_of_both_memorandums_signed_each_of_them():
    rec = extract_article("Kestrel Aero signed memorandums of understanding with Orvik Helicopters and Vexlar Martin "
                          "in Seoul on Wednesday. Kestrel Aero president Ana Lunde signed both MoUs.", PUB)
    assert len(rec["agreements"]) == 2
    assert all(ag["signatories"] == ["Ana Lunde"] for ag in rec["agreements"])


def test_a_meeting_s_length_before_its_own_name_spans_its_days():
    (mt,) = extract_article("Oslo, 4 March: The two-day Nordic Defence Industry Conference, which began on Monday, "
                            "concluded in Oslo on Tuesday.", PUB)["meetings"]
    assert (mt["start"], mt["end"]) == ("2025-06-09", "2025-06-10")
    (one,) = extract_article("Oslo, 4 March: The Nordic Defence Industry Conference began in Oslo on Monday, two "
                             "days after the minister arrived.", PUB)["meetings"]
    assert one["start"] == one["end"] == "2025-06-09"


def test_contracts_with_listed_bodies_are_one_with_each_even_when_the_own_side_is_named_again_later():
    got = extract_article("The Vexlar Procurement Agency (VPA) signed contracts with Orvik Arms, Kestrel Munitions and "
                          "Zenlar Optics on Thursday, VPA head Karl Berg said.", PUB)["agreements"]
    assert sorted(a["parties"][1] for a in got) == ["Kestrel Munitions", "Orvik Arms", "Zenlar Optics"]
    assert {a["parties"][0] for a in got} == {"Vexlar Procurement Agency"}


def test_a_deal_told_by_its_participle_was_concluded_whatever_the_main_clause_plans():
    (ag,) = extract_article("Orvik Systems will deliver the first of 12 coastal radars next month under a contract "
                            "signed in November 2023, the company said.", PUB)["agreements"]
    assert (ag["date"], ag["precision"]) == ("2023-11-01", "month")
    assert extract_article("Orvik Systems will sign a contract for 12 coastal radars next month.", PUB)["agreements"] \
        == []


def test_receiving_a_chief_named_by_his_office_of_a_body_is_a_meeting_but_an_award_is_not():
    (mt,) = extract_article("The Chief of the Air Staff of the Vexlar Air Force, Air Marshal Ana Lunde, on Tuesday "
                            "received the Chief of the Air Staff of the Norland Air Force, Air Chief Marshal Ivo Rask, "
                            "in Oslo.", PUB)["meetings"]
    assert set(mt["participants"]) == {"Vexlar Air Force", "Norland Air Force"}
    assert extract_article("The Vexlar Navy received the Chief of Naval Staff Award of the Year on Monday.",
                           PUB)["meetings"] == []


def test_a_country_s_own_government_or_leader_after_its_possessive_signs_for_it():
    (ag,) = extract_article("Colombia's government signed a contract with Orvik Aero for 17 fighters on Thursday.",
                            PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Colombia", "Orvik Aero"}
    (pact,) = extract_article("Colombia's President Ana Ruiz signed a pact with Peru on Thursday.", PUB)["agreements"]
    assert set(pact["parties"]) == {"Government of Colombia", "Government of Peru"}


def test_a_company_s_division_beside_the_company_is_no_other_party():
    rec = extract_article("The Norland Ministry of Defence signed a contract with Embraer on Thursday for a transport "
                          "aircraft. The contract was signed in Lisbon by Secretary of State for Defence Ana Lunde and "
                          "Embraer Defense & Security CEO Ivo Rask.", PUB)
    (ag,) = rec["agreements"]
    assert set(ag["parties"]) == {"Norland Ministry of Defence", "Embraer"}


def test_a_joint_committee_of_two_bodies_is_their_meeting_and_an_industry_interaction_a_conference():
    (mt,) = extract_article("The Joint Steering Committee of the Vexlar Defence Agency and Orvik Systems met in Oslo "
                            "on Monday under the chairmanship of Agency Director Ana Lunde.", PUB)["meetings"]
    assert set(mt["participants"]) == {"Vexlar Defence Agency", "Orvik Systems"}
    (conf,) = extract_article("The Vexlar Aeronautical Development Agency organised an industry interaction on "
                              "unmanned systems in Oslo on Friday.", PUB)["meetings"]
    assert conf["type"] == "conference"


def test_deals_listed_each_with_its_own_year_are_one_each_between_the_same_sides():
    got = extract_article("India and the United States signed a Logistics Exchange Memorandum of Agreement in 2016, a "
                          "Communications Compatibility and Security Agreement in 2018 and a Basic Exchange and "
                          "Cooperation Agreement in 2020.", PUB)["agreements"]
    assert sorted(a["date"] for a in got) == ["2016-01-01", "2018-01-01", "2020-01-01"]
    assert all(set(a["parties"]) == {"Government of India", "Government of the United States"} for a in got)


def test_ministers_of_two_states_who_met_and_signed_sign_for_them_and_they_signed_before():
    got = extract_article("Chile's Defence Minister Ana Ruiz and Peru's Defence Minister Luis Soto met in Santiago on "
                          "Monday and signed an agreement on disaster relief. They had signed a memorandum on border "
                          "security in Lima in 2022.", PUB)["agreements"]
    assert len(got) == 2
    assert all(set(a["parties"]) == {"Government of Chile", "Government of Peru"} for a in got)
    assert set(got[0]["signatories"]) == {"Ana Ruiz", "Luis Soto"}


def test_who_signed_on_behalf_of_one_side_and_who_represented_the_other_signed_the_agreement_just_told():
    (ag,) = extract_article("The Vexlar Navy signed an MoU with the Norland University of Science on Tuesday. "
                            "Commodore Ivo Rask, Director of Naval Research, signed on behalf of the Navy, while the "
                            "university was represented by its Registrar, Dr Ana Lunde.", PUB)["agreements"]
    assert set(ag["signatories"]) == {"Ivo Rask", "Ana Lunde"}


def test_someone_else_who_also_met_the_visitor_held_a_meeting_of_their_own():
    got = extract_article("Vexlar Defence Minister Ana Lunde met Norland Defence Minister Ivo Rask in Oslo on Monday. "
                          "Karl Berg, Chief of the Vexlar Defence Staff, also met Rask.", PUB)["meetings"]
    assert len(got) == 2
    one = extract_article("Vexlar Defence Minister Ana Lunde met Norland Defence Minister Ivo Rask in Oslo on Monday. "
                          "Lunde and Rask discussed ammunition.", PUB)["meetings"]
    assert len(one) == 1


def test_a_defence_ministerial_held_is_a_meeting_but_a_ministerial_statement_is_not():
    (mt,) = extract_article("The Vexlar-Norland Defence Ministerial was held in Oslo on Monday.", PUB)["meetings"]
    assert (mt["type"], mt["name"]) == ("other", "Vexlar-Norland Defence Ministerial")
    assert extract_article("The minister made a ministerial statement in Oslo on Monday.", PUB)["meetings"] == []


def test_an_agreement_told_with_only_its_year_after_an_undated_one_is_another():
    got = extract_article("In their presence, the Vexlar Materiel Agency and the Norland Materiel Agency signed an "
                          "agreement on joint procurement. The two countries signed a defence cooperation agreement "
                          "in 2019.", PUB)["agreements"]
    assert len(got) == 2
    assert any(a["date"] == "2019-01-01" and a["precision"] == "year" for a in got)


def test_counterparts_meeting_on_the_margins_of_a_summit_held_a_bilateral_meeting_of_their_own():
    got = extract_article("Vexlar Defence Minister Ana Lunde and her Norland counterpart Ivo Rask signed the "
                          "memorandum at their meeting in Singapore on the margins of the three-day Asia Security "
                          "Summit on Saturday.", PUB)["meetings"]
    assert sorted(m["type"] for m in got) == ["bilateral meeting", "summit"]


def test_items_under_an_outcomes_heading_are_agreements_but_not_under_a_heading_of_plans():
    items = ("1. Memorandum of Understanding between the Norland Ministry of Defence and the Vexlar Ministry of "
             "National Defence on defence industrial cooperation.\n2. Agreement between the Norland Space Agency and "
             "the Vexlar Space Office on peaceful uses of outer space.\n")
    got = extract_article("List of Outcomes: Visit of the Prime Minister of Vexlar to Norland\n\nAgreements / MoUs\n\n"
                          + items, PUB)["agreements"]
    assert sorted(a["type"] for a in got) == ["MoU", "other"]
    assert extract_article("Visit of the Prime Minister of Vexlar to Norland\n\nAgreements under discussion\n\n"
                           + items, PUB)["agreements"] == []


def test_a_capitalised_verb_inside_a_deal_s_name_is_no_verb_and_the_countries_it_is_between_sign():
    (ag,) = extract_article("The Basic Exchange and Cooperation Agreement between India and the United States was "
                            "signed in New Delhi in 2020.", PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of India", "Government of the United States"}
    (deal,) = extract_article("Navy Signs Deal With Orvik Systems\n\nThe Vexlar Navy signed a contract with Orvik "
                              "Systems on Monday.", PUB)["agreements"]
    assert set(deal["parties"]) == {"Vexlar Navy", "Orvik Systems"}


def test_a_council_s_officer_holding_talks_holds_a_bilateral_meeting_but_a_council_that_met_a_council_meeting():
    (mt,) = extract_article("Vexlar Defense Minister Karl Berg held talks with Norland Security Council Secretary Ana "
                            "Lunde in Oslo on Monday.", PUB)["meetings"]
    assert (mt["type"], mt["name"]) == ("bilateral meeting", None)
    (council,) = extract_article("The Norland Security Council met in Oslo on Monday.", PUB)["meetings"]
    assert council["type"] == "council meeting"


def test_a_headline_s_win_is_no_agreement_where_the_body_tells_the_contract_as_to_come():
    assert extract_article("Orvik Aero wins Norland Air Force trainer contract\n\nOslo, 4 March: The Norland Defence "
                           "Materiel Agency has selected Orvik Aero to supply 12 trainers to the Norland Air Force. A "
                           "contract is expected to be signed within weeks.", PUB)["agreements"] == []
    (won,) = extract_article("Orvik Aero wins Navy contract\n\nOslo, 4 March: Orvik Aero has won a contract from the "
                             "Vexlar Navy for 12 boats. A second contract is expected to be signed next year.",
                             PUB)["agreements"]
    assert set(won["parties"]) == {"Orvik Aero", "Vexlar Navy"}


def test_the_value_of_the_contract_just_told_types_it_and_a_meeting_with_a_secretary_of_state_is_bilateral():
    (ag,) = extract_article("Orvik Yards signed an agreement with a shipping company on Saturday for four vessels. "
                            "The contract is worth USD 54 million, Orvik told the National Stock Exchange.",
                            PUB)["agreements"]
    assert ag["type"] == "contract"
    (mt,) = extract_article("Minister Ana Lunde held a Defence Ministerial Meeting with Secretary of State for Defence "
                            "Karl Berg in London on Monday.", PUB)["meetings"]
    assert mt["type"] == "bilateral meeting"


def test_the_meeting_with_a_new_counterpart_is_the_next_meeting_but_the_meeting_alone_refers_back():
    text = ("Lisbon, June 10: Defence Minister Ana Costa held bilateral talks in Lisbon on Tuesday. "
            "In her meeting with Estonian Defence Minister Kaur Lepp, the two reviewed cyber defence. "
            "During the meeting with Kenyan Defence Secretary Amina Wekesa, both sides discussed maritime security. "
            "During the meeting, spokesman Tom Hale said, training was discussed.")
    meetings = extract_article(text, PUB)["meetings"]
    assert len(meetings) == 2


def test_officials_who_jointly_hosted_the_talks_co_chaired_them():
    text = ("Oslo, June 10: Norway and Chile held defence policy talks in Oslo on Tuesday. The talks were jointly "
            "hosted by Erik Dahl, state secretary of the Norwegian Ministry of Defence, and Carla Ruiz, Chilean "
            "undersecretary of defence.")
    (meeting,) = extract_article(text, PUB)["meetings"]
    assert {c["name"] for c in meeting["chairs"] if c["role"] == "co-chair"} == {"Erik Dahl", "Carla Ruiz"}


def test_a_lead_in_phrase_ending_in_a_name_opens_no_list_for_the_two_signing_after_its_comma():
    text = ("OSLO, 10 June 2025 – At the Nordic Defence Expo, Skyward Aerostructures and Orbis Space signed a "
            "memorandum of understanding to develop satellite buses.")
    (mou,) = extract_article(text, PUB)["agreements"]
    assert set(mou["parties"]) == {"Skyward Aerostructures", "Orbis Space"}


def test_the_company_announcing_or_awarded_a_contract_from_a_body_is_its_party():
    text = ("ARLINGTON -- Voltera Systems Inc. makes tactical radios. The company on Tuesday announced a $48 million "
            "contract from the Naval Information Warfare Center Pacific for satellite terminals.\n\n"
            "About Voltera Systems\nVoltera Systems is a provider of secure communications.")
    got = extract_article(text, PUB)
    (contract,) = got["agreements"]
    assert set(contract["parties"]) == {"Voltera Systems Inc", "Naval Information Warfare Center Pacific"}
    assert not any(o["name"].startswith("About") for o in got["organisations"])
    awarded = ("Voltera Systems Inc. makes radios. The company said it has been awarded a contract by the "
               "Ruritanian Navy for satellite terminals.")
    (contract,) = extract_article(awarded, PUB)["agreements"]
    assert "Voltera Systems Inc" in contract["parties"]


def test_the_kind_of_deal_the_verb_takes_is_the_clause_s_not_a_more_specific_one_named_after_it():
    text = ("Oslo, June 12: Norvik Defence and the Ruritanian Armament Group signed a contract on Wednesday for "
            "strike missiles, two years after the companies first agreed on a framework deal in March 2023.")
    (contract,) = extract_article(text, PUB)["agreements"]
    assert contract["type"] == "contract"
    memo = "Norvik Defence signed an agreement with Vexlar Optics, a memorandum of understanding on optics."
    assert [a["type"] for a in extract_article(memo, PUB)["agreements"]] == ["MoU"]


def test_technology_transferred_to_listed_companies_is_one_transfer_each():
    text = ("New Delhi, June 10: The Ruritanian Defence Research Agency (RDRA) on Tuesday transferred the technology "
            "of a lightweight body armour to three companies: Vexa Plastics Ltd, Orvik Armour Pvt Ltd and Kestrel "
            "Textiles Ltd.")
    deals = extract_article(text, PUB)["agreements"]
    assert len(deals) == 3 and {d["type"] for d in deals} == {"technology transfer"}
    assert all("Ruritanian Defence Research Agency" in d["parties"] for d in deals)


def test_a_meeting_of_several_days_that_concluded_on_a_day_ended_then_though_a_later_sentence_tells_its_start():
    text = ("The two-day talks between the navies of Norway and Chile concluded in Valparaiso on Wednesday. "
            "The talks began on Tuesday with a tour of the naval base.")
    (talks,) = extract_article(text, PUB)["meetings"]
    assert (talks["start"], talks["end"]) == ("2025-06-10", "2025-06-11")


def test_a_meeting_name_with_its_ordinal_run_into_the_next_word_is_the_same_meeting():
    text = ("Ruritania and Chile hold 7th Maritime Security & Trade Group meeting\n"
            "The 7thMaritime Security and Trade (MST) Group meeting between Ruritania and Chile was held in Oslo "
            "on Tuesday.")
    assert len(extract_article(text, PUB)["meetings"]) == 1


def test_signatories_named_after_those_present_and_a_signer_described_by_a_who_clause():
    text = ("Oslo, June 10: The Ruritanian Navy and the University of Vexton signed an MoU on Tuesday. The MoU was "
            "signed at the university, in the presence of Rear Admiral Per Dahl, Director General of Naval "
            "Projects, along with Prof Eva Moen, Rector, by Commodore Jon Aas, Chief Engineer, Naval Projects, "
            "and Prof. Ida Berg, Dean, Industrial Research.")
    (mou,) = extract_article(text, PUB)["agreements"]
    assert set(mou["signatories"]) == {"Jon Aas", "Ida Berg"}
    text = ("Oslo, June 10: The Ruritanian Defence Research Agency (RDRA) on Tuesday signed a memorandum of "
            "collaboration with the University of Vexton. RDRA director general Dr Lars Holm, who was honoured "
            "with an award at the campus, signed the memorandum.")
    (memo,) = extract_article(text, PUB)["agreements"]
    assert memo["signatories"] == ["Lars Holm"]


def test_ministers_signing_at_a_meeting_that_concluded_are_its_signatories_a_counterpart_s_rank_between():
    text = ("Oslo, June 10: The meeting of the Ruritania-Chile Joint Commission on Defence concluded here on "
            "Friday, in which Defence Minister Karl Berg and his Chilean counterpart General Pedro Soto signed a "
            "roadmap for cooperation.")
    (roadmap,) = extract_article(text, PUB)["agreements"]
    assert set(roadmap["signatories"]) == {"Karl Berg", "Pedro Soto"}


def test_it_that_a_body_said_it_signed_is_that_body_not_the_storys_earlier_one():
    text = ("The Norland Materiel Agency has awarded Vexa Systems a contract for radars. In a separate announcement, "
            "Orvik Motors said it had signed a framework agreement with the Velmar Army Logistics Command.")
    got = sorted(sorted(a["parties"]) for a in extract_article(text, PUB)["agreements"])
    assert got == [["Norland Materiel Agency", "Vexa Systems"], ["Orvik Motors", "Velmar Army Logistics Command"]]


def test_the_two_co_chairs_who_signed_are_those_who_co_chaired_the_storys_dialogue():
    text = ("The 5th Norland-Velmar Defence Policy Dialogue was held in Oslo on Tuesday, co-chaired by Defence "
            "Secretary Ole Dahl and Velmar's Deputy Minister of Defence Lt Gen Karl Hoss. After the dialogue, the "
            "two co-chairs signed an implementing arrangement between the Norland Navy and the Velmar Navy.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["signatories"]) == ["Karl Hoss", "Ole Dahl"]
    (ag,) = extract_article(text.replace("the two co-chairs signed", "the two navies signed"), PUB)["agreements"]
    assert ag["signatories"] == []


def test_who_signed_mous_told_one_per_counterpart_signed_each_for_their_own_side():
    text = ("The Norland Army on Monday signed MoUs with the Velmar Institute of Technology and the Orvik Institute "
            "of Science. Maj Gen Karl Dahl signed on behalf of the Army, while Prof Ana Berg, Director of the Orvik "
            "Institute of Science, signed for her institute.")
    got = {tuple(sorted(a["parties"])): sorted(a["signatories"]) for a in extract_article(text, PUB)["agreements"]}
    assert got == {("Norland Army", "Velmar Institute of Technology"): ["Karl Dahl"],
                   ("Norland Army", "Orvik Institute of Science"): ["Ana Berg", "Karl Dahl"]}


def test_they_who_signed_after_two_ministers_met_are_the_two_ministers():
    text = ("Oslo, June 10: Defence Minister Karl Berg held talks with his Chilean counterpart General Pedro Soto "
            "on Tuesday. They also signed a Memorandum of Understanding on defence cooperation.")
    (mou,) = extract_article(text, PUB)["agreements"]
    assert set(mou["signatories"]) == {"Karl Berg", "Pedro Soto"}


def test_a_deal_named_after_two_countries_with_no_one_named_signing_is_between_their_governments():
    text = "Oslo, June 10: The Norway-Chile Defence Cooperation Agreement was signed in Oslo on Tuesday."
    (deal,) = extract_article(text, PUB)["agreements"]
    assert set(deal["parties"]) == {"Government of Norway", "Government of Chile"}
    signed = ("Oslo, June 10: The Norway-Chile Defence Cooperation Agreement was signed in Oslo on Tuesday by "
              "Defence Minister Karl Berg of the Norwegian Ministry of Defence and Chilean Defence Minister "
              "Pedro Soto.")
    (deal,) = extract_article(signed, PUB)["agreements"]
    assert "Government of Norway" not in deal["parties"]


def test_the_government_that_also_awarded_a_contract_is_the_government_of_the_deal_just_told():
    text = ("Santiago, June 10: The Chilean Government has signed a contract with Vexlar Systems for coastal radars. "
            "Last month, the Government also awarded a contract to Orvik Marine for patrol boats.")
    deals = extract_article(text, PUB)["agreements"]
    orvik = next(d for d in deals if "Orvik Marine" in d["parties"])
    assert "Government of Chile" in orvik["parties"]


def test_a_video_teleconference_with_a_counterpart_is_a_bilateral_meeting_held_nowhere():
    text = ("Tokyo, June 10: Japan's Chief of Staff, Joint Staff, General Kenji Sato, held a video teleconference "
            "with his Philippine counterpart General Romeo Cruz on Tuesday.")
    (call,) = extract_article(text, PUB)["meetings"]
    assert (call["type"], call["location"]) == ("bilateral meeting", None)


def test_counted_deals_named_one_by_one_have_their_own_sides_and_the_rest_the_two_countries():
    text = ("New Delhi, June 10: In the presence of the two Prime Ministers, India and Chile exchanged four MoUs on "
            "Tuesday, including one between the Indian Space Research Organisation and the Chilean Space Agency on "
            "satellite data, and another between Bharat Electronics Limited and Vexa Avionics Ltd on avionics.")
    deals = extract_article(text, PUB)["agreements"]
    assert len(deals) == 4
    sides = [set(d["parties"]) for d in deals]
    assert {"Indian Space Research Organisation", "Chilean Space Agency"} in sides
    assert {"Bharat Electronics Limited", "Vexa Avionics Ltd"} in sides


def test_a_listed_deal_between_two_sides_names_a_side_no_registry_knows():
    text = ("New Delhi, June 10: The following agreements were exchanged:\n"
            "1. MoU between the Indian Space Research Organisation and the Chilean Space Agency on satellite data\n"
            "2. Letter of Intent between Bharat Dynamics Limited and VEXAM on missile components\n")
    loi = next(d for d in extract_article(text, PUB)["agreements"] if d["type"] == "letter of intent")
    assert set(loi["parties"]) == {"Bharat Dynamics Limited", "VEXAM"}


def test_a_meeting_during_which_a_memorandum_was_signed_was_held():
    text = ("Oslo, June 10: The memorandum was signed during a meeting between Norwegian Defence Minister Karl Berg "
            "and his Chilean counterpart Pedro Soto in Oslo on Tuesday.")
    got = extract_article(text, PUB)
    assert len(got["agreements"]) == 1
    (meeting,) = got["meetings"]
    assert (meeting["type"], meeting["location"]) == ("bilateral meeting", "Oslo")


def test_a_meeting_with_a_whole_industry_is_no_bilateral_meeting_but_one_with_a_company_is():
    text = ("New Delhi, June 10: Defence Secretary Anil Rawat chaired a meeting with the defence industry in New "
            "Delhi on Tuesday. It was attended by officials of Vexlar Systems and Orvik Marine.")
    (meeting,) = extract_article(text, PUB)["meetings"]
    assert meeting["type"] == "other"
    text = "New Delhi, June 10: Defence Secretary Anil Rawat held a meeting with Vexlar Systems on Tuesday."
    (meeting,) = extract_article(text, PUB)["meetings"]
    assert meeting["type"] == "bilateral meeting"


def test_a_sentence_saying_what_a_meeting_series_is_reports_no_meeting_held():
    text = ("Oslo, June 10: The Coastal Commanders' Conference is a bi-annual conference held at the Naval "
            "Headquarters in Bergen. It provides a forum for the senior leadership to discuss critical issues.")
    assert extract_article(text, PUB)["meetings"] == []
    held = "Oslo, June 10: The bi-annual Coastal Commanders' Conference was held in Bergen on Tuesday."
    assert len(extract_article(held, PUB)["meetings"]) == 1


def test_two_deals_joined_by_a_comma_and_a_new_subject_and_a_foreign_language_body_defined_by_its_acronym():
    text = ("Brasilia, June 10: Brazil's Departamento de Ciência e Tecnologia Aeroespacial (DCTA) awarded Embraer a "
            "study contract, and Indonesia's PT Dirgantara Indonesia signed an MoU with Airbus Helicopters.")
    deals = {d["type"]: set(d["parties"]) for d in extract_article(text, PUB)["agreements"]}
    assert deals["contract"] == {"Departamento de Ciência e Tecnologia Aeroespacial", "Embraer"}
    assert deals["MoU"] == {"PT Dirgantara Indonesia", "Airbus Helicopters"}


def test_a_body_named_only_in_the_occasion_a_deal_was_signed_beside_is_no_party():
    text = ("Kuala Lumpur, June 10: The framework was signed by US Secretary of War Pete Hegseth and Indian "
            "Defence Minister Rajnath Singh on the sidelines of the ASEAN Defence Ministers' Meeting-Plus in Kuala "
            "Lumpur on Tuesday.")
    (deal,) = extract_article(text, PUB)["agreements"]
    assert not any("Southeast Asian" in p or "ASEAN" in p for p in deal["parties"])
    assert "Government of India" in deal["parties"]


def test_orders_placed_with_firms_given_as_examples_are_no_deal_but_one_with_a_firm_is():
    trend = ("Since 2022, governments have placed orders worth billions with firms such as Vexlar Systems, Orvik "
             "Marine and Kestrel Dynamics, yet delivery times keep growing.")
    assert extract_article(trend, PUB)["agreements"] == []
    deal = "On Tuesday, the Ruritanian Navy placed an order worth $40 million with Vexlar Systems for sonars."
    assert len(extract_article(deal, PUB)["agreements"]) == 1


def test_deals_set_off_by_semicolons_keep_their_own_sides_and_contracts_awarded_to_two_are_two():
    text = ("Abu Dhabi, Feb 20: Vexlar Systems and Orvik Marine signed an MoU on naval drones; Kestrel Dynamics won "
            "a $30 million contract from the UAE Navy; and Halvard Robotics teamed up with Zentrix Aero to market "
            "drones. Separately, the Tawazun Council awarded contracts to EDGE Group and Calidus.")
    deals = [set(d["parties"]) for d in extract_article(text, dt.date(2025, 2, 20))["agreements"]]
    assert {"Kestrel Dynamics", "UAE Navy"} in deals
    assert {"Tawazun Council", "EDGE Group"} in deals and {"Tawazun Council", "Calidus"} in deals


def test_a_person_hosted_for_talks_gives_the_talks_no_name_but_a_named_format_does():
    text = ("Berlin, June 10: Defence Minister Karl Berg hosted his Ruritanian counterpart Ana Lunde for talks in "
            "Berlin on Tuesday.")
    (talks,) = extract_article(text, PUB)["meetings"]
    assert talks["name"] is None
    text = "Berlin, June 10: Defence Minister Karl Berg hosted his counterparts for Weimar Triangle talks on Tuesday."
    (talks,) = extract_article(text, PUB)["meetings"]
    assert talks["name"] == "Weimar Triangle talks"


def test_a_body_announcing_an_agreement_between_two_others_is_no_side_of_it():
    text = ("Oslo, June 10: The Ruritanian Space Agency (RSA) announced an agreement between Vexa Launch Limited "
            "(VLL) and Orbivo, a private satellite company for the launch of their first satellite in 2026.")
    (deal,) = extract_article(text, PUB)["agreements"]
    assert set(deal["parties"]) == {"Vexa Launch Limited", "Orbivo"}


def test_a_signer_whose_product_the_deal_makes_is_still_a_side_but_a_body_served_only_is_not():
    text = ("Oslo, June 10: Vexa Electronics Ltd, Orvik Aerospace Industries (OAI) and Kestrel Dynamics Ltd on "
            "Wednesday announced the signing of a memorandum of understanding for manufacturing OAI's drones.")
    (mou,) = extract_article(text, PUB)["agreements"]
    assert "Orvik Aerospace Industries" in mou["parties"]
    served = ("Oslo, June 10: Vexa Electronics Ltd and Kestrel Dynamics Ltd signed an MoU to pursue the "
              "Ruritanian Air Force's transport aircraft programme.")
    (mou,) = extract_article(served, PUB)["agreements"]
    assert "Ruritanian Air Force" not in mou["parties"]


def test_a_body_that_entered_a_contract_with_another_concluded_it():
    text = ("Bengaluru: Vexa Electronics Limited (VEL) on Tuesday entered a contract valued at Rs 847 crore with "
            "Orvik Systems Limited for the supply of 14 sensors.")
    (deal,) = extract_article(text, PUB)["agreements"]
    assert set(deal["parties"]) == {"Vexa Electronics Limited", "Orvik Systems Limited"}


def test_a_deal_told_with_a_state_and_again_with_the_body_acting_for_it_is_one_with_that_body():
    text = ("Oslo, June 10: Norway has awarded a contract worth $500 million to Vexlar Aircraft to acquire 75 trainer "
            "jets for the Royal Norwegian Air Force. \"The Royal Norwegian Air Force has entered today into a "
            "contract with Vexlar Aircraft,\" the company said.")
    (deal,) = extract_article(text, PUB)["agreements"]
    assert set(deal["parties"]) == {"Vexlar Aircraft", "Royal Norwegian Air Force"}


def test_memorandum_of_understandings_with_two_companies_are_two_memoranda():
    text = ("Oslo, June 10: Vexa Electronics Ltd (VEL) on Tuesday said that it has signed memorandum of "
            "understandings (MoUs) with two defence companies, Orvik Vehicles Limited (OVL) and Kestrel Weapons "
            "Limited (KWL), to address export needs.")
    deals = extract_article(text, PUB)["agreements"]
    assert sorted(len(d["parties"]) for d in deals) == [2, 2]
    single = ("Oslo, June 10: Vexa Electronics Ltd signed a memorandum of understanding (MoU) with Orvik Vehicles "
              "Limited and Kestrel Weapons Limited.")
    assert len(extract_article(single, PUB)["agreements"]) == 1


def test_a_summit_also_known_by_another_name_is_held_and_its_length_is_not_the_talks_beside_it():
    text = ("Oslo, June 10: Norwegian Defence Minister Karl Berg and his Chilean counterpart Pedro Soto signed the "
            "memorandum at their meeting in Singapore on the margins of the three-day Asia Defence Summit, also "
            "known as the Raffles Dialogue, on Tuesday.")
    meetings = {m["type"]: m for m in extract_article(text, PUB)["meetings"]}
    assert set(meetings) == {"summit", "bilateral meeting"}
    assert meetings["bilateral meeting"]["start"] == meetings["bilateral meeting"]["end"]


def test_deliberations_held_with_industry_partners_are_a_meeting_but_no_bilateral_one():
    text = ("Oslo, June 10: Defence Secretary Karl Berg visited the Vexa plant on Tuesday. He also held "
            "deliberations with industry partners like Orvik Marine and Kestrel Dynamics.")
    (meeting,) = extract_article(text, PUB)["meetings"]
    assert meeting["type"] == "other"
    assert {"Orvik Marine", "Kestrel Dynamics"} <= set(meeting["participants"])
    one = "Oslo, June 10: Defence Secretary Karl Berg held deliberations with his counterpart Ana Lunde on Tuesday."
    (meeting,) = extract_article(one, PUB)["meetings"]
    assert meeting["type"] == "bilateral meeting"


def test_the_co_chair_named_after_with_a_title_and_a_body_set_off_by_commas():
    text = ("Oslo, June 10: Defence Secretary Anil Rao on Tuesday co-chaired the Norway-India High Defence Committee "
            "meeting with the State Secretary, Norwegian Ministry of Defence Dahl in Oslo.")
    (meeting,) = extract_article(text, PUB)["meetings"]
    assert {c["name"] for c in meeting["chairs"]} == {"Anil Rao", "Dahl"}
    text = ("Oslo, June 10: Defence Secretary Anil Rao co-chaired the Norway-India High Defence Committee meeting in "
            "Oslo on 9 June with the State Secretary, Norwegian Ministry of Defence Mr Erik Dahl.")
    (meeting,) = extract_article(text, PUB)["meetings"]
    assert {c["name"] for c in meeting["chairs"]} == {"Anil Rao", "Erik Dahl"}


def test_the_other_delegation_s_leader_after_one_side_s_head_chairs_too_but_a_visiting_delegation_s_alone_does_not():
    text = ("Oslo, June 10: The fourth Norway-Chile Joint Defence Cooperation Committee meeting was held in Oslo on "
            "Tuesday. The Norwegian side was headed by Erik Dahl, a joint secretary at the Ministry of Defence. The "
            "Chilean delegation was led by Pedro Soto, an assistant secretary at the Chilean Ministry of Defence.")
    (meeting,) = extract_article(text, PUB)["meetings"]
    assert {c["name"] for c in meeting["chairs"]} == {"Erik Dahl", "Pedro Soto"}
    visit = ("Oslo, June 10: A Chilean delegation led by Pedro Soto, an assistant secretary at the Chilean Ministry "
             "of Defence, called on Defence Secretary Erik Dahl on Tuesday.")
    (meeting,) = extract_article(visit, PUB)["meetings"]
    assert "Pedro Soto" not in {c["name"] for c in meeting["chairs"]}


def test_a_later_sentence_dating_another_deal_does_not_date_the_undated_one_before_it():
    text = ("Lisbon, May 6, 2023: Orion Electronics Ltd has signed an MoU with Vexa Systems Ltd.\n\n"
            "In January, Orion also concluded a licence agreement with Tellura Defence Ltd.")
    mou, licence = extract_article(text, None)["agreements"]
    assert mou["date"] == "2023-05-06"  # the dateline's, not January's
    assert (licence["date"], licence["precision"]) == ("2023-01-01", "month")


def test_a_later_sentence_dating_another_meeting_does_not_date_the_undated_one_before_it():
    text = ("Lisbon, May 6, 2023: Defence Minister Ravi Menon held talks with his Norland counterpart Karl Berg.\n\n"
            "On 20 April, Menon also met Orvik Defence Minister Lena Holm in Orvik.")
    first, second = extract_article(text, None)["meetings"]
    assert (first["start"], second["start"]) == ("2023-05-06", "2023-04-20")


def test_a_dated_sentence_telling_the_summed_up_deals_dates_each_of_them():
    text = ("The Orvik Ministry of Defence signed two contracts worth $40 million. The deal was signed on "
            "March 3, 2023, in Orvik.\n\nThe first contract is with Vexa Systems Ltd for radars. The second "
            "is with Tellura Defence Ltd for sonars.")
    dates = {a["date"] for a in extract_article(text, dt.date(2023, 3, 4))["agreements"]}
    assert dates == {"2023-03-03"}


def test_a_council_hosting_a_delegation_holds_a_bilateral_meeting_not_a_council_meeting():
    text = "The Orvik Defence Council hosted a delegation from the Norland Ministry of Defence on Tuesday."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["name"]) == ("bilateral meeting", None)
    assert mt["participants"] == ["Orvik Defence Council", "Norland Ministry of Defence"]
    # positive control: the council deciding on its own sits as a council
    (mt,) = extract_article("The Orvik Defence Council on Tuesday approved proposals for the Navy.", PUB)["meetings"]
    assert mt["type"] == "council meeting"


def test_receiving_a_visit_or_a_courtesy_call_from_an_official_is_a_bilateral_meeting():
    for verb in ("received a visit from", "received a courtesy call from"):
        text = f"Defence Minister Karl Berg {verb} the Norland Army Chief, General Ivo Rask, on Tuesday."
        (mt,) = extract_article(text, PUB)["meetings"]
        assert mt["type"] == "bilateral meeting", verb
    # positive control: a visit to a place, with no one received, is no meeting
    assert extract_article("Defence Minister Karl Berg paid a visit to the shipyard on Tuesday.", PUB)["meetings"] == []


def test_a_meeting_held_on_two_days_joined_by_and_or_to_spans_both():
    for days, want in (("on Monday and Tuesday", ("2025-06-09", "2025-06-10")),
                       ("from 30 May to 2 June", ("2025-05-30", "2025-06-02"))):
        (mt,) = extract_article(f"Norland and Orvik held their defence policy talks in Lisbon {days}.", PUB)["meetings"]
        assert (mt["start"], mt["end"]) == want, days
    # positive control: two days of different things stay one day for the meeting
    text = "Norland and Orvik held defence policy talks in Lisbon on Monday, and on Friday the minister left."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["start"] == mt["end"] == "2025-06-09"


def test_the_year_a_renewed_deal_was_first_concluded_does_not_date_the_renewal():
    text = ("The Orvik Defence Agency and the Norland Space Agency have renewed their administrative arrangement, "
            "the agency said on Friday. Agency head Karl Berg and Lena Holm signed the document in Lisbon.\n\n"
            "The arrangement, first concluded in 2011, covers satellite communications.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["location"]) == ("2025-06-06", "Lisbon")
    # positive control: a year that dates the deal itself still does
    (ag,) = extract_article("Vexa Systems Ltd signed an MoU with Orvik Labs Ltd in 2011.", PUB)["agreements"]
    assert ag["date"] == "2011-01-01"


def test_a_signed_cooperation_or_action_plan_is_an_agreement_but_one_only_reviewed_is_not():
    text = "The Norland Ministry of Defence and the Orvik Ministry of Defence signed a cooperation plan for 2026."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["type"] == "other" and len(ag["parties"]) == 2
    text = "The Norland Ministry of Defence and the Orvik Ministry of Defence reviewed the action plan."
    assert extract_article(text, PUB)["agreements"] == []


def test_a_more_specific_name_for_the_deal_just_told_adds_the_body_it_was_concluded_with():
    text = ("Vexa Systems has won an order from the Norland Army for 6,500 trucks, the company said on Wednesday. "
            "The framework contract, concluded with the Norland Procurement Office, is worth 3.5 billion euros.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["type"] == "framework"
    assert ag["parties"] == ["Vexa Systems", "Norland Army", "Norland Procurement Office"]
    # positive control: a deal of another kind with another body is another agreement
    text = ("Vexa Systems has won an order from the Norland Army for 6,500 trucks, the company said on Wednesday. "
            "It also signed an MoU with the Norland Procurement Office.")
    assert len(extract_article(text, PUB)["agreements"]) == 2


def test_a_city_opening_the_story_without_a_date_places_its_meeting():
    text = "LISBON — Defence ministers met on Wednesday for the 28th meeting of the Orvik Contact Group."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["location"] == "Lisbon"
    # positive control: a capitalised opening that is no city places nothing
    text = "UPDATE — Defence ministers met on Wednesday for the 28th meeting of the Orvik Contact Group."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["location"] is None


def test_deals_listed_after_among_them_was_or_they_include_are_each_an_agreement_with_the_summing_body():
    lead = "The Orvik Defence Authority signed 12 agreements with local and international companies on Monday. "
    for opening in ("Among them was", "They include"):
        text = lead + f"{opening} a localisation agreement with Vexa Systems and an MoU with Tellura Defence."
        got = [(a["type"], a["parties"]) for a in extract_article(text, PUB)["agreements"]]
        assert got == [("other", ["Orvik Defence Authority", "Vexa Systems"]),
                       ("MoU", ["Orvik Defence Authority", "Tellura Defence"])], opening
    # positive control: what the deals cover, listed the same way, is no deal
    text = lead + "They include drones and radars."
    assert len(extract_article(text, PUB)["agreements"]) == 1


def test_a_body_owning_the_one_that_signed_is_no_party_of_its_own():
    for owner in ("The Norland Air Force's", "Vexlar Systems'"):
        text = f"{owner} Department of Aerospace Science signed a research agreement with Tellura Labs on Monday."
        (ag,) = extract_article(text, PUB)["agreements"]
        assert ag["parties"] == ["Department of Aerospace Science", "Tellura Labs"], owner
    # positive control: two bodies joined by "and" both sign
    text = "The Norland Air Force and the Department of Aerospace Science signed an agreement with Tellura Labs."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert len(ag["parties"]) == 3


def test_a_city_whose_name_has_a_lower_case_particle_is_the_place_whole():
    for city in ("São José dos Campos", "Frankfurt am Main"):
        text = f"Vexa Systems signed a research agreement with Orvik Labs in {city} on Monday."
        (ag,) = extract_article(text, PUB)["agreements"]
        assert ag["location"] == city


def test_co_chairmanship_names_the_co_chairs():
    text = ("The Norland-Orvik Joint Working Group on Counter-Terrorism convened in Lisbon on Tuesday under the "
            "co-chairmanship of Joint Secretary Ola Dahl and Ambassador Ivo Rask.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert [(c["role"], c["name"]) for c in mt["chairs"]] == [("co-chair", "Ola Dahl"), ("co-chair", "Ivo Rask")]


def test_talks_on_a_proposed_deal_were_held_though_the_deal_is_only_proposed():
    text = "The third round of talks on the proposed free trade agreement between Norway and Chile concluded in Oslo."
    rec = extract_article(text, PUB)
    assert len(rec["meetings"]) == 1 and rec["agreements"] == []
    # positive control: proposed talks are not held
    assert extract_article("The proposed talks between Norway and Chile in Oslo.", PUB)["meetings"] == []


def test_talks_told_after_where_at_an_occasion_are_a_meeting_of_their_own_on_its_day_and_place():
    text = ("Norland Defence Minister Ola Dahl attended the NATO summit in The Hague last month, where he met "
            "Orvik Defence Minister Ivo Rask.")
    summit, talks = extract_article(text, PUB)["meetings"]
    assert summit["type"] == "summit" and talks["type"] == "bilateral meeting"
    assert (talks["start"], talks["location"]) == (summit["start"], "The Hague")
    # positive control: a where-clause with no one met adds nothing
    text = "Norland Defence Minister Ola Dahl attended the NATO summit in The Hague last month, where he spoke."
    assert len(extract_article(text, PUB)["meetings"]) == 1


def test_two_named_ministers_who_spoke_by_phone_held_a_call_placed_nowhere():
    text = "LISBON: On Tuesday, Defence Minister Ola Dahl and Orvik Defence Minister Ivo Rask spoke by phone."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["location"]) == ("bilateral meeting", None)
    # positive control: one minister who spoke by phone to the press held no call with anyone named
    assert extract_article("On Tuesday, Defence Minister Ola Dahl spoke by phone.", PUB)["meetings"] == []


def test_an_earlier_occasion_takes_no_place_from_the_story_s_opening():
    text = ("LISBON, June 10: The 5th Norland-Orvik Joint Military Commission meeting was held on Monday. "
            "The 4th session was held in 2023.")
    got = {m["start"]: m["location"] for m in extract_article(text, dt.date(2025, 6, 10))["meetings"]}
    assert got == {"2025-06-09": "Lisbon", "2023-01-01": None}


def test_a_joint_military_or_defence_commission_that_met_is_a_meeting_of_that_name():
    for body in ("Joint Military Commission", "Joint Defence Commission"):
        (mt,) = extract_article(f"The Norland-Orvik {body} met in Lisbon on Monday.", PUB)["meetings"]
        assert mt["name"] == f"Norland-Orvik {body}", body
    # positive control: the chairman of such a body visiting a city holds no meeting of it
    text = "Admiral Ola Dahl, Chairman of the Norland Military Committee, visited Lisbon on Monday."
    assert extract_article(text, PUB)["meetings"] == []


def test_a_joint_vision_statement_signed_earlier_is_an_agreement_of_that_year():
    text = ("Both sides reviewed the implementation of the Joint Vision Statement on Defence Cooperation signed by "
            "Norway and Chile in 2022.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["date"], ag["precision"]) == ("other", "2022-01-01", "year")
    # positive control: a statement only issued is no agreement
    assert extract_article("Norway and Chile issued a joint statement on Monday.", PUB)["agreements"] == []


def test_the_industries_listed_after_a_handover_to_industries_are_its_other_parties():
    text = ("The Orvik Defence Research Agency handed over licensing agreements for transfer of technology to four "
            "industries on Friday. The industries include Vexa Labs Ltd and Tellura Systems Ltd.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Orvik Defence Research Agency", "Vexa Labs Ltd", "Tellura Systems Ltd"]
    # positive control: an agreement with its two parties already named takes no listed industries
    text = ("The Orvik Defence Research Agency signed an MoU with Vexa Labs Ltd on Friday. "
            "The industries include Tellura Systems Ltd.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Orvik Defence Research Agency", "Vexa Labs Ltd"]


def test_a_working_group_agreed_to_be_set_up_at_a_dialogue_is_no_meeting_of_its_own():
    text = ("Norway and Chile agreed to set up a joint working group on shipbuilding during the 7th round of their "
            "Defence Policy Dialogue, which took place in Oslo on Monday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["name"] == "Defence Policy Dialogue"
    # positive control: talks held before the occasion's phrase are a meeting of their own
    text = ("The two ministers held talks on shipbuilding during the 7th round of the Defence Policy Dialogue, which "
            "took place in Oslo on Monday.")
    assert len(extract_article(text, PUB)["meetings"]) == 2


def test_two_days_of_consultations_concluded_on_a_day_ended_that_day():
    text = "Officials of Norway and Chile on Monday concluded two days of consultations in Oslo."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["start"], mt["end"]) == ("2025-06-08", "2025-06-09")


def test_a_memorandum_penned_with_someone_is_signed():
    text = "Vexa Systems penned a memorandum of understanding with the Norland Army."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["parties"]) == ("MoU", ["Vexa Systems", "Norland Army"])
    # positive control: an initialled text is not yet signed
    assert extract_article("Vexa Systems initialled an agreement with the Norland Army.", PUB)["agreements"] == []


def test_conferring_or_exchanging_views_with_a_named_counterpart_is_a_bilateral_meeting():
    for verb in ("conferred with", "exchanged views with", "held parleys with", "sat down with"):
        text = f"Defence Minister Ola Dahl {verb} Chilean Defence Minister Ivo Rask in Oslo on Monday."
        (mt,) = extract_article(text, PUB)["meetings"]
        assert mt["type"] == "bilateral meeting", verb
    # positive control: sitting down with reporters is no meeting
    assert extract_article("Defence Minister Ola Dahl sat down with reporters on Monday.", PUB)["meetings"] == []


def test_a_deal_told_in_an_aside_about_the_subject_is_another_deal_with_its_own_date():
    text = "Vexa Systems, which won a contract from the Norland Navy in 2021, signed an MoU with the Orvik Army."
    got = [(a["type"], a["date"], a["parties"]) for a in extract_article(text, PUB)["agreements"]]
    assert got == [("contract", "2021-01-01", ["Vexa Systems", "Norland Navy"]),
                   ("MoU", None, ["Vexa Systems", "Orvik Army"])]
    # positive control: an aside telling no deal leaves one agreement, dated by its own day
    text = "Vexa Systems, which makes radars, signed an MoU with the Orvik Army on Monday."
    got = [(a["type"], a["date"]) for a in extract_article(text, PUB)["agreements"]]
    assert got == [("MoU", "2025-06-09")]


def test_a_plenary_session_of_a_group_is_named_with_its_word():
    text = "Officials of Norway and Chile attended the 3rd plenary session of the Joint Technical Group in Oslo."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["name"]) == ("plenary", "3rd plenary session of the Joint Technical Group")


def test_a_second_pair_after_and_between_is_a_deal_of_its_own():
    text = "MoUs were signed between Vexa Systems and Orvik Labs, and between Tellura Defence and Norland Aerospace."
    got = [a["parties"] for a in extract_article(text, PUB)["agreements"]]
    assert got == [["Vexa Systems", "Orvik Labs"], ["Tellura Defence", "Norland Aerospace"]]


def test_one_signed_by_another_subject_after_while_is_another_deal_of_the_kind_named():
    text = "The Norland Navy signed a contract with Vexa Systems, while the Norland Army signed one with Orvik Labs."
    got = [(a["type"], a["parties"]) for a in extract_article(text, PUB)["agreements"]]
    assert got == [("contract", ["Norland Navy", "Vexa Systems"]), ("contract", ["Norland Army", "Orvik Labs"])]
    # positive control: "one of" its parts is no second deal
    text = "The Norland Navy signed a contract with Vexa Systems, and the radar is one of its parts."
    assert len(extract_article(text, PUB)["agreements"]) == 1


def test_sides_listed_respectively_pair_off_in_order():
    text = "Vexa Systems and Orvik Labs signed contracts with the Norland Navy and the Norland Army respectively."
    got = [a["parties"] for a in extract_article(text, PUB)["agreements"]]
    assert got == [["Vexa Systems", "Norland Navy"], ["Orvik Labs", "Norland Army"]]
    # positive control: without "respectively" both sign each
    text = "Vexa Systems and Orvik Labs signed contracts with the Norland Navy and the Norland Army."
    got = [a["parties"] for a in extract_article(text, PUB)["agreements"]]
    assert got == [["Vexa Systems", "Orvik Labs", "Norland Navy"], ["Vexa Systems", "Orvik Labs", "Norland Army"]]


def test_the_two_ministers_who_discussed_something_and_signed_are_its_signatories():
    text = ("Norwegian Defence Minister Tore Sandvik held talks with Chilean Defence Minister Adriana Delpiano in "
            "Oslo. The two ministers discussed naval cooperation and signed a letter of intent on submarine rescue.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["signatories"] == ["Tore Sandvik", "Adriana Delpiano"]
    # positive control: two ministers who only witnessed a signing signed nothing
    text = ("Norwegian Defence Minister Tore Sandvik held talks with Chilean Defence Minister Adriana Delpiano in "
            "Oslo. The two ministers witnessed the signing of a letter of intent by Vexa Systems and Orvik Labs.")
    assert all(not a["signatories"] for a in extract_article(text, PUB)["agreements"])


def test_ministers_of_named_countries_who_signed_for_no_body_signed_for_their_governments():
    text = ("Norwegian Defence Minister Tore Sandvik held talks with Chilean Defence Minister Adriana Delpiano. "
            "They signed a letter of intent on submarine rescue.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Norway", "Government of Chile"}
    # positive control: a minister signing for a body the text names adds no government
    text = ("The Norwegian Ministry of Defence signed a letter of intent with Vexa Systems Ltd. It was signed by "
            "Norwegian Defence Minister Tore Sandvik.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert "Government of Norway" not in ag["parties"]


def test_talks_on_the_sidelines_of_a_summit_take_none_of_the_summit_s_bodies():
    for text in ("On the sidelines of the NATO summit in The Hague, Prime Minister Ola Dahl held bilateral talks "
                 "with Orvik President Ivo Rask on Monday.",
                 "Prime Minister Ola Dahl met Orvik President Ivo Rask on the sidelines of the NATO summit in The "
                 "Hague on Monday."):
        summit, talks = extract_article(text, PUB)["meetings"]
        assert summit["participants"] == ["North Atlantic Treaty Organization"]
        assert (talks["type"], talks["participants"]) == ("bilateral meeting", []), text


def test_bilateral_meetings_with_the_leaders_of_listed_countries_are_one_per_country():
    text = "Prime Minister Ola Dahl held bilateral meetings with the leaders of Poland, Chile and Japan in Oslo."
    assert len(extract_article(text, PUB)["meetings"]) == 3
    # positive control: one meeting with the leaders together is one
    text = "Prime Minister Ola Dahl held a meeting with the leaders of Poland, Chile and Japan in Oslo on Monday."
    assert len(extract_article(text, PUB)["meetings"]) == 1


def test_deals_told_as_a_trend_over_years_or_a_habit_are_no_agreement():
    for text in ("Vexa Systems and Orvik Labs have both signed large deals with foreign governments in recent years.",
                 "Critics point to the Norland Procurement Agency, which awards most contracts within months."):
        assert extract_article(text, PUB)["agreements"] == [], text
    # positive control: a deal dated within a year stands
    text = "Vexa Systems signed a large deal with the Norland Navy in March."
    assert len(extract_article(text, PUB)["agreements"]) == 1


def test_meetings_told_as_a_habit_over_years_are_no_meeting_but_one_ranked_among_them_is():
    text = "Defence Minister Ola Dahl and his Orvik counterpart Ivo Rask have met often over the past few years."
    assert extract_article(text, PUB)["meetings"] == []
    # positive control: "the first such talks in recent years" ranks one meeting, held
    text = ("The talks, the first such talks in recent years, were held in Oslo between Defence Minister Ola Dahl and "
            "his Orvik counterpart Ivo Rask.")
    assert len(extract_article(text, PUB)["meetings"]) == 1


def test_bodies_of_the_subject_s_first_predicate_are_no_parties_of_the_deal_joined_by_and():
    text = ("Vexa Systems Ltd said its sonar won an award. The company has partnered with Orvik Labs and Tellura "
            "Defence on several programmes and signed a framework agreement with the Norland Navy in 2021.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexa Systems Ltd", "Norland Navy"]
    # positive control: bodies that are the subject of the verb sign
    text = "Vexa Systems Ltd and Orvik Labs have signed a framework agreement with the Norland Navy."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexa Systems Ltd", "Orvik Labs", "Norland Navy"]


def test_a_body_cast_as_a_subcontractor_is_no_party():
    text = "The Norland Army signed a contract with Vexa Systems, with Orvik Labs as a subcontractor."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Norland Army", "Vexa Systems"]
    # positive control: the prime contractor named the same way is a party
    text = "The Norland Army signed a contract with Vexa Systems as the prime contractor."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Norland Army", "Vexa Systems"]


def test_a_licensing_deal_transfers_technology_and_a_moc_is_a_memorandum():
    for word, kind_ in (("licensing deal", "technology transfer"), ("MoC", "MoU")):
        (ag,) = extract_article(f"Vexa Systems signed a {word} with the Norland Army.", PUB)["agreements"]
        assert ag["type"] == kind_, word


def test_a_meeting_between_two_bodies_is_bilateral_but_among_three_is_not():
    text = "The meeting between the Chilean Navy and the Norwegian Navy was held in Oslo on Monday."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["type"] == "bilateral meeting"
    text = "The meeting between the Chilean Navy, the Peruvian Navy and the Norwegian Navy was held in Oslo on Monday."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["type"] == "other"


def test_the_ministers_of_listed_countries_signing_sign_for_their_governments():
    text = "The defence ministers of Finland, Sweden and Norway signed a letter of intent in Helsinki on Thursday."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Government of Finland", "Government of Sweden", "Government of Norway"]


def test_a_signed_partnership_is_an_agreement_but_an_announced_one_is_a_relationship():
    text = "The European Union and Japan on Monday signed a Security and Defence Partnership in Brussels."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["parties"]) == ("other", ["European Union", "Government of Japan"])
    for told in ("Vexa Systems AB announced a partnership with Orvik Robotics to develop ground vehicles.",
                 "The seminar was organised by Vexa Systems AB in partnership with Orvik Robotics."):
        assert extract_article(told, PUB)["agreements"] == [], told


def test_the_leader_of_a_bodys_visiting_delegation_set_off_by_commas_chairs_nothing():
    text = ("A delegation of Vexa Aerospace, led by its chief executive Ana Lunde, met Defence Secretary Jon Kett "
            "in Oslo on Friday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["chairs"] == [] and mt["participants"] == ["Vexa Aerospace"]
    # positive control: a side's own delegation, led by its head, at a dialogue of two sides
    text = ("The fifth Norland-Vexia Defence Dialogue was held in Oslo on Monday. The Vexian delegation was led by "
            "Deputy Minister Ivo Rask. The ten member Norland delegation, led by the Norland Defence Secretary, Jon "
            "Kett included officials of the Norland Navy.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert "Jon Kett" in [c["name"] for c in mt["chairs"]]


def test_a_tally_of_deals_signed_over_time_is_no_agreement():
    for text in ("The Vexa Agency has inked more than 40 transfer of technology agreements with industry since 2020.",
                 "Norland firms have signed hundreds of memoranda of understanding with foreign partners."):
        assert extract_article(text, PUB)["agreements"] == [], text
    # positive control: a sum of money is no count of deals
    text = "Vexa Systems Ltd has bagged over 500 crore orders from the Norland Army."
    assert len(extract_article(text, PUB)["agreements"]) == 1


def test_a_host_with_two_or_more_guests_holds_one_gathering_not_a_bilateral_meeting():
    text = ("The foreign ministers of Norland, Vexia and Orvia met in Oslo on Tuesday. Norland Foreign Minister Ana "
            "Lunde hosted Vexian Foreign Minister Jon Kett and Orvian Foreign Minister Ivo Rask.")
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["other"]
    # positive control: a host with one guest holds a bilateral meeting
    text = "Norland Foreign Minister Ana Lunde hosted Vexian Foreign Minister Jon Kett in Oslo on Tuesday."
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["bilateral meeting"]


def test_the_agency_signing_again_is_the_storys_agency_not_its_company():
    text = ("The Norland Defence Procurement Agency said on Thursday it had signed a contract with Vexa Aerospace "
            "Ltd for howitzers. Vexa Aerospace Ltd will deliver them by 2030. The agency also signed a deal with "
            "Orvik Rockets Ltd for guided rockets.")
    got = extract_article(text, PUB)["agreements"]
    assert got[-1]["parties"] == ["Norland Defence Procurement Agency", "Orvik Rockets Ltd"]
    # positive control: "the company" is the story's company
    text = ("Vexa Aerospace Ltd won an order from the Norland Army. The company also signed a deal with Orvik "
            "Rockets Ltd.")
    assert extract_article(text, PUB)["agreements"][-1]["parties"] == ["Vexa Aerospace Ltd", "Orvik Rockets Ltd"]


def test_talks_on_the_sidelines_of_a_named_ministers_meeting_are_a_meeting_beside_it():
    for occasion in ("Norland Defence Ministers' Meeting", "Norland Defence Ministers' Meeting-Plus"):
        text = (f"Defence Minister Jon Kett held talks with Vexian Defence Minister Ivo Rask on the sidelines of the "
                f"{occasion} in Oslo on Friday.")
        got = extract_article(text, PUB)["meetings"]
        assert [(m["type"], m["name"]) for m in got] == [("other", occasion), ("bilateral meeting", None)], occasion


def test_a_meeting_attended_and_talks_held_beside_it_are_apart():
    text = ("In Oslo on Tuesday, Defence Minister Jon Kett attended the Norland Defence Ministers' Meeting-Plus and "
            "held bilateral talks with his counterparts from Chile and Peru.")
    got = extract_article(text, PUB)["meetings"]
    assert [(m["type"], m["name"]) for m in got] == [
        ("other", "Norland Defence Ministers' Meeting-Plus"), ("bilateral meeting", None), ("bilateral meeting", None)]
    assert {m["location"] for m in got} == {"Oslo"}


def test_a_signing_day_told_after_where_it_was_signed_replaces_the_announcement_day():
    text = ("Vexlar Aerospace today announced that it has signed a contract with the Norland Air Force for avionics. "
            "The contract was signed at the Norland Ministry of Defence in Oslo on 12 May.")
    (ag,) = extract_article(text, dt.date(2025, 5, 14))["agreements"]
    assert (ag["date"], ag["location"]) == ("2025-05-12", "Oslo")


def test_bilateral_talks_told_on_two_days_are_two_meetings():
    text = ("Oslo, June 11: General Jon Kett called on Vexian Defence Minister Ivo Rask on Monday.\n\nOn Tuesday, "
            "General Kett held talks with senior officers at the Vexian Army headquarters.")
    got = extract_article(text, PUB)["meetings"]
    assert [m["start"] for m in got] == ["2025-06-09", "2025-06-10"]
    # positive control: a second sentence about the same day's talks adds to them
    text = ("Oslo, June 11: General Jon Kett called on Vexian Defence Minister Ivo Rask on Monday. The two held "
            "talks on training on Monday.")
    assert len(extract_article(text, PUB)["meetings"]) == 1


def test_deals_with_a_kind_of_body_none_named_are_no_agreement_unless_counted():
    text = "Vexa Systems and Orvik Labs have also struck deals with European defence ministries."
    assert extract_article(text, PUB)["agreements"] == []
    # positive control: counted deals with a kind of body are that many deals
    text = "Vexa Systems signed two cooperation agreements with Norland companies on Monday."
    assert len(extract_article(text, PUB)["agreements"]) == 2


def test_a_named_meeting_of_several_days_that_concluded_on_a_day_began_days_before():
    text = "The two-day Norland Defence Industry Conference concluded in Oslo on Tuesday."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["start"], mt["end"]) == ("2025-06-09", "2025-06-10")


def test_the_two_delegations_led_by_two_heads_are_led_by_the_meetings_chairs():
    text = ("The 12th round of the Norland-Vexia Defence Policy Dialogue took place in Oslo on Monday. The "
            "delegations were led by Defence Secretary Ola Dahl and Vexian Deputy Minister Ivo Rask.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert sorted(c["name"] for c in mt["chairs"]) == ["Ivo Rask", "Ola Dahl"]


def test_a_standard_met_is_no_meeting():
    text = "Vexa Systems met all the performance requirements set by the Norland Army during trials."
    assert extract_article(text, PUB)["meetings"] == []
    # positive control: a body's officials met
    text = "Vexa Systems executives met officials of the Norland Army in Oslo on Monday."
    assert len(extract_article(text, PUB)["meetings"]) == 1


def test_a_deal_cancelled_in_the_next_sentence_is_no_agreement():
    text = "The Norland Army signed a contract with Vexa Systems in 2019. The contract was cancelled last year."
    assert extract_article(text, PUB)["agreements"] == []
    # positive control: the deal told alone was concluded
    text = "The Norland Army signed a contract with Vexa Systems in 2019. The contract was worth $10 million."
    assert len(extract_article(text, PUB)["agreements"]) == 1


def test_a_body_in_an_aside_about_a_person_is_no_side_of_the_deal_told_outside_it():
    text = ("Ola Dahl, who chaired the Norland Procurement Board until 2022, said the contract signed in 2019 with "
            "Vexa Systems had been a success.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexa Systems"]


def test_a_deal_received_under_is_dated_by_its_own_participle_not_the_delivery_day():
    text = ("The Norland Navy on Tuesday received its second frigate from Vexa Shipyards Ltd under a contract signed "
            "in 2021.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["date"] == "2021-01-01" and ag["precision"] == "year"


def test_two_ministers_who_also_signed_are_its_signatories_for_their_governments():
    text = ("French Defence Minister Ana Lunde visited Oslo. Ana Lunde and her Norwegian counterpart Ivo Rask also "
            "signed a memorandum of understanding on submarines.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["signatories"] == ["Ana Lunde", "Ivo Rask"]


def test_the_sides_of_a_signing_witnessed_after_the_talks_took_no_part_in_them():
    text = ("Norland Defence Minister Ola Dahl held talks with Vexian Defence Minister Ivo Rask in Oslo on Monday. "
            "After the talks, the two ministers witnessed the signing of a memorandum between the Norland Defence "
            "Agency and the Vexian Procurement Agency.")
    got = extract_article(text, PUB)
    assert got["meetings"][0]["participants"] == []
    assert got["agreements"][0]["parties"] == ["Norland Defence Agency", "Vexian Procurement Agency"]


def test_contracts_signed_in_a_financial_year_are_a_tally_not_an_agreement():
    text = "The Norland Ministry of Defence signed 193 contracts worth $9 billion in the financial year 2024-25."
    assert extract_article(text, PUB)["agreements"] == []


def test_a_passive_signing_with_one_side_in_a_companys_story_is_the_companys():
    text = ("Vexa Aerospace Ltd reported record revenue on Monday. Vexa Aerospace Ltd said its order book grew. An "
            "export contract with the Norland Air Force was signed in March.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Vexa Aerospace Ltd", "Norland Air Force"]
    # positive control: a similar deal told apart is not taken for the company's
    text = text.replace("An export contract", "A similar contract")
    assert extract_article(text, PUB)["agreements"][0]["parties"] == ["Norland Air Force"]


def test_the_earlier_framework_a_deal_falls_under_gives_it_no_kind():
    text = ("Vexa Rotem Co. signed a $6.5 billion deal with the Norland Armament Agency on Friday to supply 180 tanks, "
            "marking the second executive contract under a 2022 framework agreement.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["parties"]) == ("contract", ["Vexa Rotem Co", "Norland Armament Agency"])


def test_a_meetings_length_counts_back_from_the_day_it_concluded_after_a_headline():
    text = ("Workshop on drones held in Bergen\n\nBergen, June 12: A two-day workshop on counter-drone technologies "
            "concluded in Bergen on Wednesday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["start"], mt["end"]) == ("2025-06-10", "2025-06-11")


def test_the_gathering_a_past_visit_was_for_was_held():
    text = "The Norland Prime Minister visited Vexia in March for the annual Norland-Vexia summit."
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["summit"]
    # positive control: a visit still to come for a summit holds none
    text = "The Norland Prime Minister will visit Vexia in March for the annual Norland-Vexia summit."
    assert extract_article(text, PUB)["meetings"] == []


def test_industries_a_handover_from_a_body_and_its_lab_was_transferred_to_are_its_other_parties():
    text = ("The Norland Defence Agency on Monday handed over Licensing Agreements for Transfer of Technology for two "
            "technologies developed by its Norland Materials Laboratory to two industries. The technologies, fibres "
            "and coatings, were transferred to Vexo Polymers Pvt Ltd, Bergen, and Orvia Coatings Ltd, Oslo.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"][-2:] == ["Vexo Polymers Pvt Ltd", "Orvia Coatings Ltd"]


def test_a_bulleted_line_telling_where_the_deal_just_told_was_signed_completes_it():
    text = ("Vexa Systems Ltd signed a memorandum of understanding with the Norland Navy on Monday.\n- The MoU covers "
            "training.\n- It was signed in Oslo.\n")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["location"] == "Oslo"


def test_meetings_of_a_visit_abroad_are_where_the_story_last_placed_the_visitor_not_its_dateline():
    text = ("Oslo, Oct 20: Defence Minister Ola Dahl returned on Sunday from a four-day visit to Chile. On October 16, "
            "Dahl met Chilean President Ana Soto in Santiago. On October 17, he co-chaired the second Norland-Chile "
            "Defence Dialogue with his counterpart Ivo Rask. On October 18, Dahl travelled to Valparaiso, where he "
            "addressed a business roundtable.")
    got = extract_article(text, dt.date(2025, 10, 20))["meetings"]
    assert [m["location"] for m in got] == ["Santiago", "Santiago", "Valparaiso"]


def test_the_contract_told_after_a_framework_contract_is_that_framework():
    text = ("The Norland Procurement Agency has awarded a framework contract to Vexa Munitions AS for shells. The "
            "contract was signed in Oslo by the agency's general manager, Ana Lunde.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["signatories"]) == ("framework", ["Ana Lunde"])


def test_a_session_the_ministers_also_held_is_another_meeting():
    text = ("The defence ministers of Chile, Peru and Norway met in Oslo on Thursday for the Tri-Nation Defence "
            "Ministers' Meeting. The ministers also held a trilateral session with industry leaders from Vexa "
            "Systems and Orvik Labs.")
    got = extract_article(text, PUB)["meetings"]
    assert [m["participants"] for m in got] == [[], ["Vexa Systems", "Orvik Labs"]]


def test_a_renewal_is_dated_by_its_own_day_not_the_year_the_deal_was_first_made():
    text = "The Norland Navy and Vexa Systems renewed their 2019 maintenance agreement for five years on Monday."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["date"] == "2025-06-09"


def test_a_letter_of_award_received_is_a_contract():
    text = "Vexa Systems said it had received a letter of award from the Norland Air Force for 12 radars on Monday."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], ag["parties"]) == ("contract", ["Vexa Systems", "Norland Air Force"])


def test_talks_held_next_week_are_planned_but_those_held_last_week_were_held():
    text = "Norland and Vexia hold talks in Oslo next week on a defence pact."
    assert extract_article(text, PUB)["meetings"] == []
    text = "Norland and Vexia held talks last week on a defence pact, officials said."
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["bilateral meeting"]


def test_a_deal_agreed_on_is_concluded_but_terms_agreed_on_are_not():
    for text in ("Vexa Aerospace and the Norland Armament Agency agreed on a framework to export 672 howitzers in July "
                 "2022.", "Vexa Air and the Norland Air Force have agreed a partnership on pilot training."):
        (ag,) = extract_article(text, PUB)["agreements"]
        assert len(ag["parties"]) == 2, text
    text = "The Norland Ministry of Defence and Vexa Systems have agreed on the price of 40 radars, officials said."
    assert extract_article(text, PUB)["agreements"] == []


def test_we_in_an_interviews_answer_is_the_storys_company():
    text = ("Vexa Systems chief: radars due next year\n\nVexa Systems makes radars. Vexa Systems has 900 staff.\n\nQ: "
            "How is the Norland Army contract progressing?\nA: We signed the contract with the Norland Army in March.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Norland Army", "Vexa Systems"]


def test_a_meeting_agreed_on_as_an_outcome_is_typed_and_placed_by_nothing_of_the_plan():
    text = ("Norland and Vexia held their fifth defence dialogue virtually on Monday. Both sides reviewed ongoing "
            "projects, including the coastal radar system, and agreed to hold the next dialogue in Oslo.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["location"] is None
    text = "The two sides reviewed ongoing projects and agreed to hold the next dialogue in Oslo."
    assert extract_article(text, PUB)["meetings"] == []


def test_a_call_between_a_pair_a_stay_for_discussions_and_talks_ahead_of_a_summit_are_meetings_of_their_own():
    text = "The Norland Defence Minister and his Vexian counterpart spoke over the phone on Wednesday."
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["bilateral meeting"]
    text = "Norland's army chief was in Vexia on Monday for discussions with the Vexian military leadership."
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["bilateral meeting"]
    text = "Ahead of the summit, the foreign secretaries of Norland and Vexia held consultations in Oslo on Monday."
    assert [m["type"] for m in extract_article(text, PUB)["meetings"]] == ["bilateral meeting"]


def test_a_meeting_that_will_go_on_till_a_weekday_ends_on_the_next_one():
    text = "The Naval Commanders' Conference began in Bergen on Monday and will go on till Thursday."
    (mt,) = extract_article(text, dt.date(2025, 6, 10))["meetings"]
    assert (mt["start"], mt["end"]) == ("2025-06-09", "2025-06-12")


def test_counted_deals_told_one_by_one_in_the_next_sentence_take_their_own_sides():
    text = ("Norway and Chile signed three agreements during the visit. The agreements signed include one between the "
            "Norwegian Space Agency and the Chilean Space Agency on navigation, one between Vexa Shipyards and Orvik "
            "Marine on ship repair, and one between the two coast guards on search and rescue.")
    got = extract_article(text, PUB)["agreements"]
    assert [a["parties"] for a in got] == [["Norwegian Space Agency", "Chilean Space Agency"],
                                           ["Vexa Shipyards", "Orvik Marine"],
                                           ["Government of Norway", "Government of Chile"]]


def test_one_contract_in_a_financial_year_an_aside_about_a_past_cancellation_and_named_examples_stand():
    for text in ("The Norland Ministry of Defence signed a contract with Vexa Systems in the financial year 2024-25 "
                 "for 40 radars.",
                 "The Norland Navy signed a contract with Vexa Shipyards for two frigates on Monday. The contract, "
                 "which had been cancelled in 2022 over cost overruns, was revived after fresh negotiations."):
        assert len(extract_article(text, PUB)["agreements"]) == 1, text
    text = ("The Norland Army has signed contracts with several companies, including Vexa Systems and Orvik Labs, "
            "for drones.")
    assert len(extract_article(text, PUB)["agreements"]) == 2


def test_the_two_sides_of_an_earlier_deal_are_the_two_of_the_deal_just_told_not_countries_in_an_expo_name():
    text = ("Vantor Dynamics has signed a contract with the Kenyan Ministry of Defence for patrol boats, the "
            "company said on Monday. The deal follows a memorandum of understanding the two sides signed at the "
            "Indo Defence expo in Jakarta in November 2024.")
    earlier = next(a for a in extract_article(text, PUB)["agreements"] if a["type"] == "MoU")
    assert set(earlier["parties"]) == {"Vantor Dynamics", "Kenyan Ministry of Defence"}


def test_a_region_named_after_a_country_form_names_no_country_of_the_two_sides():
    text = ("SANTIAGO, June 9: Norway's defence minister held talks with his counterpart here on security in the "
            "Indo-Pacific. The two sides signed an MoU on maritime patrols.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Norway", "Government of Chile"}


def test_the_same_minister_also_holding_talks_with_someone_the_first_meeting_did_not_name_holds_two_meetings():
    for second in ("Nordvik also held talks with Chilean Defence Minister Ana Rojas.",
                   "Nordvik held separate talks with Chilean Defence Minister Ana Rojas."):
        text = f"Norwegian Defence Minister Lars Nordvik met his Polish counterpart in Oslo on Monday. {second}"
        assert len(extract_article(text, PUB)["meetings"]) == 2, second
    same = ("Norwegian Defence Minister Lars Nordvik met Polish Defence Minister Jan Kowal in Oslo on Monday. "
            "Nordvik also held talks with Kowal on air defence.")
    assert len(extract_article(same, PUB)["meetings"]) == 1


def test_two_capitals_that_signed_are_their_governments_and_no_capital_is_a_party():
    text = "Tallinn and Copenhagen have signed a deal on joint production of drones, officials said on Monday."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Estonia", "Government of Denmark"}


def test_a_service_whose_ships_a_contract_supports_is_served_not_a_party():
    text = ("Vexlar Systems said on Tuesday it had won a contract from the UK Ministry of Defence to support the "
            "Royal Navy's Type 45 destroyers.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexlar Systems", "UK Ministry of Defence"}
    awarded = extract_article("The Norland Navy awarded Vexlar Systems a contract to upgrade its frigates.", PUB)
    assert set(awarded["agreements"][0]["parties"]) == {"Norland Navy", "Vexlar Systems"}


def test_the_companies_that_signed_at_one_of_their_offices_are_both_of_the_pair_told_before():
    text = ("Vexlar Aerospace and Orvik Dynamics on Thursday announced a partnership on loitering munitions. The "
            "companies signed a teaming agreement at Vexlar's headquarters in Munich.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexlar Aerospace", "Orvik Dynamics"}


def test_talks_of_two_countries_chiefs_told_in_an_as_clause_are_a_bilateral_meeting():
    text = "Norway and Chile agreed on Wednesday to deepen naval cooperation as their defence chiefs met in Oslo."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["location"], mt["start"]) == ("bilateral meeting", "Oslo", "2025-06-11")


def test_a_joint_permanent_commission_held_is_a_bilateral_meeting_of_the_two_forces():
    text = ("The Norland Army and the Vexian Army held a Joint Permanent Commission on Defence and Security in Oslo "
            "on Monday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["name"]) == ("bilateral meeting", "Joint Permanent Commission on Defence and Security")
    assert set(mt["participants"]) == {"Norland Army", "Vexian Army"}


def test_a_navy_whose_shipbuilding_two_firms_cooperate_on_is_no_party():
    text = ("Vexlar Shipyards said on Tuesday it had signed a memorandum of understanding with Orvik Marine to explore "
            "cooperation on US Navy shipbuilding.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexlar Shipyards", "Orvik Marine"}


def test_a_ministry_that_told_a_news_agency_of_a_deal_reported_it_and_is_no_party():
    text = ("Norway and Chile signed an agreement on naval training in Oslo on Monday, the Norwegian Ministry of "
            "Trade told NTB.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Government of Norway", "Government of Chile"}
    own = extract_article("Vexlar Systems told Reuters it had signed a contract with the Norland Navy on Monday.", PUB)
    assert set(own["agreements"][0]["parties"]) == {"Vexlar Systems", "Norland Navy"}


def test_a_record_number_of_contracts_last_year_is_a_tally_and_an_annual_general_meeting_no_meeting():
    text = ("The company signed a record number of contracts last year, Vexlar Systems chief executive Ana Lunde told "
            "shareholders at the annual general meeting in Oslo.")
    rec = extract_article(text, PUB)
    assert (rec["agreements"], rec["meetings"]) == ([], [])
    control = ("Vexlar Systems signed a contract with the Norland Navy on Monday. The Norland Navy and Vexlar Systems "
               "also held a review meeting in Oslo on Tuesday.")
    got = extract_article(control, PUB)
    assert (len(got["agreements"]), len(got["meetings"])) == (1, 1)


def test_the_contract_inked_with_a_body_named_only_after_a_state_shipyard_is_the_one_just_told():
    text = ("The Ministry of Defence on Monday signed a contract with a state-run shipyard for two survey vessels. "
            "The contract was inked with Vexlar Shipyards Limited in the presence of senior officials.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Ministry of Defence", "Vexlar Shipyards Limited"}
    control = ("Vexlar Systems signed a contract with the Norland Navy on Monday. Orvik Marine signed a contract "
               "with the Vexian Army on Tuesday.")
    assert len(extract_article(control, PUB)["agreements"]) == 2


def test_a_date_after_an_aside_on_where_the_deal_was_signed_is_another_event_s():
    text = ("Norland and Vexia on Tuesday signed an agreement to build guided missiles together. The agreement, "
            "signed in Oslo, builds on a missile programme launched last year.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["location"]) == ("2025-06-10", "Oslo")
    inside = "The agreement, signed in Oslo last year, builds on a missile programme."
    (old,) = extract_article(inside, PUB)["agreements"]
    assert (old["date"], old["precision"]) == ("2024-01-01", "year")


def test_a_headline_deal_is_the_body_s_agreement_of_whatever_kind():
    text = ("Vexlar signs deal with Norland shipbuilder\n\n"
            "OSLO: Vexlar Systems has signed a memorandum of understanding with Orvik Marine on Monday for the joint "
            "design of a light frigate.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["type"], set(ag["parties"])) == ("MoU", {"Vexlar Systems", "Orvik Marine"})
    body = extract_article("Vexlar Systems signed a deal with the Norland Navy on Monday.", PUB)
    assert body["agreements"][0]["type"] == "contract"  # in the body, a deal is a contract


def test_the_two_sides_who_signed_after_a_meeting_between_two_bodies_are_those_bodies():
    text = ("The 12th meeting between the Norland Coast Guard and the Vexian Coast Guard was held in Oslo on June 9. "
            "The two sides signed a memorandum of understanding on pollution response at the end of the meeting.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Norland Coast Guard", "Vexian Coast Guard"}


def test_counterparts_of_two_countries_hosted_for_one_named_meeting_hold_one_meeting():
    text = ("Norland's Minister of Defence Ana Berg hosted her Malaysian and Singaporean counterparts, Karl Ode and "
            "Mats Vik, in Oslo on Tuesday for the annual Northern Defence Committee meeting.")
    assert len(extract_article(text, PUB)["meetings"]) == 1
    control = "Minister Ana Berg held talks with her Malaysian and Singaporean counterparts in Oslo on Tuesday."
    assert len(extract_article(control, PUB)["meetings"]) == 2


def test_who_signed_for_a_country_named_without_an_article_signed_the_deal_just_told():
    text = ("Norland and Vexia on Monday signed a framework agreement on training. Defence Minister Ana Berg signed "
            "for Norland, while Deputy Minister Karl Ode signed for Vexia.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["signatories"]) == {"Ana Berg", "Karl Ode"}
    money = "Norland and Vexia on Monday signed a framework agreement. A contract was signed for Rs 500 crore."
    assert all(not a["signatories"] for a in extract_article(money, PUB)["agreements"])


def test_a_two_day_meeting_that_concluded_on_a_day_began_the_day_before():
    text = ("The two-day meeting of the Norland-Vexia Joint Defence Cooperation Committee concluded in Oslo on "
            "Thursday. It was co-chaired by Defence Secretary Ana Berg and Vexian Vice Minister Karl Ode.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["start"], mt["end"]) == ("2025-06-11", "2025-06-12")
    side = ("Ana Berg held talks with Karl Ode in Oslo on Thursday on the sidelines of the three-day Northern "
            "Security Summit.")
    talks = [m for m in extract_article(side, PUB)["meetings"] if m["type"] == "bilateral meeting"]
    assert [(m["start"], m["end"]) for m in talks] == [("2025-06-12", "2025-06-12")]


def test_the_day_a_meeting_was_reported_gives_way_to_the_time_the_sentence_gives_it():
    text = "The Joint Working Group on Defence Technology met in Oslo on Tuesday, the ministry said on Thursday."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["start"] == "2025-06-10"
    only = "The Joint Working Group on Defence Technology met in Oslo, the ministry said on Thursday."
    assert extract_article(only, PUB)["meetings"][0]["start"] == "2025-06-12"
    vague = "The Joint Working Group on Defence Technology met in Oslo last month, the ministry said on Thursday."
    assert extract_article(vague, PUB)["meetings"][0]["start"] == "2025-05-01"


def test_a_deal_signed_the_following_day_is_dated_a_day_after_the_day_last_named():
    text = ("Defence Minister Ana Berg held talks with her counterpart Karl Ode in Oslo on Monday. The two ministers "
            "signed an agreement on logistics support the following day.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["date"] == "2025-06-10"
    same = ("Defence Minister Ana Berg held talks with her counterpart Karl Ode in Oslo on Monday. The two ministers "
            "also signed an agreement on logistics support.")
    assert extract_article(same, PUB)["agreements"][0]["date"] == "2025-06-09"


def test_a_contract_that_could_be_signed_after_advanced_talks_is_not_concluded():
    for sentence in ("Norland is in advanced talks with Vexlar Systems for 12 helicopters, and a contract could be "
                     "signed by the end of the year, officials said.",
                     "A contract with Vexlar Systems may be signed next month."):
        assert extract_article(sentence, PUB)["agreements"] == [], sentence
    done = "Norland signed a contract with Vexlar Systems for 12 helicopters on Monday, officials said."
    assert len(extract_article(done, PUB)["agreements"]) == 1


def test_talks_held_before_a_plan_told_in_the_next_clause_were_held():
    text = ("The two navies held their 12th round of staff talks in Oslo on Wednesday, and will hold the next round "
            "in Bergen in October.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["start"], mt["location"]) == ("2025-06-11", "Oslo")
    planned = ("The Northern Commanders' Conference, which was scheduled for April and had to be postponed, will now "
               "be held in two phases.")
    assert extract_article(planned, PUB)["meetings"] == []


def test_a_listed_deal_naming_its_own_two_sides_has_those_sides_not_the_summary_s_states():
    text = ("Norway and Chile signed three agreements on Thursday. The agreements signed include:\n"
            "- An MoU on training between the Norland Defence University and the Vexian Military Academy;\n"
            "- A contract for patrol boats between Vexlar Systems and the Vexian Coast Guard;\n"
            "- An agreement on cyber security cooperation.")
    got = sorted(sorted(a["parties"]) for a in extract_article(text, PUB)["agreements"])
    assert got == [["Government of Chile", "Government of Norway"],
                   ["Norland Defence University", "Vexian Military Academy"],
                   ["Vexian Coast Guard", "Vexlar Systems"]]


def test_bilateral_meetings_with_the_service_chiefs_of_two_countries_are_two():
    text = ("General Ana Berg addressed the Northern Security Conference in Oslo on Tuesday and held bilateral "
            "meetings with the service chiefs of Sri Lanka and the Maldives on its sidelines.")
    kinds = sorted(m["type"] for m in extract_article(text, PUB)["meetings"])
    assert kinds == ["bilateral meeting", "bilateral meeting", "conference"]


def test_an_industry_day_held_for_companies_is_a_conference():
    text = ("The Norland Defence Materiel Agency held an industry day in Bergen on Monday to brief companies on its "
            "requirements for coastal radars.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["location"]) == ("conference", "Bergen")


def test_a_visit_s_undated_deal_and_meeting_take_the_day_and_place_told_just_before():
    text = ("OSLO: Chilean Defence Minister Ana Berg arrived in Oslo on Monday on a three-day official visit to "
            "Norway. On Tuesday, she held talks with her Norwegian counterpart Karl Ode at the Ministry of Defence.\n\n"
            "During the talks, the two ministers reviewed bilateral defence cooperation. They also signed a "
            "memorandum of understanding on defence cooperation.\n\n"
            "Later, Berg visited the naval base in Bergen. She also met executives of Vexlar Systems.")
    rec = extract_article(text, PUB)
    assert [a["date"] for a in rec["agreements"]] == ["2025-06-10"]
    assert sorted(m["location"] for m in rec["meetings"]) == ["Bergen", "Oslo"]


def test_the_company_that_has_an_agreement_signed_earlier_is_its_party():
    text = ("Vexlar Systems ASA has been awarded a contract by the Norland Defence Materiel Agency to supply sonars. "
            "The company also has a framework agreement with the Norland Navy for sonar maintenance, signed in 2021.")
    frame = [a for a in extract_article(text, PUB)["agreements"] if a["type"] == "framework"]
    assert [set(a["parties"]) for a in frame] == [{"Vexlar Systems ASA", "Norland Navy"}]


def test_a_partnership_formalised_through_an_mou_is_between_the_two_bodies_that_joined_hands():
    text = ("Vexlar, Orvik to co-develop loitering munitions\n\n"
            "OSLO -- Vexlar Systems and Orvik Aero have joined hands to co-develop loitering munitions, the two "
            "companies said on Thursday. The partnership was formalised through a memorandum of understanding "
            "signed at Vexlar's headquarters in Oslo.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert set(ag["parties"]) == {"Vexlar Systems", "Orvik Aero"}


def test_the_place_a_visitor_was_welcomed_to_is_where_the_talks_were_held():
    text = ("Defence Secretary Ana Berg welcomed Vexian Minister of Defence Karl Ode to the Pentagon on Monday and "
            "held talks on defence investments.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["location"] == "Pentagon"


def test_deals_counted_then_listed_after_a_colon_take_each_item_s_kind_and_own_sides():
    text = ("Norway and Chile signed three agreements on Tuesday: an implementing arrangement on air-to-air "
            "refuelling, a memorandum of understanding on science between the Norland Research Agency and the "
            "Vexian Science Group, and a letter of intent on submarine rescue.")
    got = sorted((a["type"], tuple(sorted(a["parties"]))) for a in extract_article(text, PUB)["agreements"])
    states = ("Government of Chile", "Government of Norway")
    assert got == [("MoU", ("Norland Research Agency", "Vexian Science Group")), ("letter of intent", states),
                   ("other", states)]


def test_a_signing_the_ministers_witnessed_after_their_meeting_took_place_where_they_met():
    text = ("Norland's Minister of Defence Ana Berg and her Vexian counterpart Karl Ode met in Oslo on Monday. "
            "Berg said the two countries would set up a joint working group.\n\n"
            "The ministers also witnessed the signing of a contract between Orvik Marine and the Vexian Navy.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["location"], ag["date"]) == ("Oslo", "2025-06-09")
    plain = ("Norland's Minister of Defence Ana Berg met her Vexian counterpart Karl Ode in Oslo on Monday. Orvik "
             "Marine signed a contract with the Vexian Navy.")
    assert extract_article(plain, PUB)["agreements"][0]["location"] is None


def test_a_body_owned_by_another_where_a_deal_was_signed_is_no_party_and_the_signers_after_it_sign():
    text = ("The Norland Navy has awarded a contract to Vexlar Sensores Ltda to upgrade radars.\n\n"
            "The contract was signed on Monday at the Navy's General Directorate of Material in Oslo by Vice Admiral "
            "Karl Berg and Vexlar Sensores chief executive Ana Lunde.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Norland Navy", "Vexlar Sensores Ltda"]
    assert ag["signatories"] == ["Karl Berg", "Ana Lunde"]
    assert ag["location"] == "Oslo"


def test_the_joint_committee_whose_meeting_is_held_takes_no_part_in_it():
    text = ("Norland and Vexia hold first Joint Defence Industry Cooperation Committee meeting\n\n"
            "Norland and Vexia held the first meeting of their Joint Defence Industry Cooperation Committee in Oslo "
            "on Monday. Representatives of Orvik Systems and Vexa Dynamics also took part in the talks.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert "Joint Defence Industry Cooperation Committee" not in mt["participants"]
    assert sorted(mt["participants"]) == ["Orvik Systems", "Vexa Dynamics"]


def test_the_head_of_a_company_delegation_received_by_a_minister_chairs_nothing():
    text = ("HANOI -- General Karl Berg, Deputy Minister of Defence of Norland, received a delegation of Chile's Vexa "
            "Shipbuilders and Engineers (VSE) led by its Chairman and Managing Director, Commodore Ana Lunde (retd), "
            "in Hanoi on Tuesday. The two sides discussed cooperation in building patrol vessels.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["chairs"] == []
    led = text.replace("a delegation of Chile's Vexa Shipbuilders and Engineers (VSE) led by", "talks chaired by")
    assert [c for c in extract_article(led, PUB)["meetings"][0]["chairs"]] != []


def test_a_headline_s_short_name_of_a_meeting_gives_way_to_the_body_s_full_name():
    text = ("Norway, Chile hold 15th Joint Ministerial Committee\n\n"
            "OSLO -- Norway's Minister for Defence Karl Berg and Chile's Minister for Defence Ana Lunde co-chaired the "
            "15th Norway-Chile Joint Ministerial Committee (NCJMC) meeting on Monday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["name"] == "15th Norway-Chile Joint Ministerial Committee (NCJMC) meeting"
    assert mt["participants"] == []
    orgs = [o["name"] for o in extract_article(text, PUB)["organisations"]]
    assert orgs == ["Norway-Chile Joint Ministerial Committee"]


def test_the_group_that_owns_a_contracting_subsidiary_is_no_party_of_its_own():
    text = ("The Norland Armament Agency signed a contract with Vexa Group subsidiary Orvik Arms Ltd for 96 howitzers "
            "on Tuesday. The Chilean Navy signed a contract with Vexa Group's unit Dahl Marine AS for boats on Monday.")
    got = sorted(tuple(sorted(a["parties"])) for a in extract_article(text, PUB)["agreements"])
    assert got == [("Chilean Navy", "Dahl Marine AS"), ("Norland Armament Agency", "Orvik Arms Ltd")]
    plain = "The Norland Armament Agency signed a contract with Vexa Group and Orvik Arms Ltd for 96 howitzers."
    assert sorted(extract_article(plain, PUB)["agreements"][0]["parties"]) == [
        "Norland Armament Agency", "Orvik Arms Ltd", "Vexa Group"]


def test_a_ministry_named_again_by_its_country_alone_is_the_same_party():
    text = ("Vexlar Systems and Chile's Ministry of Defence Industry signed a memorandum of understanding on Friday. "
            "Orvik Marine also signed a letter of intent with the Chilean ministry on training.")
    loi = next(a for a in extract_article(text, PUB)["agreements"] if a["type"] == "letter of intent")
    assert sorted(loi["parties"]) == ["Chile's Ministry of Defence Industry", "Orvik Marine"]


def test_the_board_whose_meeting_is_held_takes_no_part_in_it():
    text = ("OSLO -- Senior officers of Norland and Chile convened the annual Mutual Defence Board (MDB) meeting in "
            "Oslo on Monday. The meeting was co-chaired by Norland Navy chief Admiral Karl Berg and Chilean Army "
            "chief General Ana Lunde.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert "Mutual Defence Board" not in mt["participants"]
    assert sorted(mt["participants"]) == ["Chilean Army", "Norland Navy"]


def test_a_roundup_item_told_without_a_day_takes_no_other_item_s_day():
    text = ("Orders roundup\n\nVexlar Dynamics has bagged an order from the Norland Army for night-vision devices, the "
            "company said on Tuesday. Orvik Marine clinched a deal with the Chilean Navy on Monday. Lund Systems "
            "secured a contract from the Norland Coast Guard worth $12 million.")
    got = {tuple(sorted(a["parties"])): a["date"] for a in extract_article(text, PUB)["agreements"]}
    assert got[("Lund Systems", "Norland Coast Guard")] is None
    assert got[("Chilean Navy", "Orvik Marine")] == "2025-06-09"
    same = text.replace("Lund Systems secured a contract from the Norland Coast Guard", "It also secured a contract "
                        "from the Chilean Navy")  # the same sides go on: the day they were told with holds
    assert {a["date"] for a in extract_article(same, PUB)["agreements"] if "Chilean Navy" in a["parties"]} == {
        "2025-06-09"}


def test_a_headline_s_ordinal_in_figures_is_the_body_s_ordinal_in_words():
    text = ("Norway, Chile hold 3rd Strategic Dialogue\n\n"
            "The third Norway-Chile Strategic Dialogue was held in Oslo on Monday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["name"] == "third Norway-Chile Strategic Dialogue"


def test_the_body_a_one_sided_contract_supplies_is_its_other_side():
    text = "OSLO -- Vexlar Systems has won a contract to supply eight radars to the Norland Navy, the firm said."
    assert sorted(extract_article(text, PUB)["agreements"][0]["parties"]) == ["Norland Navy", "Vexlar Systems"]
    both = ("OSLO -- The Norland Defence Materiel Agency signed a contract with Vexlar Systems to supply eight radars "
            "to the Norland Navy on Monday.")  # the buyer named: the service supplied is served, no side
    assert sorted(extract_article(both, PUB)["agreements"][0]["parties"]) == [
        "Norland Defence Materiel Agency", "Vexlar Systems"]


def test_the_day_a_filing_gave_the_news_is_not_the_day_of_the_deal_told_again_after():
    text = ("OSLO -- Vexlar Systems and the Norland Navy have concluded a contract for radars, Vexlar said in a filing "
            "to the stock exchange on Wednesday.\n\nThe contract, signed on 2 June in Bergen, runs for five years.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["location"]) == ("2025-06-02", "Bergen")


def test_bodies_past_the_aside_of_under_the_deal_do_its_work_and_take_the_day_it_names():
    text = ("OSLO -- Vexlar Systems and Orvik Marine have concluded a contract for hull parts.\n\n"
            "Under the deal, signed on 27 May in Bergen, Lund Forge will cast the parts.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["location"]) == ("2025-05-27", "Bergen")
    assert sorted(ag["parties"]) == ["Orvik Marine", "Vexlar Systems"]


def test_a_deal_told_again_past_an_aside_takes_the_day_of_its_own_verb():
    text = ("OSLO -- Vexlar Systems has won a contract from the Norland Army for drones, the company said on "
            "Tuesday.\n\n"
            "The order, placed under a fast-track route, was signed last month.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["precision"]) == ("2025-05-01", "month")


def test_a_title_of_a_country_s_meets_a_title_of_another_s_after_a_wire_dateline():
    text = ("SEOUL, June 11 (Yonhap) -- Norway's arms procurement chief met with Chile's deputy defence minister in "
            "Seoul on Wednesday to discuss a tank contract, the Norland Procurement Agency said.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert (mt["type"], mt["start"], mt["location"]) == ("bilateral meeting", "2025-06-11", "Seoul")
    planned = text.replace("met with", "will meet")  # positive control: a plan is no meeting
    assert extract_article(planned, PUB)["meetings"] == []


def test_she_met_after_where_is_a_meeting_of_a_tour():
    text = ("Minister ends tour\n\nDefence Minister Ana Lunde ended a tour of Asia on Thursday. In Jakarta on Monday, "
            "Lunde held talks with Indonesian Defence Minister Budi Hartono. On Tuesday she flew to Kuala Lumpur, "
            "where she met Malaysian Defence Minister Ahmad Zaki.")
    places = sorted(m["location"] for m in extract_article(text, PUB)["meetings"])
    assert places == ["Jakarta", "Kuala Lumpur"]


def test_the_two_sides_of_a_tour_stop_are_not_guessed_from_the_countries_of_the_other_stops():
    text = ("Minister ends tour\n\nDefence Minister Ana Lunde ended a tour of Asia on Thursday. In Jakarta on Monday, "
            "Lunde held talks with Indonesian Defence Minister Budi Hartono. The two sides signed a defence "
            "cooperation arrangement. On Tuesday she flew to Kuala Lumpur, where she met Malaysian Defence Minister "
            "Ahmad Zaki. In Hanoi she called on Vietnam's defence minister.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["parties"] == ["Government of Indonesia"]
    pair = ("Chile, Norway ties\n\nChile and Norway have deepened ties. In Santiago on Monday, the Norwegian minister "
            "held talks with Chile's defence minister. The two sides signed a defence cooperation arrangement.")
    assert sorted(extract_article(pair, PUB)["agreements"][0]["parties"]) == [  # positive control
        "Government of Chile", "Government of Norway"]


def test_a_committee_named_in_a_chair_s_title_is_no_second_meeting():
    text = ("OSLO -- The Vexa Defence Council held its annual conference in Oslo on Monday with the chiefs of defence "
            "of ten states. The meeting was chaired by Admiral Karl Berg, Chair of the Vexa Military Committee.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert [c["name"] for c in mt["chairs"]] == ["Karl Berg"]
    held = text.replace("The meeting was chaired by", "The Vexa Military Committee also met on Tuesday, chaired by")
    assert len(extract_article(held, PUB)["meetings"]) == 2  # positive control: the committee's own meeting


def test_bodies_whose_people_presented_at_a_review_took_part_in_it():
    text = ("OSLO -- Admiral Karl Berg on Monday chaired a review meeting of the frigate programme in Oslo.\n\n"
            "Directors of the Vexlar Test Centre and the Orvik Sonar Laboratory presented the status of the trials.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert {"Vexlar Test Centre", "Orvik Sonar Laboratory"} <= set(mt["participants"])
    later = text.replace("presented the status of", "will later run")  # positive control: no part in it
    assert not {"Vexlar Test Centre", "Orvik Sonar Laboratory"} & set(extract_article(later, PUB)["meetings"][0][
        "participants"])


def test_a_counted_deal_told_again_by_its_subject_takes_the_bodies_that_exchanged_it():
    text = ("OSLO -- Norway and Chile on Tuesday exchanged two agreements, on hydrography and on coastal radars.\n\n"
            "The hydrography agreement was exchanged between the Norland Hydrographic Office and the Chilean Navy. "
            "The radar agreement was signed by Vexlar Systems and the Chilean Coast Guard.")
    got = sorted(sorted(a["parties"]) for a in extract_article(text, PUB)["agreements"])
    assert got == [["Chilean Coast Guard", "Vexlar Systems"], ["Chilean Navy", "Norland Hydrographic Office"]]
    one = text.replace("exchanged two agreements, on hydrography and on coastal radars", "held talks")
    assert len(extract_article(one, PUB)["agreements"]) == 2  # positive control: none counted, each its own deal


def test_a_signing_told_as_the_subject_of_a_postponement_concluded_nothing():
    text = ("OSLO -- The signing of a memorandum of understanding between the Vexlar Test Centre and the University "
            "of Bergen, scheduled for Monday, was postponed at the last minute, officials said.")
    assert extract_article(text, PUB)["agreements"] == []
    done = text.replace(", scheduled for Monday, was postponed at the last minute", " took place on Monday")
    assert len(extract_article(done, PUB)["agreements"]) == 1  # positive control


def test_meetings_held_by_successive_chiefs_are_a_habit_not_one_meeting():
    text = ("The debate has dragged on for years. Successive chiefs have held review meetings on the structure, "
            "but no decision has been taken.")
    assert extract_article(text, PUB)["meetings"] == []
    one = text.replace("Successive chiefs have held review meetings", "The chief held a review meeting on Monday")
    assert len(extract_article(one, PUB)["meetings"]) == 1  # positive control


def test_a_country_word_describing_a_named_company_is_no_government_party():
    text = ("OSLO -- Norwegian airline Fjordair and US defence major Vexlar Systems on Tuesday signed a memorandum of "
            "understanding on sustainable fuel.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Fjordair", "Vexlar Systems"]
    states = "OSLO -- Norway and the US on Tuesday signed a memorandum of understanding on sustainable fuel."
    assert sorted(extract_article(states, PUB)["agreements"][0]["parties"]) == [  # positive control
        "Government of Norway", "Government of the United States"]


def test_the_other_side_s_head_named_after_with_signed_too():
    text = ("OSLO -- Fjordair and Vexlar Systems on Tuesday signed an MoU on fuel. Fjordair chief executive Ana Lunde "
            "signed the MoU with Vexlar Systems chief executive Karl Berg.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["signatories"]) == ["Ana Lunde", "Karl Berg"]
    told = text.replace("signed the MoU with", "said the MoU was agreed with")  # positive control: no signing
    assert "Karl Berg" not in extract_article(told, PUB)["agreements"][0]["signatories"]


def test_the_ministers_who_held_talks_and_signed_sign_for_their_governments():
    text = ("LONDON -- British Defence Secretary Tom Reed hosted Norwegian Defence Minister Ola Dahl in London on "
            "Monday. The ministers held talks on frigates and signed a government-to-government agreement.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["signatories"]) == ["Ola Dahl", "Tom Reed"]
    assert sorted(ag["parties"]) == ["Government of Norway", "Government of the United Kingdom"]
    civil = text.replace("British Defence Secretary", "Norland's Permanent Secretary")  # positive control
    assert "Government of the United Kingdom" not in extract_article(civil, PUB)["agreements"][0]["parties"]


def test_a_headline_s_small_written_name_gives_way_to_the_body_s_fuller_name():
    text = ("Sixth plenary of Norway-Chile joint working group on space held\n\nThe 6th Plenary Session of the "
            "Norway-Chile Joint Working Group on Space Cooperation was held in Oslo on Monday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["name"] == "6th Plenary Session of the Norway-Chile Joint Working Group on Space Cooperation"


def test_a_meeting_with_representatives_of_an_industry_is_no_bilateral_meeting():
    text = "OSLO -- Secretary Ana Lunde chaired a meeting with representatives of the shipbuilding industry on Monday."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["type"] == "other"
    one = text.replace("representatives of the shipbuilding industry", "Chile's defence minister")
    assert extract_article(one, PUB)["meetings"][0]["type"] == "bilateral meeting"  # positive control


def test_a_place_past_a_listed_work_s_commas_is_where_the_work_is_done():
    text = ("OSLO -- Vexlar Systems and Orvik Marine on Tuesday signed an agreement to set up a maintenance, repair "
            "and overhaul facility for engines in Bergen.")
    assert extract_article(text, PUB)["agreements"][0]["location"] is None
    signed = ("OSLO -- Vexlar Systems and Orvik Marine on Tuesday signed an agreement in Bergen to set up a "
              "maintenance, repair and overhaul facility for engines.")
    assert extract_article(signed, PUB)["agreements"][0]["location"] == "Bergen"  # positive control


def test_the_members_of_a_consortium_a_contract_is_signed_with_are_its_parties():
    text = ("OSLO -- The Norland Materiel Agency has signed a contract with a consortium of Vexlar Systems and Orvik "
            "Marine for radars, the agency said.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Norland Materiel Agency", "Orvik Marine", "Vexlar Systems"]
    served = text.replace("with a consortium of Vexlar Systems and Orvik Marine for radars",
                          "with Lund Radar for radars of Vexlar Systems")  # positive control: radars of a body
    assert "Vexlar Systems" not in extract_article(served, PUB)["agreements"][0]["parties"]


def test_a_chintan_shivir_is_a_brainstorming_session():
    text = "NEW DELHI -- The Norland Defence Department held a Chintan Shivir on exports in New Delhi on Monday."
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["type"] == "brainstorming session"


def test_sides_that_had_met_several_times_held_no_one_meeting():
    text = ("SANTIAGO -- Talks between Vexlar Systems and the Chilean Navy on a contract have collapsed, officials "
            "said. The two sides had met several times since January.")
    assert extract_article(text, PUB)["meetings"] == []
    once = text.replace("had met several times since January", "had met in Santiago on Monday")
    assert len(extract_article(once, PUB)["meetings"]) == 1  # positive control


def test_a_deal_signed_on_the_same_day_takes_the_day_of_another_pair_s_deal():
    text = ("OSLO -- The Norland Materiel Agency on Tuesday signed a contract with Vexlar Systems for radars.\n\n"
            "On the same day, the Norland Research Institute signed an MoU with the University of Bergen.")
    got = {a["type"]: a["date"] for a in extract_article(text, PUB)["agreements"]}
    assert got == {"contract": "2025-06-10", "MoU": "2025-06-10"}
    other = text.replace("On the same day, the", "The")  # positive control: another pair's day is not told
    assert {a["type"]: a["date"] for a in extract_article(other, PUB)["agreements"]}["MoU"] is None


def test_what_an_office_holder_s_tenure_saw_is_on_no_day_the_story_gives():
    text = ("OSLO -- Former Norland Navy chief Admiral Karl Berg passed away on Monday. During his tenure, the Norland "
            "Navy signed a contract with Vexlar Systems and hosted the first Northern Seas Dialogue.")
    got = extract_article(text, PUB)
    assert [a["date"] for a in got["agreements"]] == [None]
    assert [m["start"] for m in got["meetings"]] == [None]
    told = text.replace("During his tenure, the", "On Tuesday, the")  # positive control
    assert [a["date"] for a in extract_article(told, PUB)["agreements"]] == ["2025-06-10"]


def test_a_meeting_held_to_review_progress_is_a_review_meeting():
    text = ("OSLO -- Admiral Karl Berg and Ana Lunde, Director of the Vexlar Sonar Laboratory, reviewed the progress "
            "of the sonar programmes at a meeting in Bergen on Monday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["type"] == "review meeting"
    other = text.replace("reviewed the progress of", "discussed")  # positive control
    assert extract_article(other, PUB)["meetings"][0]["type"] == "other"


def test_a_registry_ministry_s_reworded_name_in_a_story_of_another_country_s_ministry_is_that_one():
    text = ("OSLO -- Norway's Defence Ministry has signed a contract with Vexlar Systems for radars. The contract was "
            "signed in Bergen by Defence Ministry Secretary General Ola Dahl.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Norway's Defence Ministry", "Vexlar Systems"]
    own = "NEW DELHI -- The Defence Ministry has signed a contract with Vexlar Systems for radars."
    assert sorted(extract_article(own, PUB)["agreements"][0]["parties"]) == [  # positive control: the registry's
        "Ministry of Defence", "Vexlar Systems"]


def test_countries_listed_with_commas_and_the_each_are_a_side():
    text = ("BRUSSELS -- On the margins of the meeting, the defence ministers of Germany, the Netherlands and Norway "
            "signed a memorandum of understanding on the joint procurement of vehicles.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Government of Germany", "Government of Norway", "Government of the Netherlands"]


def test_a_deal_spoken_of_before_the_verb_is_not_the_kind_of_the_agreement_the_verb_signs():
    text = ("OSLO -- The Vexa Logistics Command said on Friday it had signed a contract with Orvik Systems for radars. "
            "In connection with the deal, Orvik and the state-owned group Tellmar signed an industrial cooperation "
            "agreement.")
    got = sorted((a["type"], tuple(sorted(a["parties"]))) for a in extract_article(text, PUB)["agreements"])
    assert got == [("contract", ("Orvik Systems", "Vexa Logistics Command")), ("other", ("Orvik Systems", "Tellmar"))]


def test_a_seat_of_government_is_where_a_deal_was_signed():
    text = "WASHINGTON -- The presidents of Norway and Chile signed a defence agreement at the White House on Tuesday."
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["location"] == "White House"


def test_a_building_named_without_its_city_is_where_a_deal_was_signed():
    text = ("NEW DELHI -- The Ministry of Defence signed a contract with Vexlar Shipyards Ltd for survey vessels. The "
            "contract was signed at Vexa Bhawan in the presence of senior officers.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert ag["location"] == "Vexa Bhawan"
    with_city = text.replace("at Vexa Bhawan", "at Vexa Bhawan, Pune")  # positive control: the city wins
    assert extract_article(with_city, PUB)["agreements"][0]["location"] == "Pune"


def test_two_bodies_signing_agreements_with_one_sign_one_each():
    text = "OSLO -- Vexa Airlines and Orvik Air signed agreements with the Norland Air Force to train pilots."
    got = sorted(tuple(sorted(a["parties"])) for a in extract_article(text, PUB)["agreements"])
    assert got == [("Norland Air Force", "Orvik Air"), ("Norland Air Force", "Vexa Airlines")]
    one = text.replace("signed agreements", "signed an agreement")  # positive control: one deal of three sides
    assert len(extract_article(one, PUB)["agreements"]) == 1


def test_subcontracts_are_contracts_and_a_known_company_is_also_written_by_its_first_word():
    text = ("PARIS -- The agency placed an order with Dassault Aviation for jets. Dassault subsequently signed "
            "subcontracts with Vexlar Engines and Orvik Radars.")
    got = sorted((a["type"], tuple(sorted(a["parties"]))) for a in extract_article(text, PUB)["agreements"])
    assert ("contract", ("Dassault Aviation", "Vexlar Engines")) in got
    assert ("contract", ("Dassault Aviation", "Orvik Radars")) in got


def test_a_headquarters_is_where_a_deal_was_signed_unless_its_city_is_given():
    text = ("NEW DELHI -- Orvik Space signed an agreement with the Vexa Army. It was signed at Army Headquarters on "
            "Tuesday.")
    assert extract_article(text, PUB)["agreements"][0]["location"] == "Army Headquarters"
    city = text.replace("at Army Headquarters", "at Army Headquarters in Pune")
    assert extract_article(city, PUB)["agreements"][0]["location"] == "Pune"


def test_ministers_of_one_body_meeting_is_that_body_s_meeting():
    text = ("HELSINKI -- Defence ministers of the Vestmark Defence Cooperation (VESDEFCO) met in Helsinki on Tuesday "
            "and Wednesday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["participants"] == ["Vestmark Defence Cooperation"]
    assert (mt["start"], mt["end"]) == ("2025-06-10", "2025-06-11")


def test_those_taking_part_after_an_earlier_meeting_is_recalled_took_part_in_the_story_s_meeting():
    text = ("OSLO -- The 7th meeting of the Norland-Vestmark Joint Working Group was held in Oslo on Wednesday. The "
            "last meeting of the group was held in Bergen in March 2024. Officials from the Norland Ministry of "
            "Defence and the Vestmark Ministry of Defence took part.")
    meetings = extract_article(text, PUB)["meetings"]
    now = next(m for m in meetings if m["start"] == "2025-06-11")
    assert sorted(now["participants"]) == ["Norland Ministry of Defence", "Vestmark Ministry of Defence"]
    assert all(not m["participants"] for m in meetings if m is not now)


def test_a_year_after_earlier_opening_the_clause_dates_a_deal_done_before_the_story():
    text = ("TOKYO -- Japan and Chile held their fifth strategic dialogue in Tokyo on Monday. Earlier, in 2023, the "
            "two countries had signed an agreement on the transfer of defence equipment.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["precision"]) == ("2023-01-01", "year")


def test_a_country_s_possessive_before_a_described_company_is_no_side_of_the_deal():
    text = ("PARIS -- Vexlar Systems and Poland's state-owned Orvik Group signed a cooperation agreement on Tuesday.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert sorted(ag["parties"]) == ["Orvik Group", "Vexlar Systems"]
    state = "PARIS -- Vexlar Systems and Poland signed a cooperation agreement on Tuesday."  # positive control
    assert "Government of Poland" in extract_article(state, PUB)["agreements"][0]["parties"]


def test_a_meeting_told_in_the_headline_takes_the_body_s_meeting_held_of_a_named_commission():
    text = ("Portugal, Morocco hold military talks in Lisbon\nLISBON -- Delegations of the Vexa Armed Forces and the "
            "Orvik Armed Forces held the 12th meeting of the Portugal-Morocco Joint Military Commission in Lisbon on "
            "Tuesday and Wednesday.")
    (mt,) = extract_article(text, PUB)["meetings"]
    assert mt["name"] == "12th meeting of the Portugal-Morocco Joint Military Commission"
    assert (mt["start"], mt["end"]) == ("2025-06-10", "2025-06-11")
    assert "Portugal-Morocco Joint Military Commission" not in mt["participants"]


def test_a_day_told_later_inside_the_month_a_deal_was_dated_to_makes_its_date_exact():
    text = ("OSLO -- Norway and Chile signed a defence agreement during the visit of the Chilean President last week. "
            "The agreement was signed by Karl Berg and Ola Dahl on June 3 at the Akershus Hall.")
    (ag,) = extract_article(text, PUB)["agreements"]
    assert (ag["date"], ag["precision"]) == ("2025-06-03", "day")


def test_a_transfer_list_of_technology_colon_recipient_and_city_gives_one_transfer_per_line_not_the_headline_count():
    text = ("Lab hands over five ToT agreements to industries\n"
            "NEW DELHI -- The Orion Armour Research Establishment (OARE) handed over five Licensing Agreements for "
            "Transfer of Technology to industries on Monday.\nThe technologies and the companies are:\n"
            "- Light bridging system: Kestrel Fabrications, Pune\n"
            "- Field water purifier: Norvik Hydro, Chennai and Palash Works, Kochi\n")
    tots = [a for a in extract_article(text, PUB)["agreements"] if a["type"] == "technology transfer"]
    assert [set(a["parties"]) for a in tots] == [
        {"Orion Armour Research Establishment", "Kestrel Fabrications"},
        {"Orion Armour Research Establishment", "Norvik Hydro", "Palash Works"},
    ]


def test_a_meeting_that_concluded_on_a_day_and_lasted_days_told_later_ended_that_day():
    text = ("The Norland Army Commanders' Conference concluded in Oslo on Friday. The four-day conference reviewed "
            "the readiness of the formations.")
    (mt,) = extract_article(text, dt.date(2025, 6, 18))["meetings"]
    assert (mt["start"], mt["end"]) == ("2025-06-10", "2025-06-13")


def test_a_meeting_that_began_on_one_day_and_concluded_on_another_spans_both():
    (mt,) = extract_article("The conference, which began on Monday, concluded on Wednesday.",
                            dt.date(2025, 6, 18))["meetings"]
    assert (mt["start"], mt["end"]) == ("2025-06-16", "2025-06-18")


def test_counted_contracts_told_first_and_second_each_with_its_own_side_have_that_side():
    for told in ("The first contract was signed with Orvik Dynamics Limited for missiles and the second with "
                 "Tellmar Docks Limited for a refit.",
                 "The first, with Orvik Dynamics Limited, is for missiles; the second, with Tellmar Docks Limited, "
                 "covers a refit."):
        text = "The Norland Ministry of Defence on Wednesday signed two contracts worth $40 million. " + told
        sides = [set(a["parties"]) for a in extract_article(text, PUB)["agreements"]]
        assert sides == [{"Norland Ministry of Defence", "Orvik Dynamics Limited"},
                         {"Norland Ministry of Defence", "Tellmar Docks Limited"}], told


def test_a_deal_signed_here_was_signed_in_the_dateline_city():
    (ag,) = extract_article("Bengaluru, Mar 13 (PTI): The Norland Army signed an MoU with the Orvik Institute here "
                            "on Wednesday.", PUB)["agreements"]
    assert ag["location"] == "Bengaluru"
    (plain,) = extract_article("Bengaluru, Mar 13 (PTI): The Norland Army signed an MoU with the Orvik Institute on "
                               "Wednesday.", PUB)["agreements"]
    assert plain["location"] is None  # positive control: a dateline alone does not place a deal


def test_the_and_of_between_a_and_b_joins_the_two_sides_not_two_clauses():
    text = ("The space pact was inked between the Norland Space Agency and the Tellmar Space Institute, while the "
            "cyber security MoU was signed by Orvik Systems and Vexa Labs.")
    sides = [set(a["parties"]) for a in extract_article(text, PUB)["agreements"]]
    assert sides == [{"Norland Space Agency", "Tellmar Space Institute"}, {"Orvik Systems", "Vexa Labs"}]


def test_an_earlier_deal_told_after_the_story_s_order_lends_it_no_date():
    text = ("Orvik Shipyard Limited has won an order from the Norland Navy for eight shallow water craft, the company "
            "said. This is the company's second order from the Navy this year, after a $30 million contract for "
            "survey vessels in February.")
    ags = extract_article(text, PUB)["agreements"]
    assert ags and ags[0]["parties"] == ["Orvik Shipyard Limited", "Norland Navy"]
    assert ags[0]["date"] is None


def test_an_embassy_a_deal_was_signed_at_is_its_host_not_a_side():
    (ag,) = extract_article("The two sides exchanged a letter of intent at the Norland Embassy on Monday.",
                            PUB)["agreements"]
    assert ag["parties"] == []
    (other,) = extract_article("Orvik Systems signed an MoU with the Norland Embassy on Monday.", PUB)["agreements"]
    assert other["parties"] == ["Orvik Systems", "Norland Embassy"]  # positive control: an embassy may sign
