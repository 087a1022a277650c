"""gh, for the Action's tests: the subcommands the Action's scripts use, sent to the emulated GitHub
(FAKE_GITHUB_URL) over HTTP as gh sends them to api.github.com, with GH_TOKEN.

  gh api [--method M] PATH [-H H] [-f K=V] [-F K=V|K=@FILE] [--input FILE] [--paginate] [--jq EXPR] [--silent]
  gh release download TAG --repo R --pattern NAME… --dir D [--clobber]

Like gh: fields go in the query of a GET and in a JSON body otherwise (-F reads @FILE, and makes
numbers, true/false and null typed); --paginate follows rel="next" links; --jq runs jq on each page;
an answer of 400 or more prints `gh: MESSAGE (HTTP STATUS)` on standard error and exits 1.
"""

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from urllib.parse import urlencode


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def request(method, path, body=None, headers=()):
    base = os.environ.get("FAKE_GITHUB_URL") or fail("gh (fake): FAKE_GITHUB_URL is not set")
    token = os.environ.get("GH_TOKEN") or os.environ.get("GITHUB_TOKEN")
    if not token:
        fail("gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable.")
    url = base + (path if path.startswith("/") else "/" + path)
    data = json.dumps(body).encode() if body is not None else None
    prepared = urllib.request.Request(url, data=data, method=method)
    prepared.add_header("Authorization", f"token {token}")
    if data is not None:
        prepared.add_header("Content-Type", "application/json")
    for header in headers:
        key, _, value = header.partition(":")
        prepared.add_header(key.strip(), value.strip())
    try:
        with urllib.request.urlopen(prepared) as answer:
            return answer.status, answer.read(), answer.headers.get("Link", "")
    except urllib.error.HTTPError as error:
        payload = error.read()
        try:
            message = json.loads(payload).get("message", "")
        except ValueError:
            message = payload.decode(errors="replace")
        fail(f"gh: {message} (HTTP {error.code})")


def typed(value):
    if value.startswith("@"):
        with open(value[1:], encoding="utf-8") as file:
            return file.read()
    if value in ("true", "false"):
        return value == "true"
    if value == "null":
        return None
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def api(arguments):
    method, path, fields, headers = None, None, {}, []
    jq, paginate, silent, input_file = None, False, False, None
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        value = arguments[index + 1] if index + 1 < len(arguments) else None
        if argument in ("-X", "--method"):
            method, index = value, index + 2
        elif argument in ("-f", "--raw-field"):
            key, _, raw = value.partition("=")
            fields[key], index = raw, index + 2
        elif argument in ("-F", "--field"):
            key, _, raw = value.partition("=")
            fields[key], index = typed(raw), index + 2
        elif argument in ("-H", "--header"):
            headers.append(value)
            index += 2
        elif argument in ("-q", "--jq"):
            jq, index = value, index + 2
        elif argument == "--input":
            input_file, index = value, index + 2
        elif argument == "--paginate":
            paginate, index = True, index + 1
        elif argument == "--silent":
            silent, index = True, index + 1
        elif argument.startswith("-"):
            fail(f"gh (fake): api does not know {argument}")
        else:
            path, index = argument, index + 1
    if path is None:
        fail("gh (fake): api needs a path")
    method = method or ("POST" if fields or input_file else "GET")
    body = None
    if method == "GET" and fields:
        path += ("&" if "?" in path else "?") + urlencode(fields)
    elif input_file:
        with open(input_file, encoding="utf-8") as file:
            body = json.load(file)
    elif fields:
        body = fields
    pages = []
    while path:
        _, payload, link = request(method, path, body, headers)
        pages.append(payload)
        match = re.search(r'<([^>]+)>;\s*rel="next"', link or "")
        path = match.group(1) if paginate and match else None
    if silent:
        return
    for payload in pages:
        if jq is None:
            sys.stdout.buffer.write(payload)
            continue
        result = subprocess.run(["jq", "-r", jq], input=payload, capture_output=True)
        if result.returncode != 0:
            fail(f"gh: jq: {result.stderr.decode().strip()}")
        sys.stdout.buffer.write(result.stdout)


def release_download(arguments):
    tag, repository, patterns, directory, index = arguments[0], None, [], ".", 1
    while index < len(arguments):
        argument = arguments[index]
        if argument in ("-R", "--repo"):
            repository, index = arguments[index + 1], index + 2
        elif argument in ("-p", "--pattern"):
            patterns.append(arguments[index + 1])
            index += 2
        elif argument in ("-D", "--dir"):
            directory, index = arguments[index + 1], index + 2
        elif argument == "--clobber":
            index += 1
        else:
            fail(f"gh (fake): release download does not know {argument}")
    _, payload, _ = request("GET", f"/repos/{repository}/releases/tags/{tag}")
    assets = {asset["name"]: asset["id"] for asset in json.loads(payload)["assets"]}
    os.makedirs(directory, exist_ok=True)
    for pattern in patterns:
        if pattern not in assets:
            fail(f"no assets match the file pattern {pattern}")
        _, content, _ = request("GET", f"/repos/{repository}/releases/assets/{assets[pattern]}",
                                headers=["Accept: application/octet-stream"])
        with open(os.path.join(directory, pattern), "wb") as file:
            file.write(content)


def main(arguments):
    if arguments[:1] == ["api"]:
        api(arguments[1:])
    elif arguments[:2] == ["release", "download"]:
        release_download(arguments[2:])
    else:
        fail(f"gh (fake): no such command here: gh {' '.join(arguments)}")


if __name__ == "__main__":
    main(sys.argv[1:])
