"""Event types are specifications: a new type is a spec file and its table declarations, no new Python.

The exercise spec below is written here (it is not a product table yet): joint military exercises
with their participating forces, dates and place. Everything it needs is data.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from schemas import BY_NAME, Column, Table
from transforms.knowledge import DEFAULT_DIR, load_knowledge
from transforms.model import ArticleMeta, StarBuilder
from transforms.pipeline import extract
from transforms.reading import content_hash
from transforms.specs import SpecError

EXERCISE_SPEC = """
name = "exercise"
doc = "Joint military exercises reported as held."
reader = "gathering"
resolution = "gathering"
dates = "span"

[triggers]
types = "exercise_types.tsv"
negations = "event_negations.txt"

[triggers.verbs]
conduct = "past"
hold = "past"
conclude = "past"
begin = "s"

[fact]
table = "fact_exercises"
articles = "bridge_exercise_articles"

[fact.columns]
id = "exercise_id"
type = "exercise_type"
name = "name"
start = "start_date"
end = "end_date"
precision = "date_precision"
location = "location"
summary = "summary"

[summary]
head = "name_or_type"
parties = "list"
date = "on"

[[roles]]
role = "participant"
entity = "organisation"
table = "bridge_exercise_participants"
"""

EXERCISE_TYPES = "phrase\texercise_type\njoint exercise\tjoint exercise\nexercise\tjoint exercise\ndrill\tdrill\n"

FACT_EXERCISES = Table(
    "fact_exercises", "Joint exercises reported as held.",
    (Column("exercise_id", "VARCHAR", "Stable id."),
     Column("exercise_type", "VARCHAR", "Kind.", nullable=False, allowed=("joint exercise", "drill")),
     Column("name", "VARCHAR", "Own name."), Column("start_date", "DATE", "First day."),
     Column("end_date", "DATE", "Last day."), Column("date_precision", "VARCHAR", "Precision."),
     Column("location", "VARCHAR", "Where."), Column("summary", "VARCHAR", "One line.")),
    key=("exercise_id",))
BRIDGE_PARTICIPANTS = Table(
    "bridge_exercise_participants", "Forces taking part.",
    (Column("exercise_id", "VARCHAR", "Exercise."), Column("organisation_id", "VARCHAR", "Force."),
     Column("role", "VARCHAR", "Role.", allowed=("participant",))),
    key=("exercise_id", "organisation_id"))
BRIDGE_ARTICLES = Table(
    "bridge_exercise_articles", "Reporting articles.",
    (Column("exercise_id", "VARCHAR", "Exercise."), Column("article_id", "VARCHAR", "Article."),
     Column("evidence", "VARCHAR", "Sentences.")),
    key=("exercise_id", "article_id"))
TABLES = {**BY_NAME, **{t.name: t for t in (FACT_EXERCISES, BRIDGE_PARTICIPANTS, BRIDGE_ARTICLES)}}

TEXT = ("The Ruritanian Army and the Freedonian Army conducted the joint exercise Iron Lynx in Jodhpur "
        "from March 3 to 14. The two armies also signed a memorandum of understanding on training.")
PUB = dt.date(2025, 3, 20)


@pytest.fixture
def knowledge_with_exercise(tmp_path: Path):
    folder = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIR, folder)
    (folder / "events" / "exercise.toml").write_text(EXERCISE_SPEC, encoding="utf-8")
    (folder / "exercise_types.tsv").write_text(EXERCISE_TYPES, encoding="utf-8")
    return load_knowledge(folder, TABLES)


def test_a_new_spec_reads_its_events_with_no_new_python(knowledge_with_exercise):
    rec = extract(TEXT, PUB, knowledge_with_exercise)
    (exercise,) = rec.events["exercise"]
    assert exercise.type == "joint exercise"
    assert (exercise.start, exercise.end, exercise.location) == ("2025-03-03", "2025-03-14", "Jodhpur")
    assert set(exercise.filled("participant")) == {"Ruritanian Army", "Freedonian Army"}
    assert len(rec.events["agreement"]) == 1  # the shipped specs still run beside it


def test_a_new_spec_fills_its_fact_and_bridge_tables(knowledge_with_exercise):
    k = knowledge_with_exercise
    builder = StarBuilder(k)
    h = content_hash(TEXT)
    builder.add(ArticleMeta(h[:16], h, "a.txt", None, None, PUB, len(TEXT.split()), dt.datetime(2025, 3, 20,
                                                                                                 tzinfo=dt.UTC)),
                extract(TEXT, PUB, k))
    tables = builder.tables()
    (row,) = tables["fact_exercises"]
    assert (row["exercise_type"], row["start_date"], row["end_date"]) == ("joint exercise", dt.date(2025, 3, 3),
                                                                         dt.date(2025, 3, 14))
    orgs = {o["organisation_id"]: o["name"] for o in tables["dim_organisations"]}
    parts = {orgs[b["organisation_id"]] for b in tables["bridge_exercise_participants"]}
    assert parts == {"Ruritanian Army", "Freedonian Army"}
    assert [b["article_id"] for b in tables["bridge_exercise_articles"]] == [h[:16]]
    assert set(row) == set(FACT_EXERCISES.column_names)


def test_without_the_spec_no_exercise_is_read():
    rec = extract(TEXT, PUB)
    assert "exercise" not in rec.events and rec.events["agreement"]  # positive control beside the absence


def test_a_spec_type_outside_the_declared_set_is_refused_with_the_file_named(tmp_path: Path):
    folder = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIR, folder)
    (folder / "events" / "exercise.toml").write_text(EXERCISE_SPEC, encoding="utf-8")
    (folder / "exercise_types.tsv").write_text(EXERCISE_TYPES + "manoeuvre\tparade\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"exercise\.toml.*'parade'.*joint exercise, drill"):
        load_knowledge(folder, TABLES)


def test_a_spec_naming_an_undeclared_table_is_refused(tmp_path: Path):
    folder = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIR, folder)
    (folder / "events" / "exercise.toml").write_text(EXERCISE_SPEC, encoding="utf-8")
    (folder / "exercise_types.tsv").write_text(EXERCISE_TYPES, encoding="utf-8")
    with pytest.raises(SpecError, match="fact_exercises.*not declared"):
        load_knowledge(folder)  # the published tables only
