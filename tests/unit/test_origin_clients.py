"""The origin clients use their libraries' public interfaces only: no private attribute of
another object is read and no library method is overridden."""

import ast

import pytest

from helpers import paths

CLIENTS = sorted((paths.PROJECT_ROOT / "src/helpers/data/origins").glob("*.py"))


@pytest.mark.parametrize("path", CLIENTS, ids=lambda p: p.name)
def test_no_private_attribute_of_a_library_is_touched(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [f"line {node.lineno}: .{node.attr}" for node in ast.walk(tree)
               if isinstance(node, ast.Attribute) and node.attr.startswith("_")
               and not node.attr.startswith("__")
               and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))]
    assert not private, f"{path.name} reaches into private attributes: {private}"
    overridden = [f"line {node.lineno}: {node.name}" for cls in ast.walk(tree)
                  if isinstance(cls, ast.ClassDef) and cls.bases
                  for node in cls.body if isinstance(node, ast.FunctionDef)
                  and node.name.startswith("_") and not node.name.startswith("__")]
    assert not overridden, f"{path.name} overrides private methods: {overridden}"


def test_every_json_answer_is_read_by_the_one_helper():
    for path in CLIENTS:
        if path.name != "http.py":
            assert "json.loads" not in path.read_text(encoding="utf-8"), path.name
