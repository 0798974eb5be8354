# Agentic Mesh — build, test, run and ship. `make help` lists every target.
SHELL = /usr/bin/env bash -o pipefail
.SHELLFLAGS = -ec
.DEFAULT_GOAL := help

ROOT          := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
SWIFT         ?= swift
PYTHON        ?= python3
CONTAINER_TOOL ?= docker
REGISTRY      ?=
ENV           ?= dev

LIBS     := MeshProtocol MeshRedis MeshAgents
SERVICES := producer coordinator specialist aggregator

##@ General

.PHONY: help
help: ## Show this help.
	@awk 'BEGIN {FS = ":.*##"; printf "\nUsage:\n  make \033[36m<target>\033[0m\n"} /^[a-zA-Z_0-9%\/.-]+:.*?##/ { printf "  \033[36m%-22s\033[0m %s\n", $$1, $$2 } /^##@/ { printf "\n\033[1m%s\033[0m\n", substr($$0, 5) } ' $(MAKEFILE_LIST)

# ---- section: build (lead) ----
# ---- end section: build ----

# ---- section: test (lead) ----
# ---- end section: test ----

# ---- section: agents (MeshAgents: eval, bench-agents) ----
# ---- end section: agents ----

# ---- section: ship (images, deploy, release-lib) ----
# ---- end section: ship ----
