"""``clientchain survey``: internal-customer survey results per supplier → client pair."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from clientchain.cli.common import Format, NoColorOption
from clientchain.cli.discover import Delimiter, Encoding, parse_delimiter
from clientchain.cli.formats import show
from clientchain.console import err

__all__ = ["survey_command"]


class SurveyFormat(StrEnum):
    """``survey``'s output formats."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


def _column(role: str, option: str | None = None) -> Any:
    names = (option,) if option else ()
    # i18n: --help stays English
    return typer.Option(*names, help=f"Column holding the {role}.", show_default=False)


Column = str | None
Responses = Annotated[
    str,
    typer.Argument(
        metavar="RESPONSES",
        # i18n: --help stays English
        help="The answers: .csv (encoding and delimiter detected) or .xlsx (first sheet).",
        show_default=False,
    ),
]
Org = Annotated[
    str,
    typer.Option(
        "--org",
        metavar="ORG.yaml",
        help="The org file the answers rate (departments, handoffs).",  # i18n: --help
        show_default=False,
    ),
]


def survey_command(
    ctx: typer.Context,
    responses: Responses,
    org_file: Org,
    min_responses: Annotated[
        int,
        typer.Option(
            "--min-responses",
            # i18n: --help stays English
            help="Fewest answers a pair needs to show anything (anonymity threshold).",
        ),
    ] = 3,
    dimension: Annotated[
        list[str] | None,
        typer.Option(
            "--dimension",
            metavar="NAME",
            # i18n: --help stays English
            help="Another score column (1–5) besides the default dimensions (repeatable).",
            show_default=False,
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM",
            help="Only this period (default: every period).",  # i18n: --help stays English
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        SurveyFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (tables on a terminal), json or markdown.",  # i18n: --help
        ),
    ] = SurveyFormat.TEXT,
    no_color: NoColorOption = False,
    period_column: Annotated[
        Column, _column("period (2026-11 or a date)", "--period-column")
    ] = None,
    rater: Annotated[Column, _column("rater's department")] = None,
    # i18n: --help stays English
    supplier: Annotated[Column, _column("supplier department rated")] = None,
    # i18n: --help stays English
    client: Annotated[Column, _column("client served (default: the rater)")] = None,
    # i18n: --help stays English
    recommend: Annotated[Column, _column("0–10 recommend score")] = None,
    comment: Annotated[Column, _column("comment")] = None,
    # i18n: --help stays English
    respondent: Annotated[Column, _column("respondent's id (duplicates are checked by it)")] = None,
    delimiter: Delimiter = None,
    encoding: Encoding = None,
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            # i18n: --help stays English
            help="Write each pair's overall mean and answer count into ORG's handoffs "
            "(satisfaction, answers), keeping its comments and layout.",
        ),
    ] = False,
) -> None:
    """Survey results per supplier → client pair and period: scores, NPS, self-rating.

    Reads one answer per row (CSV or .xlsx, columns recognised in English and Spanish) and
    checks it against ORG; wrong answers exit 2 with file:row:column. A pair with fewer
    answers than --min-responses shows "too few answers" and nothing else. Pairs rated with
    no handoff in ORG are listed as undeclared relationships (a warning, exit 0).
    """
    from clientchain.app.survey import survey_report, survey_update
    from clientchain.i18n import adopt
    from clientchain.loading import load_file
    from clientchain.output.survey import undeclared_warnings, update_lines
    from clientchain.survey import SurveyColumns, SurveyOptions

    columns = SurveyColumns(
        period_column,
        rater,
        supplier,
        client,
        recommend,
        comment,
        respondent,
        tuple(dimension or ()),
    )
    options = SurveyOptions(columns, parse_delimiter(delimiter), encoding)
    org = load_file(org_file)  # no graph: the handoffs as declared are what the answers meet
    adopt(org.language)
    if update:
        report, updated = survey_update(
            responses, org_file, org, options, min_responses=min_responses, period=_period(period)
        )
    else:
        report = survey_report(
            responses, org, options, min_responses=min_responses, period=_period(period)
        )
    for line in undeclared_warnings(report):
        err(line)
    if update:
        for line in update_lines(org_file, updated):
            err(line)
    if output_format is SurveyFormat.MARKDOWN:
        show(ctx, Format.TEXT, True, "survey --format markdown", report)
    else:
        show(ctx, Format(output_format.value), no_color, "survey", report)


def _period(text: str | None) -> str | None:
    if text is None:
        return None
    from clientchain.errors import UsageError
    from clientchain.i18n import _
    from clientchain.survey.answers import parse_period

    found = parse_period(text)
    if found is None:
        raise UsageError(
            _("--period: expected a month like 2026-11, got {value}").format(value=repr(text))
        )
    return found
