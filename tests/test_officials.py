from transforms.knowledge import knowledge
from transforms.officials import find_officials
from transforms.organisations import find_organisations
from transforms.reading import text_for_extraction as read_text
from transforms.sentences import split_sentences

K = knowledge()


def people(text: str) -> dict[str, object]:
    orgs = find_organisations(text, K)
    return {p.name: p for p in find_officials(text, split_sentences(text), orgs, K)}


def test_rank_is_stripped_and_the_title_before_it_kept():
    got = people("It was attended by Chief of Naval Operations Vice Admiral Tarun Bedi on Monday.")
    assert got["Tarun Bedi"].title == "Chief of Naval Operations"
    assert got["Tarun Bedi"].rank == "Vice Admiral"


def test_title_directly_before_a_name_without_rank():
    got = people("The talks were led by Home Secretary Kavita Menon and Foreign Secretary Rohan Das.")
    assert got["Kavita Menon"].title == "Home Secretary"
    assert got["Rohan Das"].title == "Foreign Secretary"


def test_title_in_the_phrases_before_the_name_and_its_organisation():
    got = people("The pact was signed by Joint Secretary, DST, Shri Vikram Joshi in Delhi.")
    assert got["Vikram Joshi"].title == "Joint Secretary"
    assert got["Vikram Joshi"].organisation == "Department of Science and Technology"


def test_title_after_the_name():
    got = people("Dr Leela Pai, Director General (Aeronautical Systems), said the test went well.")
    assert got["Leela Pai"].title == "Director General (Aeronautical Systems)"


def test_bracketed_abbreviation_in_a_title_is_expanded_where_the_text_expands_it():
    text = ("The session was chaired by Secretary (DP) Ramesh Iyer. Later the Secretary (Defence Production) "
            "thanked the participants.")
    assert people(text)["Ramesh Iyer"].title == "Secretary (Defence Production)"


def test_surname_only_mention_is_the_same_person():
    got = people("Dr Samar Kotwal, Chairman DRDO, spoke. Dr Kotwal later visited the lab.")
    assert list(got) == ["Samar Kotwal"]


def test_a_rank_alone_is_the_title_when_no_role_is_given():
    got = people("Brigadier Harpreet Gill led the team to the summit.")
    assert got["Harpreet Gill"].title == "Brigadier"


def test_retired_marker_is_not_part_of_the_name():
    got = people("Commodore Ravi Kant (Retd), Director (Operations), signed it.")
    assert "Ravi Kant" in got


def test_accented_names_possessives_and_lower_case_titles_with_of():
    text = ("It was signed in the presence of Orion Global CEO Étienne Ardèche. Japan was represented by its "
            "minister of defence Taro Kono. Prime Minister Anil Rawat's visit ended.")
    got = {name: p.title for name, p in people(text).items()}
    assert got["Étienne Ardèche"].endswith("Global CEO")
    assert got["Taro Kono"] == "minister of defence"
    assert "Anil Rawat" in got


def test_second_name_after_and_takes_the_title_after_it_and_counterparts_are_titles():
    got = people("The talks were co-chaired by Adviser Anil Rawat and Pierre Lemaire, diplomatic adviser to the "
                 "Ruritanian President. Rawat met his Chilean counterpart Jorge Mena.")
    assert got["Pierre Lemaire"].title == "diplomatic adviser to the Ruritanian President"
    assert got["Jorge Mena"].title == "Chilean counterpart"


def test_runs_found_once_per_article_give_the_same_officials_as_runs_per_sentence():
    from transforms.names import capitalised_runs
    text = ("Defence Secretary Anil Rawat met Vice Admiral Tarun Bedi on Monday. The MoU was signed by Director, "
            "Orion Research Agency, Dr Kiran Rao and Prof Amit Sood, Dean, Vela University. Gen. V. K. Singh spoke.")
    sentences = split_sentences(text)
    orgs = find_organisations(text, K)
    once = find_officials(text, sentences, orgs, K, capitalised_runs(text))
    each = find_officials(text, sentences, orgs, K)
    assert [(p.name, p.title, p.rank) for p in once] == [(p.name, p.title, p.rank) for p in each]


def test_names_with_letters_beyond_latin_1_are_names():
    from transforms.pipeline import extract

    rec = extract("Turkish Defence Minister Yaşar Demirgül met the delegation in Ankara on Monday.", None)
    assert [p.name for p in rec.officials] == ["Yaşar Demirgül"]


def test_lower_case_particles_stay_inside_a_persons_name():
    found = people("Minister of State Hamad bin Ali al Sayed met Defence Secretary Ursula von Berg and "
                   "President Luis Ignacio da Costa.")
    assert {"Hamad bin Ali al Sayed", "Ursula von Berg", "Luis Ignacio da Costa"} <= set(found)
    assert found["Hamad bin Ali al Sayed"].title == "Minister of State"


def test_a_particle_outside_a_name_joins_nothing():
    found = people("Defence Secretary Karl Berg said the bin was empty.")
    assert set(found) == {"Karl Berg"}


def test_abbreviated_titles_before_and_after_a_name():
    found = people("The pact was welcomed by PM Ravi Menon. Dr Sita Rao, DG (Missile Systems), also spoke.")
    assert found["Ravi Menon"].title == "PM"
    assert found["Sita Rao"].title == "DG (Missile Systems)"


def test_a_role_held_now_is_the_title_rather_than_a_former_one():
    found = people("Karl Berg, the former head of the Norland Navy, spoke first. Chief of Defence Staff Karl Berg "
                   "said the plan was sound.")
    assert found["Karl Berg"].title == "Chief of Defence Staff"
    assert people("Former Defence Secretary Anil Rao said so.")["Anil Rao"].title == "Former Defence Secretary"


def test_a_title_after_its_bodys_possessive_loses_the_possessive():
    found = people("Orion Aerospace Ltd won the order. Orion's President and CEO Anna Lindqvist welcomed it.")
    assert found["Anna Lindqvist"].title == "President and CEO"


def test_a_senior_rank_is_a_rank_not_part_of_the_title():
    found = people("Norland's Deputy Minister of Defence Senior Lt Gen Hoang Van Minh co-chaired the dialogue.")
    assert found["Hoang Van Minh"].title == "Norland's Deputy Minister of Defence"


def test_a_lower_case_title_after_its_body_is_the_title_and_the_body_its_organisation():
    found = people("Zenova Robotics Pvt Ltd won the order. Zenova Robotics managing director Kiran Varma said so.")
    assert found["Kiran Varma"].title == "managing director"
    assert found["Kiran Varma"].organisation == "Zenova Robotics Pvt Ltd"


def test_a_reserve_rank_with_its_marker_is_stripped_from_the_name():
    found = people("It was signed by Brig. Gen. (res.) Avi Ronen and the company's chief.")
    assert "Avi Ronen" in found and found["Avi Ronen"].rank == "Brig. Gen"


def test_the_general_of_a_compound_title_is_not_a_rank():
    assert people("Director General Karl Berg said so.")["Karl Berg"].title == "Director General"
    assert people("It sought the view of Attorney General Ola Dahl.")["Ola Dahl"].title == "Attorney General"
    assert people("Lt General Anil Rao said so.")["Anil Rao"].rank == "Lt General"


def test_a_mechanism_or_the_object_of_a_title_is_no_person():
    found = people("The four Joint Working Groups met. Karl Berg, Vice President for Export Markets, "
                   "spoke.")
    assert "Working Groups" not in found and "Export Markets" not in found
    assert "Karl Berg" in found


def test_a_company_whose_name_starts_with_a_rank_is_no_officer():
    assert people("Orion signed a deal with General Avionics Corporation (GAC) for engines.") == {}


def test_a_place_or_a_clause_is_no_person_or_title():
    found = people("Pilots flew from Norland Base Velmar on Monday. The Defence Minister will also visit Lake Varno.")
    assert "Base Velmar" not in found and "Lake Varno" not in found


def test_the_role_an_appointment_gives_is_the_persons_title():
    found = people("Karl Berg has been confirmed as Orion Aerospace's new chief executive.")
    assert found["Karl Berg"].title == "chief executive"
    assert people("The company said Karl Berg is named in the report.") == {}


def test_an_appointment_in_the_active_voice_gives_the_title_and_keeps_the_name_whole():
    found = people("Varnholt Systems has appointed Elin Strand as its chief operating officer, effective May 1. "
                   "The board also named Piet Jansen Chief Financial Officer. It picked Ana Loy to be its "
                   "next president beginning June.")
    assert found["Elin Strand"].title == "chief operating officer"
    assert found["Piet Jansen"].title == "Chief Financial Officer"
    assert found["Ana Loy"].title == "president"
    assert people("The navy named Operation Tidewater after the storm.") == {}


def test_a_palace_or_a_hall_after_a_person_is_a_place_not_a_name():
    found = people("The minister called on President Tomas Rell at Vardan Palace.")
    assert "Tomas Rell" in found and "Vardan Palace" not in found


def test_a_title_set_off_by_commas_before_a_name_is_its_title():
    found = people("The company's chief executive, Mara Voss, said the radar works. Vantor's vice president for "
                   "land systems, Lee Ji-won, added that trials went well.")
    assert found["Mara Voss"].title == "chief executive"
    assert found["Lee Ji-won"].title == "vice president for land systems"
    assert people("At the end of the day, Mara Voss, a visitor, left.") == {}


def test_a_lower_case_particle_inside_a_name_keeps_the_name_whole_and_rector_is_a_title():
    found = people("The MoU was signed by Professor Pieter de Wulf, Rector of the university, and Ines da Costa, "
                   "chief executive of Orvik.")
    assert found["Pieter de Wulf"].title == "Rector"
    assert "Ines da Costa" in found


def test_the_body_after_at_is_where_a_title_holder_works_and_a_place_word_can_be_a_surname():
    found = people("Speaking at the expo, Tom Blair, Vice President of Business Development at Orvik Systems, "
                   "said it works.")
    assert found["Tom Blair"].title == "Vice President of Business Development"
    assert found["Tom Blair"].organisation == "Orvik Systems"


def test_a_body_in_the_comma_phrase_after_the_title_is_the_officials_organisation():
    found = people("A delegation led by Mr. Arvind Menon, Additional Secretary, Department of Space, took part.")
    assert (found["Arvind Menon"].title, found["Arvind Menon"].organisation) == ("Additional Secretary",
                                                                                "Department of Space")


def test_a_second_person_after_and_is_read_when_the_first_stands_without_a_title_in_the_run():
    found = people("The LoI was signed by Orvik India chairman Mats Berg and Vantor Defence CEO Ola Dahl.")
    assert set(found) == {"Mats Berg", "Ola Dahl"}


def test_a_secretary_of_war_is_a_title_and_war_is_no_first_name():
    got = people("Talks with US Secretary of War Karl Berg ended on Monday.")
    assert list(got) == ["Karl Berg"] and got["Karl Berg"].title == "US Secretary of War"


def test_a_month_short_form_opening_a_name_is_a_first_name_but_before_a_day_a_month():
    got = people("Berg held talks with his Polish counterpart Jan Novak on Jan 5.")
    assert list(got) == ["Jan Novak"]


def test_a_chairman_and_managing_director_is_one_title_but_a_minister_and_a_secretary_are_two():
    got = people("The MoU was exchanged by Vexlar chairman and managing director Karl Berg on Monday.")
    assert got["Karl Berg"].title == "chairman and managing director"
    got = people("He met the minister and defence secretary Arvid Lund on Monday.")
    assert got["Arvid Lund"].title == "defence secretary"


def test_a_ministers_gen_before_one_name_word_is_a_first_name_but_an_army_chiefs_is_a_rank():
    got = people("Japanese Defense Minister Gen Tanaka met the press.")
    assert list(got) == ["Gen Tanaka"] and got["Gen Tanaka"].rank is None
    got = people("Army chief Gen Rathore met the press.")
    assert list(got) == ["Rathore"] and got["Rathore"].rank == "Gen"


def test_a_lower_case_title_right_after_a_body_is_that_bodys():
    text = ("The Orvik Research Agency (ORA) chairman Samir Kamat opened it, with Vexlar Systems' chief executive "
            "Ole Lind.")
    got = people(text)
    assert (got["Samir Kamat"].title, got["Samir Kamat"].organisation) == ("chairman", "Orvik Research Agency")
    assert got["Ole Lind"].organisation == "Vexlar Systems"


def test_a_title_modifier_alone_makes_no_title():
    assert people("Troops began the 18th edition of joint exercise Silver Crane at Narvik on Monday.") == {}
    assert people("It was attended by joint secretary Arvid Lund.")["Arvid Lund"].title == "joint secretary"


def test_the_body_that_appoints_someone_its_officer_is_theirs():
    got = people("Vexlar Maritime has appointed Ingrid Lunde as its chief executive officer from October 1.")
    assert (got["Ingrid Lunde"].title, got["Ingrid Lunde"].organisation) == ("chief executive officer",
                                                                             "Vexlar Maritime")
    got = people("The board appointed Ingrid Lunde as chief executive officer.")
    assert got["Ingrid Lunde"].organisation is None


def test_a_company_appointing_its_officer_across_an_apposition_a_said_it_or_without_its_is_theirs():
    for text in ("Vexlar Maritime, the Norland naval systems maker, on Monday appointed Ingrid Lunde as its chief "
                 "executive officer.",
                 "Vexlar Maritime said on Monday it had named Ingrid Lunde as chief executive officer.",
                 "Vexlar Maritime has appointed Ingrid Lunde chief executive officer."):
        assert people(text)["Ingrid Lunde"].organisation == "Vexlar Maritime", text
    # positive control: a post that is not a company officer's is not the appointing body's
    got = people("The Norland Ministry of Defence appointed Ingrid Lunde as Director of the Vexa Institute.")
    assert got["Ingrid Lunde"].organisation != "Norland Ministry of Defence"


def test_its_before_a_title_is_the_body_the_sentence_or_the_one_before_opens_with():
    got = people("Vexlar Systems was founded in 2018. Its chief executive Ana Lunde said so.")
    assert (got["Ana Lunde"].title, got["Ana Lunde"].organisation) == ("chief executive", "Vexlar Systems")
    got = people("Vexlar Systems won the order. Ana Lunde, its chief executive, said so.")
    assert got["Ana Lunde"].organisation == "Vexlar Systems"
    got = people("The order was signed in Oslo. Its chief executive Ana Lunde said so.")
    assert (got["Ana Lunde"].title, got["Ana Lunde"].organisation) == ("chief executive", None)


def test_a_plural_title_before_two_names_joined_by_and_is_both_names():
    got = people("They met their Norland counterparts Ana Lunde and Rui Costa on Monday.")
    assert got["Rui Costa"].title == got["Ana Lunde"].title == "Norland counterpart"
    assert list(people("They met the defence minister Ana Lunde and Rui Costa.")) == ["Ana Lunde"]


def test_a_title_after_a_comma_that_names_another_person_is_not_the_first_ones():
    got = people("The round was led by Vexlar Catalysts, founder Ana Lunde said.")
    assert list(got) == ["Ana Lunde"] and got["Ana Lunde"].title == "founder"


def test_taking_over_as_and_a_who_clause_appointment_give_their_titles_after_a_rank():
    got = people("Lieutenant General Ana Lunde took over as the Director General of Military Operations on Tuesday, "
                 "succeeding Lieutenant General Karl Berg, who has been appointed the General Officer "
                 "Commanding-in-Chief of the Northern Command.")
    assert got["Ana Lunde"].title == "Director General of Military Operations"
    assert (got["Karl Berg"].title, got["Karl Berg"].organisation) == (
        "General Officer Commanding-in-Chief of the Northern Command", "Northern Command")


def test_an_officer_of_a_three_word_rank_taking_over_a_post_gets_the_post_and_its_body():
    got = people("Air Vice Marshal Ola Dahl has taken over as Director General of the Vexlar Space Agency, the "
                 "ministry said.")
    assert (got["Ola Dahl"].title, got["Ola Dahl"].organisation) == ("Director General", "Vexlar Space Agency")
    assert people("On Monday Ola Dahl took over as chairman of Vexlar Systems.")["Ola Dahl"].title == "chairman"


def test_hyphenated_ranks_are_ranks():
    got = people("Air Vice-Marshal Karl Berg and Lieutenant-General Ole Lind met Vice-Admiral Ana Lunde.")
    assert {p.rank for p in got.values()} == {"Air Vice-Marshal", "Lieutenant-General", "Vice-Admiral"}


def test_a_lower_case_title_after_a_comma_may_open_with_its_owners_possessive():
    got = people("The delegation included Brig. Gen. Omar Haddad, the kingdom's defence attache, and others.")
    assert got["Omar Haddad"].title == "kingdom's defence attache"


def test_a_second_lower_case_office_joined_by_and_stays_in_the_title():
    got = people('"It strengthens us," said Karl Berg, Executive Vice President and head of Vexlar\'s Dynamics '
                 'business area.')
    assert got["Karl Berg"].title == "Executive Vice President and head of Vexlar's Dynamics business area"
    assert people("Karl Berg, Director and the lab, said so.")["Karl Berg"].title == "Director"


def test_an_appointment_keeps_the_roles_bracketed_part_and_the_body_named_with_its_short_form():
    got = people("Vexlar Aeronautics Limited (VAL) has appointed Dr Ana Lunde as its Director (Finance).")
    lunde = got["Ana Lunde"]
    assert (lunde.title, lunde.organisation) == ("Director (Finance)", "Vexlar Aeronautics Limited")
    got = people("Vexlar Aeronautics Limited has appointed Dr Ana Lunde as its new chief financial officer (CFO).")
    assert got["Ana Lunde"].title == "chief financial officer"


def test_a_lower_case_title_naming_its_body_in_full_is_read_but_a_plural_description_is_not():
    got = people("According to Ana Soto, spokesperson for the Chilean Ministry of Defence, the deal is final.")
    assert got["Ana Soto"].title == "spokesperson for the Chilean Ministry of Defence"
    got = people("Beside Kett, army chiefs from three neighbours -- Chile, Peru and Bolivia -- watched the parade.")
    assert not any("chiefs" in (p.title or "") for p in got.values())


def test_an_officer_of_a_two_word_rank_taking_over_a_command_gets_that_title():
    got = people("Air Marshal Jon Kett took over as the Air Officer Commanding-in-Chief of the Western Air Command "
                 "on Monday.")
    assert (got["Jon Kett"].title, got["Jon Kett"].rank) == (
        "Air Officer Commanding-in-Chief of the Western Air Command", "Air Marshal")


def test_a_title_naming_a_command_of_another_bodys_possessive_stays_whole_and_a_leading_the_opens_a_role():
    got = people("Lieutenant General Jon Kett, Commander of the Norland Army's Northern Command, said so.")
    assert (got["Jon Kett"].title, got["Jon Kett"].organisation) == (
        "Commander of the Norland Army's Northern Command", "Northern Command")
    got = people("The Chief Executive Officer of Vexlar Systems, Ola Dahl, signed for the company.")
    assert (got["Ola Dahl"].title, got["Ola Dahl"].organisation) == ("Chief Executive Officer", "Vexlar Systems")


def test_the_next_holder_of_an_office_and_a_confirmed_nominee_get_its_title():
    got = people("Air Marshal Jon Kett has been appointed the next Vice Chief of the Air Staff and will take charge "
                 "on July 1.")
    assert got["Jon Kett"].title == "Vice Chief of the Air Staff"
    got = people("The Senate confirmed General Ola Dahl as the next Chairman of the Joint Chiefs of Staff on Tuesday.")
    assert got["Ola Dahl"].title == "Chairman of the Joint Chiefs of Staff"


def test_a_counterpart_holds_the_role_of_the_person_whose_counterpart_he_is():
    got = people("Prime Minister Lena Varga held talks with her Chilean counterpart Tomas Rojas in Santiago.")
    assert got["Tomas Rojas"].title == "Chilean Prime Minister"
    got = people("Japanese Defence Minister Ken Sato and his Kenyan counterpart Paul Mwangi signed the pact.")
    assert got["Paul Mwangi"].title == "Kenyan Defence Minister"


def test_a_role_the_story_gives_a_counterpart_beats_the_one_implied():
    text = ("Prime Minister Lena Varga met her Chilean counterpart Tomas Rojas on Monday. "
            "President Tomas Rojas said the talks went well.")
    assert people(text)["Tomas Rojas"].title == "President"


def test_a_ranked_counterpart_is_a_counterpart_not_his_rank_nor_a_guessed_office():
    got = people("Defence Minister Arjun Mehra held talks with his Kenyan counterpart General Daniel Otieno.")
    assert got["Daniel Otieno"].title == "Kenyan counterpart"
    assert got["Daniel Otieno"].rank == "General"


def test_the_agency_bracket_of_a_dateline_is_no_part_of_the_title_after_it():
    got = people("Velmar, Jan 15 (PTI) Defence Minister Rajiv Menon on Monday began a visit to Norway.")
    assert got["Rajiv Menon"].title == "Defence Minister"


def test_a_name_particle_joined_by_a_hyphen_stays_in_the_name():
    got = people("Defence Minister Rajiv Menon held talks with President Abdel Karim el-Nour in Velmar on Monday.")
    assert "Abdel Karim el-Nour" in got


def test_a_month_after_a_first_name_is_a_surname():
    got = people("The deal was welcomed by Prime Minister Lena May and Defence Minister Wei Jun on Monday.")
    assert {"Lena May", "Wei Jun"} <= set(got)


def test_a_legislator_s_title_is_a_title():
    got = people("Congressman Ravi Khanna and Senator Mark Ellis spoke at the event.")
    assert (got["Ravi Khanna"].title, got["Mark Ellis"].title) == ("Congressman", "Senator")


def test_the_end_of_a_body_s_name_before_a_lower_case_title_is_no_part_of_the_title():
    got = people("He met Vexlar Defence and Space chief executive Karl Berg on Monday.")
    assert got["Karl Berg"].title == "chief executive"


def test_a_style_of_address_before_an_honorific_is_not_the_office():
    got = people("Minister for Defence, Senator the Hon Ada Berg CSC said Norway is a partner.")
    assert got["Ada Berg"].title == "Minister for Defence"


def test_an_apposition_between_the_appointee_and_the_role_keeps_the_appointment():
    for text in ("The government has appointed Rakesh Verma, a 1990-batch officer, as the new Defence Secretary.",
                 "Rakesh Verma, a 1990-batch officer, has been appointed as the new Defence Secretary."):
        assert people(text)["Rakesh Verma"].title == "Defence Secretary", text


def test_a_lower_case_title_of_the_body_set_off_by_commas_before_the_name():
    got = people("The deal was announced by the head of the procurement division, Kavita Rao, on Tuesday.")
    assert got["Kavita Rao"].title == "head of the procurement division"
    # The title stops at "the" where a name follows it: "officer of the Andhra Pradesh cadre" is no person.
    assert "Andhra Pradesh" not in people("He succeeds Arun Rao, a 1988-batch IAS officer of the Andhra Pradesh cadre.")


def test_a_body_before_and_a_second_office_belongs_to_the_office_before_it():
    got = people("The agreements were handed over by Secretary, Department of Space and Chairman ISRO Dr Arun Rao.")
    assert got["Arun Rao"].title == "Secretary, Department of Space and Chairman ISRO"
    # A body framing one office still leaves it.
    assert people("The DRDO Director General Arun Rao said.")["Arun Rao"].title == "Director General"


def test_a_style_of_highness_and_capitalised_particles_leave_a_gulf_leader_s_whole_name():
    got = people("His Highness Sheikh Karim bin Zayed Al Nahyan, President of the UAE, received the minister.")
    assert got["Sheikh Karim bin Zayed Al Nahyan"].title == "President of the UAE"
    got = people("Sheikh Omar bin Hamad Al Thani, the Emir of Qatar, met the minister.")
    assert got["Sheikh Omar bin Hamad Al Thani"].title == "Emir of Qatar"


def test_a_name_after_a_preposition_is_a_place_not_a_titled_person():
    got = people("He met Prime Minister Anil Rao at Qasr Al Watan in Abu Dhabi on Tuesday.")
    assert set(got) == {"Anil Rao"}


def test_in_a_headline_s_capitalised_run_the_title_starts_after_the_owner_and_the_preposition():
    got = people("Readout of Secretary of Defense Karl Berg's Meeting With Philippine Secretary of National Defense "
                 "Ramon Cruz\n\nKarl Berg hosted Ramon Cruz.")
    assert got["Ramon Cruz"].title == "Philippine Secretary of National Defense"
    # A country's possessive stays: "Nepal's Ministry of Defence Secretary X" is the ministry's secretary.
    got = people("The talks included Nepal's Ministry of Defence Secretary Hari Dangal and others.")
    assert got["Hari Dangal"].title == "Secretary"


def test_its_refers_to_the_body_named_last_before_it():
    got = people("The Orvik Coast Guard delegation was headed by Director General Anil Rao, while the Vexa Defence "
                 "Force side was led by its Chief of Defence Force, Lieutenant General Ali Hilmy.")
    assert got["Ali Hilmy"].organisation == "Vexa Defence Force"


def test_a_long_abstract_noun_ending_a_title_opens_no_name():
    got = people("The Dialogue was co-led by Under Secretary of Defense for Acquisition and Sustainment Karl Berg.")
    assert got["Karl Berg"].title == "Under Secretary of Defense for Acquisition and Sustainment"


def test_the_second_chair_s_title_and_body_after_the_first_chair_s_name():
    got = people("The meeting was co-chaired by Joint Secretary (Cooperation), Ministry of Defence, Shri Vishal Rao "
                 "and Director General for Security Policy, Norwegian Ministry of Defence, Ms Kari Lund.")
    assert got["Kari Lund"].title == "Director General for Security Policy"
    assert got["Kari Lund"].organisation == "Norwegian Ministry of Defence"


def test_a_headline_s_short_title_gives_way_to_the_one_the_body_gives():
    text = ("Norland Defence Minister Ola Berg arrives in Delhi\n\nNorland Deputy Prime Minister and Minister for "
            "Defence Ola Berg arrived in New Delhi on Monday.")
    assert people(text)["Ola Berg"].title == "Norland Deputy Prime Minister and Minister for Defence"
    # A title given only in the headline stands.
    assert people("Defence Minister Ola Berg arrives in Delhi\n\nOla Berg arrived on Monday.")[
        "Ola Berg"].title == "Defence Minister"


def test_a_counterpart_s_country_of_two_words_replaces_the_other_s_whole():
    got = people("South Korean Defence Minister Kim Sun and his Japanese counterpart Ken Sato held talks.")
    assert got["Ken Sato"].title == "Japanese Defence Minister"
    got = people("Japanese Defence Minister Ken Sato and his South Korean counterpart Kim Sun held talks.")
    assert got["Kim Sun"].title == "South Korean Defence Minister"


def test_a_title_of_a_company_or_ministry_is_that_body_s_but_a_service_s_or_a_chief_s_title_keeps_its_body():
    got = people("Karl Berg, Director General of the Vexa Ministry of Defence, met Ola Dahl, CEO of Orvik Motors Ltd.")
    assert (got["Karl Berg"].title, got["Karl Berg"].organisation) == ("Director General", "Vexa Ministry of Defence")
    assert (got["Ola Dahl"].title, got["Ola Dahl"].organisation) == ("CEO", "Orvik Motors Ltd")
    got = people("Per Olsen, Commander-in-Chief of the Vexa Western Command, met Jan Holm, Chief of the Vexa Staff "
                 "Group.")
    assert got["Per Olsen"].title == "Commander-in-Chief of the Vexa Western Command"
    assert got["Jan Holm"].title == "Chief of the Vexa Staff Group"


def test_a_lower_case_title_of_a_company_is_that_company_s():
    got = people('"A big step," said Ola Dahl, executive vice president of Orvik Motors Ltd.')
    assert (got["Ola Dahl"].title, got["Ola Dahl"].organisation) == ("executive vice president", "Orvik Motors Ltd")


def test_appointments_told_as_a_noun_or_with_an_age_give_the_role():
    got = people("The appointment of Arun Rao as the new Director General of the Coast Guard was approved.")
    assert (got["Arun Rao"].title, got["Arun Rao"].organisation) == ("Director General", "Coast Guard")
    got = people("Mr. Rao, 58, took over as chairman of Vexlar Systems on Monday.")
    assert (got["Rao"].title, got["Rao"].organisation) == ("chairman", "Vexlar Systems")


def test_a_retired_officer_s_appointment_gives_the_role_and_a_body_appointing_on_a_day_owns_it():
    got = people("Vexlar Labs announced the appointment of Air Vice Marshal (retd) Arun Rao as president of "
                 "its defence business.")
    assert got["Arun Rao"].title == "president of its defence business"
    got = people("Vexlar Labs on Friday appointed Lt Gen (retd) Arun Rao as its chief executive.")
    assert (got["Arun Rao"].title, got["Arun Rao"].organisation) == ("chief executive", "Vexlar Labs")
    got = people("Lt Gen (retd) Arun Rao spoke on Friday.")
    assert got["Arun Rao"].title == "Lt Gen"


def test_an_honorific_inside_a_run_opens_the_name_and_what_a_title_is_of_is_no_person():
    got = people("Director of the Norland Institute of Technology Vexa Prof Karl Berg gave the address.")
    assert list(got) == ["Karl Berg"]
    assert got["Karl Berg"].title == "Director"
    assert got["Karl Berg"].organisation == "Norland Institute of Technology Vexa"
    assert people("The President also met the Speaker of the Vexa Sabha.") == {}
    got = people("He met the Speaker of the Vexa Sabha Karl Berg.")
    assert list(got) == ["Karl Berg"] and got["Karl Berg"].title == "Speaker of the Vexa Sabha"
    assert people("He met the Secretary of Defense Karl Berg.")["Karl Berg"].title == "Secretary of Defense"


def test_titles_set_off_by_commas_joined_by_and_or_naming_a_place_and_a_who_clause_is_no_title():
    got = people("Karl Berg, president and chief executive of Vexlar Systems, spoke.")
    assert got["Karl Berg"].title == "president and chief executive"
    assert got["Karl Berg"].organisation == "Vexlar Systems"
    got = people("Karl Berg, executive director, and Ana Lund, chief engineer, spoke.")
    assert (got["Karl Berg"].title, got["Ana Lund"].title) == ("executive director", "chief engineer")
    assert people("Maj Gen Ravi Rao (retd), who heads the think tank, spoke.")["Ravi Rao"].title == "Maj Gen"
    assert people("It was attended by the ambassador, Karl Berg.")["Karl Berg"].title == "ambassador"
    assert people("It was attended by Norland's ambassador to Chile, Karl Berg.")["Karl Berg"].title == (
        "ambassador to Chile")
    assert people("The award went to the company, Karl Berg said.") == {}


def test_a_long_abstract_noun_inside_a_run_ends_the_title_before_the_name():
    got = people("It was signed by ESA Director of Human and Robotic Exploration Karl Berg on Monday.")
    assert list(got) == ["Karl Berg"] and got["Karl Berg"].title == "Director of Human and Robotic Exploration"


def test_a_name_before_a_sentence_glued_to_it_ends_at_the_full_stop():
    text = "The delegation was headed by Secretary of the Norland Defence Ministry Karl Berg.The two sides met."
    assert list(people(text)) == ["Karl Berg"]
    assert list(people("The U.S. Navy sent Rear Admiral Ola Lind. He spoke.")) == ["Ola Lind"]


def test_lower_case_titles_after_a_name_with_a_country_s_letters_a_region_or_a_later_title_word():
    assert people("It was hosted by Karl Berg, US undersecretary of defense for policy.")["Karl Berg"].title == (
        "US undersecretary of defense for policy")
    got = people("The delegation included Ola Lind, deputy assistant secretary of defense for East Asia.")
    assert list(got) == ["Ola Lind"]
    got = people("Ravi Rao, technology transfer manager at the Vexa Research Laboratory, said so.")
    assert got["Ravi Rao"].title == "technology transfer manager"
    assert got["Ravi Rao"].organisation == "Vexa Research Laboratory"
    assert people("Ravi Rao, a resident of the city of Pune, said so.") == {}


def test_a_lower_case_title_naming_its_body_with_a_possessive_after_the_title_word():
    got = people('"We are proud," said Karl Berg, head of Vexa\'s dynamics unit.')
    assert got["Karl Berg"].title == "head of Vexa's dynamics unit"
    assert people("He thanked Karl Berg, the town's oldest resident, for his help.") == {}


def test_a_role_after_the_name_with_an_article_or_its_company_s_possessive():
    got = people("The tests were led by Arun Rao, a senior scientist at the Vexa Research Centre.")
    assert (got["Arun Rao"].title, got["Arun Rao"].organisation) == ("senior scientist", "Vexa Research Centre")
    got = people("Arun Rao, Vexlar Systems' vice president for business development, signed the contract.")
    assert (got["Arun Rao"].title, got["Arun Rao"].organisation) == (
        "vice president for business development", "Vexlar Systems")
    # A resident is no role.
    assert people("Arun Rao, a resident of Pune, said the deal was good.") == {}


def test_a_capitalised_title_after_a_body_s_possessive_is_that_body_s():
    got = people("Vexlar Systems' CMD Arun Rao said the order was significant.")
    assert (got["Arun Rao"].title, got["Arun Rao"].organisation) == ("CMD", "Vexlar Systems")


def test_a_warship_is_no_person_and_a_commanding_general_is_a_role():
    got = people("Capt. Ravi Kumar, commanding officer of INS Vikrant, received the delegation.")
    assert "INS Vikrant" not in got and "Ravi Kumar" in got
    got = people("Lt. Gen. Joel Vowell, commanding general of US Army Japan, attended the ceremony.")
    assert (got["Joel Vowell"].title, got["Joel Vowell"].organisation) == ("commanding general", "US Army Japan")


def test_a_plural_title_before_two_names_gives_each_the_singular_title():
    got = people("Prime Ministers Karl Berg and Ola Dahl signed the treaty.")
    assert (got["Karl Berg"].title, got["Ola Dahl"].title) == ("Prime Minister", "Prime Minister")
    got = people("Ada Berg, Chairman of the Joint Chiefs, spoke.")
    assert got["Ada Berg"].title == "Chairman of the Joint Chiefs"


def test_a_country_named_with_an_honorific_s_word_is_no_person_and_its_navy_a_body():
    got = people("Admiral Karl Berg also called on Sri Lanka's Deputy Minister of Defence Ola Dahl.")
    assert set(got) == {"Karl Berg", "Ola Dahl"}
    assert "Sri Lanka Navy" in {o.name for o in find_organisations("He met the Sri Lanka Navy chief.", K)}


def test_a_role_before_a_rank_is_the_title_and_the_rank_stays_a_rank():
    got = people("He met Norland Navy Commander Vice Admiral Karl Berg on Thursday.")
    assert (got["Karl Berg"].title, got["Karl Berg"].rank) == ("Commander", "Vice Admiral")


def test_a_role_at_a_body_before_a_rank_is_the_title_and_the_body_its_organisation():
    text = ("It was co-chaired by Joint Secretary Karl Berg and Director of Exports at the Vexa Procurement Agency "
            "(VPA) Major General Ola Dahl.")
    got = people(text)
    assert (got["Ola Dahl"].title, got["Ola Dahl"].organisation) == ("Director of Exports", "Vexa Procurement Agency")
    assert got["Karl Berg"].title == "Joint Secretary"
    got = people("The pact was signed by Special Secretary in Ministry of Defence Karl Berg.")
    assert (got["Karl Berg"].title, got["Karl Berg"].organisation) == ("Special Secretary", "Ministry of Defence")


def test_in_a_list_of_names_with_titles_after_them_each_title_is_the_name_s_before_it():
    got = people("The talks were given by Dr Karl Berg, Vice Chancellor VIAT Pune, Ola Dahl, Senior Vice President, "
                 "Vexa Precision Systems, Commodore Per Olsen (Retd.) CMD VDL, and Dr Jan Holm, CMD ORVI.")
    assert got["Karl Berg"].title == "Vice Chancellor VIAT Pune"
    assert got["Ola Dahl"].title.startswith("Senior Vice President")
    assert got["Per Olsen"].title.startswith("CMD") and got["Jan Holm"].title.startswith("CMD")


def test_titles_set_off_after_each_name_in_a_list_opening_with_a_country_s_possessive():
    got = people("It was attended by Karl Berg, Norland's Minister of Defence Affairs, Ola Dahl, Saudi Arabia's "
                 "Assistant Minister of Defence, and Dr Per Olsen, Deputy Prime Minister.")
    assert got["Ola Dahl"].title == "Saudi Arabia's Assistant Minister of Defence"
    assert got["Per Olsen"].title == "Deputy Prime Minister"


def test_a_person_whose_surname_opens_a_company_s_name_is_still_a_person():
    text = ("Vexa Strategic Systems Limited (VSSL) signed it. The agreement was signed by VSSL chairman Karl Vexa "
            "and Orvik chief executive Ola Dahl.")
    got = people(text)
    assert (got["Karl Vexa"].title, got["Karl Vexa"].organisation) == ("chairman", "Vexa Strategic Systems Limited")


def test_a_company_s_division_before_its_officer_s_title_and_a_name_with_a_particle_are_kept_whole():
    reg = next(o for o in K.organisations if o.org_type == "company" and o.name.isalpha() and len(o.name) > 4)
    text = f"The MoU was signed by {reg.name} Defense & Security CEO Bosco da Costa and Orvik chief executive Ola Dahl."
    got = people(text)
    assert (got["Bosco da Costa"].title, got["Bosco da Costa"].organisation) == (
        "CEO", f"{reg.name} Defense & Security")
    assert "Costa" not in {o.name for o in find_organisations(text, K, split_sentences(text))}


def test_a_lettered_second_office_after_a_lower_case_one_is_part_of_the_title():
    text = ("Vexlar Aerospace has signed an agreement with Orvik Motors. Karl Berg, co-founder and CEO of Vexlar, "
            "said the partnership would cut time.")
    got = people(text)
    assert (got["Karl Berg"].title, got["Karl Berg"].organisation) == ("co-founder and CEO", "Vexlar Aerospace")


def test_a_country_s_possessive_and_a_title_opening_the_run_are_no_person_s_name():
    got = people("Karl Berg and Japan's Vice-Minister of Defense for International Affairs Ola Dahl co-chaired it.")
    assert got["Ola Dahl"].title == "Japan's Vice-Minister of Defense for International Affairs"
    assert not any("Japan" in n for n in got)


def test_a_title_held_in_a_country_before_a_name_is_that_person_s_whole_title():
    got = people("It was attended by Major General Karl Berg of the Vexa Army and the Norland Ambassador to Egypt "
                 "Ola Dahl.")
    assert got["Ola Dahl"].title == "Norland Ambassador to Egypt"
    assert got["Karl Berg"].title == "Major General"


def test_a_body_named_right_after_a_ranked_person_is_the_person_s_organisation():
    got = people("The talks were co-chaired by Colonel Ivo Rask of the Vexlar Department of Foreign Relations and "
                 "Brigadier General Tomas Vidal from the Norland Department of National Defense.")
    assert got["Ivo Rask"].organisation == "Vexlar Department of Foreign Relations"
    assert got["Tomas Vidal"].organisation == "Norland Department of National Defense"
    assert got["Tomas Vidal"].title == "Brigadier General"


def test_a_title_set_off_before_a_ranked_name_is_his_and_the_next_person_s_title_is_not():
    got = people("It was signed by the ministry's head of procurement, Marshal Ivo Rask, and Vexlar's chairman "
                 "and CEO Karl Berg.")
    assert got["Ivo Rask"].title == "head of procurement"
    assert got["Karl Berg"].title == "chairman and CEO"


def test_a_preposition_before_a_title_and_a_bracketed_field_after_it_are_read_right():
    got = people("The MoU was exchanged between Vexlar India country director Ana Lunde and OEL director "
                 "(marketing) Tomas Vidal.")
    assert got["Ana Lunde"].title == "Vexlar India country director"
    assert got["Tomas Vidal"].title == "director (marketing)"


def test_a_country_s_name_opening_a_name_after_a_title_is_a_first_name():
    got = people("The declaration was signed by Vexlar Defence Minister Jordan Vale and Norland Foreign Minister "
                 "Ana Lunde.")
    assert got["Jordan Vale"].title == "Vexlar Defence Minister"
    assert "Ana Lunde" in got


def test_a_month_s_short_form_opening_a_name_after_a_title_is_a_first_name():
    got = people("Japan's State Minister of Defence Jun Tanabe called on the Prime Minister on Jun 10.")
    assert got["Jun Tanabe"].title == "Japan's State Minister of Defence"


def test_a_title_set_off_after_a_name_keeps_its_in_command_tail():
    got = people("A delegation led by Vice Admiral Ivo Rask, Flag Officer in Command, called on Admiral Karl Berg, "
                 "Chief of the Naval Staff, in Washington.")
    assert got["Ivo Rask"].title == "Flag Officer in Command"
    assert got["Karl Berg"].title == "Chief of the Naval Staff"


def test_a_title_to_a_country_set_off_by_commas_before_a_name_is_the_person_s():
    got = people("The Indian Ambassador to Norway, Ana Lunde, paid a courtesy call on him.")
    assert got["Ana Lunde"].title == "Indian Ambassador to Norway"
    assert people("The radars were sold to Norway, Ana Lunde said.") == {}


def test_a_second_person_after_the_first_one_s_body_and_and_is_read_with_their_own_title():
    got = people("The MoU was signed by Karl Berg, CEO (Aero Division), VXL and Ana Lunde, Senior Vice President "
                 "(Sales), Orvik Engines in Oslo on Monday.")
    assert got["Karl Berg"].title == "CEO (Aero Division)"
    assert got["Ana Lunde"].title == "Senior Vice President (Sales)"
    assert "Toubro" not in people("Larsen and Toubro said on Monday.")


def test_a_title_to_a_country_of_several_words_before_a_name_is_the_person_s():
    got = people("It was signed by Karl Berg and the U.K.'s Ambassador to the United States, Ana Lunde. The Norland "
                 "Ambassador to the United States Ivo Rask attended.")
    assert got["Ana Lunde"].title == "U.K.'s Ambassador to the United States"
    assert got["Ivo Rask"].title == "Norland Ambassador to the United States"


def test_a_rank_s_short_form_after_a_family_name_is_the_given_name():
    got = people("Vexlar Defence Minister Tanabe Gen and Norland Defence Secretary Ana Lunde held talks. Army chief "
                 "Gen Karl Berg attended.")
    assert got["Tanabe Gen"].title == "Vexlar Defence Minister"
    assert got["Ana Lunde"].title == "Norland Defence Secretary"
    assert got["Karl Berg"].rank == "Gen"


def test_an_honorific_after_a_title_of_a_country_opens_the_name():
    got = people("He held talks with the Minister of National Defence of Vexlar Mr Karl Berg. Later Mr Berg laid a "
                 "wreath.")
    assert got["Karl Berg"].title == "Minister of National Defence of Vexlar"
    assert "Berg" not in got


def test_a_name_suffix_after_two_name_words_ends_the_name():
    got = people("It was signed by Vexlar CEO Bosco da Costa Junior. The Junior Warrant Officer Karl Berg said so.")
    assert got["Bosco da Costa Junior"].title == "CEO"
    assert got["Karl Berg"].title == "Junior Warrant Officer"


def test_a_title_after_a_name_keeps_a_plural_owner_and_drops_when_it_is_held():
    got = people("Karl Berg, the head of Orvik Systems' naval business, said so. Rear Admiral (retd) Ivo Rask, now an "
                 "adviser to the minister, agreed.")
    assert got["Karl Berg"].title == "head of Orvik Systems' naval business"
    assert got["Ivo Rask"].title == "adviser to the minister"


def test_a_service_chief_s_or_deputy_s_letters_are_a_title():
    got = people("The review was chaired by Rear Admiral Ivo Rask, ACNS (Air Materiel), on Monday. VCNS Vice Admiral "
                 "Karl Berg inaugurated the facility.")
    assert got["Ivo Rask"].title == "ACNS (Air Materiel)"
    assert got["Karl Berg"].title == "VCNS"


def test_a_bracketed_acronym_in_a_title_is_spelt_out_by_what_a_body_of_the_text_is_of():
    got = people("Secretary (DP) Karl Berg of the Department of Defence Production chaired the meeting.")
    assert got["Karl Berg"].title == "Secretary (Defence Production)"
    assert people("Secretary (DP) Karl Berg chaired the meeting.")["Karl Berg"].title == "Secretary (DP)"


def test_the_kind_of_body_owning_a_title_is_the_body_of_that_story():
    got = people("The Royal Vexlar Navy signed a contract with Orvik on Monday. The navy's chief, Rear Admiral Ivo "
                 "Rask, said so. Kestrel Systems won a contract. Ana Lunde, the company's chief executive, agreed.")
    assert (got["Ivo Rask"].title, got["Ivo Rask"].organisation) == ("chief", "Royal Vexlar Navy")
    assert (got["Ana Lunde"].title, got["Ana Lunde"].organisation) == ("chief executive", "Kestrel Systems")


def test_a_country_word_then_a_lower_case_title_after_the_name_is_the_title():
    got = people("The talks were led by Carla Ruiz, Peruvian undersecretary of defence, and Tom Berg, "
                 "Chilean secretary of state.")
    assert got["Carla Ruiz"].title == "Peruvian undersecretary of defence"
    assert got["Tom Berg"].title == "Chilean secretary of state"


def test_a_title_cut_at_a_comma_inside_its_body_s_name_runs_on_to_that_body():
    got = people("The Agency for Science, Technology and Research (ASTR) hosted the talks. The delegation was led by "
                 "Kenji Sato, Director General of the Agency for Science, Technology and Research, who spoke first.")
    assert got["Kenji Sato"].organisation == "Agency for Science, Technology and Research"
    assert got["Kenji Sato"].title == "Director General"


def test_a_lower_case_title_of_four_words_after_the_name_is_the_title():
    got = people("The deal was signed by Ana Lunde, international business development director, Orvik Marine, "
                 "on Monday.")
    assert got["Ana Lunde"].title == "international business development director"


def test_a_general_manager_abbreviated_with_a_bracketed_unit_is_an_official():
    got = people("The contract was signed by Per Dahl, GM (Forge), Vexlar and Eva Moen, VP (Sales), Orvik Marine.")
    assert got["Per Dahl"].title == "GM (Forge)"
    assert got["Eva Moen"].title == "VP (Sales)"


def test_a_person_described_as_heading_a_body_is_its_head():
    got = people("Karl Berg, who heads the Ruritanian Defence Procurement Agency, was present. Eva Lind, who chairs "
                 "the Vexlar Research Council, spoke.")
    assert (got["Karl Berg"].title, got["Karl Berg"].organisation) == ("head", "Ruritanian Defence Procurement Agency")
    assert got["Eva Lind"].title == "chairman"


def test_capitalised_words_after_a_title_s_and_before_a_ranked_person_end_the_title():
    got = people("It was signed by the Chief of Guided Weapons and Explosive Ordnance, Air Vice-Marshal Leon Phillips, "
                 "and Managing Director Ian Irving.")
    assert "Explosive Ordnance" not in got
    assert got["Leon Phillips"].title == "Chief of Guided Weapons and Explosive Ordnance"


def test_names_with_particles_in_a_row_are_whole():
    got = people("Mark van der Berg, CEO of Vexlar, spoke. Ursula von der Leyen, President of the European "
                 "Commission, spoke. Jean-Luc de la Fontaine, Director of Orvik Labs, was present.")
    assert {"Mark van der Berg", "Ursula von der Leyen", "Jean-Luc de la Fontaine"} <= set(got)


def test_offices_told_by_then_by_serving_as_and_by_whom_someone_replaces():
    got = people("It was signed in the presence of Anil Rao, then CMD, Vexa Electronics Ltd, and others.")
    assert got["Anil Rao"].title == "CMD"
    got = people("Karl Berg, who also serves as CEO of Vexlar Systems Inc., spoke.")
    assert got["Karl Berg"].title == "CEO"
    got = people("Ana Lunde will replace Karl Berg as chief executive of Vexlar Systems, the company said.")
    assert got["Karl Berg"].title == "chief executive"


def test_one_name_word_right_after_a_title_is_a_surname_but_not_an_event_s_or_a_title_s_word():
    got = people("Indian Prime Minister Modi and Israeli Prime Minister Netanyahu held talks. Defence Minister "
                 "Serdyukov met the delegation.")
    assert got["Modi"].title == "Indian Prime Minister" and got["Netanyahu"].title == "Israeli Prime Minister"
    assert got["Serdyukov"].title == "Defence Minister"
    assert people("Defence Minister Inaugurates New Plant") == {}
    assert people("The Defence Ministers Conclave and the Chief Engineer met.") == {}


def test_a_long_lower_case_title_after_a_ranked_name_beats_the_rank():
    got = people("Rear Admiral Li Wei, deputy director of the Foreign Affairs Office of the Ruritanian Ministry of "
                 "Defence, spoke.")
    assert got["Li Wei"].title == "deputy director"


def test_one_name_word_after_a_ministry_is_a_person_whose_title_stands_before_the_comma():
    got = people("It was co-chaired with the State Secretary, Norwegian Ministry of Defence Dahl in Oslo.")
    assert got["Dahl"].title == "State Secretary"
    assert got["Dahl"].organisation == "Norwegian Ministry of Defence"


def test_a_title_owned_by_a_body_called_by_its_head_word_alone_is_that_bodys():
    text = ("The Norland Navy held staff talks in Lisbon on Monday, co-chaired by Rear Admiral Ola Dahl, "
            "the Navy's deputy chief of naval staff for operations.")
    dahl = people(text)["Ola Dahl"]
    assert (dahl.title, dahl.organisation) == ("deputy chief of naval staff for operations", "Norland Navy")
    # positive control: with two navies in the story the title is still cut, but names neither
    text = ("The Norland Navy and the Orvik Navy held staff talks in Lisbon on Monday, co-chaired by Rear Admiral "
            "Ola Dahl, the Navy's deputy chief of naval staff for operations.")
    dahl = people(text)["Ola Dahl"]
    assert (dahl.title, dahl.organisation) == ("deputy chief of naval staff for operations", None)


def test_an_inspector_general_before_a_name_is_a_rank_and_the_role_after_is_the_title():
    got = people("The MoU was signed by Inspector General Karl Berg, Deputy Director General (Technical), "
                 "and Dr Ola Dahl, Director, Norland Institute of Oceanography.")
    assert got["Karl Berg"].title == "Deputy Director General (Technical)"
    assert got["Ola Dahl"].title == "Director"


def test_plural_counterparts_take_the_roles_before_them_in_the_same_order():
    got = people("Foreign Minister Ola Dahl and Defence Minister Lena Holm of Norway met their Chilean counterparts "
                 "Ivo Rask and Anna Lunde in Oslo.")
    assert got["Ivo Rask"].title == "Chilean Foreign Minister"
    assert got["Anna Lunde"].title == "Chilean Defence Minister"
    # positive control: one counterpart is the last role's
    got = people("Defence Minister Lena Holm met her Chilean counterpart Ivo Rask in Oslo.")
    assert got["Ivo Rask"].title == "Chilean Defence Minister"


def test_malay_honorifics_are_no_part_of_the_name():
    for honorific in ("Dato' Seri", "Datuk Seri", "Tan Sri", "Dato'"):
        got = people(f"The delegation met {honorific} Karl Berg, Secretary-General of the Norland Ministry.")
        assert list(got) == ["Karl Berg"], honorific


def test_a_style_in_brackets_between_a_rank_and_the_name_is_skipped():
    got = people("Lt Gen (Dr) Ola Dahl, Director General of the Norland Institute, attended.")
    assert (got["Ola Dahl"].rank, got["Ola Dahl"].title) == ("Lt Gen", "Director General")


def test_a_title_after_the_name_keeps_the_country_it_is_accredited_to():
    got = people("Ivo Rask, Ambassador of Chile to Norway, attended the reception.")
    assert got["Ivo Rask"].title == "Ambassador of Chile to Norway"
    # positive control: a country the sentence goes on to is no part of the title
    assert people("Ivo Rask, Director, went to Norway.")["Ivo Rask"].title == "Director"


def test_a_royal_style_before_a_name_is_no_part_of_it():
    got = people("Saudi Defence Minister Prince Khalid bin Salman met the delegation.")
    assert list(got) == ["Khalid bin Salman"]


def test_the_company_s_officer_belongs_to_the_one_body_the_sentence_before_names():
    text = ('"We are proud of it," said Ola Dahl, managing director of Vexa Systems. Ivo Rask, the company’s head of '
            'sales, added that more orders were expected.')
    assert people(text)["Ivo Rask"].organisation == "Vexa Systems"
    # positive control: with two bodies named before, "the company" is neither
    text = ('"We are proud," said Ola Dahl, CEO of Vexa Systems, and Karl Berg, CEO of Orvik Labs. Ivo Rask, the '
            'company’s head of sales, added more.')
    assert people(text)["Ivo Rask"].organisation is None


def test_a_style_that_completes_a_title_is_the_title():
    got = people("Saudi Crown Prince Karl Berg met Norwegian Prime Minister Ola Dahl in Riyadh.")
    assert got["Karl Berg"].title == "Saudi Crown Prince"
    assert got["Ola Dahl"].title == "Norwegian Prime Minister"  # positive control
    assert people("Crown Prince Karl Berg met the delegation.")["Karl Berg"].title == "Crown Prince"


def test_a_title_modifier_before_no_title_stays_in_the_body_the_title_names():
    got = people("The delegation was headed by Deputy Chief of the Joint Staff Department Lt Gen Ola Dahl.")
    assert (got["Ola Dahl"].title, got["Ola Dahl"].organisation) == (
        "Deputy Chief of the Joint Staff Department", "Joint Staff Department")


def test_appointments_announced_told_with_a_past_role_or_a_future_one_give_the_new_post():
    text = ("Orvix Defence Systems on Monday announced the appointment of Ana Lunde as its chief executive officer. "
            "She succeeds Karl Berg, who will become executive vice-chairman. The board also named Ola Dahl, former "
            "finance head of Tellmar Industries, as chief financial officer.")
    got = people(text)
    assert (got["Ana Lunde"].title, got["Ana Lunde"].organisation) == ("chief executive officer",
                                                                       "Orvix Defence Systems")
    assert got["Karl Berg"].title == "executive vice-chairman"
    assert got["Ola Dahl"].title == "chief financial officer"


def test_a_lower_case_hyphenated_title_is_a_title():
    assert people("Ola Dahl, vice-president of Vexlar, said so.")["Ola Dahl"].title == "vice-president of Vexlar"


def test_a_title_that_names_another_person_is_that_persons_not_the_one_before_it():
    got = people("The deal was signed by Ola Dahl, Defence Secretary Ivo Rask said.")
    assert got["Ivo Rask"].title == "Defence Secretary" and got["Ola Dahl"].title is None


def test_beginning_a_new_role_after_a_past_one_gives_the_new_role():
    got = people("Adm. Karl Berg, former head of the Norland Navy, on Tuesday officially began his new role as the "
                 "Chief of Defence Staff.")
    assert got["Karl Berg"].title == "Chief of Defence Staff"


def test_a_body_set_off_before_a_rank_is_where_the_role_before_it_is_held():
    got = people("The ceremony was attended by the head of the Directorate of Defense Research, Brig. Gen. Ola Dahl, "
                 "and others.")
    assert (got["Ola Dahl"].title, got["Ola Dahl"].organisation) == ("head", "Directorate of Defense Research")


def test_an_officer_who_will_take_over_a_post_gets_that_post():
    got = people("Vice Admiral Ola Dahl will take over as the next Vice Chief of the Naval Staff on July 31.")
    assert got["Ola Dahl"].title == "Vice Chief of the Naval Staff"


def test_a_title_modifier_before_one_capitalised_word_names_no_person():
    got = people("Ola Dahl signed an agreement establishing the Joint Analysis, Training and Education Centre.")
    assert "Analysis" not in got
    assert list(people("Joint Secretary Rao said so.")) == ["Rao"]


def test_a_name_ending_in_junior_ends_its_sentence():
    got = people("Ola Dahl spoke with Philippine Secretary of National Defense Karl Berg Jr. The two discussed drills.")
    assert got["Karl Berg Jr"].title == "Philippine Secretary of National Defense"


def test_another_persons_surname_and_and_open_no_title():
    got = people("Foreign policy chief Ana Soto visited Oslo. Soto and Norwegian Foreign Minister Karl Berg announced "
                 "the partnership.")
    assert got["Karl Berg"].title == "Norwegian Foreign Minister"


def test_rm_before_a_name_is_the_raksha_mantris_title():
    assert people("RM Shri Ola Dahl inaugurated the expo.")["Ola Dahl"].title == "RM"


def test_a_lower_case_title_for_a_region_set_off_before_a_name_is_the_persons():
    got = people("Vexlar's vice president for Africa, Luiz Silva, said the deal was important.")
    assert got["Luiz Silva"].title == "vice president for Africa"


def test_a_ministers_portfolios_listed_across_commas_are_his_title_not_his_name():
    got = people("It was signed in the presence of Union Minister of Ports, Shipping and Waterways Ana Rao.")
    assert list(got) == ["Ana Rao"]
    assert got["Ana Rao"].title == "Union Minister of Ports, Shipping and Waterways"


def test_a_civil_honorific_written_in_two_capitals_is_a_persons_initials():
    assert people("The startup is backed by cricketer MS Lunde.") == {}
    # positive control: the honorific as written before a titled person's name
    got = people("Defence Secretary Ms Ana Lunde attended.")
    assert got["Ana Lunde"].title == "Defence Secretary"


def test_a_company_post_named_with_no_body_is_at_the_one_company_the_sentence_names():
    got = people("Vexa Aerospace has won an order from the Norland Army, founder and CEO Ana Rao said on Tuesday.")
    assert got["Ana Rao"].organisation == "Vexa Aerospace"
    # positive control: a body written before the post is the post's, whatever else the sentence names
    got = people("The deal was signed by Vexa Aerospace and Orvik chief executive Ola Dahl.")
    assert got["Ola Dahl"].organisation != "Vexa Aerospace"


def test_a_person_who_is_the_holder_of_an_office_holds_it():
    got = people("Ana Lunde is the chief executive officer of Vexa Systems.")
    assert got["Ana Lunde"].title == "chief executive officer"
    # positive control: a description that is no office makes no official
    assert people("Ana Lunde is the first woman to fly the jet.") == {}


def test_what_a_person_did_set_off_after_the_name_is_no_title_but_a_managing_director_is():
    got = people("The ship's commanding officer, Captain Jon Kett, called on the Commander of the Vexian Navy.")
    assert got["Jon Kett"].title == "commanding officer"
    got = people('"We are proud," said Ola Dahl, managing director of Vexa Systems.')
    assert got["Ola Dahl"].title == "managing director"


def test_a_lower_case_title_of_a_body_set_off_before_a_name_is_the_persons():
    got = people("The agreement was inked by the chairman of Orvik Shipyards, Karl Berg, in Oslo.")
    assert (got["Karl Berg"].title, got["Karl Berg"].organisation) == ("chairman", "Orvik Shipyards")


def test_a_retired_officers_bracket_before_and_leaves_the_next_persons_title_without_and():
    got = people("The MoU was exchanged between Vexlar Chairman Cmde A Rao (retd) and ORL Director G A Murthy.")
    assert got["G A Murthy"].title == "ORL Director"
    assert got["A Rao"].title == "Vexlar Chairman"


def test_a_title_of_four_words_set_off_after_a_name_is_read_whole():
    text = ("The agreement was signed by Ana Lunde, Senior Executive Vice President of Vexlar Systems, and Ola Dahl, "
            "Chairman of Orvik Marine.")
    got = {name: p.title or "" for name, p in people(text).items()}
    assert got["Ana Lunde"].startswith("Senior Executive Vice President") and got["Ola Dahl"] == "Chairman"


def test_who_else_was_present_after_a_signer_is_no_title_of_the_signer():
    text = ("The MoU was signed by Ana Lunde and Vexlar general manager Ola Dahl, in the presence of Norway's Deputy "
            "Defence Minister.")
    assert people(text)["Ola Dahl"].title.endswith("general manager")


def test_the_words_after_an_ampersand_before_a_lower_case_title_are_the_body_s_name():
    got = people("Vexlar Defence & Security president Ana Lunde attended the ceremony.")
    assert got["Ana Lunde"].title == "president"
    control = people("Vexlar's senior vice president Ana Lunde attended the ceremony.")
    assert control["Ana Lunde"].title.endswith("senior vice president")


def test_two_names_set_off_after_a_plural_title_are_both_officials():
    got = people("Minister Ana Berg hosted her Latvian and Estonian counterparts, Karl Ode and Mats Vik, in Oslo.")
    assert {"Ana Berg", "Karl Ode", "Mats Vik"} <= set(got)
    alone = people("Minister Ana Berg hosted her counterpart, Karl Ode, in Oslo.")
    assert "Karl Ode" in alone


def test_a_retired_officer_s_mark_still_closes_a_name_set_off_after_its_title():
    got = people("The meeting was attended by the yard's chairman, Commodore Karl Berg (retd), and others.")
    assert got["Karl Berg"].title == "chairman"
    plain = people("The meeting was attended by the yard's chairman, Commodore Karl Berg, and others.")
    assert plain["Karl Berg"].title == "chairman"


def test_a_rank_word_opening_a_body_s_name_makes_no_officer():
    got = people("Norland, Vexia hold 20th General Border Committee meeting")
    assert not got
    assert "Berg" in people("Norland hosts General Berg for talks")


def test_a_body_s_name_before_a_lower_case_title_set_off_after_a_name_is_read():
    got = people("Ana Berg, the Norland Navy chief, met the Vexian commander on Monday.")
    assert got["Ana Berg"].title.endswith("chief")
    assert "Karl Ode" not in people("In Oslo, Ana Berg met Karl Ode, Norland Navy officials said.")


def test_the_time_an_office_was_taken_is_no_part_of_its_title():
    for when in ("last month", "in May 2025", "recently"):
        got = people(f"Karl Ode, who took over as the Chief of Naval Staff {when}, met his counterpart.")
        assert got["Karl Ode"].title.endswith("Chief of Naval Staff"), when


def test_an_honorific_written_with_an_apostrophe_keeps_the_title_before_it():
    for style in ("Dato' Seri", "Dato’ Seri", "Tan Sri"):
        got = people(f"Ana Berg met Malaysian Defence Minister {style} Karl Ode on Tuesday.")
        assert got["Karl Ode"].title == "Malaysian Defence Minister", style


def test_two_offices_joined_by_and_after_a_name_keep_a_second_office_of_two_words():
    got = people("Ana Berg, chairperson and managing director of Vexlar Systems, signed the contract.")
    assert got["Ana Berg"].title.startswith("chairperson and managing director")
    one = people("Ana Berg, chairperson of Vexlar Systems, and Karl Ode, director of Orvik Marine, signed it.")
    assert one["Ana Berg"].title.startswith("chairperson") and "director" not in one["Ana Berg"].title


def test_two_offices_joined_by_and_before_a_name_are_one_title():
    got = people('"This is a milestone," said Orvik Marine managing director and chief executive Jan Dahl.')
    assert got["Jan Dahl"].title == "managing director and chief executive"
    assert people("Vexa Systems founder and CEO Ana Lunde said it was ready.")["Ana Lunde"].title == "founder and CEO"


def test_spanish_particles_join_the_words_of_one_name():
    text = ("The agreement was signed by Vexlar chief executive Jose Luis de los Santos and Orvik Marine chief "
            "executive Karl Berg.")
    assert "Jose Luis de los Santos" in people(text)


def test_a_portfolio_before_of_a_country_s_department_is_the_end_of_the_title():
    text = ("The talks were co-chaired by Deputy Secretary Strategy, Policy and Industry of the Australian Department "
            "of Defence, Hugh Lane, and Chile's vice minister Ana Lunde.")
    lane = people(text)["Hugh Lane"]
    assert (lane.title, lane.organisation) == ("Deputy Secretary Strategy, Policy and Industry",
                                               "Australian Department of Defence")


def test_a_surname_with_a_capital_inside_after_its_prefix_is_a_name():
    text = "The contract was signed by Vexlar Systems chief executive Karl DeSouza on Monday."
    assert "Karl DeSouza" in people(text)


def test_a_name_closed_by_a_surname_s_initial_keeps_it_and_ends_the_title_before_the_next_person():
    text = "The agreement was signed by Vexlar Director (Operations) Ravi K and Orvik CEO Karl Berg on Tuesday."
    found = people(text)
    assert "Ravi K" in found
    assert found["Karl Berg"].title == "CEO"


def test_people_listed_after_a_first_one_do_not_lend_it_their_titles():
    text = "Vexlar chairman Anil Rao, Director (Finance) Mira Sen and Director Ravi Kumar were present."
    found = people(text)
    assert (found["Anil Rao"].title, found["Mira Sen"].title) == ("chairman", "Director (Finance)")


def test_a_title_held_in_a_body_set_off_before_the_name_is_the_person_s():
    found = people("State Secretary in the Vexa Ministry of Defence, Ana Lunde, attended the ceremony.")
    assert found["Ana Lunde"].title == "State Secretary"
    assert found["Ana Lunde"].organisation == "Vexa Ministry of Defence"
    assert "Ana Lunde" not in people(  # positive control: a place, no office
        "The ceremony in the Vexa Ministry of Defence, Ana Lunde said, went well.")


def test_a_two_word_office_joined_by_and_to_the_next_title_is_whole():
    found = people("Vexlar managing director and CEO Karl Berg said the contracts were signed.")
    assert found["Karl Berg"].title == "managing director and CEO"


def test_the_ministry_s_spokesperson_is_the_ministry_s_not_the_last_body_named():
    text = ("Norway's Defence Ministry has signed a contract with Vexlar Systems, the ministry's spokesperson Colonel "
            "Ola Dahl said on Tuesday.")
    assert people(text)["Ola Dahl"].organisation == "Norway's Defence Ministry"
    its = text.replace("the ministry's spokesperson", "its spokesperson")  # positive control: the last body named
    assert people(its)["Ola Dahl"].organisation == "Vexlar Systems"


def test_a_title_opening_with_a_kind_of_body_is_the_last_body_of_that_kind():
    text = ("The contract was signed at the Norland Materiel Agency by agency head Colonel Ola Dahl and Vexlar Systems "
            "chief executive Karl Berg.")
    assert people(text)["Ola Dahl"].organisation == "Norland Materiel Agency"
    other = text.replace("Norland Materiel Agency", "Norland Navy")  # positive control: no agency named
    assert people(other)["Ola Dahl"].organisation is None


def test_a_person_named_again_by_surname_is_one_person_whatever_suffix_ends_the_full_name():
    text = ("Admiral Ole Dahl hosted his counterpart General Karl Berg Jr. in Oslo on Monday. General Berg also "
            "visited the Norland Defence College and met students from 12 nations.")
    assert list(people(text)) == ["Ole Dahl", "Karl Berg Jr"]


def test_a_word_of_a_countrys_longer_name_may_end_a_persons_name():
    got = people("The Velmar side was led by Deputy Foreign Minister Do Hung Viet. Tran Van Nam, a general, attended.")
    assert got["Do Hung Viet"].title == "Deputy Foreign Minister"


def test_a_name_may_open_with_up_to_four_initials_besides_its_words():
    got = people("The MoU was signed by the Vice Chancellor of the Velmar Institute, Dr B H V S Narayana Murthy, and "
                 "the Director of the Orvik Laboratory, Dr Anil Kumar.")
    assert got["B H V S Narayana Murthy"].title == "Vice Chancellor"
    assert list(people("Former President Dr A P J Abdul Kalam said so.")) == ["A P J Abdul Kalam"]
    assert list(people("The talks were led by A and B.")) == []


def test_air_force_ranks_of_brigadier_written_with_a_hyphen_are_ranks():
    got = people("Lieutenant-Brigadier Marco Silva and Major-Brigadier Ana Souza attended the talks.")
    assert sorted(got) == ["Ana Souza", "Marco Silva"]
    assert got["Marco Silva"].title == "Lieutenant-Brigadier"


def test_a_title_after_a_body_s_bracketed_acronym_is_the_title_alone_even_when_the_name_has_a_comma():
    text = ("The memorandum was signed by Norway's Procurement, Logistics and Support Agency (PLSA) Commissioner "
            "Karl Berg.")
    orgs = find_organisations(text, K, split_sentences(text))
    (p,) = find_officials(text, split_sentences(text), orgs, K)
    assert (p.title, p.organisation) == ("Commissioner", "Procurement, Logistics and Support Agency")
    plain = "The memorandum was signed by Orvik Systems (OSL) Chairman Ola Dahl."  # positive control
    (q,) = find_officials(plain, split_sentences(plain), find_organisations(plain, K, split_sentences(plain)), K)
    assert (q.title, q.organisation) == ("Chairman", "Orvik Systems")


def test_whose_they_are_after_a_plural_title_set_off_before_two_names_is_no_part_of_either_title():
    got = people("It was signed by the defence ministers of the two countries, Karl Berg and Ola Dahl, on Monday.")
    assert {n: p.title for n, p in got.items()} == {"Karl Berg": "defence minister", "Ola Dahl": "defence minister"}


def test_after_one_person_and_their_body_the_next_title_is_the_next_persons_alone():
    text = ("The talks were co-chaired by Deputy Secretary Karl Berg of the Norland Ministry of Defence and First "
            "Assistant Secretary Ola Dahl of the Tellmar Department of Defence.")
    orgs = find_organisations(text, K, split_sentences(text))
    got = {p.name: (p.title, p.organisation) for p in find_officials(text, split_sentences(text), orgs, K)}
    assert got == {"Karl Berg": ("Deputy Secretary", "Norland Ministry of Defence"),
                   "Ola Dahl": ("First Assistant Secretary", "Tellmar Department of Defence")}


def test_a_person_named_with_no_title_but_their_body_does_not_hide_the_titled_one_after_and():
    got = people("It was signed by Ivo Rask of the Department of Science and Technology and Mia Holt, Director, "
                 "Orvik Institute.")
    assert {n: p.title for n, p in got.items()} == {"Mia Holt": "Director"}
    assert "Technology" not in " ".join(got)


def test_a_title_and_body_in_brackets_after_a_name_are_that_persons():
    text = read_text("The agreement was signed by Mr Karl Berg (Managing Director, Orvik Systems) and Dr Ola Dahl "
                     "(Director, Tellmar Institute).")
    orgs = find_organisations(text, K, split_sentences(text))
    got = {p.name: (p.title, p.organisation) for p in find_officials(text, split_sentences(text), orgs, K)}
    assert got == {"Karl Berg": ("Managing Director", "Orvik Systems"), "Ola Dahl": ("Director", "Tellmar Institute")}
    acronym = read_text("The Orvik Institute of Technology (OIT) Delhi and Orvik Systems (OSL) signed an MoU.")
    assert "(OIT)" in acronym and "(OSL)" in acronym  # positive control: an acronym's bracket is kept
