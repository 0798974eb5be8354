#!/usr/bin/env python3
"""Translate a rendered overlay (kubectl kustomize Deploy/overlays/dev) into what `podman kube play`
runs (podman 4.3: Pod, Deployment, ConfigMap, PersistentVolumeClaim), changing only what podman cannot
run; Deploy/README.md ("The dev overlay under podman") lists each change and why.

  kube_play.py mesh   RENDERED REDIS_IMAGE          > mesh.yaml     the mesh, without the producer
  kube_play.py review RENDERED FILE NAME            > review.yaml   one producer Job's pod reviewing FILE
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import yaml

PLAYABLE = {"Deployment", "ConfigMap", "PersistentVolumeClaim", "Pod", "Secret"}


def strip_probes(pod_spec: dict) -> None:
    # podman turns probes into healthchecks that systemd timers run; there is no systemd here.
    # podman 4.3 also publishes every containerPort on the host (as if hostPort were set), so six pods
    # would all bind the host's 8080; on the network the ports are reachable without it.
    for c in pod_spec.get("containers", []):
        for key in ("livenessProbe", "readinessProbe", "startupProbe", "ports"):
            c.pop(key, None)


def unnamespaced(doc: dict) -> dict:
    doc = copy.deepcopy(doc)
    doc.get("metadata", {}).pop("namespace", None)
    return doc


def per_pod_empty_dirs(pod_spec: dict, pod: str) -> None:
    # podman 4.3 makes an emptyDir a named volume called after the volume, so every pod's `tmp` would be
    # one volume shared by all; each gets its own name (<pod>-<volume>), as each pod has its own in Kubernetes.
    renamed = {}
    for volume in pod_spec.get("volumes", []):
        if "emptyDir" in volume:
            renamed[volume["name"]] = volume["name"] = f"{pod}-{volume['name']}"
    for c in pod_spec.get("containers", []):
        for mount in c.get("volumeMounts", []):
            mount["name"] = renamed.get(mount["name"], mount["name"])


def missing_optional_config_maps(pod_spec: dict, config_maps: set[str]) -> None:
    # Kubernetes mounts an empty folder for an optional ConfigMap that does not exist (the specialists'
    # `mesh-rules`, their working directory); podman mounts nothing, and then refuses the working directory.
    for volume in pod_spec.get("volumes", []):
        cm = volume.get("configMap")
        if cm and cm.get("optional") and cm["name"] not in config_maps:
            volume.pop("configMap")
            volume["emptyDir"] = {}


def mesh(docs: list[dict], redis_image: str) -> list[dict]:
    out = []
    config_maps = {d["metadata"]["name"] for d in docs if d["kind"] == "ConfigMap"}
    for doc in docs:
        kind = doc["kind"]
        if kind in ("Namespace", "Service", "CronJob"):
            # Namespace: podman has none (the pods share one network instead). Service: the StatefulSet's
            # pod takes the Service's name, which the network's DNS resolves. CronJob: the producer is run
            # per review (`review` below), not with the mesh.
            continue
        doc = unnamespaced(doc)
        if kind == "StatefulSet":
            spec = doc["spec"]
            name = spec.get("serviceName") or doc["metadata"]["name"]
            pod_spec = copy.deepcopy(spec["template"]["spec"])
            volumes = pod_spec.setdefault("volumes", [])
            for claim in spec.get("volumeClaimTemplates", []):
                claim_name = f"{claim['metadata']['name']}-{doc['metadata']['name']}-0"  # as Kubernetes names it
                out.append({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                            "metadata": {"name": claim_name, "labels": doc["metadata"].get("labels", {})},
                            "spec": claim["spec"]})
                volumes.append({"name": claim["metadata"]["name"], "persistentVolumeClaim": {"claimName": claim_name}})
            for c in pod_spec["containers"]:
                if c["image"].startswith("redis:"):
                    c["image"] = redis_image
            pod_spec["restartPolicy"] = "Always"
            strip_probes(pod_spec)
            per_pod_empty_dirs(pod_spec, name)
            doc = {"apiVersion": "v1", "kind": "Pod",
                   "metadata": {"name": name, "labels": spec["template"]["metadata"].get("labels", {})},
                   "spec": pod_spec}
        elif kind == "Deployment":
            strip_probes(doc["spec"]["template"]["spec"])
            missing_optional_config_maps(doc["spec"]["template"]["spec"], config_maps)
            per_pod_empty_dirs(doc["spec"]["template"]["spec"], doc["metadata"]["name"])
        if doc["kind"] not in PLAYABLE:
            sys.exit(f"kube_play.py: {kind} {doc['metadata']['name']}: podman kube play cannot run it and there is no translation")
        out.append(doc)
    return out


def review(docs: list[dict], file: Path, name: str) -> list[dict]:
    (cron,) = [d for d in docs if d["kind"] == "CronJob" and d["metadata"]["name"] == "producer"]
    job = cron["spec"]["jobTemplate"]
    pod_spec = copy.deepcopy(job["spec"]["template"]["spec"])
    strip_probes(pod_spec)
    (container,) = pod_spec["containers"]
    # The file's folder is mounted at the same path, so the report names the file as `make run` does.
    folder = str(file.resolve().parent)
    container["args"] = ["--wait", "--timeout", "300", str(file.resolve())]
    container.setdefault("volumeMounts", []).append({"name": "review", "mountPath": folder, "readOnly": True})
    pod_spec.setdefault("volumes", []).append({"name": "review", "hostPath": {"path": folder, "type": "Directory"}})
    per_pod_empty_dirs(pod_spec, name)
    labels = dict(job["spec"]["template"]["metadata"].get("labels", {}))
    # kube play reads the environment's ConfigMaps from the same file.
    wanted = {ref["configMapRef"]["name"] for ref in container.get("envFrom", []) if "configMapRef" in ref}
    config_maps = [unnamespaced(d) for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"] in wanted]
    return [*config_maps, {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "labels": labels}, "spec": pod_spec}]


def main() -> None:
    if len(sys.argv) < 4 or sys.argv[1] not in ("mesh", "review"):
        sys.exit(__doc__)
    docs = [d for d in yaml.safe_load_all(Path(sys.argv[2]).read_text()) if d]
    if sys.argv[1] == "mesh":
        out = mesh(docs, sys.argv[3])
    else:
        out = review(docs, Path(sys.argv[3]), sys.argv[4])
    yaml.safe_dump_all(out, sys.stdout, sort_keys=False)


if __name__ == "__main__":
    main()
