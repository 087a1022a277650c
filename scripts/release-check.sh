#!/usr/bin/env bash
# The release script's test, run by .ci/run only when RELEASE_CHECK=1 (a release build takes about 10
# minutes or more on 2 cores): runs scripts/release.sh, then checks what it wrote from the outside: the archive's
# .sha256 (sha256sum -c), the archive's files, and the unpacked binary, with a scrubbed environment:
# stripped, no Swift library in ldd, --version naming the version and this commit, validate of the
# examples, and a plan of examples/acme against the embedded local instance.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

failures=0
check() { # check DESCRIPTION COMMAND…
    local description=$1
    shift
    if "$@"; then
        echo "  ok: $description"
    else
        echo "  FAIL: $description" >&2
        failures=$((failures + 1))
    fi
}

version=$(scripts/release.sh --print-version)
name="deskform-$version-linux-$(uname -m)"
rm -f "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
started=$(date +%s)
scripts/release.sh
echo "release-check: scripts/release.sh took $(($(date +%s) - started)) s"

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
scrubbed=(env -i PATH=/usr/bin:/bin)
binary="$unpacked/$name/deskform"

check "the .sha256 is in sha256sum's format and names the archive" \
    grep -Eqx "[0-9a-f]{64}  $name.tar.gz" "dist/$name.tar.gz.sha256"
verifies() { (cd dist && sha256sum -c --quiet "$name.tar.gz.sha256"); }
check "sha256sum -c accepts the archive" verifies
listing=$(tar -tzf "dist/$name.tar.gz" | sort | tr '\n' ' ')
expected="$name/ $name/README.md $name/completions/ $name/completions/_deskform $name/completions/deskform.bash "
expected+="$name/completions/deskform.fish $name/deskform $name/deskform.1 "
check "the archive holds deskform, its man page, completions and the README (it holds: $listing)" test "$listing" = "$expected"
tar -xzf "dist/$name.tar.gz" -C "$unpacked"

stripped() { ! readelf -S "$binary" | grep -q '\.symtab'; }
check "the binary is stripped (no .symtab)" stripped
libraries=$(ldd "$binary")
no_swift_library() { ! grep -Eiq 'swift|foundation|dispatch|blocksruntime' <<<"$libraries"; }
check "ldd lists no Swift library" no_swift_library
commit=$(git rev-parse --short=12 HEAD)
reported=$("${scrubbed[@]}" "$binary" --version)
names_this_commit() { [ "$reported" = "$version (commit $commit)" ] || [ "$reported" = "$version (commit $commit-dirty)" ]; }
check "--version says '$reported': the version and commit $commit" names_this_commit
for example in examples/acme examples/msp; do
    check "validate $example, scrubbed environment" "${scrubbed[@]}" "$binary" validate "$example"
done
planned=0
(cd "$unpacked" && "${scrubbed[@]}" "$binary" plan "$root/examples/acme" --detailed-exitcode >plan.txt 2>&1) || planned=$?
check "plan examples/acme on the embedded local instance, scrubbed environment: exit 2 (changes)" test "$planned" = 2
check "the plan shows its summary" grep -q '^Plan: 8 to add, 2 to change, 0 to destroy\.' "$unpacked/plan.txt"
check "the man page is mdoc for deskform(1)" grep -q '^\.Dt DESKFORM 1' "$unpacked/$name/deskform.1"
check "the bash completion completes deskform" grep -q 'complete .*deskform' "$unpacked/$name/completions/deskform.bash"
check "the zsh completion is for deskform" grep -q '^#compdef deskform' "$unpacked/$name/completions/_deskform"
check "the fish completion is for deskform" grep -q "^complete -c 'deskform'" "$unpacked/$name/completions/deskform.fish"

echo "release-check: $(stat -c %s "$binary") bytes, $(stat -c %s "dist/$name.tar.gz") bytes archived"
[ "$failures" -eq 0 ] || { echo "release-check: $failures failed" >&2; exit 1; }
echo "release-check: ok"
