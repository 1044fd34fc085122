#!/usr/bin/env python3
"""
TeamsPlans: make every public top-level type of src/* internal unless another project needs it public (issue 18).

Usage (from anywhere; REPO defaults to the current directory):

    python3 internalize.py [REPO]            # rewrite, then build the solution and fix what the compiler still refuses
    python3 internalize.py [REPO] --no-build # rewrite only (the static decision; no dotnet run)
    python3 internalize.py [REPO] --dry-run  # print the decision, change nothing

What it decides, from the code (re-runnable and idempotent: a second run finds nothing left to change):
  1. The public top-level types of each src project (declarations at column 0 of file-scoped-namespace files).
  2. A type stays public when a project that references its project (src/* or bench/*, transitively; the project's own
     files and linked <Compile Include> files counted) names it in code or in a cref, or when its project's or another
     project's public surface needs it: the closure over the signatures (declaration header with base list and primary
     constructor, public/protected members, every interface member) of the types that stay public; the public members
     of test classes and of tests/TeamsPlans.Testing (xunit needs public test classes, so a theory parameter or a helper's
     public member keeps a type public); public members and @inherits of .razor components (generated public);
     Program (WebApplicationFactory<Program>); a type with a .razor part.
  3. The other ones get "internal" in place of "public" on their declaration line(s), nothing else (every part of a
     partial type together).
  4. Each src project gets <InternalsVisibleTo Include="..."/> for every test project that references it (transitively),
     so tests keep seeing what became internal.
  5. A file listed under "public-types" in tests/TeamsPlans.Plans.Tests/Architecture/source-rules-baseline.txt that has
     at most one public top-level type left is taken off that list (SourceRulesTests requires the list to shrink).
  6. Unless --no-build: `dotnet build TeamsPlans.sln -c Release` (warnings are errors in this repository); a type named in
     an accessibility error (CS0050-CS0061, CS0122, CS0262, CS1574) is put back to public and the build repeated, at most
     --max-rounds times. The types put back this way are written to internalize-keep.txt beside this script and kept
     public by later runs, so a second run needs no build to reach the same result.
Exit code 0 when the tree builds (or with --no-build/--dry-run), 1 when the last build still fails.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

KINDS = r"(?:class|struct|interface|enum|record(?:\s+(?:class|struct))?)"
MODS = r"(?:(?:sealed|static|abstract|partial|readonly|ref|unsafe|new)\s+)*"
TOP_DECL = re.compile(rf"^public(\s+{MODS}{KINDS}\s+)(?P<name>[A-Za-z_]\w*)", re.M)
TOP_DELEGATE = re.compile(r"^public(\s+delegate\s+[^;(]*?\s)(?P<name>[A-Za-z_]\w*)\s*[<(]", re.M)
ANY_TOP = re.compile(rf"^(?:(?:public|internal|file)\s+)?{MODS}(?:{KINDS}|delegate\s)", re.M)
IDENT = re.compile(r"[A-Za-z_]\w*")
CREF = re.compile(r'cref="([^"]+)"')
ACCESS_ERRORS = re.compile(r"error (CS005\d|CS006[01]|CS0122|CS0262|CS1574): (?P<msg>.*?)(?: \[[^\]]*\])?$")
QUOTED = re.compile(r"'([^']+)'")
ATTRS = re.compile(r"^(?:\[[^\]]*\]\s*)+")
EXTENSION_MISSING = re.compile(r"error CS1061: .*?no accessible extension method '(\w+)'")
ALWAYS_PUBLIC = {"Program"}


@dataclass
class Project:
    name: str          # TeamsPlans.Storage
    short: str         # Storage
    dir: Path
    kind: str          # src | bench | tests
    refs: set[str] = field(default_factory=set)
    files: list[Path] = field(default_factory=list)


@dataclass
class Decl:
    project: str
    name: str
    path: Path
    line: int          # 0-based line index of the "public" keyword
    partial: bool


def strip_comments(text: str) -> str:
    """Drops // and /* */ comments but keeps the cref targets of /// comments (they must resolve)."""
    out = []
    for line in text.split("\n"):
        s = line.lstrip()
        if s.startswith("///"):
            out.append(" ".join(CREF.findall(s)))
            continue
        i = _comment_start(line)
        out.append(line if i < 0 else line[:i])
    text = "\n".join(out)
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def _comment_start(line: str) -> int:
    in_str = False
    i = 0
    while i < len(line) - 1:
        c = line[i]
        if c == '"' and (i == 0 or line[i - 1] != "\\"):
            in_str = not in_str
        elif not in_str and c == "/" and line[i + 1] == "/":
            return i
        i += 1
    return -1


def load_projects(repo: Path) -> dict[str, Project]:
    projects: dict[str, Project] = {}
    for kind in ("src", "bench", "tests"):
        base = repo / kind
        if not base.is_dir():
            continue
        for csproj in sorted(base.glob("*/*.csproj")):
            p = Project(csproj.stem, csproj.parent.name, csproj.parent, kind)
            root = ET.parse(csproj).getroot()
            for el in root.iter():
                tag = el.tag.split("}")[-1]
                inc = el.get("Include")
                if tag == "ProjectReference" and inc:
                    p.refs.add(Path(inc.replace("\\", "/")).stem)
                elif tag == "Compile" and inc and not any(ch in inc for ch in "*?"):
                    linked = (csproj.parent / inc.replace("\\", "/")).resolve()
                    if linked.is_file():
                        p.files.append(linked)
            for f in sorted(csproj.parent.rglob("*")):
                rel = f.relative_to(csproj.parent).parts
                if "bin" in rel or "obj" in rel or "node_modules" in rel or not f.is_file():
                    continue
                if f.suffix in (".cs", ".razor", ".cshtml"):
                    p.files.append(f)
            projects[p.name] = p
    return projects


def closure_refs(projects: dict[str, Project], name: str) -> set[str]:
    seen: set[str] = set()
    todo = [name]
    while todo:
        n = todo.pop()
        for r in projects[n].refs if n in projects else ():
            if r not in seen:
                seen.add(r)
                todo.append(r)
    return seen


def find_decls(projects: dict[str, Project]) -> list[Decl]:
    decls = []
    for p in projects.values():
        if p.kind != "src":
            continue
        for f in p.files:
            if f.suffix != ".cs" or p.dir not in f.parents:
                continue
            text = f.read_text(encoding="utf-8-sig")
            for rx in (TOP_DECL, TOP_DELEGATE):
                for m in rx.finditer(text):
                    line = text.count("\n", 0, m.start())
                    decls.append(Decl(p.name, m.group("name"), f, line, " partial " in f" {m.group(1)} "))
    return decls


def signature_text(lines: list[str], start: int, interface: bool) -> str:
    """The public surface of the type declared at lines[start]: header, public/protected members, interface members."""
    end = len(lines)
    for i in range(start + 1, len(lines)):
        if ANY_TOP.match(lines[i]):
            end = i
            break
    region = lines[start:end]
    parts: list[str] = []
    i = 0
    while i < len(region):
        s = ATTRS.sub("", region[i].strip())
        member = i == 0 or s.startswith(("public ", "protected ")) and not s.startswith("protected private")
        if interface and i > 0 and s and not s.startswith(("[", "//", "{", "}", "#", "private ")):
            member = True
        if not member:
            i += 1
            continue
        sig, i = _one_signature(region, i)
        parts.append(sig)
    return "\n".join(parts)


def _one_signature(region: list[str], i: int) -> tuple[str, int]:
    """Text of one declaration up to its body ('{', '=>') or an initializer ('=' outside parentheses)."""
    out = []
    depth = 0
    while i < len(region):
        line = _drop_comment(region[i])
        j = 0
        while j < len(line):
            c = line[j]
            if c in "(<[":
                depth += 1
            elif c in ")>]":
                depth = max(0, depth - 1)
            elif depth == 0 and (c == "{" or line.startswith("=>", j) or (c == "=" and line[j + 1:j + 2] != "=")):
                out.append(line[:j])
                return " ".join(out), i + 1
            elif c == ";" and depth == 0:
                out.append(line[:j])
                return " ".join(out), i + 1
            j += 1
        out.append(line)
        i += 1
        if depth == 0 and len(out) > 1 and not line.rstrip().endswith((",", "(")):
            break
    return " ".join(out), i


def _drop_comment(line: str) -> str:
    k = _comment_start(line)
    return line if k < 0 else line[:k]


extension_classes: dict[str, set[str]] = {}  # extension method name -> the static classes declaring it


def decide(repo: Path, projects: dict[str, Project], learned: set[str]) -> tuple[list[Decl], dict[tuple[str, str], str]]:
    decls = find_decls(projects)
    by_name: dict[str, list[Decl]] = {}
    for d in decls:
        by_name.setdefault(d.name, []).append(d)
    keep: dict[tuple[str, str], str] = {}

    def mark(project_names: set[str], idents: set[str], why: str):
        for ident in idents:
            for d in by_name.get(ident, ()):
                if d.project in project_names and (d.project, d.name) not in keep:
                    keep[(d.project, d.name)] = why
                    todo.append((d.project, d.name))

    todo: list[tuple[str, str]] = []
    texts: dict[Path, str] = {}

    # A static class is named by its extension methods too (services.AddTeamsPlansStateStore(...)).
    for d in decls:
        lines = d.path.read_text(encoding="utf-8-sig").split("\n")
        if not re.match(r"^public\s+(?:\w+\s+)*static\s", lines[d.line]):
            continue
        region = signature_text(lines, d.line, False)
        for m in re.finditer(r"public\s+static\s+[^=;{]*?\b([A-Za-z_]\w*)\s*(?:<[^>(]*>)?\s*\(\s*this\s", region):
            by_name.setdefault(m.group(1), []).append(d)
            extension_classes.setdefault(m.group(1), set()).add(d.name)

    def text_of(f: Path) -> str:
        if f not in texts:
            texts[f] = strip_comments(f.read_text(encoding="utf-8-sig"))
        return texts[f]

    for d in decls:
        razor = d.path.with_name(d.path.name.split(".")[0] + ".razor")
        if d.name in ALWAYS_PUBLIC or d.name in learned or razor.exists():
            keep.setdefault((d.project, d.name), "Program / razor part / internalize-keep.txt")
            todo.append((d.project, d.name))

    # 2a. Named by a project that references the type's project (src and bench only: tests get InternalsVisibleTo).
    for p in projects.values():
        deps = closure_refs(projects, p.name) & {q.name for q in projects.values() if q.kind == "src"}
        if not deps:
            continue
        own = {f for f in p.files if p.dir in f.parents}
        if p.kind in ("src", "bench"):
            idents: set[str] = set()
            for f in p.files:
                idents.update(IDENT.findall(text_of(f)))
            mark(deps, idents, f"used by {p.name}")
        else:
            # Test projects: only what their public surface exposes (test classes are public).
            for f in own | set(p.files):
                if f.suffix != ".cs":
                    continue
                lines = text_of(f).split("\n")
                sig = "\n".join(
                    _one_signature(lines, i)[0] for i, l in enumerate(lines)
                    if re.match(r"\s*(?:\[[^\]]*\]\s*)*(?:public|protected)\s", l))
                mark(deps, set(IDENT.findall(sig)), f"public surface of {p.name}")
        # .razor components are generated public: their public members and base types.
        for f in p.files:
            if f.suffix == ".razor":
                t = f.read_text(encoding="utf-8-sig")
                sig = " ".join(re.findall(r"^\s*@(?:inherits|implements|typeparam)\s+(.+)$", t, re.M))
                sig += " " + " ".join(m for m in re.findall(r"^\s*public\s+([^={;]+)", t, re.M))
                mark(deps | {p.name}, set(IDENT.findall(sig)), f"public part of {f.name}")

    # 2b. Closure over the signatures of the types that stay public (within their project and its references).
    while todo:
        proj, name = todo.pop()
        for d in by_name.get(name, ()):
            if d.project != proj:
                continue
            lines = text_of(d.path).split("\n")
            interface = bool(re.match(r"^public\s+(?:partial\s+)?interface\s", lines[d.line]))
            sig = signature_text(lines, d.line, interface)
            mark({proj} | closure_refs(projects, proj), set(IDENT.findall(sig)) - {name}, f"signature of {name}")
    return decls, keep


def rewrite(decls: list[Decl], keep: dict[tuple[str, str], str], dry: bool) -> list[Decl]:
    changed = [d for d in decls if (d.project, d.name) not in keep]
    by_file: dict[Path, list[Decl]] = {}
    for d in changed:
        by_file.setdefault(d.path, []).append(d)
    for f, ds in by_file.items():
        raw = f.read_bytes().decode("utf-8")
        lines = raw.split("\n")
        for d in ds:
            assert lines[d.line].startswith("public"), (f, d.line, lines[d.line])
            lines[d.line] = "internal" + lines[d.line][len("public"):]
        if not dry:
            f.write_bytes("\n".join(lines).encode("utf-8"))
    return changed


def restore(decls: list[Decl], names: set[str]) -> int:
    n = 0
    for d in decls:
        if d.name not in names:
            continue
        lines = d.path.read_bytes().decode("utf-8").split("\n")
        if lines[d.line].startswith("internal"):
            lines[d.line] = "public" + lines[d.line][len("internal"):]
            d.path.write_bytes("\n".join(lines).encode("utf-8"))
            n += 1
    return n


def add_internals_visible_to(projects: dict[str, Project], dry: bool) -> list[str]:
    added = []
    tests = [p for p in projects.values() if p.kind == "tests"]
    for p in projects.values():
        if p.kind != "src":
            continue
        friends = sorted(t.name for t in tests if p.name in closure_refs(projects, t.name))
        csproj = p.dir / f"{p.name}.csproj"
        text = csproj.read_text(encoding="utf-8")
        missing = [t for t in friends if f'<InternalsVisibleTo Include="{t}" />' not in text]
        if not missing:
            continue
        lines_new = "".join(f'    <InternalsVisibleTo Include="{t}" />\n' for t in missing)
        existing = list(re.finditer(r"^[ \t]*<InternalsVisibleTo Include=\"[^\"]+\" />\n", text, re.M))
        if existing:
            at = existing[-1].end()
            text = text[:at] + lines_new + text[at:]
        else:
            at = text.rindex("</Project>")
            text = text[:at] + "  <ItemGroup>\n" + lines_new + "  </ItemGroup>\n" + text[at:]
        if not dry:
            csproj.write_text(text, encoding="utf-8")
        added += [f"{p.name} -> {t}" for t in missing]
    return added


BASELINE = "tests/TeamsPlans.Plans.Tests/Architecture/source-rules-baseline.txt"
# The source rules' own pattern (SourceRules.PublicTopLevelType): a file listed under "public-types" that has at most one
# public top-level type left follows the rule again and must leave the baseline (SourceRulesTests: the list only shrinks).
RULE_PUBLIC_TYPE = re.compile(
    r"^public\s+(?:(?:sealed|static|abstract|partial|readonly|ref|unsafe|file)\s+)*"
    r"(?:class|struct|interface|enum|delegate|record(?:\s+(?:class|struct))?)\s+\w+", re.M)


def shrink_baseline(repo: Path, dry: bool) -> list[str]:
    path = repo / BASELINE
    if not path.is_file():
        return []
    kept, dropped = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.strip().split(" ", 1)
        if len(parts) == 2 and parts[0] == "public-types" and (repo / parts[1]).is_file():
            if len(RULE_PUBLIC_TYPE.findall((repo / parts[1]).read_text(encoding="utf-8-sig"))) <= 1:
                dropped.append(parts[1])
                continue
        kept.append(line)
    if dropped and not dry:
        path.write_text("\n".join(kept), encoding="utf-8")
    return dropped


def build(repo: Path) -> tuple[bool, str]:
    r = subprocess.run(["dotnet", "build", "TeamsPlans.sln", "-c", "Release", "-nologo", "-v", "q", "-clp:NoSummary"],
                       cwd=repo, capture_output=True, text=True)
    return r.returncode == 0, r.stdout + r.stderr


def refused_names(output: str) -> set[str]:
    """The identifiers of the first quoted name of each accessibility error: the type the compiler found too hidden
    (CS0050-CS0061: the less accessible type; CS0122, CS1574: what could not be reached; CS0262: the partial type)."""
    names = set()
    for line in output.splitlines():
        m = ACCESS_ERRORS.search(line)
        if m and (quoted := QUOTED.findall(m.group("msg"))):
            names.update(IDENT.findall(quoted[0]))
        if e := EXTENSION_MISSING.search(line):
            names.update(extension_classes.get(e.group(1), ()))
    return names


def report_baseline(repo: Path, dry: bool) -> list[str]:
    dropped = shrink_baseline(repo, dry)
    for f in dropped:
        print(f"baseline     public-types {f}: one public type left, taken off {BASELINE}")
    return dropped


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("repo", nargs="?", default=".")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--max-rounds", type=int, default=6)
    ap.add_argument("--keep-file", default=str(Path(__file__).with_name("internalize-keep.txt")))
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    repo = Path(a.repo).resolve()
    if not (repo / "TeamsPlans.sln").is_file():
        print(f"{repo}: no TeamsPlans.sln here", file=sys.stderr)
        return 2
    keep_file = Path(a.keep_file)
    learned = set(keep_file.read_text().split()) if keep_file.is_file() else set()

    projects = load_projects(repo)
    decls, keep = decide(repo, projects, learned)
    public_before = {(d.project, d.name) for d in decls}
    if a.verbose:
        for (proj, name), why in sorted(keep.items()):
            print(f"keep public  {proj}.{name}: {why}")
    changed = rewrite(decls, keep, a.dry_run)
    for d in sorted(changed, key=lambda d: (d.project, str(d.path), d.line)):
        print(f"internal     {d.path.relative_to(repo)}:{d.line + 1} {d.name}")
    ivt = add_internals_visible_to(projects, a.dry_run)
    for x in ivt:
        print(f"InternalsVisibleTo {x}")
    print(f"{len(public_before)} public top-level types in src: {len(keep)} stay public, "
          f"{len({(d.project, d.name) for d in changed})} made internal; {len(ivt)} InternalsVisibleTo added.")
    if a.dry_run or a.no_build:
        report_baseline(repo, a.dry_run)
        return 0

    changed_names = {d.name for d in changed}
    put_back: set[str] = set()
    for round_no in range(1, a.max_rounds + 1):
        ok, out = build(repo)
        if ok:
            print(f"build {round_no}: succeeded")
            break
        names = refused_names(out) & changed_names - put_back
        errors = [l for l in out.splitlines() if " error " in l]
        print(f"build {round_no}: {len(errors)} error lines; put back to public: {', '.join(sorted(names)) or '(none)'}")
        if not names:
            print("\n".join(sorted(set(errors))[:40]))
            break
        put_back |= names
        restore(changed, names)
    else:
        ok, out = build(repo)
    report_baseline(repo, False)  # after the put-backs: a type put back may leave a file with two public types
    if put_back:
        keep_file.write_text("\n".join(sorted(learned | put_back)) + "\n")
        print(f"kept public by the compiler (written to {keep_file}): {', '.join(sorted(put_back))}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
