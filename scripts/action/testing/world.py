"""The world the Action's scenarios run in: deskform's simulators (one per instance), the emulated
GitHub (github.py) with a manifests repository (a real git repository), the repository that publishes
deskform's releases and this Action, and the runner (runner.py) that runs the example workflows."""

import hashlib
import io
import os
import re
import shutil
import subprocess
import tarfile
import time

from github import BOT, FakeGitHub
from runner import Runner

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
ACTION_REPOSITORY = "YOUR-ORG/deskform"


class Simulator:
    """`deskform simulator` on a loopback port, with a token of its own that no output may show."""

    def __init__(self, deskform, directory, name):
        self.token = f"secret-{name}-{os.urandom(6).hex()}"
        self.log = os.path.join(directory, f"simulator-{name}.out")
        self.process = subprocess.Popen(
            [deskform, "simulator", "--port", "0", "--state", os.path.join(directory, f"{name}.json"), "--token", self.token],
            stdout=open(self.log, "w"), stderr=subprocess.STDOUT)
        for _ in range(600):
            match = re.search(r"listening on (http://127\.0\.0\.1:\d+)/api/v1/", open(self.log).read())
            if match:
                self.url = match.group(1)
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"the simulator did not start: {open(self.log).read()}")

    def stop(self):
        self.process.terminate()
        self.process.wait()

    def secrets(self):
        return {"INVGATE_URL": self.url, "INVGATE_USERNAME": "api", "INVGATE_TOKEN": self.token}


class Repo:
    """A manifests repository: a git repository on disk, known to the emulated GitHub."""

    def __init__(self, world, name, source, private=True):
        self.world = world
        self.name = name
        self.path = os.path.join(world.scratch, "repos", name)
        shutil.copytree(source, self.path)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.email", "dev@example.com")
        self.git("config", "user.name", "dev")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "the manifests")
        world.github.add_repository(name, self.path, private)

    def git(self, *arguments):
        return subprocess.run(["git", "-C", self.path, *arguments], check=True, capture_output=True, text=True).stdout.strip()

    def head(self, ref="HEAD"):
        return self.git("rev-parse", ref)

    def commit(self, branch, files, message, start="main"):
        """Commits FILES (path -> text, or None to delete) on BRANCH (made from START if new)."""
        if branch in self.git("branch", "--list", branch):
            self.git("checkout", "-q", branch)
        else:
            self.git("checkout", "-q", "-b", branch, start)
        for path, text in files.items():
            full = os.path.join(self.path, path)
            if text is None:
                os.remove(full)
            else:
                os.makedirs(os.path.dirname(full), exist_ok=True)
                with open(full, "w") as file:
                    file.write(text)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        sha = self.head()
        self.git("checkout", "-q", "main")
        return sha

    def merge(self, number, how):
        """Merges pull request NUMBER into main as GitHub's merge button does (merge, squash or
        rebase); returns the merge commit."""
        pull = self.world.github.repositories[self.name].pulls[number]
        head = pull["head"]["sha"]
        self.git("checkout", "-q", "main")
        associated = []
        if how == "merge":
            self.git("merge", "-q", "--no-ff", head, "-m", f"Merge pull request #{number}")
        elif how == "squash":
            self.git("merge", "-q", "--squash", head)
            self.git("commit", "-q", "-m", f"Squashed #{number}")
        elif how == "rebase":
            base = self.git("merge-base", "main", head)
            for commit in self.git("rev-list", "--reverse", f"{base}..{head}").split():
                self.git("cherry-pick", "--allow-empty", "-x", commit)
                associated.append(self.head())
        sha = self.head()
        self.world.github.merge_pull(self.name, number, sha, associated)
        return sha


class World:
    def __init__(self, deskform, scratch):
        self.deskform = deskform
        self.scratch = scratch
        self.simulators = []
        self.github = FakeGitHub()
        self.api_url = self.github.start()
        bin_directory = os.path.join(scratch, "bin")
        os.makedirs(bin_directory)
        with open(os.path.join(bin_directory, "gh"), "w") as file:
            file.write(f'#!/bin/sh\nexec "{os.environ.get("ACTION_TEST_PYTHON_BIN") or "python3"}" "{HERE}/gh.py" "$@"\n')
        os.chmod(os.path.join(bin_directory, "gh"), 0o755)
        # The Action as a runner holds it: .../_actions/OWNER/NAME/REF (install.sh reads its repository there).
        action_path = os.path.join(scratch, "_actions", ACTION_REPOSITORY, "v1")
        os.makedirs(os.path.dirname(action_path))
        os.symlink(ROOT, action_path)
        self.runner = Runner(self.github, self.api_url, scratch, bin_directory, {f"{ACTION_REPOSITORY}@v1": action_path})
        self.version = subprocess.run([os.path.join(ROOT, "scripts", "release.sh"), "--print-version"],
                                      check=True, capture_output=True, text=True).stdout.strip()
        self.publish_deskform()

    def stop(self):
        for simulator in self.simulators:
            simulator.stop()
        self.github.stop()

    def simulator(self, name):
        simulator = Simulator(self.deskform, self.scratch, name)
        self.simulators.append(simulator)
        return simulator

    def archive(self, version, script):
        """A release archive of deskform for this machine, and its .sha256, as scripts/release.sh writes them."""
        name = f"deskform-{version}-linux-{os.uname().machine}"
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
            data = script.encode()
            info = tarfile.TarInfo(f"{name}/deskform")
            info.size, info.mode = len(data), 0o755
            tar.addfile(info, io.BytesIO(data))
        archive = buffer.getvalue()
        checksum = f"{hashlib.sha256(archive).hexdigest()}  {name}.tar.gz\n".encode()
        return {f"{name}.tar.gz": archive, f"{name}.tar.gz.sha256": checksum}

    def publish_deskform(self, private=False):
        """The repository of the Action, with the release of this build and a newer release candidate
        (a pre-release, which `latest` never installs: its binary fails)."""
        path = os.path.join(self.scratch, "repos", ACTION_REPOSITORY)
        os.makedirs(path)
        subprocess.run(["git", "init", "-q", path], check=True)
        self.github.add_repository(ACTION_REPOSITORY, path, private=private)
        self.github.add_release(ACTION_REPOSITORY, f"v{self.version}",
                                self.archive(self.version, f'#!/bin/sh\nexec "{self.deskform}" "$@"\n'))
        self.github.add_release(ACTION_REPOSITORY, "v99.0.0-rc.1",
                                self.archive("99.0.0-rc.1", "#!/bin/sh\necho 'a release candidate' >&2\nexit 1\n"), prerelease=True)

    def deskform_run(self, arguments, cwd, env):
        """deskform outside GitHub (a person at a terminal): its exit status and output."""
        completed = subprocess.run([self.deskform, *arguments], cwd=cwd, env={**os.environ, **env},
                                   capture_output=True, text=True)
        return completed.returncode, completed.stdout + completed.stderr

    # --- GitHub events ----------------------------------------------------------------------------

    def open_pull(self, repo, head, head_repository=None, branch="topic"):
        return self.github.add_pull(repo.name, head, head_repository=head_repository, head_ref=branch)

    def push_pull(self, repo, number, head):
        self.github.repositories[repo.name].pulls[number]["head"]["sha"] = head

    def pull_request_event(self, repo, workflow, number, secrets, variables=None):
        pull = self.github.repositories[repo.name].pulls[number]
        fork = pull["head"]["repo"]["full_name"]
        payload = {"number": number, "pull_request": {"number": number, "head": pull["head"], "base": pull["base"]}}
        return self.runner.run_workflow(repo.name, workflow, "pull_request", pull["head"]["sha"], f"refs/pull/{number}/merge",
                                        payload, secrets, variables, head_repository=fork,
                                        pull_requests=[number] if fork == repo.name else [])

    def push_event(self, repo, workflow, sha, secrets, ref="refs/heads/main", variables=None):
        return self.runner.run_workflow(repo.name, workflow, "push", sha, ref, {"after": sha}, secrets, variables)

    def bot_comments(self, repo, number):
        return [c for c in self.github.issue_comments(repo.name, number) if c["user"]["login"] == BOT]

    def artifacts(self, repo, run_id):
        return {a["name"]: a for a in self.github.repositories[repo.name].artifacts.values() if a["workflow_run"]["id"] == run_id}
