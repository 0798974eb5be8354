# syntax=docker/dockerfile:1
# mesh-coordinator: reads doc.chunks, fans each chunk out to the doc.review.<type> streams.
# Build context is the repository root (the service depends on ../../Packages):
#   docker build -f Dockerfiles/coordinator.Dockerfile .      (or: make image/coordinator)
# All Dockerfiles here share one layout; they differ only in the names below, the libraries,
# the runtime packages and the ENTRYPOINT (Tests/deploy/test_dockerfiles.py checks that).
ARG SERVICE_DIR=Services/Coordinator
ARG PRODUCT=mesh-coordinator

# ================================
# Build image
# ================================
FROM swift:6.3-bookworm AS build
ARG SERVICE_DIR
ARG PRODUCT

# Headers and pkg-config files for the C shims (CHiredis, CZlib, CCmark, CHunspell).
# DL3008: bookworm is a stable release that only takes security fixes; pinning exact
# Debian revisions would break the build at each point release. The base tag pins the rest.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libcmark-gfm-dev libcmark-gfm-extensions-dev libhiredis-dev libhunspell-dev pkg-config zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /build

# Resolve dependencies in their own layer: only the manifests are copied, so this layer
# is reused until a Package.swift changes. Resolving reads the manifest of every package
# the service depends on by path, transitively (Tests/deploy checks the list).
COPY Packages/MeshProtocol/Package.swift Packages/MeshProtocol/
COPY Packages/MeshRedis/Package.swift Packages/MeshRedis/
COPY Packages/MeshService/Package.swift Packages/MeshService/
COPY ${SERVICE_DIR}/Package.swift ${SERVICE_DIR}/
RUN swift package resolve --package-path "$SERVICE_DIR"

# Build the one product with the Swift runtime linked in; stage it with its resource bundles.
COPY Packages/ Packages/
COPY ${SERVICE_DIR}/ ${SERVICE_DIR}/
RUN swift build -c release --static-swift-stdlib --package-path "$SERVICE_DIR" --product "$PRODUCT" \
    && bin="$(swift build -c release --package-path "$SERVICE_DIR" --show-bin-path)" \
    && install -D -m 0755 "$bin/$PRODUCT" "/staging/$PRODUCT" \
    && install -m 0755 /usr/libexec/swift/linux/swift-backtrace-static /staging/ \
    && find -L "$bin" -maxdepth 1 -name '*.resources' -exec cp -Ra {} /staging/ \;

# ================================
# Run image
# ================================
FROM debian:bookworm-slim
ARG PRODUCT

# Only the shared libraries this binary links, and a non-root system user with a fixed
# numeric id (Kubernetes' runAsNonRoot can only verify a numeric USER).
# DL3008: as above.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libhiredis0.14 zlib1g \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --user-group --uid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin mesh

WORKDIR /app
COPY --from=build --chown=mesh:mesh /staging/ /app/

# A crash prints a symbolicated backtrace to the log instead of leaving a core file.
ENV SWIFT_BACKTRACE=enable=yes,sanitize=yes,threads=all,images=all,interactive=no,swift-backtrace=/app/swift-backtrace-static

# Filled by `make image/<service>` from the VERSION files and git; declared last so a new
# revision reuses every layer above.
ARG SERVICE_VERSION=0.0.0-dev
ARG MESH_PROTOCOL_VERSION=unknown
ARG MESH_REDIS_VERSION=unknown
ARG MESH_SERVICE_VERSION=unknown
ARG GIT_REVISION=unknown
LABEL org.opencontainers.image.title="${PRODUCT}" \
      org.opencontainers.image.description="Agentic Mesh ${PRODUCT}" \
      org.opencontainers.image.version="${SERVICE_VERSION}" \
      org.opencontainers.image.revision="${GIT_REVISION}" \
      io.agentic-mesh.lib.meshprotocol.version="${MESH_PROTOCOL_VERSION}" \
      io.agentic-mesh.lib.meshredis.version="${MESH_REDIS_VERSION}" \
      io.agentic-mesh.lib.meshservice.version="${MESH_SERVICE_VERSION}"

USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["/app/mesh-coordinator"]
