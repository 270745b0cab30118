"""Write bench/data/drafts/*.txt from the seeds and the edits in drafts-edits.yaml (run from the repository root)."""

from pathlib import Path

import yaml

root = Path("bench/data")
edits = yaml.safe_load((root / "drafts-edits.yaml").read_text())
for draft, spec in edits.items():
    text = next(Path("seeds").glob(spec["from"] + "_*.txt")).read_text("utf-8")
    for old, new in spec["replace"]:
        assert text.count(old) == 1, (draft, old, text.count(old))
        text = text.replace(old, new)
    (root / "drafts" / f"{draft}.txt").write_text(text, "utf-8")
    print(draft, "ok")
