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
    for c in pod_spec.get("containers", []):
        for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
            c.pop(probe, None)


def unnamespaced(doc: dict) -> dict:
    doc = copy.deepcopy(doc)
    doc.get("metadata", {}).pop("namespace", None)
    return doc


def mesh(docs: list[dict], redis_image: str) -> list[dict]:
    out = []
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
            doc = {"apiVersion": "v1", "kind": "Pod",
                   "metadata": {"name": name, "labels": spec["template"]["metadata"].get("labels", {})},
                   "spec": pod_spec}
        elif kind == "Deployment":
            strip_probes(doc["spec"]["template"]["spec"])
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
    container["args"] = ["--wait", "--timeout", "300", f"/review/{file.name}"]
    container.setdefault("volumeMounts", []).append({"name": "review", "mountPath": "/review", "readOnly": True})
    pod_spec.setdefault("volumes", []).append(
        {"name": "review", "hostPath": {"path": str(file.resolve().parent), "type": "Directory"}})
    labels = dict(job["spec"]["template"]["metadata"].get("labels", {}))
    return [{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "labels": labels}, "spec": pod_spec}]


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
