#!/usr/bin/env bash
# The Action's `drift`: `deskform plan --detailed-exitcode` on a schedule, and one issue per environment
# that says whether the instance still matches the manifests:
#   exit 2 (drift)     open the issue (label deskform-drift, hidden marker <!-- deskform-drift:ENV -->),
#                      or update the open one with tonight's plan
#   exit 0 (matches)   close the open issue, if there is one, with a comment saying so
#   exit 1 (error)     touch no issue; the job fails
#
# Environment: DESKFORM_PATH (default: the environment's paths in deskform.yaml, else .), DESKFORM_ENV,
# GITHUB_REPOSITORY, GITHUB_SHA, GH_TOKEN for gh, INVGATE_* for deskform. Output: exitcode (deskform plan's).
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

issues=$(gh issue list --repo "$GITHUB_REPOSITORY" --state open --label "$label" --limit 100 --json number,body \
    --jq ".[] | select(.body | contains(\"$marker\")) | .number")
open=$(first_line "$issues")

if [ "$code" -eq 0 ]; then
    echo "deskform: $environment matches the manifests at ${GITHUB_SHA:0:12}"
    if [ -n "$open" ]; then
        gh issue close "$open" --repo "$GITHUB_REPOSITORY" \
            --comment "The instance matches the manifests again at ${GITHUB_SHA:0:12} ([run]($(run_link)))."
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

if [ -n "$open" ]; then
    gh issue edit "$open" --repo "$GITHUB_REPOSITORY" --title "$title" --body-file "$body"
    echo "deskform: updated drift issue #$open"
else
    gh label create "$label" --repo "$GITHUB_REPOSITORY" --color D93F0B \
        --description "deskform found the instance different from the manifests" --force
    gh issue create --repo "$GITHUB_REPOSITORY" --title "$title" --label "$label" --body-file "$body"
    echo "deskform: opened a drift issue for $environment"
fi
