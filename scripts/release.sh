#!/usr/bin/env bash
# Builds the release archive of deskform for this machine's architecture, into dist/:
#   dist/deskform-<version>-linux-<arch>.tar.gz          deskform (release, Swift runtime linked statically,
#                                                       stripped), deskform.1, completions/, README.md
#   dist/deskform-<version>-linux-<arch>.tar.gz.sha256   its SHA-256, as `sha256sum` writes it
# and checks the binary: ldd lists no Swift library, and `--version` and `validate` of the examples run
# with a scrubbed environment (env -i PATH=/usr/bin:/bin).
#
#   scripts/release.sh                  build, check, write dist/
#   scripts/release.sh --print-version  print the version (from Sources/DeskformCLI/DeskformVersion.swift)
#
# The version is DeskformVersion.number. The commit that `deskform --version` names is
# `git rev-parse --short=12 HEAD` (with -dirty when tracked files differ from it), or DESKFORM_COMMIT.
# It reaches the binary through a generated Sources/DeskformCLI/DeskformReleaseCommit.swift (ignored by
# git, removed on exit) and -Xswiftc -DDESKFORM_RELEASE; a plain `swift build` says "dev (unknown commit)".
# The build goes to .build-dist (a first build takes 10 to 30 minutes on 2 cores; later ones about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
    echo "release: error: $*" >&2
    exit 1
}

version_file=Sources/DeskformCLI/DeskformVersion.swift
version=$(sed -n 's/^ *package static let number = "\([^"]*\)"$/\1/p' "$version_file")
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] || fail "no version (package static let number = \"X.Y.Z\") in $version_file"
case "${1:-}" in
    --print-version) echo "$version"; exit 0 ;;
    "") ;;
    *) fail "usage: scripts/release.sh [--print-version]" ;;
esac

[ "$(uname -s)" = Linux ] || fail "release archives are built on Linux"
arch=$(uname -m)
case "$arch" in
    x86_64 | aarch64) ;;
    *) fail "unsupported architecture $arch (x86_64 or aarch64)" ;;
esac

if [ -n "${DESKFORM_COMMIT:-}" ]; then
    commit=$DESKFORM_COMMIT
else
    commit=$(git rev-parse --short=12 HEAD) || fail "not a git checkout: set DESKFORM_COMMIT"
    git diff --quiet HEAD -- || commit="$commit-dirty"
fi
[[ $commit =~ ^[0-9A-Za-z._+-]+$ ]] || fail "DESKFORM_COMMIT may hold only letters, digits and ._+-"

name="deskform-$version-linux-$arch"
scratch=.build-dist
generated=Sources/DeskformCLI/DeskformReleaseCommit.swift
staging=$(mktemp -d)
cleanup() {
    rm -f "$generated"
    rm -rf "$staging"
}
trap cleanup EXIT

echo "release: deskform $version (commit $commit), linux-$arch"
cat >"$generated" <<EOF
// Written by scripts/release.sh for one release build and removed after it; ignored by git.
#if DESKFORM_RELEASE
    let deskformReleaseCommit = "$commit"
#endif
EOF

build=(swift build -c release --product deskform --static-swift-stdlib --scratch-path "$scratch" -Xswiftc -DDESKFORM_RELEASE)
started=$(date +%s)
"${build[@]}"
echo "release: built in $(($(date +%s) - started)) s"
built="$("${build[@]}" --show-bin-path)/deskform"
rm -f "$generated"

package="$staging/$name"
mkdir -p "$package/completions"
strip -o "$package/deskform" "$built"
binary="$package/deskform"

# No Swift library may be loaded from the system: the runtime, Foundation and Dispatch are inside.
libraries=$(ldd "$binary")
echo "release: ldd $name/deskform"
sed 's/^/    /' <<<"$libraries"
if grep -Eiq 'swift|foundation|dispatch|blocksruntime|xctest|_testing' <<<"$libraries"; then
    fail "the binary links a Swift library dynamically"
fi
if grep -q 'not found' <<<"$libraries"; then
    fail "the binary needs a library this system does not have"
fi

# With nothing from this environment: no toolchain on PATH, no HOME, no LD_LIBRARY_PATH.
scrubbed=(env -i PATH=/usr/bin:/bin)
reported=$("${scrubbed[@]}" "$binary" --version)
[ "$reported" = "$version (commit $commit)" ] || fail "--version says '$reported', not '$version (commit $commit)'"
echo "release: deskform --version: $reported"
for example in examples/acme examples/msp; do
    "${scrubbed[@]}" "$binary" validate "$example" >/dev/null || fail "validate $example failed"
    echo "release: deskform validate $example: ok"
done

for shell in bash zsh fish; do
    case "$shell" in
        bash) file=deskform.bash ;;
        zsh) file=_deskform ;;
        fish) file=deskform.fish ;;
    esac
    "${scrubbed[@]}" "$binary" --generate-completion-script "$shell" >"$package/completions/$file"
done

# The man page, by swift-argument-parser's own generate-manual tool, built from the checkout that the
# package's dependencies already brought (no download): it reads `deskform --experimental-dump-help`.
swift build --package-path "$scratch/checkouts/swift-argument-parser" --scratch-path "$scratch/generate-manual" \
    --product generate-manual >/dev/null
manual="$(swift build --package-path "$scratch/checkouts/swift-argument-parser" --scratch-path "$scratch/generate-manual" \
    --product generate-manual --show-bin-path)/generate-manual"
mkdir -p "$staging/manual"
"$manual" "$binary" --output-directory "$staging/manual" --date "$(git log -1 --format=%cs 2>/dev/null || date -u +%F)" >/dev/null
[ -s "$staging/manual/deskform.1" ] || fail "generate-manual wrote no deskform.1"
cp "$staging/manual/deskform.1" "$package/deskform.1"
cp README.md "$package/README.md"

mkdir -p dist
archive="dist/$name.tar.gz"
tar -C "$staging" --owner=0 --group=0 --numeric-owner --sort=name -czf "$archive" "$name"
(cd dist && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
(cd dist && sha256sum -c --quiet "$name.tar.gz.sha256")

echo "release: deskform binary $(stat -c %s "$binary") bytes stripped; archive $(stat -c %s "$archive") bytes"
echo "release: wrote $archive and $archive.sha256"
