from transforms.domains import find_domains
from transforms.knowledge import knowledge

K = knowledge()


def test_synonyms_map_to_canonical_domains_and_are_counted():
    got = find_domains("Work on AI, machine learning and drones, plus UAVs and quantum sensing.", [], K)
    assert got["Artificial Intelligence & Machine Learning"] == 2
    assert got["Drones & Unmanned Systems"] == 2
    assert got["Quantum Technologies"] == 1


def test_words_inside_an_organisation_name_are_not_mentions():
    text = "The Institute of Space Physics studied radar."
    span = (text.index("Institute"), text.index(" studied"))
    assert find_domains(text, [span], K) == {"Radar": 1}


def test_acronyms_match_only_in_capitals():
    assert find_domains("The ai of the project", [], K) == {}


def test_aircraft_carrier_is_naval_and_think_tank_is_no_armour():
    found = find_domains("The aircraft carrier sailed. A think tank hosted the minister.", [], knowledge())
    assert found == {"Naval & Underwater Systems": 1}


def test_handles_and_tags_are_not_domain_mentions():
    assert find_domains("Posted by @Space and #Aerospace pages.", [], knowledge()) == {}


def test_the_plural_of_a_domain_synonym_names_the_domain():
    from transforms.domains import find_domains
    from transforms.knowledge import knowledge

    assert "Drones & Unmanned Systems" in find_domains("It ordered 150 unmanned ground vehicles.", [], knowledge())


def test_ship_as_a_verb_names_no_naval_domain_but_a_ship_does():
    assert "Naval & Underwater Systems" not in find_domains("The firm will ship 150 howitzers to Norway.", [], K)
    assert "Naval & Underwater Systems" in find_domains("The firm will build a ship for Norway.", [], K)


def test_engines_of_aircraft_are_aero_engines_but_engines_alone_are_propulsion():
    text = "The firm will build 12 F200-XB engines, turbofan engines and 20 engines for the Vexa jets."
    got = find_domains(text, [], K)
    assert "Energy & Propulsion" not in got and got["Aerospace & Aviation"] >= 2
    assert "Energy & Propulsion" in find_domains("The firm makes engines and batteries.", [], K)


def test_munitions_are_armaments():
    assert "Land Systems & Armaments" in find_domains("The Army ordered guided munitions.", [], K)


def test_military_supplies_called_materials_are_no_materials_science():
    assert "Advanced Materials" not in find_domains("Norway will supply military materials to Peru.", [], K)
    assert "Advanced Materials" in find_domains("The lab studies composites and materials.", [], K)


def test_fighter_jets_and_warplanes_are_aviation():
    assert "Aerospace & Aviation" in find_domains("Norway will buy 26 fighter jets.", [], K)
    assert "Aerospace & Aviation" in find_domains("The warplanes arrived.", [], K)


def test_singular_and_hyphenated_forms_of_domain_phrases_count():
    got = find_domains("It covers anti-submarine warfare, an electronic countermeasure and a training system.", [], K)
    assert {"Naval & Underwater Systems", "Electronic Warfare", "Simulation & Training"} <= set(got)


def test_jammers_underwater_vehicles_fighting_vehicles_and_digital_twins_name_their_domains():
    got = find_domains("It makes jammers, an autonomous underwater vehicle, infantry fighting vehicles and a digital "
                       "twin of a ship's engine room.", [], K)
    assert {"Electronic Warfare", "Drones & Unmanned Systems", "Land Systems & Armaments",
            "Simulation & Training"} <= set(got)


def test_hyphenated_spellings_of_known_synonyms_name_their_domains():
    from transforms.extract import extract_article

    rec = extract_article("The contract covers night-vision devices and software-defined radios for the Navy. "
                          "Night-vision devices and software-defined radios are central to the deal.", None)
    names = {d.name for d in rec.domains}
    assert {"Sensors & Electro-optics", "Communications & Networks"} <= names


def test_printed_parts_are_additive_manufacturing_in_either_spelling():
    assert find_domains("Engineers showed a 3D-printed nozzle and parts 3D printed on site.", [], K) == {
        "Additive Manufacturing": 2}


def test_a_domain_s_name_opening_a_hyphened_compound_names_it_but_one_common_word_does_not():
    got = find_domains("The Army is testing artificial intelligence-based tools and AI-enabled kits.", [], K)
    assert got["Artificial Intelligence & Machine Learning"] == 2
    assert "Naval & Underwater Systems" not in find_domains("It is a ship-based air defence system.", [], K)


def test_words_inside_an_official_s_title_are_not_mentions():
    from tests.views import view
    got = view("Karl Berg, Director General (Naval Systems & Materials), chaired the review of quantum sensing "
               "work.", None)["domains"]
    names = {d["name"] for d in got}
    assert "Naval & Underwater Systems" not in names
    assert "Quantum Technologies" in names


def test_a_single_helicopter_names_aerospace_as_the_plural_does():
    assert find_domains("The firms will co-develop an engine for the new utility helicopter.", [], K) == {
        "Aerospace & Aviation": 1}


def test_common_words_of_the_trade_name_their_domains():
    got = {t: list(find_domains(f"The firm builds {t} for the forces.", [], K))
           for t in ("LiDAR sensors", "satcom terminals", "quadcopters", "minesweepers", "encryption modules",
                     "USVs", "carbines", "microchips")}
    assert got == {"LiDAR sensors": ["Sensors & Electro-optics"], "satcom terminals": ["Communications & Networks"],
                   "quadcopters": ["Drones & Unmanned Systems"], "minesweepers": ["Naval & Underwater Systems"],
                   "encryption modules": ["Cybersecurity"], "USVs": ["Drones & Unmanned Systems"],
                   "carbines": ["Land Systems & Armaments"], "microchips": ["Semiconductors & Microelectronics"]}
