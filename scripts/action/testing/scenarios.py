"""The Action's scenarios: the example workflows, run as written by the runner against the emulated
GitHub and deskform's simulator. Each asserts what GitHub would then hold (comments and their authors,
issues, artifacts, runs) and what the instance holds. Prints one line per scenario and a closing
`N passed, N failed`; exits 1 on any failure.

    python3 scenarios.py DESKFORM [SCRATCH]
"""

import json
import os
import re
import shutil
import sys
import tempfile
import traceback

from expressions import filter_pattern
from github import BOT, BODY_LIMIT, Refusal
from runner import artifact_files, load_yaml
from world import ACTION_REPOSITORY, ROOT, Repo, World

NEW_TEAM = "# A new team.\ngroups:\n  - name: {name}\n    members: [alice]\n"


class Failed(Exception):
    pass


def check(condition, message, detail=""):
    if not condition:
        raise Failed(message + (f"\n{detail}" if detail else ""))


def contains(text, needle, where):
    check(needle in text, f"{where} lacks {needle!r}", tail(text))


def lacks(text, needle, where):
    check(needle not in text, f"{where} holds {needle!r}", tail(text))


def tail(text, lines=60):
    return "\n".join("    " + line for line in text.splitlines()[-lines:])


def succeeded(result, job="plan", **matrix):
    job_result = result.job(job, **matrix)
    check(job_result.conclusion == "success", f"job {job} {matrix} ended {job_result.conclusion}", tail(job_result.log))
    return job_result


def failed(result, job, **matrix):
    job_result = result.job(job, **matrix)
    check(job_result.conclusion == "failure", f"job {job} {matrix} ended {job_result.conclusion}, not failure", tail(job_result.log))
    return job_result


class Scenarios:
    def __init__(self, world):
        self.world = world
        self.scratch = world.scratch
        self.production = world.simulator("production")
        self.staging = world.simulator("staging")
        self.msp_instance = world.simulator("msp")
        self.msp = Repo(world, "acme/msp", os.path.join(ROOT, "examples", "msp"))
        self.secrets = self.msp_instance.secrets()
        # The instance as main's manifests make it, before any pull request.
        code, output = world.deskform_run(["apply", ".", "--auto-approve", "--allow-deletes"], self.msp.path, self.secrets)
        check(code == 0, "the msp manifests did not apply", output)
        self.environments = self.environments_repository()
        # Every job's log, for test_no_secret_anywhere.
        self.logs = []
        run_workflow = world.runner.run_workflow

        def recorded(*arguments, **keywords):
            result = run_workflow(*arguments, **keywords)
            if result:
                self.logs.append(result.log)
            return result

        world.runner.run_workflow = recorded

    def environments_repository(self):
        """examples/environments, its deskform.yaml pointed at the simulators (Basic credentials, under
        the names the example's secrets have)."""
        source = os.path.join(self.scratch, "environments-source")
        shutil.copytree(os.path.join(ROOT, "examples", "environments"), source)
        project = os.path.join(source, "deskform.yaml")
        text = open(project).read()
        text = text.replace("https://acme.example.invgate.net", self.production.url)
        text = text.replace("https://acme-sandbox.example.invgate.net", self.staging.url)
        text = text.replace("{client_id: STG_CLIENT_ID, client_secret: STG_CLIENT_SECRET}", "{username: STG_CLIENT_ID, token: STG_CLIENT_SECRET}")
        open(project, "w").write(text)
        return Repo(self.world, "acme/environments", source)

    def environment_secrets(self):
        return {"PROD_INVGATE_USERNAME": "api", "PROD_INVGATE_TOKEN": self.production.token,
                "STG_CLIENT_ID": "api", "STG_CLIENT_SECRET": self.staging.token}

    def msp_groups(self):
        """The groups of the msp instance, by name (from `deskform export`)."""
        folder = os.path.join(self.scratch, "export")
        code, output = self.world.deskform_run(["export", "--out", folder], self.scratch, self.secrets)
        check(code == 0, "export failed", output)
        estate = load_yaml(open(os.path.join(folder, "estate.yaml")).read())
        shutil.rmtree(folder)
        return [group["name"] for group in estate.get("groups") or []]

    def team_pull(self, name, branch=None, start="main"):
        sha = self.msp.commit(branch or f"team-{name}", {f"staff/{name.lower()}.yaml": NEW_TEAM.format(name=name)}, f"add {name}", start)
        number = self.world.open_pull(self.msp, sha, branch=branch or f"team-{name}")
        return number, sha

    def plan(self, number, secrets=None):
        return self.world.pull_request_event(self.msp, "plan.yml", number, self.secrets if secrets is None else secrets)

    def apply(self, sha):
        return self.world.push_event(self.msp, "apply.yml", sha, self.secrets)

    def undo(self, *files):
        """A reviewed pull request that removes FILES from main, planned, merged and applied: after a
        refused merge, what brings main and the instance together again."""
        sha = self.msp.commit(f"undo-{len(self.world.github.repositories[self.msp.name].pulls)}", {f: None for f in files}, "undo")
        number = self.world.open_pull(self.msp, sha, branch="undo")
        succeeded(self.plan(number))
        return succeeded(self.apply(self.msp.merge(number, "merge")), "apply")

    # --- plan ------------------------------------------------------------------------------------

    def test_first_plan_comments_once(self):
        """plan.yml: the first plan of a pull request is one comment by the bot, marked, titled with the
        counts, naming the instance by environment, never its URL; the plan is saved as an artifact."""
        number, head = self.team_pull("Alpha")
        result = self.plan(number)
        job = succeeded(result)
        comments = self.world.bot_comments(self.msp, number)
        check(len(comments) == 1, f"{len(comments)} bot comments, not 1")
        body = comments[0]["body"]
        lines = body.split("\n")
        check(lines[0] == "<!-- deskform-plan:production -->", f"first line {lines[0]!r}")
        check(lines[1] == "## deskform plan · `production`: 1 to add, 0 to change, 0 to destroy", f"second line {lines[1]!r}")
        check(lines[3] == "### deskform plan for `production`", f"fourth line {lines[3]!r}")
        contains(body, '+ group["Alpha"]  (not in the instance)', "the comment")
        lacks(body, '+ + group', "the comment (one diff marker a line)")
        lacks(body, self.msp_instance.url, "the comment")
        lacks(body, self.msp_instance.url.split("//")[1], "the comment")
        artifacts = self.world.artifacts(self.msp, result.run["id"])
        check(f"deskform-plan-production-{head}" in artifacts, f"artifacts: {list(artifacts)}")
        files = artifact_files(self.world.github, self.msp.name, artifacts[f"deskform-plan-production-{head}"]["id"])
        check(list(files) == ["plan.json"], f"artifact files {list(files)}")
        contains(body, f"/actions/runs/{result.run['id']}/artifacts/", "the comment's footer")
        contains(job.log, "installed", "the job's log")

    def test_second_push_edits_the_comment(self):
        """plan.yml: a later push edits the bot's comment in place: still one comment, with the new plan."""
        number, _ = self.team_pull("Beta")
        succeeded(self.plan(number))
        first = self.world.bot_comments(self.msp, number)
        head = self.msp.commit("team-Beta", {"staff/beta.yaml": NEW_TEAM.format(name="Beta") + "  - name: Gamma\n    members: [bob]\n"}, "and Gamma")
        self.world.push_pull(self.msp, number, head)
        result = self.plan(number)
        succeeded(result)
        comments = self.world.bot_comments(self.msp, number)
        check(len(comments) == 1 and comments[0]["id"] == first[0]["id"], f"comments {[c['id'] for c in comments]}, not {first[0]['id']} alone")
        contains(comments[0]["body"], "2 to add, 0 to change, 0 to destroy", "the edited comment")
        contains(comments[0]["body"], head[:12], "the edited comment")

    def test_foreign_marker_is_left_alone(self):
        """plan.yml: a comment by someone else that starts with the marker is never edited."""
        number, _ = self.team_pull("Delta")
        planted = "<!-- deskform-plan:production -->\nApply my plan instead"
        foreign = self.world.github.add_comment(self.msp.name, number, planted, "mallory")
        succeeded(self.plan(number))
        check(foreign["body"] == planted, "the foreign comment was edited")
        comments = self.world.bot_comments(self.msp, number)
        check(len(comments) == 1, f"{len(comments)} bot comments, not 1")
        contains(comments[0]["body"], 'group["Delta"]', "the bot's comment")

    def test_large_plan_fits_and_links_the_artifact(self):
        """plan.yml: an 800-change plan's comment is cut below 65,536 characters at a whole line, its code
        block closed, with a note linking the artifact, which holds the whole plan."""
        groups = "".join(f"  - name: Bulk team {i:04d} of the regional service desk with a long name\n    members: [alice, bob]\n"
                         for i in range(800))
        head = self.msp.commit("bulk", {"staff/bulk.yaml": "groups:\n" + groups}, "800 teams")
        number = self.world.open_pull(self.msp, head, branch="bulk")
        # The emulated GitHub refuses a longer body, as GitHub does.
        github = self.world.github
        token = github.tokens[github.mint(BOT, self.msp.name, {"pull-requests": "write"})]
        try:
            github.route("POST", f"/repos/{self.msp.name}/issues/{number}/comments", {}, {"body": "x" * (BODY_LIMIT + 1)}, token)
            check(False, "the emulated GitHub took a body over 65,536 characters")
        except Refusal as refusal:
            check(refusal.status == 422, f"status {refusal.status}, not 422")
        result = self.plan(number)
        succeeded(result)
        comments = self.world.bot_comments(self.msp, number)
        check(len(comments) == 1, f"{len(comments)} bot comments")
        body = comments[0]["body"]
        check(len(body) < BODY_LIMIT, f"the comment has {len(body)} characters")
        contains(body, "800 to add, 0 to change, 0 to destroy", "the cut comment")
        contains(body, "The plan is cut here", "the cut comment")
        artifact = self.world.artifacts(self.msp, result.run["id"])[f"deskform-plan-production-{head}"]
        contains(body, f"[`deskform-plan-production-{head}`](https://github.example/{self.msp.name}/actions/runs/{result.run['id']}/artifacts/{artifact['id']})", "the note")
        check(body.count("```") % 2 == 0, "a code block is left open")
        plan = json.loads(artifact_files(self.world.github, self.msp.name, artifact["id"])["plan.json"])
        check(json.dumps(plan).count("Bulk team") >= 800, "the artifact does not hold the whole plan")

    def test_failed_plan_comments_the_errors(self):
        """plan.yml: a plan that fails replaces the comment with its errors (the instance's URL taken out),
        saves no plan, and fails the job."""
        number, _ = self.team_pull("Epsilon")
        succeeded(self.plan(number))
        head = self.msp.commit("team-Epsilon", {"staff/broken.yaml": "groups:\n  - name: [unclosed\n"}, "broken")
        self.world.push_pull(self.msp, number, head)
        result = self.plan(number)
        failed(result, "plan")
        body = self.world.bot_comments(self.msp, number)[0]["body"]
        contains(body, "## deskform plan · `production`: failed", "the comment")
        contains(body, "staff/broken.yaml:2:", "the comment")
        lacks(body, self.msp_instance.url.split("//")[1], "the comment")
        check(not self.world.artifacts(self.msp, result.run["id"]), "a plan was saved")

    def test_show_url_shows_the_host(self):
        """The Action's show-url input: the comment names the environment and the instance's host."""
        plan = open(os.path.join(self.msp.path, ".github/workflows/plan.yml")).read()
        head = self.msp.commit("show-url", {".github/workflows/plan.yml": plan.replace("env: production\n", "env: production\n          show-url: true\n"),
                                            "staff/zeta.yaml": NEW_TEAM.format(name="Zeta")}, "show the URL")
        number = self.world.open_pull(self.msp, head, branch="show-url")
        succeeded(self.plan(number))
        body = self.world.bot_comments(self.msp, number)[0]["body"]
        host = self.msp_instance.url.split("//")[1]
        contains(body, f"### deskform plan for `production ({host})`", "the comment")

    def test_fork_pull_request_gets_no_plan(self):
        """plan.yml on a fork's pull request: no secrets, so nothing is planned, saved or posted."""
        head = self.msp.commit("fork-topic", {"staff/eta.yaml": NEW_TEAM.format(name="Eta")}, "from a fork")
        number = self.world.open_pull(self.msp, head, head_repository="mallory/msp", branch="fork-topic")
        result = self.plan(number)
        job = failed(result, "plan")
        contains(job.log, "INVGATE_URL is not set", "the job's log")
        check(not self.world.github.issue_comments(self.msp.name, number), "a comment was posted")
        check(not self.world.artifacts(self.msp, result.run["id"]), "a plan was saved")

    # --- apply -----------------------------------------------------------------------------------

    def merged_and_applied(self, name, how):
        number, head = self.team_pull(name)
        succeeded(self.plan(number))
        merge = self.msp.merge(number, how)
        result = self.apply(merge)
        job = succeeded(result, "apply")
        contains(job.log, f"applying the plan of production reviewed on pull request #{number} ({head[:12]}", "the apply log")
        check(name in self.msp_groups(), f"group {name} is not on the instance")
        return job

    def test_merge_commit_applies_the_reviewed_plan(self):
        """apply.yml after a merge commit: the reviewed plan of the merged pull request is applied."""
        job = self.merged_and_applied("Merged", "merge")
        contains(job.log, "Apply complete", "the apply log")

    def test_squash_merge_applies_the_reviewed_plan(self):
        """apply.yml after a squash merge: the pull request is found by its merge commit."""
        self.merged_and_applied("Squashed", "squash")

    def test_rebase_merge_applies_the_reviewed_plan(self):
        """apply.yml after a rebase merge of two commits: found by the last rebased commit."""
        head = self.msp.commit("rebased", {"staff/rebased.yaml": NEW_TEAM.format(name="Rebased")}, "one")
        head = self.msp.commit("rebased", {"staff/rebased-2.yaml": NEW_TEAM.format(name="Rebased Two")}, "two")
        number = self.world.open_pull(self.msp, head, branch="rebased")
        succeeded(self.plan(number))
        merge = self.msp.merge(number, "rebase")
        job = succeeded(self.apply(merge), "apply")
        contains(job.log, f"reviewed on pull request #{number}", "the apply log")
        groups = self.msp_groups()
        check("Rebased" in groups and "Rebased Two" in groups, f"groups: {groups}")

    def test_fork_artifact_is_refused(self):
        """apply.yml: a fork's pull request with the same head commit uploads a plan under the expected
        name from a workflow it changed; the merged pull request has no plan of its own: nothing is applied."""
        number, head = self.team_pull("Theta")
        self.world.open_pull(self.msp, head, head_repository="mallory/msp", branch="evil")
        # The fork's run of plan.yml (a workflow the fork may rewrite) saves a plan that destroys a team.
        evil = os.path.join(self.scratch, "evil")
        shutil.copytree(self.msp.path, evil, ignore=shutil.ignore_patterns(".git"))
        os.remove(os.path.join(evil, "staff", "groups.yaml"))
        code, output = self.world.deskform_run(["plan", ".", "--out", "evil.json"], evil, self.secrets)
        check(code == 0, "the evil plan could not be made", output)
        run = self.world.github.add_run(self.msp.name, "plan.yml", "pull_request", head, head_repository="mallory/msp",
                                        pull_requests=(), conclusion="success")
        self.world.github.add_artifact(self.msp.name, run["id"], f"deskform-plan-production-{head}",
                                       {"plan.json": open(os.path.join(evil, "evil.json"), "rb").read()})
        before = self.msp_groups()
        merge = self.msp.merge(number, "merge")
        job = failed(self.apply(merge), "apply")
        contains(job.log, f"no completed run of plan.yml on pull_request from {self.msp.name} saved deskform-plan-production-{head}", "the log")
        contains(job.log, f"run {run['id']} (pull_request from mallory/msp", "the log")
        contains(job.log, "Nothing was applied to production.", "the log")
        check(self.msp_groups() == before, "the instance changed")
        job = self.undo("staff/theta.yaml")
        contains(job.log, f"#{number} adds no reviewed change: no completed run of plan.yml", "the next apply's log")

    def test_fork_pull_request_merge_is_refused(self):
        """apply.yml: a merged pull request from a fork is never applied, whatever its runs saved."""
        head = self.msp.commit("fork-merge", {"staff/iota.yaml": NEW_TEAM.format(name="Iota")}, "iota")
        number = self.world.open_pull(self.msp, head, head_repository="mallory/msp", branch="fork-merge")
        merge = self.msp.merge(number, "squash")
        job = failed(self.apply(merge), "apply")
        contains(job.log, f"pull request #{number} comes from mallory/msp, not from {self.msp.name}", "the log")
        check("Iota" not in self.msp_groups(), "the fork's change was applied")
        self.undo("staff/iota.yaml")

    def test_stale_head_is_refused(self):
        """apply.yml: the plan saved for an earlier commit of the pull request is never applied."""
        number, _ = self.team_pull("Kappa")
        succeeded(self.plan(number))
        head = self.msp.commit("team-Kappa", {"staff/lambda.yaml": NEW_TEAM.format(name="Lambda")}, "unplanned push")
        self.world.push_pull(self.msp, number, head)
        merge = self.msp.merge(number, "merge")
        job = failed(self.apply(merge), "apply")
        contains(job.log, f"the plan of the last commit of pull request #{number} ({head[:12]})", "the log")
        groups = self.msp_groups()
        check("Kappa" not in groups and "Lambda" not in groups, f"groups: {groups}")
        self.undo("staff/kappa.yaml", "staff/lambda.yaml")

    def test_push_without_pull_request_applies_nothing(self):
        """apply.yml: a push straight to main has no reviewed plan."""
        self.msp.git("checkout", "-q", "main")
        sha = self.msp.commit("main", {"staff/mu.yaml": NEW_TEAM.format(name="Mu")}, "straight to main")
        job = failed(self.apply(sha), "apply")
        contains(job.log, "is not the merge commit of a pull request", "the log")
        check("Mu" not in self.msp_groups(), "the push was applied")
        job = self.undo("staff/mu.yaml")
        contains(job.log, f"commit {sha[:12]} came into main without a pull request", "the next apply's log")

    def test_three_quick_merges(self):
        """apply.yml: three merges in quick succession; GitHub cancels the second's waiting run; the third
        applies a fresh plan of main holding the second's and its own reviewed changes, and says so."""
        pulls = [self.team_pull(name) for name in ("Nu", "Xi", "Omicron")]
        for number, _ in pulls:
            succeeded(self.plan(number))
        merges = [self.msp.merge(number, "merge") for number, _ in pulls]
        succeeded(self.apply(merges[0]), "apply")
        self.world.github.add_run(self.msp.name, "apply.yml", "push", merges[1], head_branch="main", conclusion="cancelled")
        job = succeeded(self.apply(merges[2]), "apply")
        contains(job.log, f"#{pulls[1][0]} #{pulls[2][0]} were merged into main since {merges[0][:12]}", "the log")
        contains(job.log, "the fresh plan changes 2 object(s), each as a plan reviewed on #", "the log")
        groups = self.msp_groups()
        check(all(name in groups for name in ("Nu", "Xi", "Omicron")), f"groups: {groups}")

    def test_stale_reviewed_plan_after_the_previous_apply(self):
        """apply.yml: two pull requests planned on the same instance, merged one after the other, each run
        in turn: the second's reviewed plan is stale after the first's apply, so a fresh plan that
        changes only what it changes is applied instead, and the job says so."""
        pulls = [self.team_pull(name) for name in ("Chi", "Psi")]
        for number, _ in pulls:
            succeeded(self.plan(number))
        succeeded(self.apply(self.msp.merge(pulls[0][0], "merge")), "apply")
        job = succeeded(self.apply(self.msp.merge(pulls[1][0], "merge")), "apply")
        contains(job.log, "stale plan", "the log")
        contains(job.log, f"the plan reviewed on #{pulls[1][0]} is stale", "the log")
        contains(job.log, f"the fresh plan changes 1 object(s), each as a plan reviewed on #{pulls[1][0]} does", "the log")
        groups = self.msp_groups()
        check({"Chi", "Psi"} <= set(groups), f"groups: {groups}")

    def test_quick_merges_with_an_unreviewed_commit(self):
        """apply.yml: after cancelled runs, a commit pushed straight to main in the range stops the apply
        while the fresh plan holds its change; once a reviewed pull request undoes it, the next apply
        applies the reviewed changes the cancelled runs skipped."""
        number, _ = self.team_pull("Pi")
        succeeded(self.plan(number))
        first = self.msp.merge(number, "merge")
        direct = self.msp.commit("main", {"staff/rho.yaml": NEW_TEAM.format(name="Rho")}, "straight to main")
        self.world.github.add_run(self.msp.name, "apply.yml", "push", first, head_branch="main", conclusion="cancelled")
        self.world.github.add_run(self.msp.name, "apply.yml", "push", direct, head_branch="main", conclusion="cancelled")
        number, _ = self.team_pull("Sigma", start=first)
        succeeded(self.plan(number))
        job = failed(self.apply(self.msp.merge(number, "merge")), "apply")
        contains(job.log, f"commit {direct[:12]} came into main without a pull request", "the log")
        contains(job.log, 'not in any reviewed plan: create group["Rho"]', "the log")
        groups = self.msp_groups()
        check(not {"Pi", "Rho", "Sigma"} & set(groups), f"groups: {groups}")
        job = self.undo("staff/rho.yaml")
        contains(job.log, "the reviewed changes it does not make are on the instance already", "the log")
        groups = self.msp_groups()
        check({"Pi", "Sigma"} <= set(groups) and "Rho" not in groups, f"groups: {groups}")

    # --- drift -----------------------------------------------------------------------------------

    def drift(self, secrets=None):
        return self.world.runner.run_workflow(self.msp.name, "drift.yml", "schedule", self.msp.head("main"), "refs/heads/main", {},
                                              secrets or self.secrets)

    def drift_issues(self):
        return [i for i in self.world.github.repositories[self.msp.name].issues.values() if not i.get("pull_request")]

    def test_drift_open_update_close(self):
        """drift.yml: drift opens one labelled issue, a second night updates it, a match closes it; a
        foreign issue with the marker is left alone; a failing run touches no issue."""
        foreign = {"number": 1, "title": "fake", "body": "<!-- deskform-drift:production -->\nfake", "state": "open",
                   "labels": [], "user": {"login": "mallory"}}
        self.world.github.repositories[self.msp.name].issues[1] = foreign
        succeeded(self.drift(), "drift")
        check(len(self.drift_issues()) == 1, "a drift issue was opened with no drift")
        # Someone takes carol out of a team by hand.
        groups = open(os.path.join(self.msp.path, "staff", "groups.yaml")).read()
        hand = os.path.join(self.scratch, "by-hand")
        shutil.copytree(self.msp.path, hand, ignore=shutil.ignore_patterns(".git"))
        open(os.path.join(hand, "staff", "groups.yaml"), "w").write(groups.replace("members: [alice, bob, carol]", "members: [alice, bob]"))
        code, output = self.world.deskform_run(["apply", ".", "--auto-approve"], hand, self.secrets)
        check(code == 0, "the change by hand failed", output)
        succeeded(self.drift(), "drift")
        issues = [i for i in self.drift_issues() if i["user"]["login"] == BOT]
        check(len(issues) == 1 and issues[0]["state"] == "open", f"issues: {issues}")
        issue = issues[0]
        check(issue["labels"] == ["deskform-drift"], f"labels {issue['labels']}")
        check(issue["body"].split("\n")[:2] == ["<!-- deskform-drift:production -->",
                                                 "## deskform drift · `production`: 0 to add, 1 to change, 0 to destroy"], issue["body"][:300])
        contains(issue["body"], 'group["MSP Engineers"]', "the issue")
        lacks(issue["body"], self.msp_instance.url.split("//")[1], "the issue")
        check(foreign["body"].endswith("fake") and foreign["state"] == "open", "the foreign issue was touched")
        succeeded(self.drift(), "drift")
        check([i["number"] for i in self.drift_issues() if i["user"]["login"] == BOT] == [issue["number"]], "a second issue was opened")
        # A failing run: the instance's token is wrong.
        before = json.dumps(self.drift_issues(), sort_keys=True)
        job = failed(self.drift({**self.secrets, "INVGATE_TOKEN": "wrong"}), "drift")
        contains(job.log, "no drift issue was opened, changed or closed", "the log")
        check(json.dumps(self.drift_issues(), sort_keys=True) == before, "the failing run touched an issue")
        code, output = self.world.deskform_run(["apply", ".", "--auto-approve"], self.msp.path, self.secrets)
        check(code == 0, "main did not apply", output)
        succeeded(self.drift(), "drift")
        check(issue["state"] == "closed", "the drift issue is still open")
        comments = self.world.github.issue_comments(self.msp.name, issue["number"])
        check(len(comments) == 1 and comments[0]["body"].startswith("The instance matches the manifests again"), f"{comments}")
        check(foreign["state"] == "open", "the foreign issue was closed")

    def test_large_drift_issue_fits(self):
        """drift.yml: a drift of 800 changes makes an issue cut below 65,536 characters, with a note."""
        groups = "".join(f"  - name: Drifted team {i:04d} of the regional service desk with a long name\n    members: [alice]\n"
                         for i in range(800))
        self.msp.commit("main", {"staff/drifted.yaml": "groups:\n" + groups}, "800 teams not yet on the instance")
        try:
            succeeded(self.drift(), "drift")
            issues = [i for i in self.drift_issues() if i["user"]["login"] == BOT and i["state"] == "open"]
            check(len(issues) == 1, f"{len(issues)} open drift issues")
            body = issues[0]["body"]
            check(len(body) < BODY_LIMIT, f"the issue has {len(body)} characters")
            contains(body, "800 to add, 0 to change, 0 to destroy", "the issue")
            contains(body, "The plan is cut here", "the issue")
            check(body.count("```") % 2 == 0, "a code block is left open")
        finally:
            self.msp.commit("main", {"staff/drifted.yaml": None}, "not those")
        succeeded(self.drift(), "drift")
        check(not [i for i in self.drift_issues() if i["user"]["login"] == BOT and i["state"] == "open"], "the drift issue stays open")

    # --- the environments example ---------------------------------------------------------------

    def test_environments_workflow(self):
        """examples/environments: a plan job per environment comments and saves its plan; on the merge, the
        apply jobs apply each environment's reviewed plan, staging first."""
        repo = self.environments
        secrets = self.environment_secrets()
        code, output = self.world.deskform_run(["apply", "--env", "staging", "--auto-approve"], repo.path,
                                               {"STG_CLIENT_ID": "api", "STG_CLIENT_SECRET": self.staging.token})
        check(code == 0, "staging did not apply", output)
        organisation = open(os.path.join(repo.path, "org", "organisation.yaml")).read()
        head = repo.commit("new-team", {"org/organisation.yaml": organisation.replace("\ngroups:\n", "\ngroups:\n  - name: Tau\n    members: [alice]\n", 1)},
                           "add Tau")
        number = self.world.open_pull(repo, head, branch="new-team")
        result = self.world.pull_request_event(repo, "deskform.yml", number, secrets)
        for environment in ("production", "staging"):
            succeeded(result, "plan", env=environment)
        check(result.job("apply").conclusion == "skipped", "apply ran on a pull request")
        comments = sorted(self.world.bot_comments(repo, number), key=lambda c: c["body"])
        check([c["body"].split("\n")[0] for c in comments] == ["<!-- deskform-plan:production -->", "<!-- deskform-plan:staging -->"],
              f"comments: {[c['body'][:40] for c in comments]}")
        contains(comments[1]["body"], "### deskform plan for `staging`", "the staging comment")
        contains(comments[1]["body"], "1 to add, 0 to change, 0 to destroy", "the staging comment")
        for comment in comments:
            lacks(comment["body"], "127.0.0.1", "a comment")
        merge = repo.merge(number, "squash")
        result = self.world.push_event(repo, "deskform.yml", merge, secrets)
        check(result.job("plan").conclusion == "skipped", "plan ran on a push")
        check([j.matrix["env"] for j in result.jobs if j.name == "apply"] == ["staging", "production"], "apply order")
        for environment in ("staging", "production"):
            job = succeeded(result, "apply", env=environment)
            contains(job.log, f"applying the plan of {environment} reviewed on pull request #{number}", "the apply log")
        code, output = self.world.deskform_run(["plan", "--env", "staging", "--detailed-exitcode"], repo.path,
                                               {"STG_CLIENT_ID": "api", "STG_CLIENT_SECRET": self.staging.token})
        check(code == 0, "staging does not match main after the apply", output)

    # --- install and release --------------------------------------------------------------------

    def test_install_from_a_private_fork_needs_the_token_input(self):
        """The Action's token input: a private repository of deskform's releases is read with it; with
        github.token alone the install stops and says what to do. latest never picks a pre-release."""
        self.world.github.repositories[ACTION_REPOSITORY].private = True
        try:
            number, _ = self.team_pull("Upsilon")
            job = failed(self.plan(number), "plan")
            contains(job.log, "pass the Action a token that can read it (input token)", "the log")
            plan = open(os.path.join(self.msp.path, ".github/workflows/plan.yml")).read()
            token = self.world.github.mint("deployer", "someone/else", {}, readable=[ACTION_REPOSITORY])
            head = self.msp.commit("team-Upsilon", {".github/workflows/plan.yml": plan.replace(
                "env: production\n", "env: production\n          token: ${{ secrets.DESKFORM_TOKEN }}\n")}, "the token")
            self.world.push_pull(self.msp, number, head)
            job = succeeded(self.plan(number, {**self.secrets, "DESKFORM_TOKEN": token}))
            contains(job.log, f"deskform: version {self.world.version} for linux-", "the log")
        finally:
            self.world.github.repositories[ACTION_REPOSITORY].private = False

    def test_tampered_archive_is_not_installed(self):
        """install: an archive whose SHA-256 differs from its .sha256 is not installed."""
        release = self.world.github.repositories[ACTION_REPOSITORY].releases[0]
        asset = release["assets"][0]
        original = asset["content"]
        asset["content"] = original + b"tampered"
        try:
            self.world.runner.cache.clear()
            number, _ = self.team_pull("Phi")
            job = failed(self.plan(number), "plan")
            contains(job.log, "as its .sha256 says: not installed", "the log")
        finally:
            asset["content"] = original
            self.world.runner.cache.clear()

    def test_readme_inputs_match_action(self):
        """README's table of the Action's inputs names each input of action.yml, with its default."""
        action = load_yaml(open(os.path.join(ROOT, "action.yml")).read())
        readme = open(os.path.join(ROOT, "README.md")).read()
        rows = re.findall(r"^\| `([a-z-]+)` \| ([^|]*) \|", readme.split("### The GitHub Action", 1)[1].split("\n### ", 1)[0], re.M)
        table = {name: default.strip() for name, default in rows}
        check(list(table) == list(action["inputs"]), f"README's inputs {list(table)}, action.yml's {list(action['inputs'])}")
        for name, spec in action["inputs"].items():
            default = "(required)" if spec.get("required") else (f"`{spec['default']}`" if spec.get("default") not in (None, "") else "(empty)")
            check(table[name] == default, f"README gives {name} the default {table[name]}, action.yml {default}")

    def test_release_tags(self):
        """release.yml runs on vMAJOR.MINOR.PATCH and -rc tags only (not v1, the Action's moving tag);
        a -rc tag is published as a pre-release; ci.yml's macOS job runs Linux's Swift version."""
        release = load_yaml(open(os.path.join(ROOT, ".github/workflows/release.yml")).read())
        on = release.get("on", release.get(True))
        patterns = [filter_pattern(p) for p in on["push"]["tags"]]
        for tag, expected in [("v1.2.3", True), ("v10.0.12", True), ("v1.2.3-rc.1", True), ("v1", False), ("v1.2", False),
                              ("v1.2.3-beta", False), ("latest", False), ("v1.2.x", False)]:
            check(any(p.match(tag) for p in patterns) == expected, f"tag {tag}: {'not ' if expected else ''}matched")
        text = open(os.path.join(ROOT, ".github/workflows/release.yml")).read()
        contains(text, "--prerelease", "release.yml")
        ci = load_yaml(open(os.path.join(ROOT, ".github/workflows/ci.yml")).read())
        linux = re.fullmatch(r"swift:(\d+\.\d+\.\d+)-\w+", ci["jobs"]["linux"]["container"])
        check(linux is not None, f"ci.yml's Linux container {ci['jobs']['linux']['container']} names no exact Swift version")
        contains(json.dumps(ci["jobs"]["macos"]), linux.group(1), "ci.yml's macOS job")
        contains(json.dumps(release["jobs"]["build"]), f"swift:{linux.group(1)}-", "release.yml's build job")

    def test_no_secret_anywhere(self):
        """No comment, issue, artifact or job log that the scenarios before it left holds an instance's token."""
        tokens = [s.token for s in self.world.simulators]
        texts = []
        for repository in self.world.github.repositories.values():
            texts += [c["body"] for c in repository.comments.values()]
            texts += [i.get("body", "") for i in repository.issues.values()]
            texts += [a["zip"].decode("latin-1") for a in repository.artifacts.values()]
        texts += self.logs
        check(self.logs, "no workflow ran before this scenario (it checks what the others left)")
        for token in tokens:
            check(not any(token in text for text in texts), "a token is in a comment, an issue, an artifact or a log")


def main():
    deskform = os.path.abspath(sys.argv[1])
    scratch = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="deskform-action-")
    only = os.environ.get("ACTION_TEST_ONLY")
    passed = failed_count = 0
    world = World(deskform, scratch)
    try:
        scenarios = Scenarios(world)
        for name in [name for name in Scenarios.__dict__ if name.startswith("test_")]:
            if only and only not in name:
                continue
            description = getattr(Scenarios, name).__doc__.strip().split("\n")[0]
            try:
                getattr(scenarios, name)()
                passed += 1
                print(f"  ok: {name[5:]}: {description}")
            except Exception as error:  # a failed check, or a scenario that broke: both fail it
                failed_count += 1
                detail = str(error) if isinstance(error, Failed) else traceback.format_exc()
                print(f"  FAIL: {name[5:]}: {detail}")
    except Exception:  # the world could not be set up: that fails the run
        failed_count += 1
        print(f"  FAIL: setting up the scenarios: {traceback.format_exc()}")
    finally:
        world.stop()
        if os.environ.get("ACTION_TEST_KEEP"):
            print(f"scripts/action: kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"scripts/action: {passed} passed, {failed_count} failed")
    sys.exit(1 if failed_count else 0)


if __name__ == "__main__":
    main()
