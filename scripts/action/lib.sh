# shellcheck shell=bash
# Sourced by the Action's scripts (scripts/action/*.sh): messages, inputs, the plan's counts, outputs,
# bodies that fit GitHub's limit. The scripts never print a credential: they pass INVGATE_* through the
# environment to deskform only, and keep the instance's URL out of comments and issues unless the
# workflow asks (input show-url).

# shellcheck disable=SC2034 # bot_login and body_limit are the scripts'
# The account that github.token acts as: the Action's comments and issues are its, and only its are
# ever edited, updated or closed (anyone can write the hidden marker in a comment of their own).
bot_login='github-actions[bot]'

# GitHub refuses a comment or issue body over 65,536 characters (422). Bodies are cut below this many
# bytes, which is never fewer characters than bytes.
body_limit=65000

action_error() {
    echo "::error title=deskform::$*" >&2
    exit 1
}

# require VAR…: each must be set and not empty.
require() {
    local name
    for name; do
        [ -n "${!name:-}" ] || action_error "$name is not set"
    done
}

# The instance must be named: with no INVGATE_URL, deskform would plan against its embedded demo
# instance (a pull request from a fork gets no secrets, so this is where it stops). A repository with a
# project file (deskform.yaml) names each environment's URL and credential variables there instead.
require_instance() {
    [ -f deskform.yaml ] || [ -n "${INVGATE_URL:-}" ] ||
        action_error "INVGATE_URL is not set: pass the instance's URL and credentials from secrets in the step's env"
}

# The start of every command: the step's variables and the instance checked; sets `environment` (see
# deskform_env) and `work` (its directory, see work_directory) for the script.
start_action() {
    require GITHUB_REPOSITORY GITHUB_SHA
    require_instance
    environment=$(deskform_env)
    # shellcheck disable=SC2034 # used by the scripts that source this file
    work=$(work_directory "$environment")
}

# The environment's name (input `env`, as DESKFORM_ENV): `default` when empty. It names the plan
# comment, the plan artifact and the drift issue, so it is kept to letters, digits and . _ -.
deskform_env() {
    local name=${DESKFORM_ENV:-}
    [ -n "$name" ] || name=default
    [[ $name =~ ^[A-Za-z0-9._-]+$ ]] || action_error "env '$name' may hold only letters, digits and . _ -"
    printf '%s\n' "$name"
}

# deskform for environment $1: DESKFORM_ENV reaches deskform only when the repository has a project file
# (deskform.yaml); without one the name only labels the comment, the plan artifact and the drift issue.
# Either way the Markdown names the instance by the environment (DESKFORM_INSTANCE_NAME), and shows its
# host only when the workflow sets show-url (DESKFORM_SHOW_URL=1).
run_deskform() {
    local environment=$1
    shift
    local show=
    [ "${SHOW_URL:-false}" = true ] && show=1
    if [ -f deskform.yaml ]; then
        DESKFORM_ENV=$environment DESKFORM_INSTANCE_NAME=$environment DESKFORM_SHOW_URL=$show deskform "$@"
    else
        env -u DESKFORM_ENV DESKFORM_INSTANCE_NAME="$environment" DESKFORM_SHOW_URL="$show" deskform "$@"
    fi
}

# A directory for this environment's files, outside the checkout.
work_directory() {
    local directory="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/deskform-$1"
    mkdir -p "$directory"
    printf '%s\n' "$directory"
}

# plan_summary MARKDOWN: "8 to add, 2 to change, 1 to destroy — destroys 1", from the summary line of
# `deskform plan --format markdown` (**Plan: 8 to add, 2 to change, 1 to destroy.**); fails when there is
# none. Call it as an assignment of its own (summary=$(plan_summary FILE)), so that its failure stops the script.
plan_summary() {
    local counts add change destroy label
    counts=$(sed -n 's/^\*\*Plan: \([0-9][0-9]*\) to add, \([0-9][0-9]*\) to change, \([0-9][0-9]*\) to destroy\..*/\1 \2 \3/p' "$1")
    [ -n "$counts" ] || action_error "the plan has no summary line (**Plan: N to add, N to change, N to destroy.**)"
    read -r add change destroy <<<"${counts%%$'\n'*}"
    label="$add to add, $change to change, $destroy to destroy"
    [ "$destroy" -eq 0 ] || label="$label — destroys $destroy"
    printf '%s\n' "$label"
}

# fit FILE BYTES NOTE: FILE cut to its whole lines within BYTES, a code block left open closed, and
# NOTE after them, when it is longer; else left as it is.
fit() {
    local file=$1 budget=$2 note=$3 kept fences note_bytes
    [ "$(wc -c <"$file")" -gt "$budget" ] || return 0
    kept="$file.kept"
    note_bytes=$(printf '%s' "$note" | wc -c)
    head -c "$((budget - note_bytes - 8))" "$file" >"$kept"
    # The last line is cut in the middle (or ends the budget): drop it.
    sed -i '$d' "$kept"
    fences=$(grep -c '^```' "$kept" || true)
    if [ $((fences % 2)) -eq 1 ]; then echo '```' >>"$kept"; fi
    printf '\n%s\n' "$note" >>"$kept"
    mv "$kept" "$file"
}

# redact FILE: the instance's URL and host (from INVGATE_URL, or the line deskform names its target
# with) replaced by the environment's name, unless the workflow sets show-url.
redact() {
    local file=$1 url host text content urls=()
    [ "${SHOW_URL:-false}" = true ] && return 0
    [ -z "${INVGATE_URL:-}" ] || urls+=("$INVGATE_URL")
    mapfile -t -O "${#urls[@]}" urls < <(sed -n 's/^deskform: target \([^ ]*\).*/\1/p' "$file")
    content=$(<"$file")
    for url in "${urls[@]}"; do
        host=${url#*://}
        host=${host%%/*}
        for text in "$url" "$host"; do
            [ -z "$text" ] || content=${content//"$text"/"<$environment>"}
        done
    done
    printf '%s\n' "$content" >"$file"
}

# set_output NAME VALUE: a step output (GITHUB_OUTPUT), when there is one.
set_output() {
    if [ -n "${GITHUB_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"; fi
}

# add_summary FILE: appends FILE to the job summary (GITHUB_STEP_SUMMARY), when there is one.
add_summary() {
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$1" >>"$GITHUB_STEP_SUMMARY"; fi
}

# say TEXT…: a line in the log and in the job summary.
say() {
    echo "deskform: $*"
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then printf '%s\n\n' "$*" >>"$GITHUB_STEP_SUMMARY"; fi
}

# The link to this workflow run.
run_link() {
    printf '%s/%s/actions/runs/%s\n' "${GITHUB_SERVER_URL:-https://github.com}" "$GITHUB_REPOSITORY" "${GITHUB_RUN_ID:-0}"
}

# first_line TEXT: its first line (no pipe into head, which would cut the writer off).
first_line() {
    printf '%s\n' "${1%%$'\n'*}"
}

# json_body FILE [KEY=VALUE…]: a JSON object with FILE's text as "body" and each KEY as a string,
# for gh api --input (bodies of any size, any characters).
json_body() {
    local file=$1 arguments=() pair
    shift
    for pair; do arguments+=(--arg "${pair%%=*}" "${pair#*=}"); done
    jq -n --rawfile body "$file" "${arguments[@]}" '$ARGS.named + {body: $body}'
}
