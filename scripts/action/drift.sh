#!/usr/bin/env bash
# The Action's `drift`: `deskform plan --detailed-exitcode` on a schedule, and one issue per environment
# that says whether the instance still matches the manifests:
#   exit 2 (drift)     open the issue (label deskform-drift, first line <!-- deskform-drift:ENV -->), or
#                      update the open one with tonight's plan
#   exit 0 (matches)   close the open issue, if there is one, with a comment saying so
#   exit 1 (error)     touch no issue; the job fails
# Only the bot's own issues count (anyone may open an issue with the marker in it). A plan longer than an
# issue may be (65,536 characters) is cut at a whole line, with a note: the job summary has all of it.
#
# Environment: DESKFORM_PATH (default: the environment's paths in deskform.yaml, else .), DESKFORM_ENV,
# SHOW_URL, GITHUB_REPOSITORY, GITHUB_SHA, GH_TOKEN for gh (issues: write), INVGATE_* for deskform.
# Output: exitcode (deskform plan's).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/action/lib.sh
. "$here/lib.sh"

start_action
# No path: the environment's paths when there is a project file (deskform.yaml), else the checkout.
path=${DESKFORM_PATH:-}
markdown="$work/drift.md"
body="$work/drift-issue.md"
label=deskform-drift
marker="<!-- deskform-drift:$environment -->"
title="deskform: $environment has drifted from the manifests"

set +e
run_deskform "$environment" plan ${path:+"$path"} --format markdown --detailed-exitcode >"$markdown"
code=$?
set -e
set_output exitcode "$code"

if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then
    action_error "deskform plan failed (exit $code) for $environment: no drift issue was opened, changed or closed"
fi

issues=$(gh api "repos/$GITHUB_REPOSITORY/issues?state=open&labels=$label&per_page=100" --paginate \
    --jq ".[] | select(.user.login == \"$bot_login\" and (.body | startswith(\"$marker\"))) | .number")
open=$(first_line "$issues")

if [ "$code" -eq 0 ]; then
    echo "deskform: $environment matches the manifests at ${GITHUB_SHA:0:12}"
    if [ -n "$open" ]; then
        gh api "repos/$GITHUB_REPOSITORY/issues/$open/comments" --silent \
            -f body="The instance matches the manifests again at ${GITHUB_SHA:0:12} ([run]($(run_link)))."
        gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/$open" -f state=closed -f state_reason=completed --silent
        echo "deskform: closed drift issue #$open"
    fi
    exit 0
fi

summary=$(plan_summary "$markdown")
{
    echo "$marker"
    echo "## deskform drift · \`$environment\`: $summary"
    echo
    echo "The instance no longer matches the manifests at ${GITHUB_SHA:0:12} ([run]($(run_link))): this is the plan" \
        "that would bring it back. To bring it back, merge a pull request (its plan shows these changes); to keep" \
        "what the instance has, change the manifests. This issue is updated while the drift remains and closed" \
        "when it is gone."
    echo
    cat "$markdown"
} >"$body"
add_summary "$body"
fit "$body" "$body_limit" "✂️ **The plan is cut here**: it is longer than an issue may be (65,536 characters); the summary of [the run]($(run_link)) has all of it."
json_body "$body" title="$title" >"$body.json"

if [ -n "$open" ]; then
    gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/$open" --input "$body.json" --silent
    echo "deskform: updated drift issue #$open"
else
    if ! gh api "repos/$GITHUB_REPOSITORY/labels/$label" --silent 2>/dev/null; then
        gh api "repos/$GITHUB_REPOSITORY/labels" -f name="$label" -f color=D93F0B \
            -f description="deskform found the instance different from the manifests" --silent
    fi
    jq --arg name "$label" '. + {labels: [$name]}' "$body.json" >"$body.new.json"
    gh api --method POST "repos/$GITHUB_REPOSITORY/issues" --input "$body.new.json" --silent
    echo "deskform: opened a drift issue for $environment"
fi
