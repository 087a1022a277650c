#!/usr/bin/env bash
# Tests of the GitHub Action (action.yml, scripts/action/) and of the example workflows, run as written
# against an emulated GitHub: scripts/action/testing/ holds a stateful fake of GitHub's REST API
# (github.py) and of gh (gh.py), a runner for workflows and the composite Action's steps (runner.py),
# and the scenarios (scenarios.py), which run deskform's simulator as the instances. Run by .ci/run.
#   scripts/action/test.sh [DESKFORM]   a deskform binary; by default the debug build (built if needed)
# Prints a line per scenario and `scripts/action: N passed, N failed`; exits 1 on any failure.
# ACTION_TEST_PYTHON: a python3 with PyYAML or ruamel.yaml (default python3); ACTION_TEST_ONLY=WORD runs
# the scenarios whose name holds WORD; ACTION_TEST_KEEP=1 keeps the scenarios' files and says where.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)

deskform=${1:-}
if [ -z "$deskform" ]; then
    (cd "$root" && swift build --product deskform >/dev/null)
    deskform="$(cd "$root" && swift build --show-bin-path)/deskform"
fi
python=${ACTION_TEST_PYTHON:-python3}
python=$(command -v "$python")
export ACTION_TEST_PYTHON_BIN=$python
exec "$python" "$root/scripts/action/testing/scenarios.py" "$deskform"
