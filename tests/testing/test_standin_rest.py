"""REST endpoints: paths, payloads and status codes."""

from __future__ import annotations

import hashlib

import httpx

from ayon_gql.testing import StandInServer


def test_projects(client: httpx.Client) -> None:
    body = client.get("/api/projects").json()
    assert body["count"] == 3
    assert [p["name"] for p in body["projects"]] == ["demo_Commercial", "perf_Large", "perf_Medium"]
    assert client.get("/api/projects/demo_Commercial").json()["code"] == "demoComm"
    assert client.get("/api/projects/nope").status_code == 404
    bad = client.get("/api/projects/bad-name!")
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["loc"] == ["path", "project_name"]


def test_installers_list_filters_and_validation(client: httpx.Client) -> None:
    all_ = client.get("/api/desktop/installers").json()["installers"]
    assert len(all_) == 3
    linux = client.get("/api/desktop/installers", params={"platform": "linux"}).json()
    assert [i["filename"] for i in linux["installers"]] == ["AYON-1.2.3-linux-setup.sh"]
    assert client.get("/api/desktop/installers", params={"version": "9.9.9"}).json() == {
        "installers": []
    }
    bad = client.get("/api/desktop/installers", params={"platform": "amiga"})
    assert bad.status_code == 400
    assert bad.json()["detail"] == "Request validation error in [GET] /api/desktop/installers"


def test_download_matches_checksum(client: httpx.Client) -> None:
    for kind, key in (("installers", "installers"), ("dependencyPackages", "packages")):
        for meta in client.get(f"/api/desktop/{kind}").json()[key]:
            r = client.get(f"/api/desktop/{kind}/{meta['filename']}")
            assert r.status_code == 200
            assert int(r.headers["content-length"]) == meta["size"] == len(r.content)
            assert hashlib.md5(r.content).hexdigest() == meta["checksum"]
    assert client.get("/api/desktop/installers/nope.exe").json() == {
        "code": 404,
        "detail": "File not found",
    }
    assert client.head("/api/desktop/installers/AYON-1.2.3-linux-setup.sh").status_code == 404


def test_installer_create_upload_patch_delete(client: httpx.Client, srv: StandInServer) -> None:
    invalid = client.post("/api/desktop/installers", json={"filename": "x.exe"})
    assert invalid.status_code == 400
    assert [e["loc"][-1] for e in invalid.json()["errors"]] == ["platform", "version"]
    meta = {"filename": "AYON-2.0.0-linux-setup.sh", "platform": "linux", "version": "2.0.0"}
    assert client.post("/api/desktop/installers", json=meta).status_code == 201
    assert client.post("/api/desktop/installers", json=meta).status_code == 409
    content = bytes(range(256)) * 1000
    up = client.put(
        "/api/desktop/installers/AYON-2.0.0-linux-setup.sh",
        content=content,
        headers={"Content-Type": "application/octet-stream"},
    )
    assert up.status_code == 204
    listed = {i["filename"]: i for i in client.get("/api/desktop/installers").json()["installers"]}[
        "AYON-2.0.0-linux-setup.sh"
    ]
    assert listed["size"] == len(content)
    assert listed["checksum"] == hashlib.md5(content).hexdigest()
    assert listed["sources"] == [{"type": "server"}]
    got = client.get("/api/desktop/installers/AYON-2.0.0-linux-setup.sh")
    assert got.content == content
    sources = [{"type": "server"}, {"type": "http", "url": "https://example.invalid/x"}]
    assert (
        client.patch(
            "/api/desktop/installers/AYON-2.0.0-linux-setup.sh", json={"sources": sources}
        ).status_code
        == 204
    )
    assert client.delete("/api/desktop/installers/AYON-2.0.0-linux-setup.sh").status_code == 204
    assert client.get("/api/desktop/installers/AYON-2.0.0-linux-setup.sh").status_code == 404
    srv.reset()
    assert len(client.get("/api/desktop/installers").json()["installers"]) == 3


def test_large_chunked_upload_goes_to_disk(client: httpx.Client, srv: StandInServer) -> None:
    meta = {"filename": "big-deps.zip", "platform": "linux", "installerVersion": "1.2.3"}
    assert client.post("/api/desktop/dependencyPackages", json=meta).status_code == 201
    chunk = b"\x01" * (1 << 20)
    h = hashlib.md5()
    for _ in range(12):
        h.update(chunk)

    def body():  # type: ignore[no-untyped-def]
        for _ in range(12):
            yield chunk

    r = client.put("/api/desktop/dependencyPackages/big-deps.zip", content=body())
    assert r.status_code == 204
    blob = srv.rest.state.blobs[("dependencyPackages", "big-deps.zip")]
    assert blob.path is not None and blob.data is None
    with client.stream("GET", "/api/desktop/dependencyPackages/big-deps.zip") as resp:
        got = hashlib.md5()
        for part in resp.iter_bytes():
            got.update(part)
    assert got.hexdigest() == h.hexdigest()


def test_bundles(client: httpx.Client) -> None:
    body = client.get("/api/bundles").json()
    assert body["productionBundle"] == "demo_bundle_2026_01"
    assert body["stagingBundle"] == "demo_bundle_2026_02_staging"
    new = {
        "name": "demo_bundle_2026_03",
        "addons": {"demo_pipeline": "1.0.0"},
        "installerVersion": "1.2.3",
    }
    assert client.post("/api/bundles", json=new).status_code == 201
    assert client.post("/api/bundles", json={}).status_code == 400
    assert (
        client.patch("/api/bundles/demo_bundle_2026_03", json={"isProduction": True}).status_code
        == 204
    )
    assert client.get("/api/bundles").json()["productionBundle"] == "demo_bundle_2026_03"
    assert (
        client.patch(
            "/api/bundles/demo_bundle_2026_03", json={"isArchived": True, "isProduction": False}
        ).status_code
        == 204
    )
    names = [b["name"] for b in client.get("/api/bundles").json()["bundles"]]
    assert "demo_bundle_2026_03" not in names
    archived = client.get("/api/bundles", params={"archived": "true"}).json()["bundles"]
    assert "demo_bundle_2026_03" in [b["name"] for b in archived]
    assert client.delete("/api/bundles/demo_bundle_2026_03").status_code == 204
    assert client.delete("/api/bundles/never_existed").status_code == 204
    assert client.patch("/api/bundles/never_existed", json={}).status_code == 404
    check = client.post(
        "/api/bundles/check", json={"name": "x", "addons": {"demo_pipeline": "9.9.9"}}
    )
    assert check.json()["success"] is False


def test_addons_and_settings(client: httpx.Client) -> None:
    addons = client.get("/api/addons").json()["addons"]
    assert [a["name"] for a in addons] == ["demo_pipeline", "studio_tools"]
    base = "/api/addons/demo_pipeline/1.0.0"
    studio = client.get(f"{base}/settings").json()
    project = client.get(f"{base}/settings/demo_Commercial").json()
    assert studio["default_fps"] == 24.0 and project["default_fps"] == 25.0
    assert client.get(f"{base}/schema").json()["type"] == "object"
    assert set(client.get(f"{base}/overrides").json()) == {"root_default_fps", "root_studio_name"}
    assert "local_cache_dir" in client.get(f"{base}/siteSettings").json()
    assert client.get("/api/addons/nope/1.0.0/settings").json() == {
        "code": 404,
        "detail": "Addon nope does not exist",
    }
    assert client.get(f"{base}/settings/no_project").status_code == 404
    everything = client.get("/api/settings", params={"variant": "production"}).json()
    assert everything["bundleName"] == "demo_bundle_2026_01"
    addons_settings = client.get("/api/settings/addons").json()
    assert addons_settings["versions"] == {"demo_pipeline": "1.0.0", "studio_tools": "1.0.0"}
    assert client.get("/api/attributes").json()["attributes"][0]["name"] == "priority"


def test_unknown_route_is_404(client: httpx.Client) -> None:
    assert client.get("/api/no/such/thing").status_code == 404
