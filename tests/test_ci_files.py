"""The CI files users paste: the GitHub workflow is valid by GitHub's schema, the pre-commit hooks run commands
factcheck accepts and write no report files."""

import json
import shlex
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from factcheck.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[1]


def test_the_github_workflow_is_valid():
    schema_file = resources.files("check_jsonschema").joinpath("builtin_schemas/vendor/github-workflows.json")
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions-factcheck.yml").read_text("utf-8"))
    workflow["on"] = workflow.pop(True)  # YAML 1.1 reads the key `on` as true; GitHub reads it as 'on'
    jsonschema.validate(workflow, json.loads(schema_file.read_text("utf-8")))
    steps = workflow["jobs"]["factcheck"]["steps"]
    commands = [s["run"] for s in steps if "run" in s]
    assert not any("torch" in c for c in commands)  # the default model needs none
    run = next(c for c in commands if c.startswith("factcheck run"))
    args = build_parser().parse_args(shlex.split(run)[1:])
    assert {"auto", "sarif"} <= set(args.format)
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    assert workflow["permissions"]["security-events"] == "write"


@pytest.mark.parametrize("hook", yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")))
def test_each_hook_runs_a_command_factcheck_accepts(hook):
    args = build_parser().parse_args(shlex.split(hook["entry"])[1:])
    assert hook["language"] == "python" and not hook["pass_filenames"]
    if args.command == "run":
        assert args.format == ["text"] and args.quiet  # finding lines only; no report files in the user's repo
