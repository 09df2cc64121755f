"""The package's folders are the stages of the flow; a module imports only from its own stage or earlier ones."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extract"
# what each stage may import from, besides itself and the package root's version
ALLOWED = {
    "nlp": set(),
    "figures": {"nlp"},
    "dataset": {"nlp", "figures"},
    "evaluation": {"nlp", "dataset"},
    "audit": {"nlp", "dataset", "figures"},
    "cli": {"nlp", "dataset", "figures", "evaluation", "audit"},
}


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "extract" or len(parts) < 2:
        return None
    return parts[1]


def imported_modules(path: Path, root: Path = PACKAGE.parent) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in a module, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
    return found


def modules_of_stage(stage: str) -> list[Path]:
    folder = PACKAGE / stage
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{stage}.py"]


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_no_module_imports_from_a_later_stage(stage):
    wrong = []
    for path in modules_of_stage(stage):
        for line, module in imported_modules(path):
            target = stage_of(module)
            if target and target != stage and target in ALLOWED and target not in ALLOWED[stage]:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert wrong == []


def test_every_module_belongs_to_a_stage():
    loose = {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py", "cli.py"}
    assert loose == set()


@pytest.mark.parametrize("stage", ["nlp", "nlp.rules", "nlp.components", "dataset", "evaluation", "audit"])
def test_each_stage_says_at_its_door_what_it_owns(stage):
    module = importlib.import_module(f"extract.{stage}")
    assert module.__doc__ and len(module.__doc__.split()) >= 10


def test_the_checker_sees_backward_imports_absolute_and_relative(tmp_path):
    bad = tmp_path / "extract" / "nlp" / "probe.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("import extract.cli\nfrom extract.dataset.corpus import Article\nfrom ..audit import report\n"
                   "from .rules import relations\n", encoding="utf-8")
    modules = [m for _, m in imported_modules(bad, root=tmp_path)]
    assert modules == ["extract.cli", "extract.dataset.corpus", "extract.audit", "extract.nlp.rules"]
    assert [stage_of(m) for m in modules] == ["cli", "dataset", "audit", "nlp"]


def test_no_module_is_a_large_room():
    large = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
             if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert large == {}
