"""lexicon: the one reader of data/ gives each stage its tables by name."""
from __future__ import annotations

from parley import lexicon


def test_the_contact_vocabulary_comes_from_channels_csv():
    vocabulary = lexicon.contact_vocabulary()
    assert vocabulary.channels == ("summons", "visit", "phone", "meeting", "note", "letter")
    assert vocabulary.face_to_face == {"summons", "visit", "meeting"}
    assert vocabulary.directed == {"summons", "visit", "note", "letter"}
    assert vocabulary.together("meeting", "visit") and vocabulary.together("note", "summons")
    assert vocabulary.together("phone", "phone") and not vocabulary.together("phone", "meeting")
    assert (vocabulary.unnamed_codes, vocabulary.default_channel) == ({"040", "046"}, "meeting")


def test_modal_verbs_are_classified_once_for_tense_and_modality():
    assert lexicon.modal_words(modality="planned") == {"will", "shall", "'ll", "wo"}
    assert lexicon.modal_words(tense="NEAREST") == {"could", "would", "'d"}
    assert lexicon.modal_words(modality="hypothetical") == {"may", "might", "can", "ca", "must", "should", "could",
                                                            "would"}
    assert lexicon.modals()["ca"].tense == ""


def test_goldstein_weights_cover_every_cameo_code():
    weights = lexicon.goldstein_weights()
    assert (len(weights), weights["0841"], weights["1823"], weights["057"]) == (311, 7.0, -10.0, 8.0)


def test_the_plover_crosswalk_keeps_each_codes_label():
    crosswalk = lexicon.plover_crosswalk()
    assert crosswalk["0841"] == ("RETREAT", "release", "legal", "Return, release person(s)")
    assert crosswalk["041"] == ("CONSULT", "phone", "", "Discuss by telephone")
    assert "010" not in crosswalk  # PLOVER does not code public statements


def test_word_lists_are_sets_and_numbered_words_dicts():
    assert {"hold", "have", "pay"} <= lexicon.words("light_verbs")
    assert lexicon.word_values("ordinals")["second"] == 2
    assert lexicon.roles()["foreign minister"] == "diplomat"
