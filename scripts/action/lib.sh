# shellcheck shell=bash
# Sourced by the Action's scripts (scripts/action/*.sh): messages, inputs, the plan's counts, outputs.
# The scripts never print a credential: they pass INVGATE_* through the environment to deskform only.

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
run_deskform() {
    local environment=$1
    shift
    if [ -f deskform.yaml ]; then
        DESKFORM_ENV=$environment deskform "$@"
    else
        env -u DESKFORM_ENV deskform "$@"
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

# set_output NAME VALUE: a step output (GITHUB_OUTPUT), when there is one.
set_output() {
    if [ -n "${GITHUB_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"; fi
}

# add_summary FILE: appends FILE to the job summary (GITHUB_STEP_SUMMARY), when there is one.
add_summary() {
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$1" >>"$GITHUB_STEP_SUMMARY"; fi
}

# The link to this workflow run.
run_link() {
    printf '%s/%s/actions/runs/%s\n' "${GITHUB_SERVER_URL:-https://github.com}" "$GITHUB_REPOSITORY" "${GITHUB_RUN_ID:-0}"
}

# first_line TEXT: its first line (no pipe into head, which would cut the writer off).
first_line() {
    printf '%s\n' "${1%%$'\n'*}"
}
