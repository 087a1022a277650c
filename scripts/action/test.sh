#!/usr/bin/env bash
# Tests of the Action's scripts (plan-comment.sh, apply.sh, drift.sh, install.sh) against deskform's
# simulator, with the fake gh of scripts/action/testing on PATH: each case asserts the exact gh calls,
# the comment and issue bodies, the step outputs and the exit status. Run by .ci/run.
#   scripts/action/test.sh [DESKFORM]   a deskform binary; by default the debug build (built if needed)
# ACTION_TEST_KEEP=1 keeps the cases' files (gh calls, bodies, logs) and says where.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
action="$root/scripts/action"

deskform=${1:-}
if [ -z "$deskform" ]; then
    (cd "$root" && swift build --product deskform >/dev/null)
    deskform="$(cd "$root" && swift build --show-bin-path)/deskform"
fi
deskform=$(cd "$(dirname "$deskform")" && pwd)/$(basename "$deskform")

T=$(mktemp -d)
simulator=""
cleanup() {
    if [ -n "$simulator" ]; then kill "$simulator" 2>/dev/null || true; fi
    if [ -n "${ACTION_TEST_KEEP:-}" ]; then echo "test: kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT

mkdir -p "$T/bin" "$T/repo" "$T/runner" "$T/elsewhere"
ln -s "$action/testing/gh" "$T/bin/gh"
ln -s "$deskform" "$T/bin/deskform"
export PATH="$T/bin:$PATH"

# The simulator, with a token of this run's own that no output may show.
token="secret-$RANDOM$RANDOM$RANDOM"
"$deskform" simulator --port 0 --state "$T/instance.json" --token "$token" >"$T/simulator.out" 2>&1 &
simulator=$!
port=""
for _ in $(seq 300); do
    port=$(sed -n 's|^deskform simulator listening on http://127.0.0.1:\([0-9]*\)/api/v1/.*|\1|p' "$T/simulator.out")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$T/simulator.out" >&2; echo "test: the simulator did not start" >&2; exit 1; }
export INVGATE_URL="http://127.0.0.1:$port" INVGATE_USERNAME=api INVGATE_TOKEN="$token"

# A manifests repository: the Acme example, and variants of it.
cp -R "$root/examples/acme" "$T/repo/manifests"
cp -R "$root/examples/acme" "$T/no-onboarding"
sed -i 's/^      - name: Onboarding$/      - name: Onboarding\n        absent: true/' "$T/no-onboarding/acme.yaml"
cp -R "$root/examples/acme" "$T/no-expenses"
sed -i 's/^      - name: Expenses$/      - name: Expenses\n        absent: true/' "$T/no-expenses/acme.yaml"
mkdir -p "$T/broken"
printf 'companies:\n  - name: [unclosed\n' >"$T/broken/broken.yaml"
cd "$T/repo"

export GITHUB_REPOSITORY=acme/manifests GITHUB_SERVER_URL=https://github.example GITHUB_RUN_ID=555 RUNNER_TEMP="$T/runner"
head_sha=1111111111111111111111111111111111111111
merge_sha=2222222222222222222222222222222222222222
main_sha=3333333333333333333333333333333333333333
work='$RUNNER_TEMP/deskform-production'

passed=0
failed=0
case_name=""
case_dir=""
status=0

# begin NAME: a new case, with its own fake gh record, outputs and summary.
begin() {
    case_name=$1
    case_dir="$T/cases/$((passed + failed + 1))"
    mkdir -p "$case_dir/gh/answers" "$case_dir/gh/status"
    export FAKE_GH_DIR="$case_dir/gh" GITHUB_OUTPUT="$case_dir/outputs" GITHUB_STEP_SUMMARY="$case_dir/summary"
    : >"$GITHUB_OUTPUT"
    : >"$case_dir/gh/calls"
    case_failures=0
}

# answer N TEXT: what gh's call N prints.
answer() { printf '%s\n' "$2" >"$FAKE_GH_DIR/answers/$1"; }

# run SCRIPT [ARGS]: runs one of the Action's scripts; its status goes to $status, its output to log.
run() {
    set +e
    "$action/$1" "${@:2}" >"$case_dir/log" 2>&1
    status=$?
    set -e
}

fail() {
    echo "  FAIL ($case_name): $*" >&2
    case_failures=$((case_failures + 1))
}

expect_status() { [ "$status" -eq "$1" ] || fail "exit status $status, not $1; output:$(sed 's/^/    /' "$case_dir/log")"; }

# expect_calls: the exact gh calls, one a line, from standard input.
expect_calls() {
    local expected
    expected=$(cat)
    if [ "$expected" != "$(cat "$FAKE_GH_DIR/calls")" ]; then
        fail "gh calls differ (- expected, + made):"$'\n'"$(diff <(printf '%s\n' "$expected") "$FAKE_GH_DIR/calls" | sed 's/^/    /')"
    fi
}

# expect_output NAME VALUE: a step output, exactly; expect_no_output NAME: none of that name.
expect_output() { grep -qxF "$1=$2" "$GITHUB_OUTPUT" || fail "output $1 is not '$2': $(tr '\n' ' ' <"$GITHUB_OUTPUT")"; }
expect_no_output() { ! grep -q "^$1=" "$GITHUB_OUTPUT" || fail "output $1 is set: $(grep "^$1=" "$GITHUB_OUTPUT")"; }

# expect_line FILE N TEXT: line N of FILE is TEXT.
expect_line() { [ "$(sed -n "$2p" "$1")" = "$3" ] || fail "line $2 of $(basename "$1") is '$(sed -n "$2p" "$1")', not '$3'"; }

# expect_contains FILE TEXT / expect_lacks FILE TEXT: a fixed string in FILE or not.
expect_contains() { grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks '$2'"; }
expect_lacks() { ! grep -qF -- "$2" "$1" || fail "$(basename "$1") holds '$2'"; }

end() {
    if [ "$case_failures" -eq 0 ]; then
        passed=$((passed + 1))
        echo "  ok: $case_name"
    else
        failed=$((failed + 1))
    fi
}

plan_lookup() {
    echo "api repos/acme/manifests/issues/$1/comments --paginate --jq '.[] | select(.body | contains(\"<!-- deskform-plan:$2 -->\")) | .id'"
}
drift_lookup() {
    echo "issue list --repo acme/manifests --state open --label deskform-drift --limit 100 --json number,body --jq '.[] | select(.body | contains(\"<!-- deskform-drift:$1 -->\")) | .number'"
}

echo "scripts/action: tests against the simulator at $INVGATE_URL"

# --- plan ------------------------------------------------------------------------------------------

begin "plan: the first plan of a pull request posts one comment, marked, titled with the counts"
export DESKFORM_ENV=production DESKFORM_PATH=manifests PR_NUMBER=7 PR_HEAD_SHA=$head_sha GITHUB_SHA=$merge_sha
answer 1 ""
run plan-comment.sh
expect_status 0
expect_calls <<EOF
$(plan_lookup 7 production)
api --method POST repos/acme/manifests/issues/7/comments -F 'body=@$work/plan-comment.md' --silent
EOF
expect_line "$FAKE_GH_DIR/bodies/2" 1 "<!-- deskform-plan:production -->"
expect_line "$FAKE_GH_DIR/bodies/2" 2 '## deskform plan · `production`: 8 to add, 2 to change, 0 to destroy'
expect_contains "$FAKE_GH_DIR/bodies/2" "**Plan: 8 to add, 2 to change, 0 to destroy.**"
expect_contains "$FAKE_GH_DIR/bodies/2" '+ + company["Acme Corp"]  (not in the instance)'
expect_contains "$FAKE_GH_DIR/bodies/2" "Merging applies exactly this plan (saved as \`deskform-plan-production-$head_sha\`)"
expect_output exitcode 2
expect_output plan-file "$T/runner/deskform-production/plan.json"
expect_output artifact "deskform-plan-production-$head_sha"
expect_contains "$GITHUB_STEP_SUMMARY" "<!-- deskform-plan:production -->"
cp "$T/runner/deskform-production/plan.json" "$T/reviewed-plan.json"
end

begin "plan: a later push edits the same comment in place"
answer 1 "4242"
run plan-comment.sh
expect_status 0
expect_calls <<EOF
$(plan_lookup 7 production)
api --method PATCH repos/acme/manifests/issues/comments/4242 -F 'body=@$work/plan-comment.md' --silent
EOF
expect_line "$FAKE_GH_DIR/bodies/2" 1 "<!-- deskform-plan:production -->"
expect_line "$FAKE_GH_DIR/bodies/2" 2 '## deskform plan · `production`: 8 to add, 2 to change, 0 to destroy'
expect_contains "$case_dir/log" "updated the plan comment for production on pull request #7"
end

begin "plan: another environment has a comment of its own"
export DESKFORM_ENV=staging
answer 1 ""
run plan-comment.sh
expect_status 0
expect_calls <<EOF
$(plan_lookup 7 staging)
api --method POST repos/acme/manifests/issues/7/comments -F 'body=@\$RUNNER_TEMP/deskform-staging/plan-comment.md' --silent
EOF
expect_line "$FAKE_GH_DIR/bodies/2" 1 "<!-- deskform-plan:staging -->"
expect_output artifact "deskform-plan-staging-$head_sha"
export DESKFORM_ENV=production
end

begin "plan: without a pull request, no comment; the plan goes to the job summary"
unset PR_NUMBER PR_HEAD_SHA
run plan-comment.sh
expect_status 0
expect_calls </dev/null
expect_line "$GITHUB_STEP_SUMMARY" 2 '## deskform plan · `production`: 8 to add, 2 to change, 0 to destroy'
expect_output artifact "deskform-plan-production-$merge_sha"
end

begin "plan: without INVGATE_URL (no secrets, as on a fork's pull request) nothing is planned or posted"
export PR_NUMBER=7 PR_HEAD_SHA=$head_sha
unset INVGATE_URL
run plan-comment.sh
export INVGATE_URL="http://127.0.0.1:$port"
expect_status 1
expect_calls </dev/null
expect_contains "$case_dir/log" "INVGATE_URL is not set"
[ ! -e "$T/repo/.deskform/local-instance.json" ] || fail "deskform ran against its embedded local instance"
unset PR_NUMBER PR_HEAD_SHA
end

begin "plan: a repository with a deskform.yaml plans the environment's paths, URL and credentials"
cp -R "$root/examples/environments" "$T/project"
sed -i -e "s|url: https://acme-sandbox.example.invgate.net|url: $INVGATE_URL|" \
    -e 's|{client_id: STG_CLIENT_ID, client_secret: STG_CLIENT_SECRET}|{username: STG_USERNAME, token: STG_TOKEN}|' \
    "$T/project/deskform.yaml"
export DESKFORM_ENV=staging PR_NUMBER=7 PR_HEAD_SHA=$head_sha STG_USERNAME=api STG_TOKEN="$token"
unset DESKFORM_PATH INVGATE_URL
answer 1 ""
cd "$T/project"
run plan-comment.sh
cd "$T/repo"
export INVGATE_URL="http://127.0.0.1:$port" DESKFORM_ENV=production DESKFORM_PATH=manifests
unset PR_NUMBER PR_HEAD_SHA STG_USERNAME STG_TOKEN
expect_status 0
expect_calls <<EOF
$(plan_lookup 7 staging)
api --method POST repos/acme/manifests/issues/7/comments -F 'body=@\$RUNNER_TEMP/deskform-staging/plan-comment.md' --silent
EOF
expect_line "$FAKE_GH_DIR/bodies/2" 2 '## deskform plan · `staging`: 5 to add, 0 to change, 0 to destroy'
expect_contains "$FAKE_GH_DIR/bodies/2" 'location["Madrid Sandbox"]'
expect_lacks "$FAKE_GH_DIR/bodies/2" "Acme Executive Desk"
expect_output exitcode 2
[ ! -e "$T/project/.deskform" ] || fail "deskform ran against an embedded local instance"
end

# --- apply -----------------------------------------------------------------------------------------

begin "apply: applies the plan reviewed on the merged pull request; the journal stays"
export GITHUB_SHA=$main_sha
answer 1 "7 $head_sha"
answer 2 "9001"
mkdir -p "$FAKE_GH_DIR/runs/9001/deskform-plan-production-$head_sha"
cp "$T/reviewed-plan.json" "$FAKE_GH_DIR/runs/9001/deskform-plan-production-$head_sha/plan.json"
run apply.sh
expect_status 0
expect_calls <<EOF
api repos/acme/manifests/commits/$main_sha/pulls --jq '.[] | select(.merged_at != null) | "\(.number) \(.head.sha)"'
api 'repos/acme/manifests/actions/artifacts?name=deskform-plan-production-$head_sha' --jq '.artifacts[] | select(.expired | not) | .workflow_run.id'
run download 9001 --repo acme/manifests --name deskform-plan-production-$head_sha --dir '$work/reviewed'
EOF
expect_contains "$case_dir/log" "applying the plan of production reviewed on pull request #7 (111111111111, run 9001)"
expect_contains "$case_dir/log" "Apply complete: "
expect_output exitcode 0
compgen -G "$T/repo/.deskform/journal/*.jsonl" >/dev/null || fail "no journal in .deskform/journal/"
end

begin "apply: the same plan again is stale and refused; nothing is applied"
answer 1 "7 $head_sha"
answer 2 "9001"
mkdir -p "$FAKE_GH_DIR/runs/9001/deskform-plan-production-$head_sha"
cp "$T/reviewed-plan.json" "$FAKE_GH_DIR/runs/9001/deskform-plan-production-$head_sha/plan.json"
run apply.sh
expect_status 1
expect_calls <<EOF
api repos/acme/manifests/commits/$main_sha/pulls --jq '.[] | select(.merged_at != null) | "\(.number) \(.head.sha)"'
api 'repos/acme/manifests/actions/artifacts?name=deskform-plan-production-$head_sha' --jq '.artifacts[] | select(.expired | not) | .workflow_run.id'
run download 9001 --repo acme/manifests --name deskform-plan-production-$head_sha --dir '$work/reviewed'
EOF
expect_contains "$case_dir/log" "stale plan: the instance changed since the plan was made"
expect_output exitcode 1
end

begin "apply: a push that merges no pull request applies nothing"
answer 1 ""
run apply.sh
expect_status 1
expect_calls <<EOF
api repos/acme/manifests/commits/$main_sha/pulls --jq '.[] | select(.merged_at != null) | "\(.number) \(.head.sha)"'
EOF
expect_contains "$case_dir/log" "commit 333333333333 merges no pull request, so there is no reviewed plan to apply"
expect_no_output exitcode
end

begin "apply: a pull request whose plan was never saved applies nothing"
answer 1 "8 $head_sha"
answer 2 ""
run apply.sh
expect_status 1
expect_calls <<EOF
api repos/acme/manifests/commits/$main_sha/pulls --jq '.[] | select(.merged_at != null) | "\(.number) \(.head.sha)"'
api 'repos/acme/manifests/actions/artifacts?name=deskform-plan-production-$head_sha' --jq '.artifacts[] | select(.expired | not) | .workflow_run.id'
EOF
expect_contains "$case_dir/log" "no plan of production was saved for pull request #8 at 111111111111"
end

# --- drift -----------------------------------------------------------------------------------------

begin "drift: exit 0 and no open issue: nothing to open or close"
run drift.sh
expect_status 0
expect_calls <<EOF
$(drift_lookup production)
EOF
expect_output exitcode 0
end

begin "drift: exit 0 closes the open issue"
answer 1 "12"
run drift.sh
expect_status 0
expect_calls <<EOF
$(drift_lookup production)
issue close 12 --repo acme/manifests --comment 'The instance matches the manifests again at 333333333333 ([run](https://github.example/acme/manifests/actions/runs/555)).'
EOF
end

# Someone changes the instance by hand: the Onboarding category goes.
(cd "$T/elsewhere" && env -u DESKFORM_ENV deskform apply "$T/no-onboarding" --auto-approve >"$T/elsewhere/apply.log" 2>&1) ||
    { cat "$T/elsewhere/apply.log" >&2; exit 1; }

begin "drift: exit 2 with no open issue opens one, labelled and marked"
answer 1 ""
run drift.sh
expect_status 0
expect_calls <<EOF
$(drift_lookup production)
label create deskform-drift --repo acme/manifests --color D93F0B --description 'deskform found the instance different from the manifests' --force
issue create --repo acme/manifests --title 'deskform: production has drifted from the manifests' --label deskform-drift --body-file '$work/drift-issue.md'
EOF
expect_line "$FAKE_GH_DIR/bodies/3" 1 "<!-- deskform-drift:production -->"
expect_line "$FAKE_GH_DIR/bodies/3" 2 '## deskform drift · `production`: 1 to add, 0 to change, 0 to destroy'
expect_contains "$FAKE_GH_DIR/bodies/3" 'kb_category["Acme Handbook/Onboarding"]'
expect_output exitcode 2
end

begin "drift: exit 2 again updates the open issue"
answer 1 "31"
run drift.sh
expect_status 0
expect_calls <<EOF
$(drift_lookup production)
issue edit 31 --repo acme/manifests --title 'deskform: production has drifted from the manifests' --body-file '$work/drift-issue.md'
EOF
expect_line "$FAKE_GH_DIR/bodies/2" 2 '## deskform drift · `production`: 1 to add, 0 to change, 0 to destroy'
end

begin "drift: exit 1 fails the job and touches no issue"
export DESKFORM_PATH="$T/broken"
answer 1 "31"
run drift.sh
expect_status 1
expect_calls </dev/null
expect_output exitcode 1
expect_contains "$case_dir/log" "deskform plan failed (exit 1) for production: no drift issue was opened, changed or closed"
end

# --- plan that destroys, plan that fails ---------------------------------------------------------------

begin "plan: a plan that destroys says 'destroys N' in its title"
export DESKFORM_PATH="$T/no-expenses" PR_NUMBER=9 PR_HEAD_SHA=$head_sha GITHUB_SHA=$merge_sha
answer 1 "5150"
run plan-comment.sh
expect_status 0
expect_calls <<EOF
$(plan_lookup 9 production)
api --method PATCH repos/acme/manifests/issues/comments/5150 -F 'body=@$work/plan-comment.md' --silent
EOF
expect_line "$FAKE_GH_DIR/bodies/2" 2 '## deskform plan · `production`: 1 to add, 0 to change, 1 to destroy — destroys 1'
expect_contains "$FAKE_GH_DIR/bodies/2" "#### ⚠️ Deletions and replacements (1 object destroyed)"
end

begin "plan: a failed plan replaces the comment with the errors and fails"
export DESKFORM_PATH="$T/broken"
answer 1 "5150"
run plan-comment.sh
expect_status 1
expect_calls <<EOF
$(plan_lookup 9 production)
api --method PATCH repos/acme/manifests/issues/comments/5150 -F 'body=@$work/plan-comment.md' --silent
EOF
expect_line "$FAKE_GH_DIR/bodies/2" 2 '## deskform plan · `production`: failed'
expect_contains "$FAKE_GH_DIR/bodies/2" "broken.yaml:2:"
expect_output exitcode 1
expect_no_output plan-file
end

# --- install ---------------------------------------------------------------------------------------

arch=$(uname -m)
release="deskform-0.1.0-linux-$arch"
make_release() { # make_release DIR: a release asset whose deskform prints a version, and its .sha256
    mkdir -p "$T/asset/$release"
    printf '#!/bin/sh\necho "0.1.0 (commit feedface)"\n' >"$T/asset/$release/deskform"
    chmod +x "$T/asset/$release/deskform"
    mkdir -p "$1"
    tar -C "$T/asset" -czf "$1/$release.tar.gz" "$release"
    (cd "$1" && sha256sum "$release.tar.gz" >"$release.tar.gz.sha256")
}
export GITHUB_ACTION_PATH=/home/runner/work/_actions/YOUR-ORG/deskform/v1 DESKFORM_INSTALL_ROOT="$T/tools"

begin "install: latest resolves to the newest release of the Action's repository"
export DESKFORM_VERSION=latest
answer 1 "v0.1.0"
run install.sh resolve
expect_status 0
expect_calls <<EOF
release view --repo YOUR-ORG/deskform --json tagName --jq .tagName
EOF
expect_output version 0.1.0
expect_output directory "$T/tools/0.1.0/$arch"
expect_output key "deskform-0.1.0-linux-$arch"
end

begin "install: downloads the archive and its checksum, verifies and puts deskform on PATH"
export DESKFORM_VERSION=0.1.0 GITHUB_PATH="$T/github-path"
: >"$GITHUB_PATH"
make_release "$FAKE_GH_DIR/releases/v0.1.0"
run install.sh install
expect_status 0
expect_calls <<EOF
release download v0.1.0 --repo YOUR-ORG/deskform --pattern $release.tar.gz --pattern $release.tar.gz.sha256 --dir $T/tools/0.1.0/$arch --clobber
EOF
expect_line "$GITHUB_PATH" 1 "$T/tools/0.1.0/$arch/$release"
expect_contains "$case_dir/log" "installed 0.1.0 (commit feedface)"
end

begin "install: a cached archive is verified again, not downloaded"
: >"$GITHUB_PATH"
run install.sh install
expect_status 0
expect_calls </dev/null
expect_contains "$case_dir/log" "$release.tar.gz from the cache"
expect_line "$GITHUB_PATH" 1 "$T/tools/0.1.0/$arch/$release"
end

begin "install: an archive whose checksum does not match is not installed"
export DESKFORM_INSTALL_ROOT="$T/tools-tampered"
: >"$GITHUB_PATH"
make_release "$FAKE_GH_DIR/releases/v0.1.0"
echo "tampered" >>"$FAKE_GH_DIR/releases/v0.1.0/$release.tar.gz"
run install.sh install
expect_status 1
expect_calls <<EOF
release download v0.1.0 --repo YOUR-ORG/deskform --pattern $release.tar.gz --pattern $release.tar.gz.sha256 --dir $T/tools-tampered/0.1.0/$arch --clobber
EOF
expect_contains "$case_dir/log" "as its .sha256 says: not installed"
[ ! -s "$GITHUB_PATH" ] || fail "GITHUB_PATH was written: $(cat "$GITHUB_PATH")"
[ ! -e "$T/tools-tampered/0.1.0/$arch/$release" ] || fail "the tampered archive was unpacked"
end

# --- no credential anywhere ------------------------------------------------------------------------

begin "no output, gh call or body holds the API token"
if grep -rlF -- "$token" "$T/cases" "$T/runner" >"$T/leaks"; then fail "the token is in: $(tr '\n' ' ' <"$T/leaks")"; fi
end

echo "scripts/action: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
