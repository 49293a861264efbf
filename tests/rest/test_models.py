"""Models: every recorded REST answer of a real 1.16.0 server parses with nothing lost;
local checks; the comparable server version."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import TypeAdapter

from ayon_gql import InvalidInputError
from ayon_gql.rest import (
    Addon,
    AddonSettings,
    AllSettings,
    Attribute,
    Bundle,
    BundleCheck,
    BundleList,
    ChecksumAlgorithm,
    DependencyPackage,
    Installer,
    Platform,
    ServerInfo,
    ServerVersion,
    SettingsOverride,
)
from ayon_gql.rest._checks import build_model, check_filename, check_variant
from tests._shared import RESPONSES, recording


def _dump(value: Any) -> Any:
    """Models (also inside lists and dicts) back to wire JSON, only fields that were set."""
    if isinstance(value, list):
        return [_dump(item) for item in value]
    if isinstance(value, dict):
        return {key: _dump(item) for key, item in value.items()}
    return value.model_dump(by_alias=True, mode="json", exclude_unset=True)


# recording -> (key inside the answer or None, type it parses into)
CASES: dict[str, tuple[str | None, Any]] = {
    "rest-installers": ("installers", list[Installer]),
    "rest-installers-linux": ("installers", list[Installer]),
    "rest-dependency-packages": ("packages", list[DependencyPackage]),
    "rest-bundles": (None, BundleList),
    "rest-bundles-archived": (None, BundleList),
    "rest-bundles-check": (None, BundleCheck),
    "rest-addons": ("addons", list[Addon]),
    "rest-attributes": ("attributes", list[Attribute]),
    "rest-info": (None, ServerInfo),
    "rest-info-anonymous": (None, ServerInfo),
    "rest-settings": (None, AllSettings),
    "rest-settings-project": (None, AllSettings),
    "rest-settings-addons": (None, AddonSettings),
    "rest-addon-demo_pipeline-studio-overrides": (None, dict[str, SettingsOverride]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_recorded_answer_round_trips(name: str) -> None:
    key, kind = CASES[name]
    body = recording(name)["response"]["json"]
    original = body[key] if key else body
    parsed = TypeAdapter(kind).validate_python(original)
    assert _dump(parsed) == original


def test_every_recorded_rest_answer_is_covered() -> None:
    recording("rest-info")  # skips when the reference data is absent
    payload_answers = {
        path.stem
        for path in RESPONSES.glob("rest-*.json")
        if isinstance(json.loads(path.read_text())["response"].get("json"), dict)
        and json.loads(path.read_text())["response"]["status"] == 200
    }
    free_form = {  # settings values and schemas are addon-defined JSON objects
        "rest-addon-demo_pipeline-project-settings",
        "rest-addon-demo_pipeline-settings-schema",
        "rest-addon-demo_pipeline-site-settings",
        "rest-addon-demo_pipeline-studio-settings",
    }
    other_adapters = {  # users, projects and login belong to the client, not this adapter
        "rest-auth-login-ok",
        "rest-project",
        "rest-projects",
        "rest-users-me",
    }
    assert payload_answers - free_form - other_adapters <= set(CASES)


def test_models_keep_fields_a_newer_server_adds() -> None:
    installer = Installer.model_validate(
        {"filename": "a.sh", "platform": "linux", "version": "1.0.0", "futureField": {"x": 1}}
    )
    assert installer.model_extra == {"futureField": {"x": 1}}
    assert installer.to_payload()["futureField"] == {"x": 1}


def test_models_accept_both_spellings_and_use_enums() -> None:
    by_alias = Installer.model_validate(
        {"filename": "a.sh", "platform": "darwin", "version": "1", "checksumAlgorithm": "sha1"}
    )
    by_name = Installer(
        filename="a.sh",
        platform=Platform.DARWIN,
        version="1",
        checksum_algorithm=ChecksumAlgorithm.SHA1,
    )
    assert by_alias == by_name
    assert by_alias.platform is Platform.DARWIN
    assert by_alias.to_payload() == {
        "filename": "a.sh",
        "platform": "darwin",
        "version": "1",
        "checksumAlgorithm": "sha1",
    }


def test_secrets_in_user_data_stay_out_of_repr() -> None:
    info = ServerInfo.model_validate(recording("rest-info")["response"]["json"])
    assert info.user is not None
    assert "apiKey" in info.user.data
    assert "apiKey" not in repr(info) and "redacted" not in repr(info.user)


def test_info_version_is_comparable() -> None:
    info = ServerInfo.model_validate(recording("rest-info")["response"]["json"])
    version = info.server_version
    assert version is not None
    assert (version.major, version.minor, version.patch, version.build) == (1, 16, 0, "DEVELOP")
    assert version >= (1, 16) and version > "1.14.4" and version < ServerVersion(1, 17)


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("1.14.4", "1.16.0"),
        ("1.16.0-rc.1", "1.16.0"),
        ("1.16.0-alpha", "1.16.0-beta"),
        ("1.16.0-rc.2", "1.16.0-rc.10"),
        ("1.16.0-1", "1.16.0-alpha"),
        ("1.9.0", "1.10.0"),
    ],
)
def test_server_version_order(lower: str, higher: str) -> None:
    assert ServerVersion.parse(lower) < ServerVersion.parse(higher)
    assert sorted([higher, lower], key=ServerVersion.parse) == [lower, higher]


def test_server_version_ignores_build_metadata_when_comparing() -> None:
    develop = ServerVersion.parse("1.16.0+DEVELOP")
    assert develop == ServerVersion.parse("1.16.0") == (1, 16, 0)
    assert hash(develop) == hash(ServerVersion(1, 16, 0))
    assert str(develop) == "1.16.0+DEVELOP"
    assert repr(develop) == "ServerVersion('1.16.0+DEVELOP')"


def test_server_version_rejects_garbage() -> None:
    with pytest.raises(InvalidInputError):
        ServerVersion.parse("one.two")


def test_build_model_reports_bad_input_as_invalid_input() -> None:
    with pytest.raises(InvalidInputError, match="platform"):
        build_model(Installer, {"filename": "a.sh", "platform": "amiga", "version": "1"})
    with pytest.raises(InvalidInputError, match="pyton_version"):
        build_model(
            Installer,
            {"filename": "a.sh", "platform": "linux", "version": "1", "pyton_version": "3.11"},
        )


@pytest.mark.parametrize("name", ["../etc/passwd", "a/b.zip", "", "..", "a b.zip"])
def test_file_names_that_could_escape_the_url_are_refused(name: str) -> None:
    with pytest.raises(InvalidInputError):
        check_filename(name)


def test_variants() -> None:
    assert check_variant("production") == "production"
    assert check_variant("my_dev_bundle") == "my_dev_bundle"
    with pytest.raises(InvalidInputError):
        check_variant("my_dev_bundle", allow_dev=False)
    with pytest.raises(InvalidInputError):
        check_variant("bad variant!")


def test_bundle_stage_marker() -> None:
    bundles = BundleList.model_validate(recording("rest-bundles")["response"]["json"])
    assert bundles.production is not None and bundles.production.stage == "production"
    assert bundles.staging is not None and bundles.staging.stage == "staging"
    assert Bundle(name="x", is_dev=True).stage == "dev"
    assert Bundle(name="x").stage is None
