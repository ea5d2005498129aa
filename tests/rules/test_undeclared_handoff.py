"""undeclared-handoff: a chain hands work between two steps with no declared handoff."""

from __future__ import annotations

from .support import problems

RULE = "undeclared-handoff"

# Issue 12's agency: the handoffs say content → design → publish, the web chain goes
# content → publish. Before this rule the chain silently added a content → publish edge and
# design showed 0% load.
AGENCY = """\
version: 1
organization: Agencia
departments:
  content: {name: Contenido}
  design: {name: Diseño}
  publish: {name: Publicación}
clients:
  brands: {name: Marcas}
handoffs:
  - {from: content, to: design, deliverable: Textos}
  - {from: design, to: publish, deliverable: Piezas}
  - {from: publish, to: brands, deliverable: Publicaciones}
chains:
  web:
    name: Web
    client: brands
    demand: 4
    steps:
      - {department: content, effort: 2h}
      - {department: publish, effort: 1h}
"""


def test_a_chain_that_skips_a_declared_step_names_the_declared_path() -> None:
    # the finding points at the step that receives the work (publish, line 20)
    assert problems(AGENCY, RULE) == [
        (
            RULE,
            20,
            9,
            "Chain Web (web) hands work from Contenido (content) to Publicación (publish) with"
            " no declared handoff between them; the declared handoffs go content → design →"
            " publish: is a step missing from the chain?",
        )
    ]


def test_every_pair_declared_is_quiet() -> None:
    yaml = AGENCY.replace(
        "      - {department: publish, effort: 1h}",
        "      - {department: design, effort: 3h}\n      - {department: publish, effort: 1h}",
    )
    assert problems(yaml, RULE) == []


def test_no_declared_path_asks_to_declare_the_handoff() -> None:
    # publish → content is not declared and no declared handoffs lead from publish to content
    yaml = AGENCY.replace(
        "      - {department: content, effort: 2h}\n      - {department: publish, effort: 1h}",
        "      - {department: design, effort: 2h}\n      - {department: publish, effort: 1h}\n"
        "      - {department: content, effort: 1h}",
    )
    # content → brands: the file declares a handoff to a client (publish → brands), not this
    # one, and the declared handoffs lead content → design → publish → brands
    assert problems(yaml, RULE) == [
        (
            RULE,
            21,
            9,
            "Chain Web (web) hands work from Contenido (content) to Marcas (brands) with"
            " no declared handoff between them; the declared handoffs go content → design →"
            " publish → brands: is a step missing from the chain?",
        ),
        (
            RULE,
            21,
            9,
            "Chain Web (web) hands work from Publicación (publish) to Contenido (content) with"
            " no declared handoff between them: declare it in handoffs, or correct the"
            " chain's steps.",
        ),
    ]


def test_a_file_without_declared_work_handoffs_is_not_checked() -> None:
    # the chains are the whole model; feedback alone declares no work handoff
    yaml = AGENCY.replace(
        """\
  - {from: content, to: design, deliverable: Textos}
  - {from: design, to: publish, deliverable: Piezas}
  - {from: publish, to: brands, deliverable: Publicaciones}
""",
        "  - {from: publish, to: content, type: feedback, deliverable: Comentarios}\n",
    )
    assert problems(yaml, RULE) == []


def test_ends_are_checked_only_where_the_file_declares_handoffs_of_that_kind() -> None:
    # the handoff to the client is not declared and no other handoff to a client is: the
    # file does not model its client handoffs, so publish → brands is not reported; nor is
    # the supplier's (no handoff from a supplier is declared either)
    yaml = AGENCY.replace(
        "  - {from: publish, to: brands, deliverable: Publicaciones}\n", ""
    ).replace("clients:", "suppliers:\n  stock: {name: Banco de imágenes}\nclients:")
    yaml = yaml.replace("    client: brands\n", "    client: brands\n    supplier: stock\n")
    yaml = yaml.replace(
        "      - {department: publish, effort: 1h}",
        "      - {department: design, effort: 3h}\n      - {department: publish, effort: 1h}",
    )
    assert problems(yaml, RULE) == []


def test_a_declared_supplier_handoff_makes_the_first_step_checked() -> None:
    yaml = """\
    version: 1
    organization: Imprenta
    departments:
      print: {name: Impresión}
      bind: {name: Encuadernación}
    clients:
      shops: {name: Librerías}
    suppliers:
      paper: {name: Papelera}
      ink: {name: Tintas}
    handoffs:
      - {from: ink, to: print, deliverable: Tinta}
      - {from: print, to: bind, deliverable: Pliegos}
      - {from: bind, to: shops, deliverable: Libros}
    chains:
      book:
        name: Libro
        client: shops
        supplier: paper
        demand: 10
        steps:
          - {department: print, effort: 1h}
          - {department: bind, effort: 30m}
    """
    assert problems(yaml, RULE) == [
        (
            RULE,
            22,
            9,
            "Chain Libro (book) hands work from Papelera (paper) to Impresión (print) with"
            " no declared handoff between them: declare it in handoffs, or correct the"
            " chain's steps.",
        )
    ]


def test_a_chain_step_declared_as_feedback_carries_work() -> None:
    # the chain hands work over publish → content, but the file says it is only feedback
    yaml = AGENCY.replace(
        "      - {department: content, effort: 2h}\n      - {department: publish, effort: 1h}",
        "      - {department: content, effort: 2h}\n      - {department: design, effort: 3h}\n"
        "      - {department: publish, effort: 1h}\n      - {department: content, effort: 1h}\n"
        "      - {department: design, effort: 1h}\n      - {department: publish, effort: 1h}",
    ).replace(
        "chains:", "  - {from: publish, to: content, type: feedback, deliverable: Notas}\nchains:"
    )
    assert problems(yaml, RULE) == [
        (
            RULE,
            23,
            9,
            "Chain Web (web) hands work from Publicación (publish) to Contenido (content), but"
            " that handoff is declared `type: feedback`, which carries no work: declare it"
            " `type: work`.",
        )
    ]


def test_ignored_on_the_chain() -> None:
    yaml = AGENCY.replace("    name: Web\n", "    name: Web\n    ignore: [undeclared-handoff]\n")
    assert problems(yaml, RULE) == []
