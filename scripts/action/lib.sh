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
# instance (a pull request from a fork gets no secrets, so this is where it stops).
require_instance() {
    [ -n "${INVGATE_URL:-}" ] || action_error "INVGATE_URL is not set: pass the instance's URL and credentials from secrets in the step's env"
}

# The environment's name (input `env`, as DESKFORM_ENV): `default` when empty. It names the plan
# comment, the plan artifact and the drift issue, so it is kept to letters, digits and . _ -.
deskform_env() {
    local name=${DESKFORM_ENV:-}
    [ -n "$name" ] || name=default
    [[ $name =~ ^[A-Za-z0-9._-]+$ ]] || action_error "env '$name' may hold only letters, digits and . _ -"
    printf '%s\n' "$name"
}

# A directory for this environment's files, outside the checkout.
work_directory() {
    local directory="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/deskform-$1"
    mkdir -p "$directory"
    printf '%s\n' "$directory"
}

# plan_counts MARKDOWN: "ADD CHANGE DESTROY", from the summary line of `deskform plan --format markdown`
# (**Plan: 8 to add, 2 to change, 0 to destroy.**); fails when there is none.
plan_counts() {
    local counts
    counts=$(sed -n 's/^\*\*Plan: \([0-9][0-9]*\) to add, \([0-9][0-9]*\) to change, \([0-9][0-9]*\) to destroy\..*/\1 \2 \3/p' "$1")
    [ -n "$counts" ] || action_error "the plan has no summary line (**Plan: N to add, N to change, N to destroy.**)"
    printf '%s\n' "${counts%%$'\n'*}"
}

# plan_label ADD CHANGE DESTROY: "8 to add, 2 to change, 1 to destroy — destroys 1".
plan_label() {
    local label="$1 to add, $2 to change, $3 to destroy"
    [ "$3" -eq 0 ] || label="$label — destroys $3"
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
