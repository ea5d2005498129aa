"""One pause of the cyclic garbage collector, used by loading and by the command line."""

from __future__ import annotations

import gc

import pytest

import clientchain.loading as loading
from clientchain.gc_pause import gc_paused


def test_loading_as_a_library_pauses_the_gc_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    during: list[bool] = []
    parse = loading.parse_org

    def spy(*args: object, **kwargs: object) -> object:
        during.append(gc.isenabled())
        return parse(*args, **kwargs)

    monkeypatch.setattr(loading, "parse_org", spy)
    try:
        assert gc.isenabled()
        org = loading.load_text("version: 1\ndepartments: {a: {}}\n", "o.yaml")
        assert list(org.departments) == ["a"]
        assert during == [False]  # paused while the tree was read
        assert gc.isenabled()  # restored afterwards
    finally:
        gc.enable()


def test_a_pause_inside_a_pause_restores_collection_only_at_the_end() -> None:
    try:
        with gc_paused():
            with gc_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the outer pause still holds
        assert gc.isenabled()
        gc.disable()
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller's own setting is kept
    finally:
        gc.enable()


def test_an_error_inside_the_pause_still_restores_collection() -> None:
    with pytest.raises(ValueError, match="boom"), gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()
