# One Dockerfile for the four service images and the `mesh` CLI's; `make image/<service>` (or `make images`,
# `make image/mesh`) passes PRODUCT:
#   podman build -f Dockerfiles/service.Dockerfile --build-arg PRODUCT=mesh-coordinator .
# The build context is the repository root. Base images are build arguments: the official
# swift:6.3-bookworm and debian:bookworm-slim by default, or the local stand-ins `make base-images`
# makes on a machine that cannot pull them (Deploy/images/README.md).
ARG SWIFT_IMAGE=docker.io/library/swift:6.3-bookworm
ARG RUNTIME_BASE=docker.io/library/debian:bookworm-slim

# ================================
# Build image: the same for every service (no service-specific ARG is used here), so the
# first image builds it and the other three reuse its cached layers. It compiles all four
# products in one build folder: each library is compiled once, not once per image.
# ================================
FROM ${SWIFT_IMAGE} AS build
# Docker-format images honour SHELL; podman's default OCI format runs /bin/sh instead, so the RUN
# that stages the binaries also checks what its pipes produced.
SHELL ["/bin/bash", "-o", "pipefail", "-c"]

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
# is reused until a Package.swift changes.
COPY Dockerfiles/BuildAll/Package.swift BuildAll/
COPY Packages/MeshProtocol/Package.swift Packages/MeshProtocol/
COPY Packages/MeshRedis/Package.swift Packages/MeshRedis/
COPY Packages/MeshAgents/Package.swift Packages/MeshAgents/
COPY Packages/MeshService/Package.swift Packages/MeshService/
COPY Services/Producer/Package.swift Services/Producer/
COPY Services/Coordinator/Package.swift Services/Coordinator/
COPY Services/Specialist/Package.swift Services/Specialist/
COPY Services/Aggregator/Package.swift Services/Aggregator/
COPY Services/Mesh/Package.swift Services/Mesh/
RUN swift package resolve --package-path BuildAll

# Build the four products with the Swift runtime linked in, without their DWARF debug information (the
# symbol table stays, so swift-backtrace still names each frame's function), and stage each one in
# /staging/<product>/ with its resource bundles and, in runtime-packages, the Debian packages
# that hold the libraries its NEEDED entries name: the run image installs exactly those.
COPY Packages/ Packages/
COPY Services/ Services/
RUN set -eu; \
    bin="$(swift build -c release --package-path BuildAll --show-bin-path)"; \
    for product in mesh-producer mesh-coordinator mesh-specialist mesh-aggregator mesh; do \
        swift build -c release --static-swift-stdlib --package-path BuildAll --product "$product"; \
        out="/staging/$product"; \
        install -D -m 0755 "$bin/$product" "$out/$product"; \
        strip --strip-debug "$out/$product"; \
        install -m 0755 /usr/libexec/swift/linux/swift-backtrace-static "$out/"; \
        find -L "$bin" -maxdepth 1 -name '*.resources' -exec cp -Ra {} "$out/" \; ; \
        readelf -d "$bin/$product" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p' > "$out/needed"; \
        grep -qx 'libc.so.6' "$out/needed" || { echo "$product: readelf found no NEEDED libc.so.6" >&2; exit 1; }; \
        while read -r soname; do \
            owner="$( (dpkg -S "*/$soname" 2> /dev/null || true) | sed -n 's/^\([^:,]*\)\(:[a-z0-9]*\)\?: .*/\1/p' | sort -u)"; \
            [ "$(printf '%s\n' "$owner" | grep -c .)" = 1 ] \
                || { echo "$product: NEEDED $soname: no single Debian package holds it (${owner:-none})" >&2; exit 1; }; \
            echo "$owner"; \
        done < "$out/needed" | sort -u > "$out/runtime-packages"; \
        echo "$product: NEEDED $(tr '\n' ' ' < "$out/needed")-> $(tr '\n' ' ' < "$out/runtime-packages")"; \
    done

# ================================
# Run image
# ================================
FROM ${RUNTIME_BASE}
ARG PRODUCT
# Data the binary opens at run time, which no NEEDED entry names (the specialist's
# hunspell dictionary): make image/<service> passes it.
ARG DATA_PACKAGES=

# Exactly the packages of the libraries this binary links (computed above from its NEEDED
# entries), its data packages, and a non-root user and group with a fixed id, 10001:10001
# (Kubernetes' runAsNonRoot can only verify a numeric USER).
# DL3008: as above.
COPY --from=build /staging/${PRODUCT}/runtime-packages /tmp/runtime-packages
# hadolint ignore=DL3008
RUN test -n "$PRODUCT" \
    && apt-get update \
    && xargs -a /tmp/runtime-packages apt-get install -y --no-install-recommends $DATA_PACKAGES \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/log/apt /var/log/dpkg.log /tmp/runtime-packages \
    && groupadd --system --gid 10001 mesh \
    && useradd --system --uid 10001 --gid mesh --home-dir /app --no-create-home --shell /usr/sbin/nologin mesh

WORKDIR /app
COPY --from=build --chown=10001:10001 /staging/${PRODUCT}/ /app/

# A crash prints a symbolicated backtrace to the log instead of leaving a core file.
ENV SWIFT_BACKTRACE=enable=yes,sanitize=yes,threads=all,images=all,interactive=no,swift-backtrace=/app/swift-backtrace-static \
    MESH_PRODUCT=${PRODUCT}

# Filled by `make image/<service>` from the VERSION files and git; declared last so a new
# revision reuses every layer above. A library the binary does not link gets no version.
ARG SERVICE_VERSION=0.0.0-dev
ARG MESH_PROTOCOL_VERSION=
ARG MESH_REDIS_VERSION=
ARG MESH_AGENTS_VERSION=
ARG MESH_SERVICE_VERSION=
ARG GIT_REVISION=unknown
LABEL org.opencontainers.image.title="${PRODUCT}" \
      org.opencontainers.image.description="Agentic Mesh ${PRODUCT}" \
      org.opencontainers.image.version="${SERVICE_VERSION}" \
      org.opencontainers.image.revision="${GIT_REVISION}" \
      io.agentic-mesh.lib.meshprotocol.version="${MESH_PROTOCOL_VERSION}" \
      io.agentic-mesh.lib.meshredis.version="${MESH_REDIS_VERSION}" \
      io.agentic-mesh.lib.meshagents.version="${MESH_AGENTS_VERSION}" \
      io.agentic-mesh.lib.meshservice.version="${MESH_SERVICE_VERSION}"

USER 10001:10001
EXPOSE 8080
# Exec form, the binary as PID 1: the shell form cannot name a build argument, so a
# one-line exec of the staged product.
ENTRYPOINT ["/bin/sh", "-c", "exec /app/$MESH_PRODUCT \"$@\"", "--"]
