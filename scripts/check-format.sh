#!/usr/bin/env bash
# Checks that Sources/ and Tests/ are formatted as .swift-format says (the toolchain's swift-format).
# Exit 0 when they are; otherwise lists the files and exits 1. `swift format -i -r Sources Tests Package.swift` fixes them.
set -euo pipefail
cd "$(dirname "$0")/.."
unformatted=()
while IFS= read -r -d '' file; do
    if ! diff -q <(swift format --configuration .swift-format "$file") "$file" >/dev/null; then
        unformatted+=("$file")
    fi
done < <(find Sources Tests -name '*.swift' -print0; printf 'Package.swift\0')
if ((${#unformatted[@]})); then
    printf 'not formatted (run: swift format -i -r --configuration .swift-format Sources Tests Package.swift):\n' >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    exit 1
fi
echo "formatted: every Swift file matches .swift-format"
