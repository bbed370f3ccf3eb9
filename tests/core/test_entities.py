"""Entities: the real extractor on the seed pair, and on small texts written for one rule each."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.entities.language import language_hint
from tui.core.entities.linking import extract_entities, link_entities
from tui.core.model import ENTITY_TYPES, Entity
from tui.core.text.document import build_document, load_document

ROOT = Path(__file__).resolve().parents[2]
LEFT_SEED = ROOT / "seeds" / "rferl-kim-arrives-vladivostok.txt"
RIGHT_SEED = ROOT / "seeds" / "moscowtimes-kim-arrives-russia.txt"


def names(entity: Entity) -> set[str]:
    return {entity.label, *entity.aliases}


def find(entities: list[Entity], name: str) -> Entity:
    hits = [e for e in entities if name in names(e)]
    assert len(hits) == 1, f"{name!r}: {[(e.label, e.aliases) for e in hits]}"
    return hits[0]


def labels(entities: list[Entity], kind: str | None = None) -> set[str]:
    return {e.label for e in entities if kind is None or e.type == kind}


def assert_exact_mentions(entities: list[Entity], texts: dict[str, str]) -> None:
    """Every mention slices back to the entity's label or one of its aliases."""
    for e in entities:
        for side, spans in e.mentions.items():
            for span in spans:
                surface = " ".join(texts[side][span.start : span.end].split())
                assert surface in names(e), (e.label, surface)


@pytest.fixture(scope="module")
def docs():
    return load_document(str(LEFT_SEED)), load_document(str(RIGHT_SEED))


@pytest.fixture(scope="module")
def seed_entities(docs):
    return link_entities(*docs)


@pytest.mark.parametrize(
    ("name", "kind", "where"),
    [
        ("Vladimir Putin", "PERSON", "both"),
        ("Kim Jong Un", "PERSON", "both"),
        ("Kim Jong Il", "PERSON", "both"),
        ("Dmitry Medvedev", "PERSON", "both"),
        ("Yury Ushakov", "PERSON", "both"),
        ("Stephen Biegun", "PERSON", "both"),
        ("Mike Pompeo", "PERSON", "both"),
        ("Donald Trump", "PERSON", "both"),
        ("Sergei Lavrov", "PERSON", "left"),
        ("Kim Yong Chol", "PERSON", "right"),
        ("Kim Il Sung", "PERSON", "right"),
        ("Vladivostok", "PLACE", "both"),
        ("Moscow", "PLACE", "both"),
        ("Pyongyang", "PLACE", "both"),
        ("Russky Island", "PLACE", "left"),
        ("Khasan", "PLACE", "right"),
        # KCNA's left mention and every TASS are in credits; April 25's right one in a related
        # link: boilerplate mentions no longer count (issue 10).
        ("KCNA", "ORG", "right"),
        ("RIA Novosti", "ORG", "both"),
        ("Rossiya 24", "ORG", "both"),
        ("Far Eastern Federal University", "ORG", "both"),
        ("April 25", "DATE", "left"),
        ("2002", "DATE", "both"),
        ("700-kilometer", "NUMBER", "left"),
    ],
)
def test_seed_entity_with_type_and_sides(seed_entities, name, kind, where):
    entity = find(seed_entities, name)
    assert entity.type == kind
    assert entity.where == where


def test_seed_spelling_variants_are_one_entity(seed_entities):
    assert {"Dmitry Medvedev", "Dimitry Medvedev"} <= names(find(seed_entities, "Dmitry Medvedev"))
    assert {"Rossiya 24", "Rossiya-24"} <= names(find(seed_entities, "Rossiya 24"))
    university = find(seed_entities, "Far Eastern State University")
    assert "Far Eastern Federal University" in names(university)
    assert "RIA" in names(find(seed_entities, "RIA Novosti"))


def test_seed_short_forms_join_the_full_name(seed_entities, docs):
    putin = find(seed_entities, "Putin")
    assert putin.label == "Vladimir Putin"
    assert find(seed_entities, "Ushakov").label == "Yury Ushakov"
    kim = find(seed_entities, "Kim")
    assert kim.label == "Kim Jong Un"
    father = find(seed_entities, "Kim Jong Il")
    assert "Kim" not in father.aliases
    left, right = docs
    for side, doc in (("left", left), ("right", right)):
        assert {doc.text[s.start : s.end] for s in father.on(side)} == {"Kim Jong Il"}
    # "Kim’s father" and "Kim's commitment": the possessive is not part of the mention.
    for side, doc in (("left", left), ("right", right)):
        for span in kim.on(side):
            assert not doc.text[span.start : span.end].endswith(("'s", "’s"))
    assert {"Kim Yo Jong", "Kim Chang Son", "Kim Yong Chol"} <= labels(seed_entities, "PERSON")


def test_seed_no_junk_from_headlines_or_sentence_starts(seed_entities):
    every = set().union(*(names(e) for e in seed_entities))
    for junk in (
        "Arrives",
        "Arriving",
        "Conspicuously",
        "Related",
        "Embed",
        "Speaking",
        "Positive",
        "Accessibility",
        "Breaking News",
        "Updated",
        "XS",
        "LG",
        "Meet",
        "Summit",
        "First",
        "Hopeful",
        "Leader",
        "Far Eastern",
        "North Korean",
        "Russian",
        "President",
    ):
        assert junk not in every, junk
    assert not [n for n in every if "Arrives" in n or "Confirms" in n or " In " in n]


def test_seed_no_mention_inside_boilerplate(seed_entities, docs):
    for side, doc in zip(("left", "right"), docs):
        dimmed = [s for s in doc.sentences if s.boilerplate]
        for e in seed_entities:
            for span in e.on(side):
                assert not any(s.start <= span.start < s.end for s in dimmed), (e.label, side)
    assert "TASS" not in labels(seed_entities)
    assert "Reuters" not in names(find(seed_entities, "Reuters TV"))


def test_seed_one_entity_across_case_and_script(seed_entities):
    peninsula = find(seed_entities, "Korean Peninsula")
    assert peninsula.label == "Korean Peninsula" and peninsula.where == "both"
    assert "Ким Чен Ына" in find(seed_entities, "Kim Jong Un").aliases
    assert find(seed_entities, "Vladivostok").type == "PLACE"


def test_seed_mentions_slice_back_exactly(seed_entities, docs):
    left, right = docs
    assert_exact_mentions(seed_entities, {"left": left.text, "right": right.text})


def test_seed_order_is_type_then_mentions(seed_entities):
    order = [ENTITY_TYPES.index(e.type) for e in seed_entities]
    assert order == sorted(order)
    for kind in ENTITY_TYPES:
        counts = [sum(len(v) for v in e.mentions.values()) for e in seed_entities if e.type == kind]
        assert counts == sorted(counts, reverse=True)


def test_extract_one_seed_uses_left_key_only(docs):
    entities = extract_entities(docs[1])
    assert all(set(e.mentions) == {"left"} for e in entities)
    assert find(entities, "Khasan").type == "PLACE"
    assert "Russky Island" not in labels(entities)
    assert_exact_mentions(entities, {"left": docs[1].text})


# --- small texts, one rule each ---------------------------------------------------------------


def test_date_forms():
    text = (
        "The talks were held on April 25. A treaty was signed on 25 April 2019 and another one "
        "in June 2018. He first came in 2002 and left on Wednesday. In March, prices rose."
    )
    dates = labels(extract_entities(text), "DATE")
    assert {"April 25", "25 April 2019", "June 2018", "2002", "Wednesday", "March"} <= dates
    assert "June" not in dates


def test_may_the_verb_is_no_date():
    assert labels(
        extract_entities("They may meet soon. May I ask why? The vote came in May."), "DATE"
    ) == {"May"}


def test_number_forms_money_percent_quantity():
    text = (
        "The fund received $5 million, a rise of 12% over last year. The nearly 700-kilometer "
        "route opened. Its reports appear in 27 languages and cost 3.5 billion dollars."
    )
    entities = extract_entities(text)
    numbers = labels(entities, "NUMBER")
    assert {"$5 million", "12%", "700-kilometer", "27 languages", "3.5 billion dollars"} <= numbers
    assert not [n for n in numbers if "nearly" in n]
    assert_exact_mentions(entities, {"left": text})


def test_years_and_times_are_not_numbers():
    numbers = labels(
        extract_entities("In 1991 the clock showed 10:45 and 2000 soldiers left."), "NUMBER"
    )
    assert numbers == {"2000 soldiers"}


def test_acronym_is_an_organisation():
    entities = extract_entities("Officials of NATO met in Brussels. NATO said the talks went well.")
    assert find(entities, "NATO").type == "ORG"
    assert len(find(entities, "NATO").on("left")) == 2
    assert find(entities, "Brussels").type == "PLACE"


def test_person_after_title_and_role_words():
    text = (
        "Prime Minister Jane Holloway met Chancellor Olaf Brenner on Friday. "
        "Her spokesman Tom Reyes said the talks at the Ministry of Finance were useful."
    )
    entities = extract_entities(text)
    people = labels(entities, "PERSON")
    assert {"Jane Holloway", "Olaf Brenner", "Tom Reyes"} <= people
    assert not labels(entities) & {"Prime Minister", "Chancellor", "Prime Minister Jane Holloway"}
    assert find(entities, "Ministry of Finance").type == "ORG"


def test_surname_joins_full_name_and_possessive_is_stripped():
    text = "Maria Santos won the vote. Later, Santos thanked voters. Santos's rival conceded."
    entities = extract_entities(text)
    santos = find(entities, "Maria Santos")
    assert santos.aliases == ("Santos",)
    assert [text[s.start : s.end] for s in santos.on("left")] == [
        "Maria Santos",
        "Santos",
        "Santos",
    ]


def test_ambiguous_short_form_goes_to_the_main_namesake():
    text = (
        "Lee Jae Sung arrived in Busan. Lee Jae Sung spoke to workers. His uncle Lee Min Ho "
        "stayed home. Lee said he was pleased."
    )
    entities = extract_entities(text)
    assert find(entities, "Lee").label == "Lee Jae Sung"
    assert find(entities, "Lee Min Ho").aliases == ()


def test_headline_case_and_sentence_initial_words_are_not_names():
    text = (
        "Mayor Greene Opens New Bridge In Riverton\n\n"
        "Mayor Ann Greene opened the new bridge in Riverton. Conspicuously, few came. "
        "Arriving late, the band played."
    )
    entities = extract_entities(build_document(text))
    every = set().union(*(names(e) for e in entities))
    assert not every & {"Opens", "New Bridge", "Bridge", "Conspicuously", "Arriving", "In Riverton"}
    assert find(entities, "Ann Greene").type == "PERSON"
    assert find(entities, "Riverton").type == "PLACE"
    assert len(find(entities, "Riverton").on("left")) == 2


def test_cross_text_spelling_variants_link():
    left = build_document("Dimitry Medvedev spoke to Rossiya-24 on Monday.", "a")
    right = build_document("Dmitry Medvedev told Rossiya 24 television that he agreed.", "b")
    entities = link_entities(left, right)
    medvedev = find(entities, "Dmitry Medvedev")
    assert medvedev.where == "both" and "Dimitry Medvedev" in medvedev.aliases
    assert find(entities, "Rossiya 24").where == "both"
    assert_exact_mentions(entities, {"left": left.text, "right": right.text})


def test_cross_text_different_people_with_close_names_stay_apart():
    left = build_document("Kim Jong Un visited the plant. Kim Yo Jong came too.", "a")
    right = build_document("Kim Jong Il visited the plant. Kim Yong Chol came too.", "b")
    entities = link_entities(left, right)
    for name, where in (
        ("Kim Jong Un", "left"),
        ("Kim Jong Il", "right"),
        ("Kim Yo Jong", "left"),
        ("Kim Yong Chol", "right"),
    ):
        assert find(entities, name).where == where


def test_cross_text_surname_alone_joins_other_texts_full_name():
    left = build_document("Angela Ruiz won the race in Lyon.", "a")
    right = build_document("The winner, Ruiz, thanked the crowd in Lyon.", "b")
    ruiz = find(link_entities(left, right), "Ruiz")
    assert ruiz.label == "Angela Ruiz" and ruiz.where == "both"


def test_link_gives_both_sides_keys():
    entities = link_entities(
        build_document("Paris is big.", "a"), build_document("Rome is old.", "b")
    )
    assert all(set(e.mentions) == {"left", "right"} for e in entities)
    assert {e.where for e in entities} == {"left", "right"}


def test_business_story_datelines_titles_and_company_names():
    text = (
        "Apple Shares Slide After iPhone Sales Miss Forecasts\n\n"
        "CUPERTINO, California - Apple Inc. said on Thursday that iPhone revenue fell 8%. "
        "Chief Executive Tim Cook blamed rival Huawei Technologies. Cook said demand would recover. "
        "Shares of Apple fell in Cupertino."
    )
    entities = extract_entities(build_document(text))
    every = set().union(*(names(e) for e in entities))
    assert not every & {
        "Shares",
        "Slide",
        "Sales",
        "Forecasts",
        "Apple Shares Slide",
        "Executive Tim Cook",
    }
    assert find(entities, "Cook").label == "Tim Cook"
    assert find(entities, "Apple").label == "Apple Inc" and find(entities, "Apple").type == "ORG"
    assert find(entities, "Huawei Technologies").type == "ORG"
    assert (
        find(entities, "CUPERTINO").label == "Cupertino"
        and find(entities, "Cupertino").type == "PLACE"
    )


def test_dateline_source_in_parentheses_and_article_cue():
    entities = extract_entities("PARIS (Reuters) - Ministers met in the Bundestag and the Kremlin.")
    assert "Reuters" in labels(entities)
    assert find(entities, "Kremlin").type != "PERSON"
    assert find(entities, "Bundestag").type != "PERSON"


def test_cues_do_not_cross_sentences_but_abbreviated_titles_count():
    entities = extract_entities(
        "They met Huawei Technologies. Then Cook said no. Yesterday Mr. Brandt spoke to Dr. Okafor."
    )
    assert find(entities, "Cook").type == "PERSON"
    assert find(entities, "Brandt").type == "PERSON" and find(entities, "Okafor").type == "PERSON"


def test_one_word_spelling_variants_link_unless_one_text_has_both():
    left = build_document("Then Bartimaeus spoke to the crowd.", "a")
    right = build_document("Then Bartimeus spoke to them.", "b")
    assert find(link_entities(left, right), "Bartimeus").where == "both"
    both = build_document("Then Johnston met Johnson.", "c")
    entities = link_entities(both, build_document("Later Johnson left.", "d"))
    assert find(entities, "Johnston").where == "left"
    assert find(entities, "Johnson").where == "both"


def test_a_country_under_several_names_is_one_place():
    entities = extract_entities("U.S. envoys met. The United States said the US would stay.")
    usa = find(entities, "U.S.")
    assert usa.label == "United States" and len(usa.on("left")) == 3


def test_and_inside_an_organisation_name_but_not_between_two_names():
    entities = extract_entities(
        "Officials at the Food and Drug Administration met. Later Moscow and Pyongyang agreed."
    )
    assert find(entities, "Food and Drug Administration").type == "ORG"
    assert {"Moscow", "Pyongyang"} <= labels(entities, "PLACE")
    assert "Moscow and Pyongyang" not in labels(entities)


WORDS = st.sampled_from(
    [
        "Kim",
        "Jong",
        "Un",
        "Il",
        "said",
        "the",
        "of",
        "in",
        "Moscow",
        "U.S.",
        "President",
        "April",
        "25",
        "2002",
        "$5",
        "million",
        "12%",
        "Rossiya-24",
        "Kim's",
        "and",
        "RIA",
        "Novosti",
        "—",
        "\n\n",
        ".",
        ",",
        '"',
        "Arrives",
        "In",
        "İstanbul",
        "Ким",
        "x",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40), st.lists(WORDS, min_size=1, max_size=40))
def test_any_text_gives_exact_in_bounds_mentions(a, b):
    left, right = build_document(" ".join(a), "a"), build_document(" ".join(b), "b")
    entities = link_entities(left, right)
    assert_exact_mentions(entities, {"left": left.text, "right": right.text})
    for e in entities:
        assert e.type in ENTITY_TYPES and e.where in ("both", "left", "right")
    assert_exact_mentions(extract_entities(left), {"left": left.text})


def test_a_stray_place_cue_does_not_turn_a_much_named_person_into_a_place():
    text = " ".join(
        [
            "Then Barnabas answered them plainly.",
            "And Barnabas went up with the others.",
            "Barnabas took the letter.",
            "Everyone listened while Barnabas spoke.",
        ]
        * 3
        + [
            "The elders said to Barnabas that the road was long.",
            "They sent a letter from Barnabas.",
        ]
    )
    assert find(extract_entities(text), "Barnabas").type == "PERSON"


def test_a_name_the_text_keeps_placing_is_a_place():
    text = (
        "The caravan went to Tadmor. The road from Tadmor was dry. They rested near Tadmor. "
        "Merchants came into Tadmor at dawn."
    )
    assert find(extract_entities(text), "Tadmor").type == "PLACE"


# --- issue 10: one test per error class, on texts written for them -------------------------------


def test_an_uncued_single_word_is_not_guessed_a_person():
    entities = extract_entities("Investors bought Zorvex on Monday and sold Zorvex on Friday.")
    assert find(entities, "Zorvex").type == "OTHER"


def test_teams_on_results_lines_are_organisations_even_when_named_for_a_city():
    text = (
        "Results on Saturday:\nArsenal 2 Chelsea 1\nLeeds 0 Everton 3\n"
        "Liverpool 1 Manchester United 1\n\nFans of Liverpool travelled by train."
    )
    entities = extract_entities(build_document(text))
    assert {"Arsenal", "Chelsea", "Leeds", "Everton", "Manchester United"} <= labels(
        entities, "ORG"
    )
    assert "Manchester" not in labels(entities)


def test_multi_word_names_stay_whole_and_all_caps_lines_read_from_the_rest_of_the_text():
    text = "NEW YORK (AP) - Officials met on Monday.\n\nThe storm hit the coast near New York."
    entities = extract_entities(build_document(text))
    new_york = find(entities, "NEW YORK")
    assert new_york.label == "New York" and new_york.type == "PLACE"
    assert len(new_york.on("left")) == 2 and "YORK" not in labels(entities)
    hyphenated = extract_entities(
        "He lives in Saxony-Anhalt now. At the Putin-Kim talks, Putin met Kim."
    )
    assert find(hyphenated, "Saxony-Anhalt").type == "PLACE"
    assert "Putin-Kim" not in labels(hyphenated) and len(find(hyphenated, "Putin").on("left")) == 2
    headline = extract_entities(build_document("STORM HITS COAST AS THOUSANDS FLEE\n\nIt rained."))
    assert not labels(headline) & {"STORM", "HITS", "COAST", "THOUSANDS", "FLEE"}


def test_places_from_the_gazetteer_are_not_people():
    entities = extract_entities("Pennsylvania voted early. Officials in Würzburg waited.")
    assert find(entities, "Pennsylvania").type == "PLACE"
    assert find(entities, "Würzburg").type == "PLACE"


def test_a_realm_named_with_its_people_is_one_place():
    entities = extract_entities("Trade with the Ottoman Empire grew while the Kazan Khanate fell.")
    assert {"Ottoman Empire", "Kazan Khanate"} <= labels(entities, "PLACE")
    assert not labels(entities) & {"Empire", "Khanate"}


def test_given_names_and_person_cues_make_people():
    entities = extract_entities(
        "Jesse Auton flew the plane. Dewa Budjana (born 1963) is a guitarist; Budjana said he "
        "would tour."
    )
    assert find(entities, "Jesse Auton").type == "PERSON"
    described = extract_entities(
        "Manager Lou Piniella spoke. Foreign Minister Ri Yong Ho came. County Coroner William "
        "McLaughlin said so."
    )
    assert {"Lou Piniella", "Ri Yong Ho", "William McLaughlin"} <= labels(described, "PERSON")
    assert not labels(described) & {"Manager Lou Piniella", "Yong Ho", "County"}
    particles = extract_entities("Troops under Joaquin de la Pazuela met Ursula von der Leyen.")
    assert {"Joaquin de la Pazuela", "Ursula von der Leyen"} <= labels(particles, "PERSON")
    assert find(entities, "Budjana").label == "Dewa Budjana"
    assert find(entities, "Dewa Budjana").type == "PERSON"
    # A given name that a town also bears (David in Panama, Gary in Indiana) still opens a name.
    towns = extract_entities("They admired David Irving and Gary Tolland.")
    assert {"David Irving", "Gary Tolland"} <= labels(towns, "PERSON")
    # A given name a country bears opens a person's full name too ("Chad Edward Gaudin").
    country = extract_entities("He said Chad Edward Tolland (born 1983) pitched.")
    assert "Chad Edward Tolland" in labels(country, "PERSON")


def test_a_middle_initial_that_is_also_a_word_keeps_the_name_whole():
    entities = extract_entities(
        "Yesterday Martha A. Okafor said the vote would wait. Her deputy, Peter O. Lindqvist, "
        "agreed. Nobody liked Plan A. Then the board met."
    )
    assert {"Martha A. Okafor", "Peter O. Lindqvist"} <= labels(entities, "PERSON")
    assert not labels(entities) & {"Martha", "Okafor", "Plan A.", "Plan A"}


def test_events_works_and_nationalities_are_other_never_a_wrong_type():
    entities = extract_entities(
        "Veterans of World War II met the band Korn. Their album Blue Horizon sold well in "
        "Japan. Japanese fans came to the Stanley Cup."
    )
    assert find(entities, "World War II").type == "OTHER"
    assert find(entities, "Blue Horizon").type == "OTHER"
    assert find(entities, "Stanley Cup").type == "OTHER"
    assert find(entities, "Korn").type == "ORG"
    assert "Japanese" not in labels(entities)


def test_boilerplate_mentions_make_no_entity_and_count_nowhere():
    left = build_document(
        "Officials from Reuters met Anna Lind in Oslo.\n\nWith reporting by TASS and AFP", "a"
    )
    right = build_document("Anna Lind spoke in Oslo on Monday.\n\nPhoto: TASS / AFP", "b")
    entities = link_entities(left, right)
    assert not labels(entities) & {"TASS", "AFP"}
    assert find(entities, "Anna Lind").where == "both"


def test_a_longer_name_absorbs_a_shorter_only_when_the_text_uses_it_as_a_short_form():
    text = (
        "By Reuters\n\nA Reuters TV crew filmed the site. Apple Inc. said sales rose; Apple gained."
    )
    entities = extract_entities(build_document(text))
    assert "Reuters" not in names(find(entities, "Reuters TV"))
    assert find(entities, "Apple").label == "Apple Inc"


def test_one_entity_across_case_and_script():
    left = build_document(
        "Leaders discussed security on the Korean Peninsula. Kim Jong Un arrived in Vladivostok.",
        "a",
    )
    right = build_document(
        "Tension on the Korean peninsula eased. Ким Чен Ын прибыл во Владивосток. "
        "Охрана Ким Чен Ына ждала.",
        "b",
    )
    entities = link_entities(left, right)
    peninsula = find(entities, "Korean Peninsula")
    assert peninsula.where == "both" and peninsula.label == "Korean Peninsula"
    kim = find(entities, "Kim Jong Un")
    assert {"Ким Чен Ын", "Ким Чен Ына"} <= names(kim) and kim.where == "both"
    assert find(entities, "Vladivostok").where == "both"
    assert_exact_mentions(entities, {"left": left.text, "right": right.text})


def test_different_people_in_cyrillic_stay_apart():
    left = build_document("Kim Jong Un arrived.", "a")
    right = build_document("Юрий Ушаков сказал, что Ким Чен Ын прибыл.", "b")
    kim = find(link_entities(left, right), "Kim Jong Un")
    assert kim.where == "both" and not any("Ушаков" in name for name in names(kim))


def test_text_in_another_language_gives_names_only_on_strong_evidence():
    text = (
        "Bundeskanzler Olaf Scholz ist am Dienstag zu einer Reise nach China aufgebrochen. "
        "Im Mittelpunkt der Gespräche steht der Handel. Der Besuch endet am Freitag."
    )
    entities = extract_entities(text)
    every = set().union(*(names(e) for e in entities))
    assert not every & {"Reise", "Dienstag", "Handel", "Mittelpunkt", "Gespräche", "Besuch"}
    assert find(entities, "China").type == "PLACE"
    assert language_hint(text) == "other"
    assert language_hint("Maria Santos won the vote in Lyon. Later, Santos thanked voters.") == "en"
    assert language_hint("Ким Чен Ын прибыл во Владивосток.") == "other"


def test_a_capitalised_the_inside_a_sentence_belongs_to_the_name():
    entities = extract_entities(
        "He toured with The Quillmakers in May. The Quillmakers split later. He read the "
        "Varnholt Gazette."
    )
    quill = find(entities, "The Quillmakers")
    assert quill.label == "The Quillmakers" and quill.type == "ORG"
    assert len(quill.on("left")) == 2  # the sentence-opening "The" stays outside the name
    assert "the Varnholt Gazette" not in names(find(entities, "Varnholt Gazette"))


def test_a_capital_the_opening_reported_speech_stays_outside_the_name():
    text = (
        "And he said unto them, The Son of man must suffer. Then Jesus said, The Son of man "
        "is come. And Peter answered, The Master is here. The Master spoke, and Peter wept."
    )
    entities = extract_entities(text)
    assert find(entities, "Son").label == "Son"
    assert "The Master" not in names(find(entities, "Master"))


def test_a_capital_after_a_verb_of_saying_and_a_comma_opens_speech_not_a_name():
    text = (
        "And he said to them, Truly I say to you, the hour is near. Then Jesus answered, Truly the "
        "bread is broken. Then Peter said, Verily it is so."
    )
    every = set().union(*(names(e) for e in extract_entities(text)))
    assert not every & {"Truly", "Verily"}
    assert "Jesus" in every and "Peter" in every


def test_a_name_after_son_of_or_widow_of_is_a_person():
    entities = extract_entities(
        "The elders met Berosh, the son of Tamun, at the gate. Later the widow of Halvar came "
        "with the brother of Tamun, and Berosh spoke for Halvar."
    )
    assert find(entities, "Tamun").type == "PERSON"
    assert find(entities, "Halvar").type == "PERSON"


def test_a_capitalised_head_ending_the_name_before_is_no_cue_for_the_next():
    entities = extract_entities(
        "Joe Tavoner pitched well. Called up from the Brindle League, Tavoner took the mound. "
        "Later Tavoner won. He then signed with the record label, Quorvane Sounds."
    )
    assert "Tavoner" in names(find(entities, "Joe Tavoner"))
    assert find(entities, "Joe Tavoner").type == "PERSON"
    assert find(entities, "Quorvane Sounds").type == "ORG"


def test_a_name_followed_by_its_country_or_state_is_a_place():
    entities = extract_entities("Workers at the Fennick Hollow, Ohio, plant struck.")
    assert find(entities, "Fennick Hollow").type == "PLACE"


def test_a_common_word_opening_a_sentence_belongs_to_the_headed_name_it_runs_into():
    entities = extract_entities(
        "Amateur Curling Union of Wessex was formed in 1887. It ran amateur curling for years. "
        "Fourth Air Fleet, 27 March 1943; Ninth Air Fleet, 2 June 1943. The fourth year was quiet."
    )
    assert {"Amateur Curling Union of Wessex", "Fourth Air Fleet"} <= labels(entities, "ORG")
    assert not labels(entities) & {"Curling Union of Wessex", "Air Fleet"}


def test_a_surname_that_a_town_bears_is_the_person_the_text_named_in_full():
    entities = extract_entities(
        "Ken Norton fought Bobick in 1977. Norton connected first. Bobick fell and Norton won."
    )
    norton = find(entities, "Ken Norton")
    assert norton.type == "PERSON" and "Norton" in names(norton)
    assert find(extract_entities("Fans flew to Norton in May."), "Norton").type == "PLACE"


def test_a_name_before_a_bracket_is_no_headline():
    entities = extract_entities(
        "The Amateur Rowing Association of Wessex (ARAW) was an amateur rowing league founded in "
        "1886. Its rowing was good."
    )
    assert "Amateur Rowing Association of Wessex" in labels(entities, "ORG")


def test_a_name_filling_quotes_is_a_title_and_jr_keeps_its_full_stop():
    text = 'The band played " Jenny Tallis " in May. Colonel Andrew J. Tasker Jr. , 1 July 1960.'
    entities = extract_entities(text)
    assert find(entities, "Jenny Tallis").type == "OTHER"  # a song, though named for someone
    tasker = find(entities, "Andrew J. Tasker Jr.")
    assert tasker.type == "PERSON"
    assert [text[s.start : s.end] for s in tasker.on("left")] == ["Andrew J. Tasker Jr."]


def test_an_acronym_in_brackets_makes_the_words_it_spells_one_organisation():
    entities = extract_entities(
        "He made two World Series of Trebuchet (WSOT) final tables. The Co-founder of Farmers "
        "Against Further Drainage (FAFD) spoke. Opened by the Luton and South Wessex Railway "
        "(LSWR), it grew."
    )
    whole = {
        "World Series of Trebuchet",
        "Farmers Against Further Drainage",
        "Luton and South Wessex Railway",
    }
    assert whole <= labels(entities, "ORG")
    assert not labels(entities) & {"World Series", "Trebuchet", "Luton", "Further Drainage"}


def test_organisation_words_inside_a_name_and_teams_named_for_places():
    entities = extract_entities(
        "He pitched in Major League Cricket for years. He was traded to the Toronto Red Owls, "
        "then to the Montreal HC and the New York Lanterns."
    )
    teams = {"Major League Cricket", "Toronto Red Owls", "Montreal HC", "New York Lanterns"}
    assert teams <= labels(entities, "ORG")
    assert not labels(entities) & {"Toronto", "New York", "Red Owls", "Lanterns"}
    dotted = extract_entities("He met Brindley A.F.C. footballer Dave Buchanan.")
    assert "Brindley A.F.C." in labels(dotted, "ORG")  # the head read without its dots


def test_compass_words_and_upon_stay_inside_place_names():
    entities = extract_entities(
        "The line ran east. At the corner of East Denny Way stood a mill. He was based in "
        "Newcastle upon Tyne. Milepost 12 : South Bridgton - a flag stop in the south."
    )
    assert {"East Denny Way", "Newcastle upon Tyne", "South Bridgton"} <= labels(entities)
    assert not labels(entities) & {"Denny Way", "Newcastle", "Tyne", "Bridgton"}


def test_kinds_named_before_examples_and_after_an_opening_name_type_them():
    entities = extract_entities(
        "He toured with guitarists such as Tohpati, Ridho and the Kelwin. Bands including Vorn "
        "and Skellig played too.\nQuimbrel is a commune in the Ain department.\nInexplicably, "
        "the hockey club folded."
    )
    assert {"Tohpati", "Ridho", "Kelwin"} <= labels(entities, "PERSON")
    assert {"Vorn", "Skellig"} <= labels(entities, "ORG")
    assert find(entities, "Quimbrel").type == "PLACE"
    assert "Inexplicably" not in labels(entities)  # ", the club" after an opener is no "is a"


def test_for_and_of_the_stay_inside_an_organisation_s_name():
    entities = extract_entities(
        "The Varga Institute for Coastal Studies opened in May. It advised the Army of the "
        "North. Tom Hale & Ann Roe hosted the show. He played in the Brindle League for Arden."
    )
    orgs = labels(entities, "ORG")
    assert {"Varga Institute for Coastal Studies", "Army of the North"} <= orgs
    assert {"Tom Hale", "Ann Roe"} <= labels(entities, "PERSON")
    assert "Brindle League for Arden" not in labels(entities)


def test_what_is_done_to_a_name_and_its_number_tell_an_organisation():
    entities = extract_entities(
        "In 1994 she joined Quorvane and later signed with Tellbright. In 1980 Budjana started "
        "Squirrel, his first jazz band. The 65th Air Division moved. He saw 2 Air Canada jets."
    )
    assert {"Quorvane", "Tellbright", "Squirrel", "65th Air Division"} <= labels(entities, "ORG")
    assert "2 Air Canada" not in labels(entities)


def test_doctrines_numbered_bodies_and_names_inside_quoted_titles():
    entities = extract_entities(
        "She converted to Catholicism in 1808. The Falcons compete in Varna Division II. The band "
        'played " Anarchy in Velmora " live.'
    )
    assert find(entities, "Catholicism").type == "OTHER"
    assert find(entities, "Varna Division II").type == "ORG"
    assert find(entities, "Velmora").type == "OTHER"  # a word of a song's title, not a town


def test_a_year_in_brackets_dates_a_work_and_a_figure_s_unit_is_no_organisation():
    entities = extract_entities(
        "He played himself in Harbour Lights (1944). He posted a 2.26 ERA in 2002 and his ERA "
        "fell. He scored 20 NHL goals. The poet Hitzig (1839-1907) wrote."
    )
    assert find(entities, "Harbour Lights").type == "OTHER"
    assert find(entities, "ERA").type == "OTHER"
    assert find(entities, "NHL").type == "ORG"
    assert find(entities, "Hitzig").type == "PERSON"


def test_a_name_opening_an_organisation_s_longer_name_is_that_organisation():
    entities = extract_entities(
        "Varnell State University was founded in 1865. Varnell State's teams are strong. "
        "Ann Colby runs the Ann Colby Foundation."
    )
    university = find(entities, "Varnell State University")
    assert university.type == "ORG" and "Varnell State" in names(university)
    assert find(entities, "Ann Colby").type == "PERSON"


def test_compass_names_places_between_and_of_after_place_words_make_places():
    entities = extract_entities(
        "The halt lies between Quorran and Dinel. He was the Mayor of Tavlasa. They reached "
        "North Brennick at dawn."
    )
    assert {"Quorran", "Dinel", "Tavlasa", "North Brennick"} <= labels(entities, "PLACE")


def test_bodies_that_own_sponsor_or_stand_before_a_plural_kind_are_organisations():
    entities = extract_entities(
        "The tour was sponsored by Quellnet. The label is owned by Varrow. It won more votes than "
        "the Verdant or Tollan parties."
    )
    assert {"Quellnet", "Varrow", "Verdant", "Tollan"} <= labels(entities, "ORG")


def test_kin_and_a_death_belong_to_a_person():
    entities = extract_entities(
        "After Zorvan's death the band split. They said Quillan 's widow spoke."
    )
    assert {"Zorvan", "Quillan"} <= labels(entities, "PERSON")


def test_a_team_is_named_with_its_score():
    entities = extract_entities(
        "In the last game the Crystals won 3-2. The Varlow Rovers lost 1-4 at home. Tilda Marlow "
        "won 6-4 in the final."
    )
    assert {"Crystals", "Varlow Rovers"} <= labels(entities, "ORG")
    assert find(entities, "Tilda Marlow").type == "PERSON"  # a player's score, no team


def test_a_nationality_word_stays_in_a_place_s_name_and_not_before_a_person():
    entities = extract_entities(
        "The family moved from Western Australia to British Columbia. There the "
        "Russian Igor Valenko said they had come far."
    )
    assert {"Western Australia", "British Columbia"} <= labels(entities, "PLACE")
    assert "Igor Valenko" in labels(entities, "PERSON")
    assert not {"Australia", "Columbia", "Russian Igor Valenko"} & labels(entities)


def test_peoples_and_faiths_are_no_names_even_when_made_from_a_place():
    entities = extract_entities(
        "The village of Tarrow Hill welcomed Jews, Catholics and Sunnis alike. A Minnesotan "
        "farmer and two Kenyans said the Jewish quarter was the oldest part."
    )
    found = labels(entities)
    assert not {"Jews", "Catholics", "Sunnis", "Minnesotan", "Kenyans", "Jewish"} & found
    assert "Tarrow Hill" in found
    # a given name that is also a faith's word still opens a person's name
    assert "Christian Marlow" in labels(extract_entities("Christian Marlow said so."), "PERSON")


def test_a_club_word_opening_a_name_and_associates_or_library_ending_one_make_organisations():
    entities = extract_entities(
        "Marek Dolan left FC Varnow for AC Telvia in May. The plans were drawn by Brennick "
        "Design Associates and shown at the Tarrow Public Library."
    )
    found = labels(entities, "ORG")
    assert {
        "FC Varnow",
        "AC Telvia",
        "Brennick Design Associates",
        "Tarrow Public Library",
    } <= found


def test_an_all_honour_is_no_organisation_or_person():
    entities = extract_entities(
        "Dorran Pike was named All-American twice and All-State once at Tarrow High School."
    )
    assert not {"All-American", "All-State"} & (
        labels(entities, "ORG") | labels(entities, "PERSON")
    )
    assert "Dorran Pike" in labels(entities, "PERSON")


def test_a_country_whose_name_holds_and_is_one_place():
    entities = extract_entities(
        "The team flew from Trinidad and Tobago to Bosnia and Herzegovina for the match."
    )
    assert {"Trinidad and Tobago", "Bosnia and Herzegovina"} <= labels(entities, "PLACE")
    assert not {"Trinidad", "Tobago", "Bosnia", "Herzegovina"} & labels(entities)


def test_a_name_of_words_english_does_not_use_is_a_person():
    entities = extract_entities(
        "The record was made with Tavek Orlund and Brisa Kettelmo in 1990, and Orlund "
        "toured with Quiet Lantern later."
    )
    people = labels(entities, "PERSON")
    assert {"Tavek Orlund", "Brisa Kettelmo"} <= people
    assert not any(e.label == "Orlund" for e in entities)  # the surname joins the full name
    assert "Quiet Lantern" not in people  # English words, no cue: no person


def test_a_radio_call_sign_is_a_station():
    entities = extract_entities(
        "4KZ, known as 1020 4KZ, began broadcasting in 1939. Listeners in Tarrow still tune "
        "to 4KZ for the news, and the station competes with 7HO."
    )
    station = find(entities, "4KZ")
    assert station.type == "ORG" and station.label == "1020 4KZ"
    assert len(station.on("left")) == 3
    assert "7HO" in labels(entities, "ORG")
    # without radio in the text, a figure and capitals are no station
    assert not labels(extract_entities("He bought a 4WD and a 3DS in 2010."), "ORG")


def test_an_ordinal_before_a_state_s_letters_is_one_numbered_regiment():
    text = "The brigade held the 61st PVI, the 93d PVI and the 62d NY at Tarrow, in the 20th NBA season."
    entities = extract_entities(text)
    found = labels(entities, "ORG")
    assert {"61st PVI", "93d PVI", "62d NY"} <= found
    assert "NBA" in found and "20th NBA" not in found


def test_english_words_before_a_name_english_does_not_use_describe_the_person():
    entities = extract_entities(
        "The award went to Juniors Tavek Orlund and Brisa Kettelmo, and Senior Dorvin Kalsett."
    )
    people = labels(entities, "PERSON")
    assert {"Tavek Orlund", "Brisa Kettelmo", "Dorvin Kalsett"} <= people
    assert not any(label.startswith(("Juniors", "Senior")) for label in labels(entities))


def test_a_possessive_standing_alone_or_before_a_place_word_is_the_whole_name():
    text = (
        "The band played at Dorvel's, then at Kettner's and Brisa's. They lived on Orlund's Road."
    )
    entities = extract_entities(text)
    assert {"Dorvel's", "Kettner's", "Brisa's"} <= labels(entities, "ORG")
    assert "Orlund's Road" in labels(entities, "PLACE")
    # before a word it cannot own, and for a one-word name only: "became Vandry's in 2006"
    entities = extract_entities("The store became Vandry's in 2006, with Tavek Orlund's, later.")
    assert "Vandry's" in labels(entities, "ORG") and "Tavek Orlund's" not in labels(entities)
    # a possessive before what the name owns stays outside it
    assert "Kettelmo" in labels(extract_entities("In May, Kettelmo's band played."))
    # a name the text also writes without the 's: the possessive is only a possessive
    entities = extract_entities("Give to Dorvel what is Dorvel's, said Kettelmo.")
    assert "Dorvel's" not in labels(entities) and len(find(entities, "Dorvel").on("left")) == 2


def test_a_name_english_does_not_use_is_a_person_even_when_a_town_bears_its_last_word():
    entities = extract_entities("The album features Abdee Negara on bass.")
    assert "Abdee Negara" in labels(entities, "PERSON")


def test_a_nickname_in_quotes_stays_inside_the_person_s_name():
    text = 'The club signed Dorvin "Buckshot" Kalsett in May, and Kalsett scored twice.'
    entities = extract_entities(text)
    person = find(entities, 'Dorvin "Buckshot" Kalsett')
    assert person.type == "PERSON" and "Kalsett" in person.aliases
    assert "Buckshot" not in labels(entities)


def test_an_abbreviation_the_text_pluralises_is_a_kind_of_thing_not_a_body():
    text = (
        "Dorvin Kalsett won his first fight by KO in 1970. He had 23 KOs by 1975, "
        "and the WBC ranked him third."
    )
    entities = extract_entities(text)
    assert "KO" not in labels(entities, "ORG")
    assert "WBC" in labels(entities, "ORG")


def test_a_common_word_before_a_pronoun_is_no_person_a_rare_name_is():
    entities = extract_entities(
        "In 2001 Dorvin Kalsett was elected a Fellow of Tarrow College, where he teaches. "
        "Later Kettelmo released his first album."
    )
    people = labels(entities, "PERSON")
    assert "Fellow" not in people
    assert {"Dorvin Kalsett", "Kettelmo"} <= people


def test_a_word_opening_a_sentence_before_says_is_a_name():
    entities = extract_entities("Kettelmo says the talks will resume in May.")
    assert "Kettelmo" in labels(entities, "PERSON")
    assert "Officials" not in labels(extract_entities("Officials said the talks failed."))


def test_a_hashtag_mention_keeps_its_mark_and_joins_the_name():
    text = "Rockets hit #Tarrow overnight, and officials in Tarrow counted the damage."
    entities = extract_entities(text)
    place = find(entities, "Tarrow")
    assert place.label == "Tarrow" and "#Tarrow" in place.aliases
    assert [text[s.start : s.end] for s in place.on("left")] == ["#Tarrow", "Tarrow"]


def test_a_place_opening_a_name_headed_by_a_place_word_stays_inside_it():
    entities = extract_entities(
        "Flights leave from Washington Dulles International Airport for the San Francisco Bay Area."
    )
    assert {"Washington Dulles International Airport", "San Francisco Bay Area"} <= labels(
        entities, "PLACE"
    )
    assert not {"Washington", "San Francisco", "Bay Area"} & labels(entities)


def test_a_given_name_english_does_not_use_opens_the_name_before_a_known_given_name():
    entities = extract_entities("Their daughter, Nadvia Angelique Kettelmo, was born in 1990.")
    assert "Nadvia Angelique Kettelmo" in labels(entities, "PERSON")
    assert "Nadvia" not in labels(entities)


def test_a_capitalised_particle_opening_a_name_belongs_to_it():
    entities = extract_entities(
        "The essay by De Varnel was read in Den Tarrow, and Al Kettelmo reviewed it."
    )
    found = labels(entities)
    assert {"De Varnel", "Den Tarrow", "Al Kettelmo"} <= found
    assert not {"Varnel", "Tarrow", "Kettelmo"} & found


def test_two_whole_headed_names_joined_by_and_are_two_and_a_headed_one_stays_one():
    entities = extract_entities(
        "The Tarrow Morning News and Kettel Post praised the Food and Drug Administration."
    )
    found = labels(entities, "ORG")
    assert {"Tarrow Morning News", "Kettel Post", "Food and Drug Administration"} <= found


def test_a_lone_given_name_is_a_person_unless_the_text_places_it():
    entities = extract_entities(
        "The first line-up had Armand on vocals and Ronald on drums. They toured to Carmel, "
        "played in Carmel twice and left Carmel in May."
    )
    people = labels(entities, "PERSON")
    assert {"Armand", "Ronald"} <= people
    assert "Carmel" in labels(entities, "PLACE")


def test_an_abbreviation_heading_an_indefinite_phrase_is_a_thing_not_a_body():
    entities = extract_entities(
        "In 1990 the band released an EP of new songs, and a BBC reporter reviewed it."
    )
    assert "EP" not in labels(entities, "ORG")
    assert "BBC" in labels(entities, "ORG")


def test_a_capital_joined_to_its_river_stays_one_place():
    entities = extract_entities("He studied in Frankfurt am Main before moving to Bonn.")
    assert "Frankfurt am Main" in labels(entities, "PLACE")
    assert not {"Frankfurt", "Main"} & labels(entities)


def test_a_station_s_number_after_its_head_word_is_part_of_its_name():
    entities = extract_entities(
        "The single was played on Tarrow Radio 1, and the Senate 2 - 1 vote passed."
    )
    assert "Tarrow Radio 1" in labels(entities, "ORG")
    assert "Senate 2" not in labels(entities)


def test_a_name_whose_evidence_for_a_work_or_event_ties_with_a_type_stays_other():
    entities = extract_entities(
        "Dorvacon is the Tarrow Bay Area's main fair for writers. "
        "Dorvacon is a large convention with two thousand guests."
    )
    assert find(entities, "Dorvacon").type == "OTHER"


def test_at_before_a_name_places_it():
    entities = extract_entities(
        "The armies met at Varnemoor in 1864 and fought again at Varnemoor."
    )
    assert "Varnemoor" in labels(entities, "PLACE")


def test_a_sovereign_s_title_is_borne_inside_the_name_and_the_bare_name_joins_it():
    entities = extract_entities(
        "Prince Dorvan visited Tarrow in May. Later Dorvan spoke to Kettelmo."
    )
    prince = find(entities, "Prince Dorvan")
    assert prince.type == "PERSON" and names(prince) == {"Prince Dorvan", "Dorvan"}
    assert len(prince.on("left")) == 2
    # the bare name a text mostly uses stays the label
    entities = extract_entities(
        "Dorvan sang. Then Dorvan wrote. Dorvan left, and King Dorvan died."
    )
    assert find(entities, "King Dorvan").label == "Dorvan"


def test_a_people_or_a_language_named_by_its_kind_is_no_body_or_place():
    entities = extract_entities(
        "The queen ruled the Varnu, a pagan people of the plain. The Varnu fled, "
        "and the Varnu returned in May."
    )
    assert find(entities, "Varnu").type == "OTHER"
