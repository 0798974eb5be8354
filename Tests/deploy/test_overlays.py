"""Rendered overlays: kustomize builds them cleanly, every object is valid, and the
properties the issue asks for hold in the YAML that would be applied."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

from deploy_helpers import DEPLOY, SPECIALISTS, Rendered, acl_rules, read_env_file, render_dir

# Kubernetes versions every rendered object is validated against (strict: unknown fields
# fail). 1.31 is the oldest minor still in upstream/managed support; 1.34 a current one.
K8S_VERSIONS = ("1.31.0", "1.34.0")
SCHEMAS = Path(__file__).parent / "schemas"
CUSTOM_SCHEMAS = {
    ("keda.sh/v1alpha1", "ScaledObject"): "keda.sh_v1alpha1_scaledobject.json",
    ("keda.sh/v1alpha1", "TriggerAuthentication"): "keda.sh_v1alpha1_triggerauthentication.json",
}
MESH_DEPLOYMENTS = ("coordinator", "aggregator") + tuple(f"{t}-agent" for t in SPECIALISTS)


def custom_validator(api_version: str, kind: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / CUSTOM_SCHEMAS[(api_version, kind)]).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


# ---- rendering and schemas ------------------------------------------------------------

def test_renders_without_warnings(overlay: Rendered) -> None:
    assert overlay.docs, f"{overlay.env} rendered nothing"
    assert overlay.stderr.strip() == "", f"kubectl kustomize ({overlay.env}) warned:\n{overlay.stderr}"


def test_no_deprecated_kustomize_fields() -> None:
    deprecated = {"commonLabels", "patchesStrategicMerge", "patchesJson6902", "bases", "vars", "imageTags"}
    for path in DEPLOY.rglob("kustomization.yaml"):
        fields = set(yaml.safe_load(path.read_text()))
        assert not fields & deprecated, f"{path.relative_to(DEPLOY)} uses deprecated {fields & deprecated}"


@pytest.mark.parametrize("version", K8S_VERSIONS)
def test_objects_valid_against_kubernetes_schemas(overlay: Rendered, version: str) -> None:
    checked = 0
    for doc in overlay.docs:
        key = (doc["apiVersion"], doc["kind"])
        if key in CUSTOM_SCHEMAS:
            continue
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.ValidationError as err:
            pytest.fail(f"{overlay.env} {doc['kind']}/{doc['metadata']['name']} invalid for {version}: "
                        f"{err.message} at {'/'.join(map(str, err.path))}")
        checked += 1
    assert checked >= 12


def test_kubernetes_validate_rejects_a_broken_object(dev: Rendered) -> None:
    """The validator is not a no-op: a misspelt field in a real Deployment fails."""
    doc = yaml.safe_load(yaml.safe_dump(dev.get("Deployment", "coordinator")))
    doc["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(doc, K8S_VERSIONS[-1], strict=True)


def test_custom_resources_valid_against_keda_schemas(prod: Rendered) -> None:
    custom = [d for d in prod.docs if (d["apiVersion"], d["kind"]) in CUSTOM_SCHEMAS]
    assert len(custom) == 5  # four ScaledObjects, one TriggerAuthentication
    for doc in custom:
        custom_validator(doc["apiVersion"], doc["kind"]).validate(doc)
    unknown = {(d["apiVersion"], d["kind"]) for d in prod.docs if "." in d["apiVersion"].split("/")[0]
               and not d["apiVersion"].split("/")[0].endswith("k8s.io")} - set(CUSTOM_SCHEMAS)
    assert not unknown, f"custom resources without a schema: {unknown}"


def test_keda_schema_rejects_mistakes(prod: Rendered) -> None:
    good = prod.get("ScaledObject", "grammar-agent")
    validator = custom_validator("keda.sh/v1alpha1", "ScaledObject")
    typo = yaml.safe_load(yaml.safe_dump(good))
    typo["spec"]["triggers"][0]["metadata"]["consumergroup"] = "x"
    lag_without_group = yaml.safe_load(yaml.safe_dump(good))
    del lag_without_group["spec"]["triggers"][0]["metadata"]["consumerGroup"]
    number = yaml.safe_load(yaml.safe_dump(good))
    number["spec"]["triggers"][0]["metadata"]["lagCount"] = 10
    for bad in (typo, lag_without_group, number):
        assert not validator.is_valid(bad)


# ---- every environment ----------------------------------------------------------------

def test_namespace_and_everything_in_it(overlay: Rendered) -> None:
    assert [d["metadata"]["name"] for d in overlay.of_kind("Namespace")] == ["agentic-mesh"]
    for doc in overlay.docs:
        if doc["kind"] != "Namespace":
            assert doc["metadata"].get("namespace") == "agentic-mesh", f"{doc['kind']}/{doc['metadata']['name']}"


def test_mesh_config_carries_every_setting_the_services_read(overlay: Rendered) -> None:
    data = overlay.generated("ConfigMap", "mesh-config")["data"]
    assert data["REDIS_HOST"] == "redis"
    assert data["REDIS_PORT"] == "6379"
    assert data["REDIS_DB"] == "0"
    assert int(data["SHUTDOWN_TIMEOUT_SECONDS"]) == 20
    # The services' defaults (MeshService RuntimeOptions, mesh-aggregator --report-ttl), stated.
    assert data["VISIBILITY_TIMEOUT_SECONDS"] == "30"
    assert data["MAX_DELIVERIES"] == "5"
    assert data["REPORT_TTL_SECONDS"] == "604800"
    # coordinator and aggregator: exactly the specialists that are deployed.
    assert data["SPECIALISTS"].split(",") == list(SPECIALISTS)
    deployed = {d["metadata"]["name"].removesuffix("-agent") for d in overlay.of_kind("Deployment")
                if d["metadata"]["labels"].get("app.kubernetes.io/component") == "specialist"}
    assert deployed == set(SPECIALISTS)
    # REDIS_HOST names the headless Service in front of the StatefulSet, on the right port.
    service = overlay.get("Service", data["REDIS_HOST"])
    assert service["spec"]["clusterIP"] == "None"
    assert [p["port"] for p in service["spec"]["ports"]] == [int(data["REDIS_PORT"])]
    assert overlay.get("StatefulSet", "redis")["spec"]["serviceName"] == service["metadata"]["name"]


def test_every_deployment_is_hardened_and_probed(overlay: Rendered) -> None:
    deployments = {d["metadata"]["name"]: d for d in overlay.of_kind("Deployment")}
    assert set(deployments) == set(MESH_DEPLOYMENTS)
    config = overlay.generated("ConfigMap", "mesh-config")
    shutdown = int(config["data"]["SHUTDOWN_TIMEOUT_SECONDS"])
    for name, dep in deployments.items():
        pod = dep["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}, name
        assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}, name
        assert {"name": "http", "containerPort": 8080} in container["ports"], name
        assert pod["terminationGracePeriodSeconds"] > shutdown, name
        annotations = dep["spec"]["template"]["metadata"]["annotations"]
        assert annotations["prometheus.io/scrape"] == "true" and annotations["prometheus.io/port"] == "8080"
        env = {e["name"]: e for e in container.get("env", [])}
        assert env["CONSUMER_NAME"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name", name
        assert {"configMapRef": {"name": config["metadata"]["name"]}} in container["envFrom"], name
        if dep["metadata"]["labels"].get("app.kubernetes.io/component") == "specialist":
            assert env["SPECIALIST_TYPE"]["value"] == name.removesuffix("-agent")


def test_every_workload_has_requests_limits_and_security_context(overlay: Rendered) -> None:
    workloads = overlay.workloads()
    assert {w["kind"] for w, _ in workloads} == {"Deployment", "StatefulSet", "CronJob"}
    for obj, pod in workloads:
        what = f"{overlay.env} {obj['kind']}/{obj['metadata']['name']}"
        assert pod["securityContext"]["runAsNonRoot"] is True, what
        assert pod["securityContext"]["runAsUser"] > 0, what
        assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}, what
        assert pod.get("automountServiceAccountToken") is False, what
        for container in pod["containers"]:
            sc = container["securityContext"]
            assert sc["allowPrivilegeEscalation"] is False, what
            assert sc["readOnlyRootFilesystem"] is True, what
            assert sc["capabilities"] == {"drop": ["ALL"]}, what
            for kind in ("requests", "limits"):
                assert set(container["resources"][kind]) >= {"cpu", "memory"}, f"{what} {kind}"


def test_redis_is_durable(overlay: Rendered) -> None:
    conf = overlay.generated("ConfigMap", "redis-config")["data"]["redis.conf"]
    settings = dict(line.split(maxsplit=1) for line in conf.splitlines() if line and not line.startswith("#"))
    assert settings["appendonly"] == "yes"
    assert settings["appendfsync"] == "always"
    assert settings["maxmemory-policy"] == "noeviction"
    redis = overlay.get("StatefulSet", "redis")
    (claim,) = redis["spec"]["volumeClaimTemplates"]
    (container,) = redis["spec"]["template"]["spec"]["containers"]
    assert {"name": claim["metadata"]["name"], "mountPath": "/data"} in container["volumeMounts"]
    assert container["image"].startswith("redis:7.")
    assert container["readinessProbe"] and container["livenessProbe"]


def test_producer_is_a_job_template(overlay: Rendered) -> None:
    cron = overlay.get("CronJob", "producer")
    assert cron["spec"]["suspend"] is True
    (container,) = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
    assert container["args"][:2] == ["--doc_id", "doc-001"]
    assert container["image"].split("/")[-1].startswith("mesh-producer:")


def test_generated_config_names_are_referenced(overlay: Rendered) -> None:
    """Every ConfigMap/Secret a pod names exists in the same render (hash suffixes resolved),
    except the optional `mesh-rules` (see test_specialists_read_optional_rules)."""
    names = {(d["kind"], d["metadata"]["name"]) for d in overlay.docs}
    text = yaml.safe_dump_all(overlay.docs)
    refs = re.findall(r"(?:configMapRef|configMap|secretKeyRef|secretRef):\n\s+(?:items:\n(?:\s+- key: \S+\n\s+path: \S+\n)+\s+|key: \S+\n\s+)?name: (\S+)", text)
    assert len(refs) >= 8, refs
    optional = {v["configMap"]["name"] for _, pod in overlay.workloads() for v in pod.get("volumes", [])
                if v.get("configMap", {}).get("optional")}
    assert optional == {"mesh-rules"}
    for ref in refs:
        assert ("ConfigMap", ref) in names or ("Secret", ref) in names or ref in optional, \
            f"{overlay.env}: dangling reference {ref}"
    assert "mesh-rules" in refs


def specialist_rules(deployment: dict) -> tuple[dict, dict, dict]:
    pod = deployment["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    (volume,) = [v for v in pod["volumes"] if v["name"] == "rules"]
    (mount,) = [m for m in container["volumeMounts"] if m["name"] == "rules"]
    return container, volume, mount


def test_specialists_read_optional_rules(overlay: Rendered) -> None:
    """The optional ConfigMap mesh-rules holds .mesh.yaml; mounted at the working directory, where
    the specialist finds it. MESH_CONFIG stays unset: a missing file would be an error."""
    for t in SPECIALISTS:
        container, volume, mount = specialist_rules(overlay.get("Deployment", f"{t}-agent"))
        assert volume["configMap"] == {"name": "mesh-rules", "optional": True,
                                       "items": [{"key": ".mesh.yaml", "path": ".mesh.yaml"}]}
        assert mount == {"name": "rules", "mountPath": "/etc/mesh", "readOnly": True}
        assert container["workingDir"] == "/etc/mesh"
        assert "MESH_CONFIG" not in {e["name"] for e in container.get("env", [])}
        assert "MESH_CONFIG" not in overlay.generated("ConfigMap", "mesh-config")["data"]
    assert not [d for d in overlay.of_kind("ConfigMap") if d["metadata"]["name"].startswith("mesh-rules")]


def test_rules_from_an_overlay_generator_reach_every_specialist(deploy_copy) -> None:
    """The README's recipe: a configMapGenerator `mesh-rules` in an overlay; its hashed name
    replaces the reference, so a change to the rules rolls the specialists."""
    overlay = deploy_copy / "overlays" / "with-rules"
    overlay.mkdir()
    (overlay / "mesh.yaml").write_text("tone:\n  target: formal\nmin-alert-level: warning\n")
    (overlay / "kustomization.yaml").write_text(
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: agentic-mesh\n"
        "resources:\n  - ../dev\nconfigMapGenerator:\n  - name: mesh-rules\n    files:\n      - .mesh.yaml=mesh.yaml\n")
    rendered = render_dir(overlay, "with-rules")
    assert rendered.stderr == ""
    rules = rendered.generated("ConfigMap", "mesh-rules")
    assert rules["data"] == {".mesh.yaml": "tone:\n  target: formal\nmin-alert-level: warning\n"}
    for t in SPECIALISTS:
        _, volume, _ = specialist_rules(rendered.get("Deployment", f"{t}-agent"))
        assert volume["configMap"]["name"] == rules["metadata"]["name"]


# ---- dev ------------------------------------------------------------------------------

def test_dev_is_small(dev: Rendered) -> None:
    for obj in dev.of_kind("Deployment") + dev.of_kind("StatefulSet"):
        assert obj["spec"]["replicas"] == 1, obj["metadata"]["name"]
    for obj, pod in dev.workloads():
        for c in pod["containers"]:
            if c["name"] != "redis":
                assert c["image"].endswith(":dev"), c["image"]
            assert c["resources"]["requests"]["cpu"] in ("10m", "20m"), obj["metadata"]["name"]
            assert not any(e["name"] in ("REDIS_PASSWORD", "REDISCLI_AUTH") for e in c.get("env", []))
    assert dev.of_kind("Secret") == []
    claim = dev.get("StatefulSet", "redis")["spec"]["volumeClaimTemplates"][0]
    assert claim["spec"]["resources"]["requests"]["storage"] == "1Gi"


# ---- prod -----------------------------------------------------------------------------

@pytest.mark.parametrize("specialist", SPECIALISTS)
def test_prod_scales_each_specialist_on_its_own_stream(prod: Rendered, specialist: str) -> None:
    scaled = prod.get("ScaledObject", f"{specialist}-agent")
    spec = scaled["spec"]
    assert spec["scaleTargetRef"]["name"] == f"{specialist}-agent"
    prod.get("Deployment", spec["scaleTargetRef"]["name"])
    assert 1 <= spec["minReplicaCount"] < spec["maxReplicaCount"]
    (trigger,) = spec["triggers"]
    assert trigger["type"] == "redis-streams"
    meta = trigger["metadata"]
    assert meta["stream"] == f"doc.review.{specialist}"
    assert meta["consumerGroup"] == f"{specialist}-group"
    assert int(meta["lagCount"]) > 0
    assert meta["address"] == "redis.agentic-mesh.svc.cluster.local:6379"
    auth = prod.get("TriggerAuthentication", trigger["authenticationRef"]["name"])
    secret = prod.get("Secret", auth["spec"]["secretTargetRef"][0]["name"])
    params = {ref["parameter"]: ref for ref in auth["spec"]["secretTargetRef"]}
    assert set(params) == {"username", "password"}
    for ref in params.values():
        assert ref["name"] == secret["metadata"]["name"] and ref["key"] in secret["data"]
    # KEDA owns the replica count: the Deployment must not carry one to fight it.
    assert "replicas" not in prod.get("Deployment", f"{specialist}-agent")["spec"]


def test_prod_images_are_pinned_releases(prod: Rendered) -> None:
    for obj, pod in prod.workloads():
        for c in pod["containers"]:
            if c["name"] == "redis":
                continue
            repo, _, tag = c["image"].rpartition(":")
            assert "/" in repo, c["image"]
            assert re.fullmatch(r"\d+\.\d+\.\d+", tag), f"{obj['metadata']['name']}: {c['image']} is not a release"


def test_prod_redis_users_per_role(prod: Rendered) -> None:
    secret = prod.generated("Secret", "redis-auth")
    rules = {user: var for user, var, _ in acl_rules()}
    expected_users = {"coordinator", "aggregator", "producer"} | {f"{t}-agent" for t in SPECIALISTS}
    seen = set()
    for obj, pod in prod.workloads():
        (c,) = pod["containers"]
        env = {e["name"]: e for e in c.get("env", [])}
        if c["name"] == "redis":
            ref = env["REDISCLI_AUTH"]["valueFrom"]["secretKeyRef"]
            assert ref == {"name": secret["metadata"]["name"], "key": rules["default"]}
            assert c["command"] == ["sh", "/etc/redis-acl/start.sh"]
            continue
        user = env["REDIS_USERNAME"]["value"]
        ref = env["REDIS_PASSWORD"]["valueFrom"]["secretKeyRef"]
        assert ref["name"] == secret["metadata"]["name"]
        assert ref["key"] == rules[user] and ref["key"] in secret["data"], user
        seen.add(user)
    assert seen == expected_users
    assert set(rules) == expected_users | {"default", "keda"}


def test_prod_redis_credentials_come_from_one_component() -> None:
    """Each role's REDIS_USERNAME/REDIS_PASSWORD patch lives once, in components/redis-credentials, which
    prod uses; the overlay itself repeats none of them. Every role of users.rules has its patch, its user
    being the workload's name."""
    overlay = yaml.safe_load((DEPLOY / "overlays/prod/kustomization.yaml").read_text())
    assert "../../components/redis-credentials" in overlay["components"]
    assert "REDIS_USERNAME" not in json.dumps(overlay.get("patches", []))
    component = yaml.safe_load((DEPLOY / "components/redis-credentials/kustomization.yaml").read_text())
    assert component["kind"] == "Component"
    rules = {user: var for user, var, _ in acl_rules()}
    patched = {}
    for patch in component["patches"]:
        ops = yaml.safe_load(patch["patch"])
        env = {op["value"]["name"]: op["value"] for op in ops}
        assert env["REDIS_USERNAME"]["value"] == patch["target"]["name"]
        patched[patch["target"]["name"]] = env["REDIS_PASSWORD"]["valueFrom"]["secretKeyRef"]
    assert patched == {user: {"name": "redis-auth", "key": var} for user, var in rules.items() if user not in ("default", "keda")}


def test_prod_secret_comes_from_the_uncommitted_env_file(prod: Rendered) -> None:
    import base64

    secret = prod.generated("Secret", "redis-auth")
    example = read_env_file(DEPLOY / "overlays/prod/secrets/redis.env.example")
    decoded = {k: base64.b64decode(v).decode() for k, v in secret["data"].items()}
    for key, value in example.items():
        assert decoded[key] == value
    assert decoded["REDIS_USERNAME_KEDA"] == "keda"


def test_prod_disruption_budgets(prod: Rendered) -> None:
    budgets = prod.of_kind("PodDisruptionBudget")
    for name in MESH_DEPLOYMENTS:
        labels = prod.get("Deployment", name)["spec"]["template"]["metadata"]["labels"]
        covering = [b for b in budgets
                    if b["spec"]["selector"]["matchLabels"].items() <= labels.items()]
        assert len(covering) == 1, name
        assert covering[0]["spec"]["maxUnavailable"] == 1


def test_prod_only_mesh_pods_reach_redis(prod: Rendered) -> None:
    (policy,) = prod.of_kind("NetworkPolicy")
    redis_labels = prod.get("StatefulSet", "redis")["spec"]["template"]["metadata"]["labels"]
    assert policy["spec"]["podSelector"]["matchLabels"].items() <= redis_labels.items()
    assert policy["spec"]["policyTypes"] == ["Ingress"]
    (rule,) = policy["spec"]["ingress"]
    assert rule["ports"] == [{"protocol": "TCP", "port": 6379}]
    same_namespace = [p for p in rule["from"] if "namespaceSelector" not in p]
    assert same_namespace == [{"podSelector": {"matchLabels": {"app.kubernetes.io/part-of": "agentic-mesh"}}}]
    # Every mesh pod carries that label, so every mesh pod is admitted.
    for obj, _ in prod.workloads():
        spec = obj["spec"].get("jobTemplate", {}).get("spec", obj["spec"])
        assert spec["template"]["metadata"]["labels"]["app.kubernetes.io/part-of"] == "agentic-mesh"


def test_prod_spreads_pods_across_nodes(prod: Rendered) -> None:
    for dep in prod.of_kind("Deployment"):
        constraints = dep["spec"]["template"]["spec"]["topologySpreadConstraints"]
        by_key = {c["topologyKey"]: c for c in constraints}
        assert by_key["kubernetes.io/hostname"]["whenUnsatisfiable"] == "DoNotSchedule"
        for c in constraints:
            assert c["labelSelector"]["matchLabels"].items() <= dep["spec"]["template"]["metadata"]["labels"].items()
            assert c["matchLabelKeys"] == ["pod-template-hash"]


def test_prod_replicas_for_the_rest(prod: Rendered) -> None:
    assert prod.get("Deployment", "coordinator")["spec"]["replicas"] == 2
    assert prod.get("Deployment", "aggregator")["spec"]["replicas"] == 2
