"""Plain-text articles: text kept exactly as read, and every way a file can be unreadable."""
from __future__ import annotations

import pytest

from talentflow.core import Article
from talentflow.core.errors import (BinaryInputError, EmptyInputError, EncodingError,
                                    InputError, InputTooLargeError)
from talentflow.ingest import Skipped, read_inputs
from talentflow.ingest.files import read_text_file
from helpers.unreadable import refuse_folders_named

FRENCH = ("Nomination chez Ardelys\n\n"
          "Le fabricant de drones Ardelys a nommé Corentin Baudry directeur des opérations. "
          "Il dirigeait auparavant la logistique d'un grand groupe de transport.\n")


def read_all(*items, **options):
    return list(read_inputs([str(item) for item in items], **options))


def only(results, kind):
    assert all(isinstance(r, kind) for r in results), results
    return results


def test_text_is_kept_as_read_with_title_and_id(tmp_path):
    path = tmp_path / "ardelys.txt"
    path.write_text(FRENCH, encoding="utf-8")
    [article] = only(read_all(path, publication_date="2025-02-03"), Article)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.id == str(path) and article.source == str(path)
    assert article.title == "Nomination chez Ardelys"
    assert article.date == "2025-02-03"
    assert article.lang == "fr"
    start = article.text.index("Corentin Baudry")
    assert article.text[start:start + len("Corentin Baudry")] == "Corentin Baudry"


def test_crlf_becomes_lf_and_a_bom_is_dropped(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FRENCH.replace("\n", "\r\n").encode("utf-8"))
    article = read_text_file(path)
    assert article.text == FRENCH


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(EmptyInputError) as caught:
        read_text_file(path)
    assert caught.value.item == str(path)


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(BinaryInputError):
        read_text_file(path)


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le café est ouvert.".encode("latin-1"))
    with pytest.raises(EncodingError) as caught:
        read_text_file(path)
    assert "offset 6" in caught.value.message and caught.value.item == str(path)
    assert "iconv" in caught.value.hint


def test_file_over_the_size_cap_is_refused_with_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(FRENCH * 200, encoding="utf-8")
    [skipped] = only(read_all(path, max_bytes=10_000), Skipped)
    assert isinstance(skipped.error, InputTooLargeError)
    assert "MB" in skipped.reason and skipped.item == str(path)


def test_a_several_megabyte_article_below_the_cap_is_read_whole(tmp_path):
    path = tmp_path / "long.txt"
    text = FRENCH * 12_000  # about 2 MB
    path.write_text(text, encoding="utf-8")
    [article] = only(read_all(path), Article)
    assert article.text == text


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    (tmp_path / "a_good.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "d_latin1.txt").write_bytes("déjà".encode("latin-1"))
    (tmp_path / "e_good.txt").write_text(FRENCH.replace("Ardelys", "Ventoline"),
                                         encoding="utf-8")
    results = read_all(tmp_path)
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Article", "Skipped", "Skipped", "Skipped", "Article"]
    assert [type(r.error) for r in results if isinstance(r, Skipped)] == [
        EmptyInputError, BinaryInputError, EncodingError]
    assert [r.item for r in results if isinstance(r, Skipped)] == [
        str(tmp_path / name) for name in ("b_empty.txt", "c_binary.txt", "d_latin1.txt")]


def test_directories_are_recursive_sorted_and_skip_unknown_and_hidden_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".git" / "c.txt").write_text(FRENCH, encoding="utf-8")
    results = only(read_all(tmp_path), Article)
    assert [r.id for r in results] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]


def test_a_named_file_of_unknown_type_is_reported(tmp_path):
    path = tmp_path / "rapport.pdf"
    path.write_bytes(b"%PDF-1.4")
    [skipped] = only(read_all(path), Skipped)
    assert type(skipped.error) is InputError and "'.pdf'" in skipped.reason


def test_a_missing_path_is_a_usage_error_and_the_rest_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(FRENCH, encoding="utf-8")
    missing, article = read_all(tmp_path / "nope.txt", good)
    assert isinstance(missing, Skipped) and missing.error.exit_code == 2
    assert missing.item == str(tmp_path / "nope.txt")
    assert isinstance(article, Article)


def test_missing_publication_date_warns_naming_the_item(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(FRENCH, encoding="utf-8")
    warnings = []
    [article] = read_all(path, warn=lambda item, message: warnings.append((item, message)))
    assert article.date is None
    [(item, message)] = warnings
    assert item == str(path) and "relative dates" in message
    warnings.clear()
    read_all(path, publication_date="2025-01-01", warn=lambda *a: warnings.append(a))
    assert warnings == []


def test_utf16_files_are_read_with_or_without_a_bom(tmp_path):
    text = "Élise Marnay rejoint Ostraline comme directrice juridique.\nSuite du texte."
    for name, data in (("bom.txt", text.encode("utf-16")),
                       ("le.txt", text.encode("utf-16-le")),
                       ("be.txt", text.encode("utf-16-be"))):
        (tmp_path / name).write_bytes(data)
        [article] = read_inputs([str(tmp_path / name)], check_language=False)
        assert isinstance(article, Article) and article.text == text, name


def test_only_regular_files_are_read(tmp_path):
    import os

    from talentflow.core.errors import UnreadableInputError

    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would wait for a writer
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # would read until memory runs out
    (tmp_path / "ok.txt").write_text("Noa Belcour quitte Vectrum Labs.", encoding="utf-8")
    for named in ("pipe.txt", "zero.txt"):
        [skipped] = read_inputs([str(tmp_path / named)], check_language=False)
        assert isinstance(skipped, Skipped), named
        assert isinstance(skipped.error, UnreadableInputError) and skipped.error.code == "TF207"
    results = list(read_inputs([str(tmp_path)], check_language=False))
    assert [type(r).__name__ for r in results] == ["Skipped", "Skipped", "Article"]
    assert {r.item for r in results[:2]} == {str(tmp_path / "pipe.txt"),
                                             str(tmp_path / "zero.txt")}


def test_reads_stop_at_the_cap_even_when_the_file_lies_about_its_size(tmp_path):
    from talentflow.ingest.files import read_capped

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(InputTooLargeError, match="over the"):
        read_capped(path, 1000)
    assert read_capped(path, 5000) == b"x" * 5000


def test_an_unreadable_subfolder_is_reported_and_the_rest_is_read(tmp_path, monkeypatch):
    import os

    from talentflow.core.errors import UnreadableInputError

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text("Jamais lu.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Ilan Corvet rejoint Nordavia.", encoding="utf-8")
    refuse_folders_named(monkeypatch)
    skipped, article = read_inputs([str(tmp_path)], check_language=False)
    assert isinstance(skipped, Skipped) and isinstance(skipped.error, UnreadableInputError)
    assert skipped.item == str(tmp_path / "locked") and "Permission denied" in skipped.reason
    assert article.id == str(tmp_path / "open.txt")


def test_sizes_are_shown_in_the_units_of_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (21 * 1024 * 1024))
    [skipped] = read_inputs([str(path)])
    assert "the file is 21 MB, over the 20 MB limit" in skipped.reason
