"""A runner for the Action's tests: runs a workflow's jobs as GitHub's hosted runner would, against the
emulated GitHub (github.py), so that a test runs the example workflows and the composite Action as
written, not the scripts alone.

What it does as GitHub does: the triggers (`on`, with branch and tag filters), `if:` of jobs and steps
(with `success()` implied), a `strategy.matrix`, `permissions` (a job's replace the workflow's; none
given means contents: read; a fork's pull request gets read-only ones and no secrets) in the token it
mints for `github.token`, `${{ }}` in `env`, `with` and `run`, the step files (GITHUB_OUTPUT, GITHUB_ENV,
GITHUB_PATH, GITHUB_STEP_SUMMARY), `bash -eo pipefail` for `run`, a composite action's inputs (an
input it does not declare fails the step, where GitHub only warns), steps and outputs, and
`actions/checkout` (the commit's files; refused without contents: read on a private repository),
`actions/cache` (kept across jobs, saved after a job that succeeded) and `actions/upload-artifact`
(an artifact of the run, uploaded whatever the token may do). Every other `uses:` is an error. The
PATH of a step holds the fake gh and the system's tools, never a deskform: only the Action installs one.
"""

import io
import itertools
import os
import shutil
import subprocess
import zipfile

import expressions
from github import BOT

try:
    from yaml import safe_load as load_yaml
except ImportError:  # .ci/run's virtualenv has ruamel.yaml (check-jsonschema's), not PyYAML
    from ruamel.yaml import YAML

    def load_yaml(text):
        return YAML(typ="safe").load(text)


DEFAULT_PERMISSIONS = {"contents": "read", "packages": "read", "metadata": "read"}
SCOPES = ["actions", "checks", "contents", "deployments", "id-token", "issues", "discussions", "packages",
          "pages", "pull-requests", "repository-projects", "security-events", "statuses", "attestations", "metadata"]


class JobResult:
    def __init__(self, name, matrix):
        self.name = name
        self.matrix = matrix
        self.conclusion = "skipped"
        self.steps = []  # (name, outcome)
        self.log = ""


class WorkflowResult:
    def __init__(self, run, jobs):
        self.run = run
        self.jobs = jobs

    @property
    def log(self):
        return "\n".join(f"--- job {j.name} {j.matrix or ''}: {j.conclusion}\n{j.log}" for j in self.jobs)

    def job(self, name, **matrix):
        for job in self.jobs:
            if job.name == name and all(job.matrix.get(k) == v for k, v in matrix.items()):
                return job
        raise KeyError(f"no job {name} {matrix}: {[(j.name, j.matrix) for j in self.jobs]}")


class Runner:
    def __init__(self, github, api_url, scratch, bin_directory, actions):
        self.github = github
        self.api_url = api_url
        self.scratch = scratch
        self.bin_directory = bin_directory  # the fake gh
        self.actions = actions  # "OWNER/NAME@REF" -> a directory holding action.yml
        self.cache = {}
        self.jobs_run = 0

    # --- workflows --------------------------------------------------------------------------------

    def run_workflow(self, repository, workflow, event, sha, ref, payload=None, secrets=None, variables=None,
                     head_repository=None, pull_requests=(), actor="someone"):
        """Runs `.github/workflows/WORKFLOW` of REPOSITORY at SHA for EVENT; None when its `on` does
        not take the event. The run is recorded in the emulated GitHub, with its conclusion."""
        repo = self.github.repositories[repository]
        document = load_yaml(repo.git("show", f"{sha}:.github/workflows/{workflow}"))
        if not self.triggered(document, event, ref, payload or {}):
            return None
        fork = head_repository not in (None, repository)
        branch = ref.split("/", 2)[2] if ref.startswith("refs/heads/") else (payload or {}).get("pull_request", {}).get("head", {}).get("ref", ref)
        run = self.github.add_run(repository, workflow, event, sha if event != "pull_request" else payload["pull_request"]["head"]["sha"],
                                  head_repository=head_repository, head_branch=branch, pull_requests=pull_requests)
        secrets = {} if fork else dict(secrets or {})
        results = []
        for name, job in document.get("jobs", {}).items():
            results.extend(self.run_job(repo, document, name, job, run, event, sha, ref, payload or {}, secrets,
                                        variables or {}, fork, workflow, actor))
        failed = any(j.conclusion == "failure" for j in results)
        self.github.finish_run(repository, run["id"], "failure" if failed else "success")
        return WorkflowResult(run, results)

    @staticmethod
    def triggered(document, event, ref, payload):
        on = document.get("on", document.get(True))
        if isinstance(on, str):
            on = {on: None}
        elif isinstance(on, list):
            on = {name: None for name in on}
        if event not in on:
            return False
        filters = on[event] or {}

        def matches(key, value):
            patterns = filters.get(key)
            return patterns is None or any(expressions.filter_pattern(p).match(value) for p in patterns)

        if event == "push":
            if ref.startswith("refs/tags/"):
                return "tags" in filters and matches("tags", ref[len("refs/tags/"):]) if ("tags" in filters or "branches" in filters) else True
            if ref.startswith("refs/heads/"):
                return matches("branches", ref[len("refs/heads/"):]) if ("branches" in filters or "tags" not in filters) else False
        if event == "pull_request":
            return matches("branches", payload["pull_request"]["base"]["ref"])
        return True

    def permissions(self, document, job, fork):
        declared = job.get("permissions", document.get("permissions"))
        if declared is None:
            granted = dict(DEFAULT_PERMISSIONS)
        elif declared == "read-all":
            granted = {scope: "read" for scope in SCOPES}
        elif declared == "write-all":
            granted = {scope: "write" for scope in SCOPES}
        else:
            granted = {scope: level for scope, level in (declared or {}).items() if level != "none"}
            granted["metadata"] = "read"
        if fork:
            granted = {scope: "read" for scope in granted}
        return granted

    def run_job(self, repo, document, name, job, run, event, sha, ref, payload, secrets, variables, fork, workflow, actor):
        github = {
            "event_name": event, "event": payload, "sha": sha, "ref": ref, "ref_name": ref.split("/", 2)[-1],
            "repository": repo.name, "repository_owner": repo.name.split("/")[0], "run_id": str(run["id"]),
            "run_number": "1", "run_attempt": "1", "server_url": "https://github.example", "api_url": self.api_url,
            "workflow": document.get("name", workflow), "job": name, "actor": actor,
            "workflow_ref": f"{repo.name}/.github/workflows/{workflow}@{ref}",
            "head_ref": payload.get("pull_request", {}).get("head", {}).get("ref", ""),
            "base_ref": payload.get("pull_request", {}).get("base", {}).get("ref", ""),
        }
        base = {"github": github, "vars": variables, "secrets": secrets, "needs": {}, "inputs": {}}
        strategy = job.get("strategy") or {}
        combinations = self.matrix(strategy.get("matrix"), base)
        results = []
        for matrix in combinations:
            result = JobResult(name, matrix)
            results.append(result)
            contexts = {**base, "matrix": matrix, "strategy": strategy}
            if not expressions.condition(job.get("if"), {**contexts, "matrix": {}}, "success"):
                continue
            self.jobs_run += 1
            root = os.path.join(self.scratch, "jobs", str(self.jobs_run))
            token = self.github.mint(BOT, repo.name, self.permissions(document, job, fork))
            self.execute_job(result, repo, document, job, contexts, token, root)
        return results

    @staticmethod
    def matrix(declared, contexts):
        if not declared:
            return [{}]
        declared = {k: expressions.substitute(v, contexts) if isinstance(v, str) else v for k, v in declared.items()}
        axes = {k: v for k, v in declared.items() if k not in ("include", "exclude")}
        combinations = [dict(zip(axes, values)) for values in itertools.product(*axes.values())] if axes else []
        for include in declared.get("include", []):
            include = {k: expressions.substitute(v, contexts) for k, v in include.items()}
            combinations.append(include)
        return combinations or [{}]

    # --- jobs and steps ---------------------------------------------------------------------------

    def execute_job(self, result, repo, document, job, contexts, token, root):
        workspace, temp, tools = (os.path.join(root, part) for part in ("workspace", "temp", "tools"))
        for directory in (workspace, temp, tools):
            os.makedirs(directory)
        contexts = {**contexts, "runner": {"os": "Linux", "arch": "X64", "temp": temp, "tool_cache": tools},
                    "steps": {}, "job": {"status": "success"}}
        contexts["github"] = {**contexts["github"], "token": token, "workspace": workspace}
        env = {}
        for source in (document.get("env") or {}, job.get("env") or {}):
            env.update({k: expressions.substitute(v, contexts) for k, v in source.items()})
        github = contexts["github"]
        variables = {"GITHUB_REPOSITORY": github["repository"], "GITHUB_SHA": github["sha"], "GITHUB_REF": github["ref"],
                     "GITHUB_REF_NAME": github["ref_name"], "GITHUB_EVENT_NAME": github["event_name"],
                     "GITHUB_RUN_ID": github["run_id"], "GITHUB_RUN_ATTEMPT": github["run_attempt"],
                     "GITHUB_SERVER_URL": github["server_url"], "GITHUB_API_URL": github["api_url"],
                     "GITHUB_WORKFLOW_REF": github["workflow_ref"], "GITHUB_JOB": github["job"], "GITHUB_ACTOR": github["actor"]}
        state = {"repo": repo, "root": root, "workspace": workspace, "temp": temp, "tools": tools, "token": token,
                 "variables": variables, "paths": [], "exported": {}, "status": "success", "post": [], "counter": 0,
                 "result": result}
        for step in job.get("steps", []):
            self.step(state, step, {**contexts, "env": {**env, **state["exported"]}}, env, result, contexts["steps"])
            contexts["job"]["status"] = state["status"]
        for post in state["post"]:
            post(state["status"])
        result.conclusion = state["status"]

    def step(self, state, step, contexts, inherited_env, result, steps_context):
        label = step.get("name") or step.get("id") or step.get("uses") or step.get("run", "").split("\n")[0]
        if not expressions.condition(step.get("if"), contexts, state["status"]):
            result.steps.append((label, "skipped"))
            if step.get("id"):
                steps_context[step["id"]] = {"outputs": {}, "outcome": "skipped", "conclusion": "skipped"}
            return
        env = {**inherited_env, **state["exported"]}
        env.update({k: expressions.substitute(v, contexts, state["status"]) for k, v in (step.get("env") or {}).items()})
        outputs, ok = {}, True
        try:
            if "run" in step:
                ok, outputs = self.shell(state, expressions.substitute(step["run"], contexts, state["status"]), env, label)
            else:
                inputs = {k: expressions.substitute(v, contexts, state["status"]) for k, v in (step.get("with") or {}).items()}
                ok, outputs = self.uses(state, step["uses"], inputs, env, contexts, label)
        except expressions.ExpressionError as error:
            result.log += f"##[error]{label}: {error}\n"
            ok = False
        result.steps.append((label, "success" if ok else "failure"))
        if step.get("id"):
            steps_context[step["id"]] = {"outputs": outputs, "outcome": "success" if ok else "failure",
                                         "conclusion": "success" if ok else "failure"}
        if not ok and not step.get("continue-on-error"):
            state["status"] = "failure"

    def process_env(self, state, env, extra=None):
        path = ":".join(list(reversed(state["paths"])) + [self.bin_directory, "/usr/bin", "/bin"])
        result = {"HOME": state["root"], "PATH": path, "LANG": "C.UTF-8", "CI": "true", "GITHUB_ACTIONS": "true",
                  "RUNNER_TEMP": state["temp"], "RUNNER_TOOL_CACHE": state["tools"], "RUNNER_OS": "Linux",
                  "GITHUB_WORKSPACE": state["workspace"], "FAKE_GITHUB_URL": self.api_url, **state["variables"]}
        result.update(env)
        result.update(extra or {})
        return result

    def shell(self, state, script, env, label, action_path=None):
        state["counter"] += 1
        files = os.path.join(state["temp"], f"step-{state['counter']}")
        os.makedirs(files)
        paths = {name: os.path.join(files, name) for name in ("output", "env", "path", "summary")}
        for path in paths.values():
            open(path, "w").close()
        script_file = os.path.join(files, "script.sh")
        with open(script_file, "w") as file:
            file.write(script)
        extra = {"GITHUB_OUTPUT": paths["output"], "GITHUB_ENV": paths["env"], "GITHUB_PATH": paths["path"],
                 "GITHUB_STEP_SUMMARY": paths["summary"]}
        if action_path:
            extra["GITHUB_ACTION_PATH"] = action_path
        completed = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script_file],
                                   cwd=state["workspace"], env=self.process_env(state, env, extra),
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900)
        state["result"].log += f"##[step] {label}\n{completed.stdout}"
        with open(paths["path"]) as file:
            state["paths"].extend(line.strip() for line in file if line.strip())
        state["exported"].update(self.read_pairs(paths["env"]))
        with open(paths["summary"]) as file:
            state.setdefault("summary", []).append(file.read())
        return completed.returncode == 0, self.read_pairs(paths["output"])

    @staticmethod
    def read_pairs(path):
        pairs, lines = {}, open(path).read().split("\n")
        index = 0
        while index < len(lines):
            line = lines[index]
            if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
                key, delimiter = line.split("<<", 1)
                end = lines.index(delimiter, index + 1)
                pairs[key] = "\n".join(lines[index + 1:end])
                index = end + 1
                continue
            if "=" in line:
                key, value = line.split("=", 1)
                pairs[key] = value
            index += 1
        return pairs

    def uses(self, state, uses, inputs, env, contexts, label):
        if uses.startswith("actions/checkout@"):
            return self.checkout(state, contexts), {}
        if uses.startswith("actions/cache@"):
            return self.restore_cache(state, inputs), {"cache-hit": "true" if inputs["key"] in self.cache else "false"}
        if uses.startswith("actions/upload-artifact@"):
            return self.upload_artifact(state, inputs, contexts)
        if uses in self.actions:
            return self.composite(state, self.actions[uses], inputs, env, contexts, label)
        raise RuntimeError(f"the runner has no emulation of {uses}")

    def checkout(self, state, contexts):
        repo = state["repo"]
        token = self.github.tokens[state["token"]]
        if repo.private and not token.allows(repo.name, "contents", "read"):
            state["result"].log += f"remote: Repository not found.\nError: fatal: repository '{repo.name}' not found\n"
            return False
        archive = subprocess.run(["git", "-C", repo.path, "archive", contexts["github"]["sha"]], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", state["workspace"]], input=archive.stdout, check=True)
        return True

    def restore_cache(self, state, inputs):
        key, path = inputs["key"], inputs["path"].strip()
        if key in self.cache:
            shutil.copytree(self.cache[key], path, dirs_exist_ok=True)
        else:
            def save(status):
                if status == "success" and key not in self.cache and os.path.isdir(path):
                    saved = os.path.join(self.scratch, "cache", key)
                    shutil.copytree(path, saved)
                    self.cache[key] = saved
            state["post"].append(save)
        return True

    def upload_artifact(self, state, inputs, contexts):
        files = {}
        for entry in filter(None, (line.strip() for line in inputs["path"].split("\n"))):
            entry = os.path.join(state["workspace"], entry)
            if os.path.isfile(entry):
                files[os.path.basename(entry)] = open(entry, "rb").read()
            elif os.path.isdir(entry):
                for folder, _, names in os.walk(entry):
                    for name in names:
                        full = os.path.join(folder, name)
                        files[os.path.relpath(full, entry)] = open(full, "rb").read()
        if not files:
            behaviour = inputs.get("if-no-files-found", "warn")
            state["result"].log += f"No files were found with the provided path: {inputs['path']}.\n"
            return behaviour != "error", {}
        repository = state["repo"].name
        run_id = int(contexts["github"]["run_id"])
        existing = [a for a in self.github.repositories[repository].artifacts.values()
                    if a["workflow_run"]["id"] == run_id and a["name"] == inputs["name"]]
        if existing and inputs.get("overwrite", "false") != "true":
            state["result"].log += "Failed to CreateArtifact: an artifact with this name already exists on the workflow run\n"
            return False, {}
        artifact = self.github.add_artifact(repository, run_id, inputs["name"], files)
        url = f"https://github.example/{repository}/actions/runs/{run_id}/artifacts/{artifact['id']}"
        state["result"].log += f"Artifact {inputs['name']} uploaded: {url}\n"
        return True, {"artifact-id": str(artifact["id"]), "artifact-url": url}

    def composite(self, state, directory, inputs, env, outer, label):
        action = load_yaml(open(os.path.join(directory, "action.yml")).read())
        declared = action.get("inputs") or {}
        unexpected = sorted(set(inputs) - set(declared))
        if unexpected:
            state["result"].log += f"##[error]Unexpected input(s) {unexpected}, valid inputs are {sorted(declared)}\n"
            return False, {}
        github = {**outer["github"], "action_path": directory}
        values = {}
        for name, spec in declared.items():
            spec = spec or {}
            if name in inputs:
                values[name] = expressions.text(inputs[name])
            else:
                values[name] = expressions.text(expressions.substitute(spec.get("default", ""), {**outer, "github": github}))
        steps_context = {}
        inner = {"status": "success"}
        saved_status = state["status"]
        state["status"] = "success"
        for step in action["runs"]["steps"]:
            contexts = {"github": github, "inputs": values, "steps": steps_context, "runner": outer["runner"],
                        "env": {**env, **state["exported"]}, "job": outer["job"]}
            if "run" in step:
                if not expressions.condition(step.get("if"), contexts, state["status"]):
                    state["result"].steps.append((f"{label} / {step.get('name')}", "skipped"))
                    if step.get("id"):
                        steps_context[step["id"]] = {"outputs": {}, "outcome": "skipped", "conclusion": "skipped"}
                    continue
                step_env = {**env, **state["exported"]}
                step_env.update({k: expressions.text(expressions.substitute(v, contexts, state["status"]))
                                 for k, v in (step.get("env") or {}).items()})
                ok, outputs = self.shell(state, expressions.substitute(step["run"], contexts, state["status"]),
                                         step_env, f"{label} / {step.get('name')}", action_path=directory)
                state["result"].steps.append((f"{label} / {step.get('name')}", "success" if ok else "failure"))
                if step.get("id"):
                    steps_context[step["id"]] = {"outputs": outputs, "outcome": "success" if ok else "failure",
                                                 "conclusion": "success" if ok else "failure"}
                if not ok:
                    state["status"] = "failure"
            else:
                self.step(state, {**step, "name": f"{label} / {step.get('name')}"}, contexts, env, state["result"], steps_context)
        inner["status"] = state["status"]
        contexts = {"github": github, "inputs": values, "steps": steps_context, "runner": outer["runner"], "env": env}
        outputs = {name: expressions.text(expressions.substitute(spec.get("value", ""), contexts))
                   for name, spec in (action.get("outputs") or {}).items()}
        state["status"] = saved_status
        return inner["status"] == "success", outputs


def artifact_files(github, repository, artifact_id):
    """The files of an artifact, by name."""
    artifact = github.repositories[repository].artifacts[artifact_id]
    with zipfile.ZipFile(io.BytesIO(artifact["zip"])) as archive:
        return {name: archive.read(name) for name in archive.namelist()}

