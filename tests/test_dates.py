import datetime as dt

from tests.views import view
from transforms.dates import find_dates, stated_publication_year

PUB = dt.date(2025, 3, 26)  # a Wednesday


def one(sentence: str, pub: dt.date | None = PUB):
    found = find_dates(sentence, pub)
    assert found, sentence
    d = found[0]
    return d.start.isoformat(), d.end.isoformat(), d.precision


def test_weekday_resolves_to_the_latest_such_day_not_after_publication():
    assert one("The MoU was signed on Monday.") == ("2025-03-24", "2025-03-24", "day")
    assert one("The MoU was signed on Wednesday.") == ("2025-03-26", "2025-03-26", "day")


def test_day_month_with_and_without_year():
    assert one("It was inked on 21 March 2025 in Delhi.") == ("2025-03-21", "2025-03-21", "day")
    assert one("It was inked on 21st March in Delhi.") == ("2025-03-21", "2025-03-21", "day")


def test_ranges_give_start_and_end():
    assert one("held on March 24 and 25, 2025") == ("2025-03-24", "2025-03-25", "day")
    assert one("held on February 3-4") == ("2025-02-03", "2025-02-04", "day")
    assert one("held on 3 to 5 February") == ("2025-02-03", "2025-02-05", "day")


def test_date_later_in_the_year_than_publication_belongs_to_the_previous_year():
    assert one("signed on 12 December") == ("2024-12-12", "2024-12-12", "day")


def test_relative_words():
    assert one("signed today") == ("2025-03-26", "2025-03-26", "day")
    assert one("signed yesterday") == ("2025-03-25", "2025-03-25", "day")
    assert one("signed last month")[2] == "month"
    assert one("signed last month")[0] == "2025-02-01"


def test_month_and_year_precision():
    assert one("signed in March 2024") == ("2024-03-01", "2024-03-01", "month")
    assert one("signed in 2023") == ("2023-01-01", "2023-01-01", "year")


def test_relative_dates_need_a_publication_date():
    assert find_dates("signed on Monday", None) == []
    assert one("signed on 21 March 2025", None)[0] == "2025-03-21"


def test_the_modal_may_is_not_a_month():
    assert find_dates("The two sides may sign it soon.", PUB) == []


def test_bare_year_needs_no_publication_date():
    (d,) = find_dates("the pact signed in 2013 still holds", None)
    assert (d.start, d.precision) == (dt.date(2013, 1, 1), "year")


def test_day_and_month_without_publication_date_take_the_year_the_story_names():
    from transforms.dates import year_hint
    hint = year_hint(["At Defexpo 2022 the ministry said", "Defexpo 2022 opened on Tuesday", "Vision 2030"])
    assert hint == 2022
    (d,) = find_dates("held on October 19", None, hint)
    assert d.start == dt.date(2022, 10, 19)


def test_a_deadline_year_is_not_the_year_an_undated_story_is_about():
    from transforms.dates import year_hint

    assert year_hint(["It will build four vessels by 2029.", "Talks began in 2024."]) == 2024


def test_a_month_of_last_or_this_year_and_a_sentence_opening_in_a_year_or_month():
    assert one("In March last year, the ministry signed a contract.") == ("2024-03-01", "2024-03-01", "month")
    assert one("It was signed in January this year.") == ("2025-01-01", "2025-01-01", "month")
    assert one("In 2023 the ministry signed a letter of intent.") == ("2023-01-01", "2023-01-01", "year")
    assert one("In January the ministry signed it.") == ("2025-01-01", "2025-01-01", "month")
    assert find_dates("By March the ministry will sign it.", PUB) == []  # a deadline, not a date


def test_a_year_before_a_noun_dates_it_to_that_year():
    (d,) = find_dates("The ship was built under a 2019 contract signed with the ministry.", PUB)
    assert (d.start, d.precision) == (dt.date(2019, 1, 1), "year")
    assert find_dates("The firm delivered 2019 units to the Army.", PUB) == []


def test_last_weekday_in_a_story_of_that_weekday_is_the_week_before():
    thursday = dt.date(2026, 9, 24)
    assert [d.start for d in find_dates("It met in Oslo last Thursday.", thursday)] == [dt.date(2026, 9, 17)]
    assert [d.start for d in find_dates("It met in Oslo on Thursday.", thursday)] == [thursday]


def test_numeric_dates_are_read_day_first_unless_the_first_number_cannot_be_a_month():
    assert one("It was signed on 05.06.2024.") == ("2024-06-05", "2024-06-05", "day")
    assert one("It was signed on 12/25/2024.") == ("2024-12-25", "2024-12-25", "day")
    assert find_dates("Firmware 1.2.2025.3 was released.", PUB) == []


def test_days_ago_and_a_week_of_a_month():
    assert one("It was signed two days ago.") == ("2025-03-24", "2025-03-24", "day")
    assert one("It was signed in the first week of February.") == ("2025-02-01", "2025-02-01", "month")


def test_a_week_without_a_day_is_told_to_its_month():
    assert one("It was signed last week.") == ("2025-03-01", "2025-03-01", "month")
    assert one("The talks were held earlier this week.") == ("2025-03-01", "2025-03-01", "month")
    assert one("It was signed two weeks ago.") == ("2025-03-01", "2025-03-01", "month")


def test_months_in_capitals_are_months_but_the_modal_may_is_not():
    assert one("It was signed on 05 JUN 2024.") == ("2024-06-05", "2024-06-05", "day")
    assert find_dates("It may 5 times exceed the cost.", PUB) == []


def test_a_weekday_of_last_week_and_years_ago_resolve_before_publication():
    (d,) = find_dates("signed on Monday last week", PUB)
    assert (d.start, d.precision) == (dt.date(2025, 3, 17), "day")
    (d,) = find_dates("signed on Friday last week", PUB)
    assert d.start == dt.date(2025, 3, 21)
    (d,) = find_dates("signed two years ago", PUB)
    assert (d.start, d.precision) == (dt.date(2023, 1, 1), "year")


def test_a_month_alone_is_read_though_a_year_of_something_else_follows_later_in_the_sentence():
    got = find_dates("The order was signed in May and deliveries will take place during 2026-2028.",
                     dt.date(2025, 6, 12))
    assert got[0].start == dt.date(2025, 5, 1) and got[0].precision == "month"
    assert find_dates("It was signed in March 2024.", dt.date(2025, 6, 12))[0].start == dt.date(2024, 3, 1)


def test_at_the_end_or_beginning_of_a_month_is_that_month():
    for phrase, month in (("at the end of May", 5), ("at the beginning of June", 6)):
        (d,) = find_dates(f"signed {phrase}", PUB)
        assert (d.start, d.precision) == (dt.date(PUB.year if month <= PUB.month else PUB.year - 1, month, 1),
                                          "month"), phrase
    # positive control: a deadline "by the end of" a month dates nothing
    assert find_dates("to be delivered by the end of May", PUB) == []


def test_a_published_line_anywhere_gives_the_year_an_undated_story_s_days_are_read_in():
    text = "The two held their dialogue on 4 April, under a pact concluded in November 2024.\n\nPublished: June 2025"
    assert stated_publication_year(text) == 2025
    # positive control: a sentence that mentions publishing dates nothing
    assert stated_publication_year("The report was published in June 2025 by the ministry.") is None


def test_an_undated_story_reads_its_days_in_the_year_it_says_it_was_published():
    text = ("Norway and Chile held their dialogue on 4 April in Oslo, under a partnership concluded in November 2024 "
            "and widened in December 2024.\n\nPublished: June 2025")
    (mt,) = view(text, None)["meetings"]
    assert mt["start"] == "2025-04-04"


def test_a_name_beginning_like_a_month_abbreviation_is_no_month():
    for sentence in ("The MoU was signed by Maria Lund.", "It was signed in Marseille.", "signed by Janet Ode"):
        assert find_dates(sentence, PUB) == [], sentence
    assert one("It was signed by Mar. 2 last year.") and one("The deal was signed in Sept.")[2] == "month"


def test_the_first_day_of_a_span_ending_last_week_is_last_week_s_too():
    first, last = find_dates("held in Bergen between Monday and Thursday last week.", PUB)
    assert (first.start, last.start) == (dt.date(2025, 3, 17), dt.date(2025, 3, 20))
    (alone,) = find_dates("held in Bergen on Monday.", PUB)  # positive control: this week's Monday
    assert alone.start == dt.date(2025, 3, 24)
