#!/usr/bin/env bash
# The Action's `apply`, on the push that merges a pull request into BRANCH: applies the plan reviewed on
# it, and nothing else.
#
# The reviewed plan is trusted only from where `plan` saved it: the pull request is the one whose merge
# commit is GITHUB_SHA (merge, squash or rebase); the plan is the artifact deskform-plan-ENV-<head> of a
# completed run of the plan workflow (PLAN_WORKFLOW, default this workflow's file), on `pull_request`,
# from this repository (never a fork's: a fork's pull request runs a workflow the fork may have
# changed), whose head SHA is the pull request's last. Anything else applies nothing and says why.
#
# No merge is skipped silently. GitHub keeps one pending run per concurrency group and cancels the
# others, so a run first finds the merges since the last successful run of this workflow on BRANCH:
#   - only its own pull request: applies its reviewed plan exactly (`deskform apply PLAN`). deskform
#     refuses it if the instance changed since the plan was made (most often: the apply of the merge
#     just before); then a fresh plan that changes only what the reviewed plan changes is applied
#     instead, as below, and the job says so;
#   - more (the runs of the earlier merges were cancelled, or failed): plans BRANCH as merged (a fresh
#     plan) and applies it only if it changes nothing that no reviewed plan of those pull requests
#     changes, and destroys only what one of them destroys; it says which pull requests it applies.
#     A merge without a usable reviewed plan (refused before), or a commit pushed without a pull
#     request, adds no reviewed change: if the fresh plan holds its changes, nothing is applied; once a
#     reviewed pull request has undone them (a revert), the fresh plan no longer does, and applies.
# policy.max_deletes still guards (exit 3). The journal is left in .deskform/journal/.
#
# Environment: DESKFORM_PATH (the fresh plan's manifests, as for plan), DESKFORM_ENV, PLAN_WORKFLOW,
# GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF_NAME, GITHUB_WORKFLOW_REF, GH_TOKEN for gh (actions: read,
# pull-requests: read, contents: read), INVGATE_* for deskform. Output: exitcode (deskform apply's).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/action/lib.sh
. "$here/lib.sh"

start_action
require GITHUB_REF_NAME GITHUB_WORKFLOW_REF
repository=$GITHUB_REPOSITORY
branch=$GITHUB_REF_NAME
this_workflow=${GITHUB_WORKFLOW_REF#*/.github/workflows/}
this_workflow=${this_workflow%%@*}
plan_workflow=${PLAN_WORKFLOW:-$this_workflow}
plan_workflow=${plan_workflow#.github/workflows/}
path=${DESKFORM_PATH:-}
rm -rf "$work/reviewed"
mkdir -p "$work/reviewed"

refuse() {
    set_output exitcode 1
    action_error "$* Nothing was applied to $environment."
}

# pulls_of COMMIT: "NUMBER HEAD HEAD_REPOSITORY MERGE_COMMIT" of each pull request merged into BRANCH
# that GitHub associates with COMMIT.
pulls_of() {
    gh api "repos/$repository/commits/$1/pulls?per_page=100" --paginate --jq \
        ".[] | select(.merged_at != null and .base.ref == \"$branch\") | \"\(.number) \(.head.sha) \(.head.repo.full_name // \"(deleted)\") \(.merge_commit_sha)\""
}

# The pull request this push merged.
merged=""
listing=$(pulls_of "$GITHUB_SHA")
while read -r number head from merge_commit; do
    if [ "$merge_commit" = "$GITHUB_SHA" ]; then merged="$number $head $from"; fi
done <<<"$listing"
[ -n "$merged" ] || refuse "commit ${GITHUB_SHA:0:12} on $branch is not the merge commit of a pull request (a push straight to $branch, or a merge made outside GitHub), so it has no reviewed plan: change $branch through pull requests."
pulls=("$merged")
chain=()
direct=0

# The merges since the last successful run of this workflow on BRANCH, oldest first, along the
# first-parent history (the branch's own commits of a merge are the pull request's).
last=$(gh api "repos/$repository/actions/workflows/$this_workflow/runs?branch=$branch&event=push&status=success&per_page=1" \
    --jq '.workflow_runs[0].head_sha // empty')
if [ -n "$last" ] && [ "$last" != "$GITHUB_SHA" ]; then
    declare -A parent=()
    status=""
    listing=$(gh api "repos/$repository/compare/$last...$GITHUB_SHA" --jq '.status, (.commits[] | "\(.sha) \(.parents[0].sha)")')
    while read -r sha first_parent; do
        if [ -z "$status" ]; then status=$sha; continue; fi
        parent[$sha]=$first_parent
    done <<<"$listing"
    [ "$status" = ahead ] || refuse "$branch at ${GITHUB_SHA:0:12} does not descend from ${last:0:12}, the last commit applied (compare: $status): its history was rewritten, so what was applied cannot be told apart."
    commit=$GITHUB_SHA
    while [ "$commit" != "$last" ]; do
        [ -n "${parent[$commit]:-}" ] || refuse "cannot follow $branch from ${GITHUB_SHA:0:12} back to ${last:0:12}, the last commit applied."
        chain=("$commit" "${chain[@]}")
        commit=${parent[$commit]}
    done
    if [ "${#chain[@]}" -gt 1 ]; then
        pulls=()
        for commit in "${chain[@]}"; do
            own="" later=""
            listing=$(pulls_of "$commit")
            while read -r number head from merge_commit; do
                if [ "$merge_commit" = "$commit" ]; then
                    own="$number $head $from"
                elif [ -n "$merge_commit" ] && [[ " ${chain[*]} " == *" $merge_commit "* ]]; then
                    later=yes # a commit of a rebase merge: its pull request's merge commit comes later
                fi
            done <<<"$listing"
            if [ -n "$own" ]; then
                pulls+=("$own")
            elif [ -z "$later" ]; then
                say "commit ${commit:0:12} came into $branch without a pull request: none of its changes were reviewed"
                direct=$((direct + 1))
            fi
        done
    fi
fi

# reviewed_plan NUMBER HEAD FROM DIRECTORY: downloads the plan reviewed on pull request NUMBER into
# DIRECTORY/plan.json and prints the run it came from; or writes why there is none to DIRECTORY/why
# and fails.
reviewed_plan() {
    local number=$1 head=$2 from=$3 directory=$4 artifact runs run id others
    artifact="deskform-plan-$environment-$head"
    mkdir -p "$directory"
    if [ "$from" != "$repository" ]; then
        echo "pull request #$number comes from $from, not from $repository: a fork's run can save any plan under any name, so none is ever applied; merge the change from a branch of $repository." >"$directory/why"
        return 1
    fi
    runs=$(gh api "repos/$repository/actions/workflows/$plan_workflow/runs?event=pull_request&head_sha=$head&per_page=100" --jq \
        ".workflow_runs[] | select(.event == \"pull_request\" and .head_sha == \"$head\" and .head_repository.full_name == \"$repository\" and .path == \".github/workflows/$plan_workflow\" and .status == \"completed\") | .id")
    for run in $runs; do
        id=$(gh api "repos/$repository/actions/runs/$run/artifacts?name=$artifact&per_page=100" --jq \
            ".artifacts[] | select(.name == \"$artifact\" and (.expired | not) and .workflow_run.id == $run and .workflow_run.head_sha == \"$head\") | .id")
        id=$(first_line "$id")
        [ -n "$id" ] || continue
        gh api "repos/$repository/actions/artifacts/$id/zip" >"$directory/plan.zip"
        unzip -o -q "$directory/plan.zip" -d "$directory"
        if [ ! -f "$directory/plan.json" ]; then
            echo "the artifact $artifact of run $run holds no plan.json." >"$directory/why"
            return 1
        fi
        printf '%s\n' "$run"
        return 0
    done
    others=$(gh api "repos/$repository/actions/runs?head_sha=$head&per_page=100" --jq \
        "[.workflow_runs[] | select(.head_repository.full_name != \"$repository\" or .event != \"pull_request\" or .path != \".github/workflows/$plan_workflow\") | \"run \\(.id) (\\(.event) from \\(.head_repository.full_name), \\(.path))\"] | join(\", \")")
    echo "no completed run of $plan_workflow on pull_request from $repository saved $artifact, the plan of the last commit of pull request #$number (${head:0:12}); a plan of an earlier commit, or from another repository or workflow, is never applied${others:+ (not used: $others)}. Plan the change again on a new pull request." >"$directory/why"
    return 1
}

numbers=()
for pull in "${pulls[@]}"; do numbers+=("#${pull%% *}"); done

# checked_fresh_plan: plans BRANCH as merged into $work/fresh.json and fails the job unless that plan
# changes only objects that a plan reviewed on one of `pulls` changes (the plans in $work/reviewed.tsv),
# and destroys only what one of them destroys.
checked_fresh_plan() {
    local code
    set +e
    run_deskform "$environment" plan ${path:+"$path"} --out "$work/fresh.json" >"$work/fresh.txt"
    code=$?
    set -e
    [ "$code" -eq 0 ] || refuse "deskform plan of $branch at ${GITHUB_SHA:0:12} failed (exit $code)."
    deskform show "$work/fresh.json" --format json | jq -r '.changes[] | "\(.action)\t\(.address)"' >"$work/fresh.tsv"
    if ! awk -F '\t' '
        NR == FNR { reviewed[$2] = 1; exact[$0] = 1; next }
        !($2 in reviewed) { print "  not in any reviewed plan: " $1 " " $2; bad = 1; next }
        ($1 == "delete" || $1 == "replace") && !($0 in exact) { print "  destroyed, and no reviewed plan destroys it: " $1 " " $2; bad = 1 }
        END { exit bad }' "$work/reviewed.tsv" "$work/fresh.tsv" >"$work/unreviewed.txt"; then
        cat "$work/unreviewed.txt"
        refuse "the fresh plan of $branch at ${GITHUB_SHA:0:12} changes what no plan reviewed on ${numbers[*]} changes (above): the instance changed, or $branch holds changes nobody reviewed as a plan; undo them through a pull request, or plan them on one."
    fi
    say "the fresh plan changes $(wc -l <"$work/fresh.tsv") object(s), each as a plan reviewed on ${numbers[*]} does; the reviewed changes it does not make are on the instance already"
}

# reviewed_changes PLAN: its changes, "ACTION<tab>ADDRESS", added to $work/reviewed.tsv.
reviewed_changes() {
    deskform show "$1" --format json | jq -r '.changes[] | "\(.action)\t\(.address)"' >>"$work/reviewed.tsv"
}

: >"$work/reviewed.tsv"
if [ "${#pulls[@]}" -eq 1 ] && [ "$direct" -eq 0 ]; then
    read -r number head from <<<"${pulls[0]}"
    run=$(reviewed_plan "$number" "$head" "$from" "$work/reviewed") || refuse "$(cat "$work/reviewed/why")"
    say "applying the plan of $environment reviewed on pull request #$number (${head:0:12}, plan run $run)"
    set +e
    run_deskform "$environment" apply "$work/reviewed/plan.json" --auto-approve 2>"$work/apply.err"
    code=$?
    set -e
    cat "$work/apply.err" >&2
    # A stale plan is refused before anything is written: the instance changed after the plan was made
    # (most often, the apply of a merge that came just before). Its changes may still be exactly what
    # is left to do: a fresh plan that changes only what it changes is applied instead.
    if [ "$code" -eq 1 ] && grep -q "stale plan" "$work/apply.err"; then
        say "the plan reviewed on #$number is stale (the instance changed after it was made, as by the apply of an earlier merge): applying a fresh plan of $branch at ${GITHUB_SHA:0:12} instead, once it is shown to change only what that plan changes"
        reviewed_changes "$work/reviewed/plan.json"
        checked_fresh_plan
        set +e
        run_deskform "$environment" apply "$work/fresh.json" --auto-approve
        code=$?
        set -e
    fi
else
    say "${numbers[*]} were merged into $branch since ${last:0:12}, the last commit applied (the runs of the earlier merges were cancelled or failed): applying a fresh plan of $branch at ${GITHUB_SHA:0:12}, once it is shown to change only what the plans reviewed on them change"
    for pull in "${pulls[@]}"; do
        read -r number head from <<<"$pull"
        if run=$(reviewed_plan "$number" "$head" "$from" "$work/reviewed/$number"); then
            echo "deskform: the plan reviewed on #$number (${head:0:12}, plan run $run)"
            reviewed_changes "$work/reviewed/$number/plan.json"
        else
            say "#$number adds no reviewed change: $(cat "$work/reviewed/$number/why")"
        fi
    done
    checked_fresh_plan
    set +e
    run_deskform "$environment" apply "$work/fresh.json" --auto-approve
    code=$?
    set -e
fi
set_output exitcode "$code"
[ "$code" -eq 0 ] || action_error "deskform apply failed (exit $code) for $environment"
