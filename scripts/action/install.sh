#!/usr/bin/env bash
# Installs deskform's release binary for the Action, in two steps around actions/cache:
#   install.sh resolve   the version (DESKFORM_VERSION: X.Y.Z, vX.Y.Z or latest) and this runner's
#                        archive; outputs version, directory (what to cache) and key
#   install.sh install   downloads the archive and its .sha256 from the release vX.Y.Z unless the cache
#                        restored them, verifies the SHA-256, unpacks and puts deskform on GITHUB_PATH
# The release is DESKFORM_REPOSITORY's (owner/name); by default the repository the Action runs from,
# read from GITHUB_ACTION_PATH (.../_actions/OWNER/NAME/REF). gh needs GH_TOKEN: the Action's input
# token, github.token by default; a token that can read the repository when it is private (a fork).
# DESKFORM_INSTALL_ROOT: where archives go (default RUNNER_TOOL_CACHE/deskform).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/action/lib.sh
. "$here/lib.sh"

[ "$(uname -s)" = Linux ] || action_error "deskform's release binaries are for Linux runners (x86_64 and aarch64)"
case "$(uname -m)" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) action_error "no deskform release binary for $(uname -m)" ;;
esac

repository=${DESKFORM_REPOSITORY:-}
if [ -z "$repository" ] && [[ ${GITHUB_ACTION_PATH:-} =~ /_actions/([^/]+)/([^/]+)/[^/]+/?$ ]]; then
    repository="${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
fi
[ -n "$repository" ] || action_error "set DESKFORM_REPOSITORY (owner/name) to the repository whose releases hold deskform"

version=${DESKFORM_VERSION:-latest}
root=${DESKFORM_INSTALL_ROOT:-${RUNNER_TOOL_CACHE:-$HOME/.cache}/deskform}

case "${1:-}" in
    resolve)
        if [ "$version" = latest ]; then
            # The newest release that is not a pre-release (a -rc tag is one).
            version=$(gh api "repos/$repository/releases/latest" --jq .tag_name) ||
                action_error "cannot read the latest release of $repository: when it is private, pass the Action a token that can read it (input token)"
        fi
        version=${version#v}
        [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] || action_error "version '$version' is not X.Y.Z"
        set_output version "$version"
        set_output directory "$root/$version/$arch"
        set_output key "deskform-$version-linux-$arch"
        echo "deskform: version $version for linux-$arch from $repository"
        ;;
    install)
        version=${version#v}
        [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] || action_error "version '$version' is not X.Y.Z (resolve it first)"
        name="deskform-$version-linux-$arch"
        directory="$root/$version/$arch"
        mkdir -p "$directory"
        if [ -f "$directory/$name.tar.gz" ] && [ -f "$directory/$name.tar.gz.sha256" ]; then
            echo "deskform: $name.tar.gz from the cache"
        else
            gh release download "v$version" --repo "$repository" --pattern "$name.tar.gz" --pattern "$name.tar.gz.sha256" \
                --dir "$directory" --clobber
        fi
        read -r expected file <"$directory/$name.tar.gz.sha256" || true
        [ "${file#\*}" = "$name.tar.gz" ] || action_error "$name.tar.gz.sha256 names '${file:-nothing}', not $name.tar.gz"
        actual=$(sha256sum "$directory/$name.tar.gz")
        actual=${actual%% *}
        if [ "$actual" != "$expected" ]; then
            rm -f "$directory/$name.tar.gz" "$directory/$name.tar.gz.sha256"
            action_error "$name.tar.gz has SHA-256 $actual, not $expected as its .sha256 says: not installed"
        fi
        rm -rf "${directory:?}/$name"
        tar -xzf "$directory/$name.tar.gz" -C "$directory"
        [ -x "$directory/$name/deskform" ] || action_error "$name.tar.gz holds no $name/deskform"
        if [ -n "${GITHUB_PATH:-}" ]; then echo "$directory/$name" >>"$GITHUB_PATH"; fi
        echo "deskform: installed $("$directory/$name/deskform" --version) (SHA-256 $actual verified)"
        ;;
    *)
        action_error "usage: install.sh resolve|install"
        ;;
esac
