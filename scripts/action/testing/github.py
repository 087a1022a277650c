"""An emulated GitHub for the Action's tests: a stateful fake of the REST API that the Action and the
example workflows use, served on 127.0.0.1 only.

It holds repositories (a real git repository each, so that commits, merges and compare are git's),
pull requests with head and merge SHAs (from the repository or a fork), comments and issues with
their authors, labels, workflow runs (workflow file, event, head SHA, head repository, conclusion),
their artifacts (zip files), and releases with assets. Every request is authenticated by a token the
runner mints for a job, with that job's `permissions`; an endpoint the token may not use answers 403
as GitHub does. A comment or issue body over 65,536 characters answers 422.
"""

import io
import json
import re
import subprocess
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

BODY_LIMIT = 65_536
BOT = "github-actions[bot]"


class Refusal(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


class Token:
    """What a request may do: the job's permissions on its repository, or a person's access."""

    def __init__(self, login, repository, permissions, readable=()):
        self.login = login
        self.repository = repository
        self.permissions = permissions  # scope -> "read" | "write"
        self.readable = set(readable)  # other repositories it may read (contents)

    def allows(self, repository, scope, level):
        if repository != self.repository:
            return scope == "contents" and level == "read" and repository in self.readable
        granted = self.permissions.get(scope, "none")
        return granted == "write" or (granted == "read" and level == "read")


class Repository:
    def __init__(self, name, path, private=True):
        self.name = name
        self.path = path  # a git repository on disk
        self.private = private
        self.pulls = {}
        self.comments = {}  # id -> comment
        self.issues = {}  # number -> issue (pull requests share the numbering)
        self.labels = {}
        self.runs = {}
        self.artifacts = {}
        self.releases = []

    def git(self, *arguments):
        return subprocess.run(
            ["git", "-C", self.path, *arguments], check=True, capture_output=True, text=True
        ).stdout.strip()


class FakeGitHub:
    def __init__(self):
        self.repositories = {}
        self.tokens = {}
        self.lock = threading.Lock()
        self.next_id = 1000
        self.requests = []  # (method, path, status): what was asked, for the scenarios
        self.server = None

    # --- state ------------------------------------------------------------------------------------

    def new_id(self):
        self.next_id += 1
        return self.next_id

    def add_repository(self, name, path, private=True):
        repository = Repository(name, path, private)
        self.repositories[name] = repository
        return repository

    def mint(self, login, repository, permissions, readable=()):
        token = f"ghs_{self.new_id()}"
        self.tokens[token] = Token(login, repository, permissions, readable)
        return token

    def add_pull(self, repository, head_sha, head_repository=None, base="main", head_ref="topic"):
        repository = self.repositories[repository]
        number = self.new_id()
        repository.pulls[number] = {
            "number": number,
            "state": "open",
            "merged_at": None,
            "merge_commit_sha": None,
            "head": {"sha": head_sha, "ref": head_ref, "repo": {"full_name": head_repository or repository.name}},
            "base": {"ref": base, "repo": {"full_name": repository.name}},
            "user": {"login": "someone"},
        }
        repository.issues[number] = {"number": number, "pull_request": True}
        return number

    def merge_pull(self, repository, number, merge_sha, associated=()):
        """Merged as MERGE_SHA; ASSOCIATED: the other commits GitHub links to it (a rebase merge's)."""
        pull = self.repositories[repository].pulls[number]
        pull.update(state="closed", merged_at="2026-01-01T00:00:00Z", merge_commit_sha=merge_sha, associated=list(associated))

    def add_comment(self, repository, number, body, login):
        repository = self.repositories[repository]
        comment = {"id": self.new_id(), "body": body, "user": {"login": login, "type": "Bot" if login.endswith("[bot]") else "User"},
                   "issue_number": number}
        repository.comments[comment["id"]] = comment
        return comment

    def add_run(self, repository, workflow, event, head_sha, head_repository=None, head_branch="topic",
                pull_requests=(), conclusion=None):
        repository = self.repositories[repository]
        run = {
            "id": self.new_id(),
            "path": f".github/workflows/{workflow}",
            "event": event,
            "head_sha": head_sha,
            "head_branch": head_branch,
            "head_repository": {"full_name": head_repository or repository.name},
            "repository": {"full_name": repository.name},
            "pull_requests": [{"number": n} for n in pull_requests],
            "status": "completed" if conclusion else "in_progress",
            "conclusion": conclusion,
            "run_attempt": 1,
        }
        repository.runs[run["id"]] = run
        return run

    def finish_run(self, repository, run_id, conclusion):
        run = self.repositories[repository].runs[run_id]
        run.update(status="completed", conclusion=conclusion)

    def add_artifact(self, repository, run_id, name, files):
        """files: archive name -> bytes. Replaces an artifact of the same name in the run."""
        repository = self.repositories[repository]
        run = repository.runs[run_id]
        for key, artifact in list(repository.artifacts.items()):
            if artifact["workflow_run"]["id"] == run_id and artifact["name"] == name:
                del repository.artifacts[key]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for archived, content in files.items():
                archive.writestr(archived, content)
        artifact = {
            "id": self.new_id(),
            "name": name,
            "expired": False,
            "workflow_run": {"id": run_id, "head_sha": run["head_sha"], "head_branch": run["head_branch"],
                             "repository_id": 1, "head_repository_id": 1 if run["head_repository"]["full_name"] == repository.name else 2},
            "zip": buffer.getvalue(),
        }
        repository.artifacts[artifact["id"]] = artifact
        return artifact

    def add_release(self, repository, tag, assets, prerelease=False):
        repository = self.repositories[repository]
        release = {"id": self.new_id(), "tag_name": tag, "prerelease": prerelease, "draft": False,
                   "assets": [{"id": self.new_id(), "name": n, "content": c} for n, c in assets.items()]}
        repository.releases.append(release)
        return release

    def issue_comments(self, repository, number):
        return [c for c in self.repositories[repository].comments.values() if c["issue_number"] == number]

    # --- serving ----------------------------------------------------------------------------------

    def start(self):
        github = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_):
                pass

            def answer(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                status, payload, headers = github.handle(method, self.path, self.headers, raw)
                with github.lock:
                    github.requests.append((method, urlparse(self.path).path, status))
                if isinstance(payload, (bytes, bytearray)):
                    data, kind = bytes(payload), "application/octet-stream"
                else:
                    data, kind = json.dumps(payload).encode(), "application/json"
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self.answer("GET")

            def do_POST(self):
                self.answer("POST")

            def do_PATCH(self):
                self.answer("PATCH")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self):
        if self.server:
            self.server.shutdown()

    def handle(self, method, target, headers, raw):
        url = urlparse(target)
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        authorization = headers.get("Authorization", "")
        token = self.tokens.get(authorization.split(" ", 1)[-1]) if authorization else None
        try:
            body = json.loads(raw) if raw and method != "GET" else {}
            with self.lock:
                status, payload, extra = self.route(method, url.path, query, body, token)
            return status, payload, extra
        except Refusal as refusal:
            return refusal.status, {"message": refusal.message}, {}

    def route(self, method, path, query, body, token):
        match = re.fullmatch(r"/repos/([^/]+/[^/]+)(/.*)?", path)
        if not match:
            raise Refusal(404, "Not Found")
        name, rest = match.group(1), match.group(2) or ""
        repository = self.repositories.get(name)
        if repository is None:
            raise Refusal(404, "Not Found")
        if token is None:
            raise Refusal(401, "Requires authentication")

        def need(scope, level):
            if scope == "contents" and level == "read" and not repository.private:
                return
            if not token.allows(name, scope, level):
                # A private repository hides itself from a token that cannot read it.
                status = 404 if name != token.repository and repository.private else 403
                raise Refusal(status, "Resource not accessible by integration" if status == 403 else "Not Found")

        def need_any(*grants):
            for scope, level in grants:
                if token.allows(name, scope, level):
                    return
            raise Refusal(403, "Resource not accessible by integration")

        def page(items):
            per_page = int(query.get("per_page", 30))
            number = int(query.get("page", 1))
            chunk = items[(number - 1) * per_page: number * per_page]
            extra = {}
            if number * per_page < len(items):
                extra["Link"] = f'<{path}?{self.requery(query, page=number + 1)}>; rel="next"'
            return 200, chunk, extra

        def text_body(field):
            value = body.get(field)
            if not isinstance(value, str):
                raise Refusal(422, f"{field} is missing")
            if len(value) > BODY_LIMIT:
                raise Refusal(422, f"Validation Failed: {field} is too long (maximum is {BODY_LIMIT} characters)")
            return value

        if method == "GET" and (m := re.fullmatch(r"/commits/([0-9a-f]{40})/pulls", rest)):
            need("pull-requests", "read")
            sha = m.group(1)
            found = [self.pull_view(p) for p in repository.pulls.values() if self.associated(repository, p, sha)]
            return page(found)
        if method == "GET" and rest == "/pulls":
            need("pull-requests", "read")
            found = [self.pull_view(p) for p in sorted(repository.pulls.values(), key=lambda p: -p["number"])
                     if (query.get("state", "open") in ("all", p["state"]))
                     and query.get("base", p["base"]["ref"]) == p["base"]["ref"]]
            return page(found)
        if method == "GET" and (m := re.fullmatch(r"/compare/([0-9a-f]{40})\.\.\.([0-9a-f]{40})", rest)):
            need("contents", "read")
            base, head = m.groups()
            merge_base = repository.git("merge-base", base, head)
            lines = repository.git("rev-list", "--reverse", "--parents", f"{base}..{head}").splitlines()
            commits = [{"sha": line.split()[0], "parents": [{"sha": p} for p in line.split()[1:]]} for line in lines]
            status = "identical" if base == head else ("ahead" if merge_base == base else "diverged")
            return 200, {"status": status, "commits": commits}, {}
        if method == "GET" and (m := re.fullmatch(r"/actions/workflows/([^/]+)/runs", rest)):
            need("actions", "read")
            runs = [r for r in self.newest_first(repository.runs) if r["path"] == f".github/workflows/{m.group(1)}"
                    and self.run_matches(r, query)]
            status, chunk, extra = page(runs)
            return status, {"total_count": len(runs), "workflow_runs": chunk}, extra
        if method == "GET" and rest == "/actions/runs":
            need("actions", "read")
            runs = [r for r in self.newest_first(repository.runs) if self.run_matches(r, query)]
            status, chunk, extra = page(runs)
            return status, {"total_count": len(runs), "workflow_runs": chunk}, extra
        if method == "GET" and (m := re.fullmatch(r"/actions/runs/(\d+)", rest)):
            need("actions", "read")
            run = repository.runs.get(int(m.group(1)))
            if not run:
                raise Refusal(404, "Not Found")
            return 200, run, {}
        if method == "GET" and (m := re.fullmatch(r"/actions/runs/(\d+)/artifacts", rest)):
            need("actions", "read")
            found = [self.public(a) for a in self.newest_first(repository.artifacts)
                     if a["workflow_run"]["id"] == int(m.group(1)) and query.get("name", a["name"]) == a["name"]]
            status, chunk, extra = page(found)
            return status, {"total_count": len(found), "artifacts": chunk}, extra
        if method == "GET" and (m := re.fullmatch(r"/actions/artifacts/(\d+)/zip", rest)):
            need("actions", "read")
            artifact = repository.artifacts.get(int(m.group(1)))
            if not artifact or artifact["expired"]:
                raise Refusal(410 if artifact else 404, "Artifact has expired" if artifact else "Not Found")
            return 200, artifact["zip"], {}
        if (m := re.fullmatch(r"/issues/(\d+)/comments", rest)):
            number = int(m.group(1))
            if number not in repository.issues:
                raise Refusal(404, "Not Found")
            is_pull = repository.issues[number].get("pull_request")
            if method == "GET":
                need_any(("issues", "read"), ("pull-requests", "read"))
                return page(sorted(self.issue_comments(name, number), key=lambda c: c["id"]))
            if method == "POST":
                need_any(("issues", "write"), *((("pull-requests", "write"),) if is_pull else ()))
                return 201, self.add_comment(name, number, text_body("body"), token.login), {}
        if method == "PATCH" and (m := re.fullmatch(r"/issues/comments/(\d+)", rest)):
            comment = repository.comments.get(int(m.group(1)))
            if not comment:
                raise Refusal(404, "Not Found")
            is_pull = repository.issues[comment["issue_number"]].get("pull_request")
            # Like a maintainer, a token that may write may edit anyone's comment: only the Action's
            # author check keeps it off the comments of others.
            need_any(("issues", "write"), *((("pull-requests", "write"),) if is_pull else ()))
            comment["body"] = text_body("body")
            return 200, comment, {}
        if rest == "/issues":
            if method == "GET":
                need("issues", "read")
                labels = set(filter(None, query.get("labels", "").split(",")))
                found = [i for i in sorted(repository.issues.values(), key=lambda i: -i["number"])
                         if not i.get("pull_request") and query.get("state", "open") in ("all", i["state"])
                         and labels <= set(i["labels"])]
                return page([self.issue_view(i) for i in found])
            if method == "POST":
                need("issues", "write")
                for label in body.get("labels", []):
                    if label not in repository.labels:
                        raise Refusal(422, f"Validation Failed: label {label} does not exist")
                number = self.new_id()
                issue = {"number": number, "title": body.get("title", ""), "body": text_body("body"), "state": "open",
                         "labels": list(body.get("labels", [])), "user": {"login": token.login}}
                repository.issues[number] = issue
                return 201, self.issue_view(issue), {}
        if method == "PATCH" and (m := re.fullmatch(r"/issues/(\d+)", rest)):
            need("issues", "write")
            issue = repository.issues.get(int(m.group(1)))
            if not issue or issue.get("pull_request"):
                raise Refusal(404, "Not Found")
            if "body" in body:
                issue["body"] = text_body("body")
            for field in ("title", "state", "state_reason"):
                if field in body:
                    issue[field] = body[field]
            return 200, self.issue_view(issue), {}
        if method == "GET" and (m := re.fullmatch(r"/labels/([^/]+)", rest)):
            need("issues", "read")
            if m.group(1) not in repository.labels:
                raise Refusal(404, "Not Found")
            return 200, repository.labels[m.group(1)], {}
        if method == "POST" and rest == "/labels":
            need("issues", "write")
            if body.get("name") in repository.labels:
                raise Refusal(422, "Validation Failed: already_exists")
            repository.labels[body["name"]] = body
            return 201, body, {}
        if method == "GET" and rest == "/releases/latest":
            need("contents", "read")
            published = [r for r in repository.releases if not r["prerelease"] and not r["draft"]]
            if not published:
                raise Refusal(404, "Not Found")
            return 200, self.release_view(published[-1]), {}
        if method == "GET" and (m := re.fullmatch(r"/releases/tags/([^/]+)", rest)):
            need("contents", "read")
            for release in repository.releases:
                if release["tag_name"] == m.group(1):
                    return 200, self.release_view(release), {}
            raise Refusal(404, "Not Found")
        if method == "GET" and (m := re.fullmatch(r"/releases/assets/(\d+)", rest)):
            need("contents", "read")
            for release in repository.releases:
                for asset in release["assets"]:
                    if asset["id"] == int(m.group(1)):
                        return 200, asset["content"], {}
            raise Refusal(404, "Not Found")
        raise Refusal(404, f"Not Found (the fake has no {method} {rest})")

    # --- views ------------------------------------------------------------------------------------

    @staticmethod
    def requery(query, **changes):
        merged = {**query, **{k: str(v) for k, v in changes.items()}}
        return "&".join(f"{k}={v}" for k, v in merged.items())

    @staticmethod
    def newest_first(table):
        return [table[key] for key in sorted(table, reverse=True)]

    @staticmethod
    def run_matches(run, query):
        checks = {"head_sha": run["head_sha"], "event": run["event"], "branch": run["head_branch"],
                  "status": run["conclusion"] or run["status"]}
        return all(query.get(key, value) == value for key, value in checks.items())

    @staticmethod
    def ancestor(repository, older, newer):
        try:
            repository.git("merge-base", "--is-ancestor", older, newer)
            return True
        except subprocess.CalledProcessError:
            return False

    def associated(self, repository, pull, sha):
        """Whether GitHub lists PULL for commit SHA: for a commit on the default branch, only the merged
        pull request that brought it in (its merge commit, its rebased commits, or its branch's commits
        under a merge commit); for any other commit, every pull request whose head holds it."""
        if self.ancestor(repository, sha, "main"):
            merge = pull["merge_commit_sha"]
            if not merge:
                return False
            if sha == merge or sha in pull.get("associated", ()):
                return True
            parents = repository.git("rev-list", "--parents", "-n", "1", merge).split()[1:]
            return len(parents) == 2 and self.ancestor(repository, sha, parents[1]) and not self.ancestor(repository, sha, parents[0])
        return pull["head"]["sha"] == sha or (pull["head"]["repo"]["full_name"] == repository.name
                                             and self.ancestor(repository, sha, pull["head"]["sha"]))

    @staticmethod
    def pull_view(pull):
        return {k: v for k, v in pull.items() if k != "associated"}

    @staticmethod
    def public(artifact):
        return {k: v for k, v in artifact.items() if k != "zip"}

    @staticmethod
    def issue_view(issue):
        return {**issue, "labels": [{"name": n} for n in issue["labels"]]}

    @staticmethod
    def release_view(release):
        return {**release, "assets": [{"id": a["id"], "name": a["name"]} for a in release["assets"]]}
