#!/usr/bin/env bash
# The Action's `plan`, step 1 of 3: plans the manifests at DESKFORM_PATH for one environment
# (DESKFORM_ENV), saves the plan (`plan --out`) for `apply`, and writes the body of the pull request's
# comment. Step 2 (action.yml) uploads the plan as the artifact deskform-plan-ENV-<head commit>, whatever
# happens next; step 3 (comment.sh) posts the body, with a link to that artifact when it has to be cut.
# A failed plan makes a body too (its errors, the instance's URL taken out), so that no stale plan stays
# in view; comment.sh then fails the job.
#
# Environment: DESKFORM_PATH (default: the environment's paths in deskform.yaml, else .), DESKFORM_ENV,
# GITHUB_REPOSITORY, GITHUB_SHA, PR_HEAD_SHA (on a pull request), SHOW_URL (true: the comment shows the
# instance's host), INVGATE_* for deskform (or the variables the environment names in deskform.yaml).
# Outputs: exitcode (deskform plan's: 0 no changes, 2 changes, 1 error), plan-file and artifact (when
# there is a plan), body (the comment's Markdown, in RUNNER_TEMP).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/action/lib.sh
. "$here/lib.sh"

start_action
# No path: the environment's paths when there is a project file (deskform.yaml), else the checkout.
path=${DESKFORM_PATH:-}
plan_file="$work/plan.json"
markdown="$work/plan.md"
errors="$work/plan.err"
body="$work/plan-comment.md"
rm -f "$plan_file" "$body"

set +e
run_deskform "$environment" plan ${path:+"$path"} --format markdown --detailed-exitcode --out "$plan_file" >"$markdown" 2>"$errors"
code=$?
set -e
cat "$errors" >&2
set_output exitcode "$code"

planned_sha=${PR_HEAD_SHA:-$GITHUB_SHA}
summary=failed
if [ "$code" -eq 0 ] || [ "$code" -eq 2 ]; then summary=$(plan_summary "$markdown"); fi
{
    echo "<!-- deskform-plan:$environment -->"
    if [ "$code" -eq 0 ] || [ "$code" -eq 2 ]; then
        echo "## deskform plan · \`$environment\`: $summary"
        echo
        cat "$markdown"
    else
        redact "$errors"
        echo "## deskform plan · \`$environment\`: $summary"
        echo
        echo "\`deskform plan\` exited with $code at ${planned_sha:0:12}, so there is no plan to review or apply:"
        echo
        echo '```'
        tail -c 20000 "$errors"
        echo '```'
    fi
} >"$body"
set_output body "$body"

if [ "$code" -eq 0 ] || [ "$code" -eq 2 ]; then
    set_output plan-file "$plan_file"
    set_output artifact "deskform-plan-$environment-$planned_sha"
fi
