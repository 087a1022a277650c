#!/usr/bin/env bash
# The Action's `plan`, step 3 of 3: posts the body plan.sh wrote as the pull request's comment for the
# environment, after the plan was uploaded (step 2) whatever this step does. One comment per
# environment: the bot's own comment that starts with <!-- deskform-plan:ENV --> is edited in place on
# later pushes; a comment by anyone else is never touched, whatever it holds. A body longer than a
# comment may be (65,536 characters) is cut at a whole line, with a note that links the artifact
# holding the whole plan. Without a pull request (PR_NUMBER empty) the body goes to the job summary
# only. Fails the job when the plan failed (PLAN_EXITCODE other than 0 or 2), after commenting.
#
# Environment: BODY (plan.sh's output body), PLAN_EXITCODE, ARTIFACT and ARTIFACT_URL (the upload's),
# DESKFORM_ENV, GITHUB_REPOSITORY, GITHUB_SHA, PR_NUMBER and PR_HEAD_SHA, GH_TOKEN for gh
# (pull-requests: write).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/action/lib.sh
. "$here/lib.sh"

require GITHUB_REPOSITORY GITHUB_SHA BODY PLAN_EXITCODE
environment=$(deskform_env)
marker="<!-- deskform-plan:$environment -->"
planned_sha=${PR_HEAD_SHA:-$GITHUB_SHA}
planned=
case $PLAN_EXITCODE in 0 | 2) planned=yes ;; esac

if [ -n "$planned" ] && [ -n "${ARTIFACT_URL:-}" ]; then
    saved="[\`${ARTIFACT:-the plan}\`](${ARTIFACT_URL})"
    footer="<sub>Planned at ${planned_sha:0:12} by [this run]($(run_link)). Merging applies exactly this plan (saved as $saved); if the instance changes first, apply takes a fresh plan only when it changes nothing that this one does not.</sub>"
    note="✂️ **The plan is cut here**: it is longer than a comment may be (65,536 characters). The whole plan is the artifact $saved: download it and run \`deskform show plan.json\`."
elif [ -n "$planned" ]; then
    footer="<sub>Planned at ${planned_sha:0:12} by [this run]($(run_link)). The plan could not be saved, so merging applies nothing: push again to plan again.</sub>"
    note="✂️ **The plan is cut here**: it is longer than a comment may be (65,536 characters); [this run]($(run_link)) has its summary."
else
    footer="<sub>[This run]($(run_link)).</sub>"
    note="✂️ **Cut here**: the errors are longer than a comment may be; [this run]($(run_link)) has them all."
fi
add_summary "$BODY"
fit "$BODY" "$((body_limit - $(printf '%s' "$footer" | wc -c) - 2))" "$note"
printf '\n%s\n' "$footer" >>"$BODY"

if [ -n "${PR_NUMBER:-}" ]; then
    [[ $PR_NUMBER =~ ^[0-9]+$ ]] || action_error "PR_NUMBER '$PR_NUMBER' is not a number"
    comments=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments?per_page=100" --paginate \
        --jq ".[] | select(.user.login == \"$bot_login\" and (.body | startswith(\"$marker\"))) | .id")
    existing=$(first_line "$comments")
    json_body "$BODY" >"$BODY.json"
    if [ -n "$existing" ]; then
        gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" --input "$BODY.json" --silent
        echo "deskform: updated the plan comment for $environment on pull request #$PR_NUMBER"
    else
        gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments" --input "$BODY.json" --silent
        echo "deskform: commented the plan for $environment on pull request #$PR_NUMBER"
    fi
fi

[ -n "$planned" ] || action_error "deskform plan failed (exit $PLAN_EXITCODE) for $environment"
