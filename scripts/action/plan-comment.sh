#!/usr/bin/env bash
# The Action's `plan`: plans the manifests at DESKFORM_PATH for one environment (DESKFORM_ENV) and saves
# the plan (`plan --out`) for `apply`. On a pull request (PR_NUMBER set) it posts the plan as one comment
# per environment, found again by its hidden marker <!-- deskform-plan:ENV --> and edited in place on
# later pushes; its title gives the counts and "destroys N" when the plan destroys anything. A failed
# plan replaces the comment too, so that no stale plan stays in view.
#
# Environment: DESKFORM_PATH (default: the environment's paths in deskform.yaml, else .), DESKFORM_ENV,
# GITHUB_REPOSITORY, GITHUB_SHA, PR_NUMBER and PR_HEAD_SHA (on a pull request), GH_TOKEN for gh,
# INVGATE_* for deskform (or the variables the environment names in deskform.yaml).
# Outputs: exitcode (deskform plan's: 0 no changes, 2 changes, 1 error), plan-file, artifact.
# Exit 0 when the plan was made, with or without changes; 1 when it failed.
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
rm -f "$plan_file"

set +e
run_deskform "$environment" plan ${path:+"$path"} --format markdown --detailed-exitcode --out "$plan_file" >"$markdown" 2>"$errors"
code=$?
set -e
cat "$errors" >&2
set_output exitcode "$code"

planned_sha=${PR_HEAD_SHA:-$GITHUB_SHA}
artifact="deskform-plan-$environment-$planned_sha"
marker="<!-- deskform-plan:$environment -->"
{
    echo "$marker"
    if [ "$code" -eq 0 ] || [ "$code" -eq 2 ]; then
        summary=$(plan_summary "$markdown")
        echo "## deskform plan · \`$environment\`: $summary"
        echo
        cat "$markdown"
        echo
        echo "<sub>Planned at ${planned_sha:0:12} by [this run]($(run_link)). Merging applies exactly this plan" \
            "(saved as \`$artifact\`); apply refuses it if the instance has changed since.</sub>"
    else
        echo "## deskform plan · \`$environment\`: failed"
        echo
        echo "\`deskform plan\` exited with $code at ${planned_sha:0:12}, so there is no plan to review or apply:"
        echo
        echo '```'
        tail -c 20000 "$errors"
        echo '```'
        echo
        echo "<sub>[This run]($(run_link)).</sub>"
    fi
} >"$body"
add_summary "$body"

if [ "$code" -eq 0 ] || [ "$code" -eq 2 ]; then
    set_output plan-file "$plan_file"
    set_output artifact "$artifact"
fi

if [ -n "${PR_NUMBER:-}" ]; then
    [[ $PR_NUMBER =~ ^[0-9]+$ ]] || action_error "PR_NUMBER '$PR_NUMBER' is not a number"
    comments=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" --paginate \
        --jq ".[] | select(.body | contains(\"$marker\")) | .id")
    existing=$(first_line "$comments")
    if [ -n "$existing" ]; then
        gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -F "body=@$body" --silent
        echo "deskform: updated the plan comment for $environment on pull request #$PR_NUMBER"
    else
        gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" -F "body=@$body" --silent
        echo "deskform: commented the plan for $environment on pull request #$PR_NUMBER"
    fi
fi

if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then
    action_error "deskform plan failed (exit $code) for $environment"
fi
