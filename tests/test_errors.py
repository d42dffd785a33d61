"""One error root, mapped to exit codes in one table (`monitor.cli.EXIT_CODES`)."""

from __future__ import annotations

import inspect

import click
import pytest
from click.testing import CliRunner

import monitor.errors
from monitor.cli import EXIT_CODES, cli, exit_code
from monitor.context.search import SearchIndexMissing
from monitor.errors import (
    CheckInterrupted,
    ConfigError,
    DeliveryError,
    ExtractionError,
    FetchError,
    MonitorError,
    QueueError,
    StoreBusy,
    StoreError,
    UsageError,
)
from monitor.web.security import AuthConfigError


def test_every_error_descends_from_the_one_root():
    classes = [c for _, c in inspect.getmembers(monitor.errors, inspect.isclass)
               if issubclass(c, Exception) and c.__module__ == "monitor.errors"]  # fmt: skip
    assert len(classes) >= 9
    assert all(issubclass(c, MonitorError) for c in classes)
    assert issubclass(AuthConfigError, MonitorError)
    # kept for callers that caught the old bases
    assert issubclass(ExtractionError, ValueError) and issubclass(AuthConfigError, ValueError)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ConfigError("x"), 2),
        (AuthConfigError("x"), 2),
        (UsageError("x"), 2),
        (StoreError("x"), 3),
        (StoreBusy("x"), 3),
        (SearchIndexMissing("x"), 3),
        (QueueError("x"), 3),
        (DeliveryError("x", "refused", temporary=True), 4),
        (FetchError("http://a/", "gone", "HTTP 404", 404), None),
        (ExtractionError("x"), None),
        (CheckInterrupted("x"), None),
    ],
)
def test_exit_code_of_each_error(error, code):
    assert exit_code(error) == code


def test_the_table_maps_only_errors_a_command_may_let_through():
    assert set(EXIT_CODES) == {ConfigError, UsageError, StoreError, QueueError, DeliveryError}
    assert set(EXIT_CODES.values()) == {2, 3, 4}


def _invoke_raising(error: Exception):
    """Run `monitor <a command that raises error>` as the CLI runs any of its commands."""

    @click.command(name="raise-it")
    def command() -> None:
        raise error

    cli.add_command(command)
    try:
        return CliRunner().invoke(cli, ["raise-it"])
    finally:
        cli.commands.pop("raise-it")


@pytest.mark.parametrize(
    ("error", "code"),
    [(StoreBusy("another process holds the store"), 3), (UsageError("choose one [x]"), 2)],
)
def test_a_command_error_becomes_its_message_and_exit_code(error, code):
    result = _invoke_raising(error)
    assert result.exit_code == code
    assert f"error: {error}" in result.output.replace("\n", " ")


def test_an_error_no_command_should_let_through_keeps_its_traceback():
    error = FetchError("http://a/", "transient", "HTTP 503", 503)
    result = _invoke_raising(error)
    assert result.exit_code == 1 and result.exception is error
