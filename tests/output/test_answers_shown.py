"""Where a satisfaction rests on survey answers, ``chains`` and ``sipoc`` say on how many."""

from __future__ import annotations

import json

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.impact import analyze_chains
from clientchain.analysis.sipoc import sipoc
from clientchain.graph import build_graph
from clientchain.i18n import use
from clientchain.loading import load_text
from clientchain.output.flow import chains_json, chains_text
from clientchain.output.sipoc import sipoc_json, sipoc_text

ORG = """\
version: 1
departments:
  texto: {name: Textos}
  diseno: {name: Diseño}
  video: {name: Vídeo}
handoffs:
  - {from: texto, to: diseno, deliverable: Textos, satisfaction: 2.9, answers: 12}
  - {from: diseno, to: video, deliverable: Piezas, satisfaction: 4}
"""


def test_chains_text_and_json() -> None:
    org = load_text(ORG, "org.yaml")
    result = analyze_chains(org, build_graph(org))
    assert result.answers == {"texto": 12}
    text = chains_text(org, result)
    assert "  Textos (texto): 2.9 (12 answers)\n  Diseño (diseno): 4" in text
    document = json.loads(chains_json(result))
    assert document["satisfaction"] == {"texto": 2.9, "diseno": 4.0}
    assert document["satisfaction_answers"] == {"texto": 12}
    with use("es"):
        assert "Textos (texto): 2,9 (12 respuestas)" in chains_text(org, result)


def test_chains_json_without_answers_has_no_new_key() -> None:
    org = load_text(ORG.replace(", answers: 12", ""), "org.yaml")
    assert "satisfaction_answers" not in json.loads(
        chains_json(analyze_chains(org, build_graph(org)))
    )


def test_sipoc_inputs_and_outputs() -> None:
    org = load_text(ORG, "org.yaml")
    result = sipoc(org, build_graph(org), analyze_flow(org), "diseno")
    text = sipoc_text(org, result)
    assert "satisfaction 2.9 (12 answers)" in text
    assert "satisfaction 4\n" in text + "\n" or "satisfaction 4" in text
    document = json.loads(sipoc_json(result))
    assert document["inputs"][0]["answers"] == 12
    assert "answers" not in document["outputs"][0]
