#!/usr/bin/env bash
# The Action's `apply`, on a push that merges a pull request: applies the plan reviewed on that pull
# request, exactly. `plan` saved it as the artifact deskform-plan-ENV-<head commit>; this finds the pull
# request merged as GITHUB_SHA, downloads that artifact from the newest run that made it, and runs
# `deskform apply PLAN --auto-approve`. deskform refuses the plan if the instance changed since it was
# made (another apply, a change by hand): then nothing is applied and the job fails; plan again on a
# new pull request. A push that merges no pull request, or one whose plan was never made, applies
# nothing and fails. policy.max_deletes still guards (exit 3). The journal is left in .deskform/journal/.
#
# Environment: DESKFORM_ENV, GITHUB_REPOSITORY, GITHUB_SHA, GH_TOKEN for gh (actions: read,
# pull-requests: read), INVGATE_* for deskform. Output: exitcode (deskform apply's).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/action/lib.sh
. "$here/lib.sh"

start_action
reviewed="$work/reviewed"

merged=$(gh api "repos/$GITHUB_REPOSITORY/commits/$GITHUB_SHA/pulls" \
    --jq '.[] | select(.merged_at != null) | "\(.number) \(.head.sha)"')
[ -n "$merged" ] || action_error "commit ${GITHUB_SHA:0:12} merges no pull request, so there is no reviewed plan to apply"
read -r number head <<<"$(first_line "$merged")"

artifact="deskform-plan-$environment-$head"
runs=$(gh api "repos/$GITHUB_REPOSITORY/actions/artifacts?name=$artifact" \
    --jq '.artifacts[] | select(.expired | not) | .workflow_run.id')
run=$(first_line "$runs")
[ -n "$run" ] || action_error "no plan of $environment was saved for pull request #$number at ${head:0:12} (artifact $artifact)"

rm -rf "$reviewed"
mkdir -p "$reviewed"
gh run download "$run" --repo "$GITHUB_REPOSITORY" --name "$artifact" --dir "$reviewed"
[ -f "$reviewed/plan.json" ] || action_error "artifact $artifact of run $run holds no plan.json"
echo "deskform: applying the plan of $environment reviewed on pull request #$number (${head:0:12}, run $run)"

set +e
run_deskform "$environment" apply "$reviewed/plan.json" --auto-approve
code=$?
set -e
set_output exitcode "$code"
[ "$code" -eq 0 ] || action_error "deskform apply failed (exit $code) for $environment"
