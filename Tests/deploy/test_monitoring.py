"""Deploy/monitoring: the Grafana dashboard, the PrometheusRule alerts and the PodMonitor.

They render with kustomize, the ConfigMap validates against the Kubernetes schema (the Prometheus Operator's
kinds have no schema here, so their shape is checked by hand), the dashboard is JSON Grafana can load, and
every metric name in a PromQL expression is one the services export (read from MeshService's sources), or
one of the few named from kube-state-metrics and Prometheus itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import kubernetes_validate
import pytest

from deploy_helpers import DEPLOY, ROOT, render_dir

MONITORING = DEPLOY / "monitoring"
# Series the mesh does not export but the alerts may use: kube-state-metrics' restarts, Prometheus' `up`.
EXTERNAL = {"kube_pod_container_status_restarts_total", "up"}
PROMQL_WORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "le", "inf", "nan"}


def exported_metrics() -> set[str]:
    """Every metric MeshService describes; a histogram's series are its _bucket, _sum and _count."""
    names: set[str] = set()
    for source in (ROOT / "Packages" / "MeshService" / "Sources").rglob("*.swift"):
        for name, kind in re.findall(r'describe\(\s*"(\w+)",\s*type:\s*"(\w+)"', source.read_text()):
            names |= {f"{name}_bucket", f"{name}_sum", f"{name}_count"} if kind == "histogram" else {name}
    return names


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects: identifiers that are no function, keyword or label."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', "", expr)           # strings
    text = re.sub(r"\{[^}]*\}", "", text)                    # label matchers
    text = re.sub(r"\[[^\]]*\]", "", text)                   # range selectors
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", text)  # label lists
    text = re.sub(r"\b[a-zA-Z_:][\w:]*\s*\(", "(", text)     # function and aggregation names
    return {w for w in re.findall(r"\b[a-zA-Z_:][\w:]*\b", text) if w.lower() not in PROMQL_WORDS}


@pytest.fixture(scope="module")
def rendered():
    return render_dir(MONITORING, "monitoring")


def rules(rendered) -> list[dict]:
    rule = rendered.get("PrometheusRule", "agentic-mesh")
    return [r for group in rule["spec"]["groups"] for r in group["rules"]]


def dashboard() -> dict:
    return json.loads((MONITORING / "grafana-dashboard.json").read_text())


def test_renders_without_warnings(rendered) -> None:
    assert rendered.stderr.strip() == ""
    assert sorted(d["kind"] for d in rendered.docs) == ["ConfigMap", "PodMonitor", "PrometheusRule"]
    assert all(d["metadata"]["namespace"] == "agentic-mesh" for d in rendered.docs)


def test_the_dashboard_configmap_is_valid_and_found_by_grafana(rendered) -> None:
    config = rendered.get("ConfigMap", "agentic-mesh-dashboard")
    kubernetes_validate.validate(config, "1.30", strict=True)
    assert config["metadata"]["labels"]["grafana_dashboard"] == "1"
    assert json.loads(config["data"]["agentic-mesh.json"]) == dashboard()


def test_the_dashboard_is_grafana_json_with_a_query_per_panel() -> None:
    board = dashboard()
    assert board["uid"] == "agentic-mesh" and board["title"]
    ids = [p["id"] for p in board["panels"]]
    assert len(ids) == len(set(ids)), "panel ids are unique"
    for panel in board["panels"]:
        assert panel["targets"], f"panel {panel['title']} has no query"
        assert {"x", "y", "w", "h"} <= set(panel["gridPos"])
        for target in panel["targets"]:
            assert target["expr"].strip()
            assert target["expr"].count("(") == target["expr"].count(")"), target["expr"]


def test_every_alert_has_an_expression_severity_and_summary(rendered) -> None:
    for rule in rules(rendered):
        assert re.fullmatch(r"Mesh[A-Z]\w+", rule["alert"])
        assert rule["labels"]["severity"] in {"warning", "critical"}
        assert rule["annotations"]["summary"] and rule["annotations"]["description"]
        assert rule["expr"].count("(") == rule["expr"].count(")"), rule["expr"]
        if "for" in rule:
            assert re.fullmatch(r"\d+[smh]", rule["for"])


def test_alerts_cover_lag_dead_letters_and_restarts(rendered) -> None:
    used = {name for rule in rules(rendered) for name in metric_names(rule["expr"])}
    assert {"mesh_consumer_group_lag", "mesh_consumer_group_oldest_pending_seconds", "mesh_dead_letters_total",
            "kube_pod_container_status_restarts_total"} <= used


def test_every_metric_name_is_exported(rendered) -> None:
    known = exported_metrics() | EXTERNAL
    assert {"mesh_consumer_group_lag", "mesh_consumer_group_pending", "mesh_stream_length", "mesh_handling_seconds_bucket"} <= known
    exprs = [r["expr"] for r in rules(rendered)] + [t["expr"] for p in dashboard()["panels"] for t in p["targets"]]
    for expr in exprs:
        unknown = metric_names(expr) - known
        assert not unknown, f"{expr}: no service exports {sorted(unknown)}"


def test_the_name_check_catches_a_misspelt_metric() -> None:
    assert metric_names('max by (stream, group) (mesh_consumer_group_lagg{stream="x"}[5m]) > 1 and up == 0') == {
        "mesh_consumer_group_lagg", "up"}
    assert "mesh_consumer_group_lagg" not in exported_metrics()


def test_metric_names_follow_prometheus_conventions() -> None:
    for name in exported_metrics():
        assert re.fullmatch(r"mesh_[a-z_]+", name), name
        if name.endswith("_total"):
            continue
        assert not name.endswith("_count") or name.startswith("mesh_handling_seconds"), name


def test_the_pod_monitor_scrapes_the_services_port(rendered) -> None:
    monitor = rendered.get("PodMonitor", "agentic-mesh")
    endpoint = monitor["spec"]["podMetricsEndpoints"][0]
    assert endpoint["port"] == "http" and endpoint["path"] == "/metrics"
    components = monitor["spec"]["selector"]["matchExpressions"][0]["values"]
    assert sorted(components) == ["aggregator", "coordinator", "specialist"]
