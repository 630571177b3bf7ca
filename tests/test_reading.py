import datetime as dt

from transforms.reading import Rejected, content_hash, read_article, text_for_extraction

LIMIT = 1_000_000


def test_date_header_is_split_from_the_text():
    r = read_article(b" date 2025-03-26 The Ministry signed a pact today in Delhi.", max_bytes=LIMIT)
    assert not isinstance(r, Rejected)
    assert r.published_date == dt.date(2025, 3, 26)
    assert r.text.startswith("The Ministry")


def test_file_without_header_has_unknown_date():
    r = read_article(b"The Ministry signed a pact in Delhi on Monday.", max_bytes=LIMIT)
    assert r.published_date is None


def test_malformed_date_header_is_repaired_as_unknown_date():
    r = read_article(b" date 2025-13-45 The Ministry signed a pact in Delhi on Monday.", max_bytes=LIMIT)
    assert r.published_date is None
    assert any("malformed date header" in x for x in r.repairs)
    assert r.text.startswith("The Ministry")


def test_empty_and_binary_files_are_rejected_with_reasons():
    assert read_article(b"   \n", max_bytes=LIMIT) == Rejected("empty file")
    binary = read_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, max_bytes=LIMIT)
    assert isinstance(binary, Rejected) and "binary" in binary.reason


def test_latin1_and_utf16_text_is_decoded_and_recorded():
    latin = read_article(" date 2025-01-02 The Ministère signed a deal with the café company.".encode("latin-1"),
                         max_bytes=LIMIT)
    assert "Ministère" in latin.text and any("Windows-1252" in x for x in latin.repairs)
    u16 = read_article(" date 2025-01-02 The Ministry signed a pact with the Navy.".encode("utf-16"), max_bytes=LIMIT)
    assert u16.published_date == dt.date(2025, 1, 2) and u16.text.startswith("The Ministry")


def test_file_over_the_size_limit_is_rejected():
    r = read_article(b"word " * 100, max_bytes=100)
    assert isinstance(r, Rejected) and "limit" in r.reason


def test_markup_is_kept_raw_and_stripped_for_extraction():
    html = (b"<html><body><p>The Navy signed a contract with the shipyard on Monday.</p>"
            b"<script>x()</script></body></html>")
    r = read_article(html, max_bytes=LIMIT)
    assert r.text == html.decode()  # the raw zone keeps what was read
    assert text_for_extraction(r.text) == "The Navy signed a contract with the shipyard on Monday."
    assert "markup stripped" in r.repairs
    assert r.title == "The Navy signed a contract with the shipyard on Monday."


def test_boilerplate_lines_are_dropped_at_extraction_from_the_knowledge_in_force(tmp_path):
    import shutil

    from transforms.knowledge import DEFAULT_DIR, load_knowledge

    text = "The Navy signed a contract with the shipyard on Monday.\nSee more: other stories today"
    assert "See more" in text_for_extraction(text)  # not boilerplate in the shipped list
    shutil.copytree(DEFAULT_DIR, tmp_path / "k")
    with open(tmp_path / "k" / "boilerplate_lines.txt", "a", encoding="utf-8") as f:
        f.write("see more:\n")
    assert "See more" not in text_for_extraction(text, load_knowledge(tmp_path / "k"))


def test_future_publication_date_is_treated_as_unknown():
    r = read_article(b" date 2099-01-01 The Navy signed a contract with the shipyard.", max_bytes=LIMIT,
                     today=dt.date(2026, 1, 1))
    assert r.published_date is None


def test_rewrapped_text_has_the_same_content_hash():
    assert content_hash("A  b\nc") == content_hash("A b c")


def test_links_to_other_stories_are_dropped_and_noted():
    data = (b"The ministry signed a contract with a shipyard for six patrol vessels on Monday.\n"
            b"Also read| Another story about something else entirely\n"
            b"view articleA headline of a different story...\n"
            b"The vessels will be delivered within four years of the signing.\n")
    r = read_article(data, max_bytes=10_000)
    assert "Another story" in r.text  # the raw zone is raw
    cleaned = text_for_extraction(r.text)
    assert "Another story" not in cleaned and "different story" not in cleaned
    assert "four years" in cleaned
    assert any("2 line(s)" in x for x in r.repairs)


def test_a_news_desks_byline_and_a_copyright_line_are_dropped_but_a_bureau_in_a_sentence_stays():
    text = ("The Courier Bureau HYDERABAD\n"
            "Vexa Labs signed an MoU with the Army Design Bureau on Monday.\n"
            "Copyright 2023 Orvik Media Inc. All rights reserved.\n")
    cleaned = text_for_extraction(text)
    assert "Courier" not in cleaned and "Orvik Media" not in cleaned
    assert "Army Design Bureau" in cleaned


def test_the_size_limit_reason_gives_the_whole_files_size():
    r = read_article(b"x" * 101, max_bytes=100, size=7_340_032)
    assert isinstance(r, Rejected) and "7,340,032 bytes" in r.reason


def test_a_publication_date_before_1900_is_unknown_and_noted():
    r = read_article(b" date 0001-01-01 The Navy signed a contract with the shipyard on Monday.", max_bytes=LIMIT)
    assert r.published_date is None and any("before 1900" in x for x in r.repairs)
    r = read_article(b" date 1999-01-01 The Navy signed a contract with the shipyard on Monday.", max_bytes=LIMIT)
    assert r.published_date == dt.date(1999, 1, 1)  # positive control


def test_a_name_run_into_the_word_before_its_honorific_is_split_off():
    from transforms.reading import text_for_extraction

    text = text_for_extraction("Talks were held with the US Department of DefenceMr Tal Orvek and "
                               "ChairmanShri Anil Rao.")
    assert "Defence Mr Tal Orvek" in text and "Chairman Shri Anil Rao" in text
    assert "Mr. Tal Orvek" in text_for_extraction("The delegation was led by Mr.Tal Orvek.")
    unglued = "The Mrs Kelvane Trust and Drones Ltd met St.Louis officials."
    assert text_for_extraction(unglued) == unglued


def test_an_article_without_header_is_dated_by_its_own_date_line():
    body = ("Vexlar signs radar deal\n\nPublished : Dec. 4, 2023 - 15:30\n\nVexlar Systems said Monday it has "
            "signed a contract with the Norland Navy for coastal radars.")
    art = read_article(body.encode(), max_bytes=10_000)
    assert art.published_date == dt.date(2023, 12, 4)
    assert "publication date read from the article's date line" in art.repairs
    for line in ("10 NOV 2021 11:03AM by PIB Delhi", "Thursday, February 14, 2008"):
        dated = read_article(f"{line}\n\nThe Norland Navy signed a contract with Vexlar for radars.".encode(),
                             max_bytes=10_000)
        assert dated.published_date is not None, line


def test_a_date_inside_the_story_s_sentences_does_not_date_the_article():
    body = "The Norland Navy signed a contract with Vexlar Systems for radars on 4 December 2023.\n\nMore follows."
    assert read_article(body.encode(), max_bytes=10_000).published_date is None
    headed = read_article(b" date 2024-01-02 Published : Dec. 4, 2023\nThe Navy signed a deal with Vexlar.",
                          max_bytes=10_000)
    assert headed.published_date == dt.date(2024, 1, 2)  # the header wins


def test_a_wrapped_line_and_odd_spaces_do_not_break_a_sentence_or_a_name():
    from transforms.extract import extract_article

    text = text_for_extraction("Vexlar Systems on Monday signed a memorandum of\nunderstanding with Orvik\u00a0Marine "
                               "for sonar\nsystems.")
    (ag,) = extract_article(text, None).to_dict()["events"]["agreement"]
    assert {r["name"] for r in ag["roles"]} == {"Vexlar Systems", "Orvik Marine"}


def test_a_closing_heading_after_the_story_drops_the_other_stories_listed_under_it_but_not_one_above_it():
    story = ("Vexlar Systems has won a contract from the Ruritanian Navy for hull-mounted sonars, the company said on "
             "Tuesday. Deliveries begin next year, and the sonars will be fitted to six frigates by 2028.")
    page = f"Related\n{story}\n\nOther Related News\nHalvard Robotics, Saab sign teaming agreement\nTags:\nsonar"
    text = text_for_extraction(page)
    assert "Vexlar Systems has won" in text
    assert "Halvard" not in text and "Tags" not in text
