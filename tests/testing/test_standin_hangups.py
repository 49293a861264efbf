"""A client hanging up is no error of the stand-in's: nothing is printed for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ayon_gql.testing._http_handler import StandInHandler, StandInHTTPServer


@pytest.fixture
def httpd() -> Iterator[StandInHTTPServer]:
    server = StandInHTTPServer(("127.0.0.1", 0), StandInHandler)
    yield server
    server.server_close()


@pytest.mark.parametrize(
    "hang_up",
    [ConnectionResetError(104, "Connection reset by peer"), BrokenPipeError(32, "Broken pipe"),
     ConnectionAbortedError(103, "aborted"), TimeoutError("timed out")],
    ids=lambda e: type(e).__name__,
)  # fmt: skip
def test_a_client_hanging_up_prints_no_traceback(
    httpd: StandInHTTPServer, hang_up: OSError, capfd: pytest.CaptureFixture[str]
) -> None:
    try:
        raise hang_up
    except OSError:
        httpd.handle_error(None, ("127.0.0.1", 50000))
    assert capfd.readouterr().err == ""


def test_a_fault_of_the_server_is_still_reported(
    httpd: StandInHTTPServer, capfd: pytest.CaptureFixture[str]
) -> None:
    try:
        raise KeyError("a bug in a resolver")
    except KeyError:
        httpd.handle_error(None, ("127.0.0.1", 50000))
    err = capfd.readouterr().err
    assert "Traceback" in err and "a bug in a resolver" in err
