#!/usr/bin/env bash
# Release one library package: bump Packages/<LIB>/VERSION and the constant in
# Packages/<LIB>/Sources/<target>/Version.swift that declares `<LIB>Library` (`public static let version =
# "X.Y.Z"`; the package's lowest target holds it, so every binary built with any part of it can print it), move the
# entries under "## Unreleased" in Packages/<LIB>/CHANGELOG.md to a new "## X.Y.Z (YYYY-MM-DD)"
# section (leaving an empty Unreleased section on top), commit the three, and tag <LIB>-X.Y.Z.
#
#   Packages/release-lib.sh <LIB> <patch|minor|major>        (make release-lib LIB=... BUMP=...)
#
# Refuses a dirty work tree, an empty Unreleased section, a Version.swift without exactly one
# `version = "..."` line, and an existing tag.
# RELEASE_DATE (YYYY-MM-DD) overrides today's date (UTC), for tests.
set -euo pipefail

die() { echo "release-lib: $*" >&2; exit 1; }

[[ $# -eq 2 ]] || die "usage: $0 <LIB> <patch|minor|major>"
lib="$1" bump="$2"
case "$bump" in patch | minor | major) ;; *) die "BUMP must be patch, minor or major (got '$bump')" ;; esac

root="$(git rev-parse --show-toplevel)" || die "not inside a git repository"
cd "$root"
dir="Packages/$lib"
[[ -f "$dir/VERSION" ]] || die "$dir/VERSION not found (LIB is one of: $(cd Packages && ls -d */ 2>/dev/null | tr -d / | tr '\n' ' '))"
[[ -f "$dir/CHANGELOG.md" ]] || die "$dir/CHANGELOG.md not found"
version_swift="$(grep -lE "enum ${lib}Library\b" "$dir"/Sources/*/Version.swift 2> /dev/null | head -n 1 || true)"
[[ -n "$version_swift" && -f "$version_swift" ]] || die "no $dir/Sources/*/Version.swift declares ${lib}Library"
version_line='^([[:space:]]*public static let version = )"[^"]*"[[:space:]]*$'
[[ "$(grep -cE "$version_line" "$version_swift")" -eq 1 ]] \
    || die "$version_swift must have exactly one line 'public static let version = \"X.Y.Z\"'"

if ! git diff --quiet || ! git diff --cached --quiet || [[ -n "$(git ls-files --others --exclude-standard -- "$dir")" ]]; then
    die "the work tree has uncommitted changes; commit or stash them first"
fi

current="$(tr -d '[:space:]' < "$dir/VERSION")"
[[ "$current" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || die "$dir/VERSION holds '$current', not X.Y.Z"
major="${BASH_REMATCH[1]}" minor="${BASH_REMATCH[2]}" patch="${BASH_REMATCH[3]}"
case "$bump" in
    major) next="$((major + 1)).0.0" ;;
    minor) next="$major.$((minor + 1)).0" ;;
    patch) next="$major.$minor.$((patch + 1))" ;;
esac
tag="$lib-$next"
if git rev-parse -q --verify "refs/tags/$tag" > /dev/null; then die "tag $tag already exists"; fi

date="${RELEASE_DATE:-$(date -u +%F)}"
[[ "$date" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "RELEASE_DATE must be YYYY-MM-DD (got '$date')"

grep -q '^## Unreleased[[:space:]]*$' "$dir/CHANGELOG.md" || die "$dir/CHANGELOG.md has no '## Unreleased' section"
# An Unreleased section counts as empty when it holds nothing but blank lines and ### headings.
entries="$(awk '/^## /{ inside = ($0 ~ /^## Unreleased[[:space:]]*$/); next }
               inside && !/^[[:space:]]*$/ && !/^### / { n++ } END { print n + 0 }' "$dir/CHANGELOG.md")"
[[ "$entries" -gt 0 ]] || die "the Unreleased section of $dir/CHANGELOG.md is empty: nothing to release"

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
# Unreleased's body (blank lines at either end trimmed) moves under the new heading.
awk -v heading="## $next ($date)" '
    function flush(   i, first, last) {
        first = 1; last = n
        while (first <= n && body[first] ~ /^[[:space:]]*$/) first++
        while (last >= first && body[last] ~ /^[[:space:]]*$/) last--
        print "## Unreleased"; print ""; print heading; print ""
        for (i = first; i <= last; i++) print body[i]
        print ""
        done = 1
    }
    /^## / && inside { flush(); inside = 0 }
    /^## Unreleased[[:space:]]*$/ && !done { inside = 1; next }
    inside { body[++n] = $0; next }
    { print }
    END { if (inside) flush() }
' "$dir/CHANGELOG.md" > "$tmp"
cat "$tmp" > "$dir/CHANGELOG.md"
echo "$next" > "$dir/VERSION"
sed -i -E "s/$version_line/\\1\"$next\"/" "$version_swift"

git add -- "$dir/VERSION" "$dir/CHANGELOG.md" "$version_swift"
git commit -q -m "$lib $next" -- "$dir/VERSION" "$dir/CHANGELOG.md" "$version_swift"
git tag -a "$tag" -m "$lib $next"
echo "release-lib: $lib $current -> $next, tagged $tag (push with: git push origin HEAD $tag)"
