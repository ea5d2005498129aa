"""The bottleneck table of the deck stays on its slides, readable, however many departments.

Generated orgs: ``n`` departments ``d000`` … of one person each (40 h a week) with
``other_load`` rising by 39.9 h / (n − 1) from 0 h, so utilization rises with the number
and the table lists them from the last to the first.
"""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.util import Emu

from clientchain.app.slides import write_slides
from clientchain.graph import build_graph
from clientchain.loading import load_text
from clientchain.render.slides import TABLE_PAGES, TABLE_ROWS

READABLE_PT = 12


def _org(n: int):
    lines = ["version: 1", "organization: Big", "departments:"]
    lines += [
        f"  d{i:03d}: {{name: Department {i:03d}, other_load: {i * 39.9 / max(n - 1, 1):.2f}h}}"
        for i in range(n)
    ]
    org = load_text("\n".join(lines) + "\n", "big.yaml")
    return org, build_graph(org)


def _deck(tmp_path, n: int):
    out = tmp_path / f"big{n}.pptx"
    written = write_slides(*_org(n), out)
    return written, Presentation(str(out))


def _table_slides(presentation):
    found = []
    for slide in presentation.slides:
        tables = [s for s in slide.shapes if s.has_table]
        if tables:
            title = next(s.text_frame.text for s in slide.shapes if s.has_text_frame)
            texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
            found.append((title, tables[0], texts, slide))
    return found


def _check_readable_and_inside(presentation, frame) -> None:
    sizes = {
        run.font.size.pt
        for row in frame.table.rows
        for cell in row.cells
        for paragraph in cell.text_frame.paragraphs
        for run in paragraph.runs
    }
    assert min(sizes) >= READABLE_PT
    assert frame.top + frame.height <= presentation.slide_height
    # rows are as tall as the frame says: header + body rows share its height
    heights = sum(row.height for row in frame.table.rows)
    assert heights <= presentation.slide_height - frame.top
    assert Emu(heights).pt / len(frame.table.rows) >= READABLE_PT * 1.2 + 2


def test_limits_are_what_the_docs_say() -> None:
    assert (TABLE_ROWS, TABLE_PAGES) == (15, 4)


def test_sixty_departments_are_split_across_four_slides(tmp_path) -> None:
    written, presentation = _deck(tmp_path, 60)
    tables = _table_slides(presentation)
    # 60 departments ÷ 15 rows a slide = 4 slides;
    # title + summary + overview + 0 chains + 4 tables = 7, + the utilization chart (no
    # handoff: no matrix) = 8
    assert len(tables) == 4
    assert len(presentation.slides) == 8 == written.counts["slides"]
    assert [title for title, *_ in tables] == [
        "Bottlenecks (1 of 4)",
        "Bottlenecks (continued, 2 of 4)",
        "Bottlenecks (continued, 3 of 4)",
        "Bottlenecks (continued, 4 of 4)",
    ]
    names = []
    for _title, frame, _texts, _slide in tables:
        rows = [[cell.text for cell in row.cells] for row in frame.table.rows]
        assert rows[0] == ["Department", "Load", "Capacity", "Utilization"]  # repeated header
        assert len(rows) == 1 + 15
        names += [row[0] for row in rows[1:]]
        _check_readable_and_inside(presentation, frame)
    # every department once, highest utilization first: d059 carries 59 × 39.9 / 59 = 39.9 h
    assert names == [f"Department {i:03d}" for i in range(59, -1, -1)]
    first = tables[0][1].table
    # 39.9 ÷ 40 = 99.75%, written with one decimal as every command writes it: 99.8%
    assert [c.text for c in first.rows[1].cells] == ["Department 059", "39.9 h", "40 h", "99.8%"]
    assert not any("more departments" in t for *_, texts, _ in tables for t in texts)


def test_four_hundred_departments_show_the_top_sixty_with_a_note(tmp_path) -> None:
    written, presentation = _deck(tmp_path, 400)
    tables = _table_slides(presentation)
    # at most 4 slides of 15: the 60 busiest of 400; 340 are left to the note
    assert len(tables) == 4
    # title + summary + overview + 4 tables + the utilization chart (no handoff: no matrix)
    assert len(presentation.slides) == 8 == written.counts["slides"]
    names = []
    for _title, frame, _texts, _slide in tables:
        assert len(frame.table.rows) == 1 + 15
        names += [row.cells[0].text for row in list(frame.table.rows)[1:]]
        _check_readable_and_inside(presentation, frame)
    assert names == [f"Department {i:03d}" for i in range(399, 339, -1)]
    # the 61st busiest is d339: 339 × 39.9 / 399 = 33.9 h of 40 h = 84.75%; in binary floating
    # point 33.9 ÷ 40 is a hair under 0.8475, so one decimal writes 84.7% (as `map` would)
    note = tables[-1][2][-1]
    assert note == (
        "The 60 busiest of 400 departments; the other 340 are at 84.7% utilization or less. "
        "clientchain bottlenecks and the report list every department."
    )
    assert all("busiest" not in t for *_, texts, _ in tables[:-1] for t in texts)


@pytest.mark.parametrize(("n", "rows"), [(1, [2]), (15, [16]), (16, [16, 2])])
def test_small_tables_around_one_slide(tmp_path, n, rows) -> None:
    tables = _table_slides(_deck(tmp_path, n)[1])
    # up to 15 departments: one slide titled "Bottlenecks"; 16: a second slide with one row
    assert [len(frame.table.rows) for _t, frame, *_ in tables] == rows
    assert tables[0][0] == ("Bottlenecks" if n <= 15 else "Bottlenecks (1 of 2)")
