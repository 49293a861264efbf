"""Fault injection for the stand-in server.

Tests arm rules on ``server.faults``; every incoming request is matched
against the armed rules (in the order they were added) and the first rule
that fires decides what happens to it:

* ``fail``     answer with an HTTP error status (default 503) instead of serving;
  with ``served=True`` the request is served first and its answer replaced
  (a proxy's 502/504 after the server acted on it)
* ``drop``     send the headers and part of the body, then close the socket
* ``delay``    sleep before serving (combines with the other kinds)
* ``truncate`` announce the full ``Content-Length`` of a download, send only
  the first N bytes, then close the socket

Which requests a rule hits is chosen by ``nth`` (the Nth matching request,
1-based, counted from when the rule was armed), ``times`` (the next N
matching requests), or ``share`` (a fraction of matching requests, drawn from
a seeded random generator so runs are repeatable).  Without any of them a
rule hits the next matching request only.  ``path`` restricts a rule to
request paths starting with it (e.g. ``"/graphql"``).
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from typing import Literal

FaultKind = Literal["fail", "drop", "delay", "truncate"]


@dataclass
class FaultRule:
    """One armed fault; see the module docstring for the selection knobs."""

    kind: FaultKind
    path: str | None = None
    method: str | None = None
    nth: int | None = None
    times: int | None = None
    share: float | None = None
    seed: int = 0
    status: int = 503
    after_bytes: int = 0
    seconds: float = 0.0
    served: bool = False
    matched: int = 0
    fired: int = 0
    _rng: random.Random = field(default_factory=random.Random, repr=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        if self.nth is None and self.times is None and self.share is None:
            self.times = 1

    def _matches(self, method: str, path: str) -> bool:
        if self.path is not None and not path.startswith(self.path):
            return False
        return self.method is None or self.method.upper() == method.upper()

    def _decide(self) -> bool:
        """Count one matching request and tell whether the rule fires for it."""
        self.matched += 1
        if self.nth is not None:
            hit = self.matched == self.nth
        elif self.times is not None:
            hit = self.fired < self.times
        else:
            hit = self._rng.random() < (self.share or 0.0)
        if hit:
            self.fired += 1
        return hit

    @property
    def exhausted(self) -> bool:
        """True when the rule can never fire again."""
        if self.nth is not None:
            return self.matched >= self.nth
        if self.times is not None:
            return self.fired >= self.times
        return False


@dataclass(frozen=True)
class FaultDecision:
    """What the server should do with one request."""

    delay: float = 0.0
    fail_status: int | None = None
    drop_after: int | None = None
    truncate_after: int | None = None
    serve_first: bool = False


class Faults:
    """Thread-safe set of armed fault rules plus counters."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self.requests_seen = 0
        self.fired: dict[str, int] = {}

    # -- arming
    def _add(self, rule: FaultRule) -> FaultRule:
        with self._lock:
            self._rules.append(rule)
        return rule

    def fail(
        self,
        status: int = 503,
        *,
        path: str | None = None,
        method: str | None = None,
        nth: int | None = None,
        times: int | None = None,
        share: float | None = None,
        seed: int = 0,
        served: bool = False,
    ) -> FaultRule:
        """Answer matching requests with ``status`` (e.g. 502, 503) and a JSON body;
        ``served=True`` serves them first (the server acts, the answer is lost)."""
        return self._add(
            FaultRule("fail", path, method, nth, times, share, seed, status=status, served=served)
        )

    def drop(
        self,
        *,
        after_bytes: int = 10,
        path: str | None = None,
        method: str | None = None,
        nth: int | None = None,
        times: int | None = None,
        share: float | None = None,
        seed: int = 0,
    ) -> FaultRule:
        """Send headers and the first ``after_bytes`` body bytes, then close the socket."""
        return self._add(
            FaultRule("drop", path, method, nth, times, share, seed, after_bytes=after_bytes)
        )

    def delay(
        self,
        seconds: float,
        *,
        path: str | None = None,
        method: str | None = None,
        nth: int | None = None,
        times: int | None = None,
        share: float | None = None,
        seed: int = 0,
    ) -> FaultRule:
        """Sleep ``seconds`` before serving matching requests."""
        return self._add(FaultRule("delay", path, method, nth, times, share, seed, seconds=seconds))

    def truncate(
        self,
        after_bytes: int,
        *,
        path: str | None = None,
        method: str | None = None,
        nth: int | None = None,
        times: int | None = None,
        share: float | None = None,
        seed: int = 0,
    ) -> FaultRule:
        """Announce the full Content-Length but close after ``after_bytes`` body bytes."""
        return self._add(
            FaultRule("truncate", path, method, nth, times, share, seed, after_bytes=after_bytes)
        )

    def reset(self) -> None:
        """Disarm every rule and zero the counters."""
        with self._lock:
            self._rules.clear()
            self.requests_seen = 0
            self.fired = {}

    @property
    def rules(self) -> list[FaultRule]:
        """A snapshot of the armed rules."""
        with self._lock:
            return list(self._rules)

    # -- server side
    def decide(self, method: str, path: str) -> FaultDecision:
        """Match one incoming request against the rules (called by the server)."""
        delay = 0.0
        fail_status: int | None = None
        drop_after: int | None = None
        truncate_after: int | None = None
        serve_first = False
        with self._lock:
            self.requests_seen += 1
            for rule in self._rules:
                if not rule._matches(method, path):
                    continue
                if rule.kind == "delay":
                    if rule._decide():
                        delay += rule.seconds
                        self.fired["delay"] = self.fired.get("delay", 0) + 1
                    continue
                if fail_status is not None or drop_after is not None or truncate_after is not None:
                    # Decided already; still a matching request for ``nth`` counting.
                    rule.matched += 1
                    continue
                if not rule._decide():
                    continue
                self.fired[rule.kind] = self.fired.get(rule.kind, 0) + 1
                if rule.kind == "fail":
                    fail_status = rule.status
                    serve_first = rule.served
                elif rule.kind == "drop":
                    drop_after = rule.after_bytes
                else:
                    truncate_after = rule.after_bytes
        return FaultDecision(delay, fail_status, drop_after, truncate_after, serve_first)
