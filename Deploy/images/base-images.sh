#!/usr/bin/env bash
# make base-images: the two base images the Dockerfile builds FROM, made locally when they cannot
# be pulled (and only then):
#   RUNTIME_BASE  debian:bookworm-slim   debootstrap --variant=minbase bookworm from the machine's
#                                        Debian mirror, trimmed like the official slim image, imported
#   SWIFT_IMAGE   swift:6.3-bookworm     that image + the official image's packages + the machine's
#                                        Swift toolchain (+ its git mirror rule), Deploy/images/swift.Containerfile
# Environment: CONTAINER_TOOL (podman|docker), RUNTIME_BASE, SWIFT_IMAGE, SWIFT_TOOLCHAIN (folder with
# usr/bin/swift), GIT_MIRROR (optional), DEBIAN_MIRROR, SOURCE_DATE_EPOCH (file times in the rootfs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tool="${CONTAINER_TOOL:-podman}"
runtime_base="${RUNTIME_BASE:-docker.io/library/debian:bookworm-slim}"
swift_image="${SWIFT_IMAGE:-docker.io/library/swift:6.3-bookworm}"
toolchain="${SWIFT_TOOLCHAIN:-$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
epoch="${SOURCE_DATE_EPOCH:-$(date -d 2025-05-20 +%s)}"
say() { printf '==> %s\n' "$*"; }

have() { "$tool" image inspect "$1" > /dev/null 2>&1; }
# A short pull attempt: a machine that can reach a registry gets the official image.
pulled() { have "$1" || timeout 120 "$tool" pull -q "$1" > /dev/null 2>&1; }

if pulled "$runtime_base"; then
    say "$runtime_base: present"
else
    command -v debootstrap > /dev/null || { echo "debootstrap is missing (apt-get install debootstrap)" >&2; exit 2; }
    [ "$(id -u)" = 0 ] || { echo "debootstrap needs root to build $runtime_base" >&2; exit 2; }
    say "$runtime_base: debootstrap --variant=minbase bookworm $mirror"
    work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
    root="$work/rootfs"
    debootstrap --variant=minbase bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    # As the official slim image: no docs, man pages or locales from later installs, no caches.
    cat > "$root/etc/dpkg/dpkg.cfg.d/docker" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
CFG
    printf 'APT::Install-Recommends "false";\n' > "$root/etc/apt/apt.conf.d/docker-no-recommends"
    printf 'Acquire::Languages "none";\n' > "$root/etc/apt/apt.conf.d/docker-no-languages"
    rm -f "$root/etc/apt/sources.list"
    cat > "$root/etc/apt/sources.list.d/debian.sources" <<SRC
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    find "$root/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete 2> /dev/null || true
    find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2> /dev/null || true
    rm -rf "$root"/usr/share/{man,info,locale,groff,lintian,linda}/* \
        "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
        "$root"/var/log/* "$root"/tmp/* "$root"/root/.cache
    : > "$root/etc/machine-id"; rm -f "$root/etc/hostname" "$root/etc/resolv.conf"
    tar --sort=name --numeric-owner --mtime="@$epoch" --clamp-mtime -C "$root" -cf "$work/rootfs.tar" .
    "$tool" import --change 'CMD ["bash"]' "$work/rootfs.tar" "$runtime_base" > /dev/null
    rm -rf "$work"; trap - EXIT
    say "$runtime_base: $("$tool" image inspect -f '{{.Size}}' "$runtime_base" | numfmt --to=si)B"
fi

if pulled "$swift_image"; then
    say "$swift_image: present"
else
    [ -x "$toolchain/usr/bin/swift" ] || { echo "no Swift toolchain at $toolchain (SWIFT_TOOLCHAIN=<folder with usr/bin/swift>)" >&2; exit 2; }
    say "$swift_image: $runtime_base + the official package list + the toolchain in $toolchain${GIT_MIRROR:+ + git mirror $GIT_MIRROR}"
    "$tool" build --pull=never -f "$here/swift.Containerfile" \
        --volume "$toolchain:/toolchain:ro" \
        --build-arg BASE="$runtime_base" --build-arg GIT_MIRROR="${GIT_MIRROR:-}" \
        -t "$swift_image" "$here"
fi
