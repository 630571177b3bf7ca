from transforms.sentences import split_sentences


def test_abbreviated_ranks_and_initials_do_not_end_a_sentence():
    text = "It was signed by Lt. Gen. A. K. Rao and Dr. Sen. The pact runs for five years."
    got = [s.text for s in split_sentences(text)]
    assert got == ["It was signed by Lt. Gen. A. K. Rao and Dr. Sen.", "The pact runs for five years."]


def test_paragraphs_are_sentence_boundaries_and_offsets_point_into_the_text():
    text = "Headline without a stop\n\nFirst sentence here. Second one."
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Headline without a stop", "First sentence here.", "Second one."]
    for s in sents:
        assert text[s.start:s.start + len(s.text)] == s.text


def test_an_abbreviated_month_before_a_day_does_not_end_a_sentence_but_one_at_the_end_does():
    text = "They met at a Sept. 9 dinner in Lisbon. The talks were held in Jan. Both sides agreed."
    got = [s.text for s in split_sentences(text)]
    assert got == ["They met at a Sept. 9 dinner in Lisbon.", "The talks were held in Jan.", "Both sides agreed."]


def test_a_numbered_list_item_s_number_ends_no_sentence():
    got = [s.text for s in split_sentences("The documents were exchanged:\n1. Memorandum between A and B.\n"
                                           "2. Letter of Intent between C and D.")]
    assert got == ["The documents were exchanged:", "1. Memorandum between A and B.",
                   "2. Letter of Intent between C and D."]


def test_a_company_s_dotted_legal_form_ends_no_sentence():
    for form in ("Pvt. Ltd.", "Pte. Ltd.", "Sdn. Bhd."):
        text = f"Orvik Labs and Vexa Systems {form} entered into an MoU on Friday. It covers radars."
        assert len(split_sentences(text)) == 2, form
