"""Builds the Debian package from the bundle: python packaging/build_deb.py BUNDLE OUT_DIR.

The bundle goes under /opt/statement-reader, with /usr/bin/statement-reader linking to it and
the desktop files under /usr/share. Depends lists the packages of the system libraries that
the bundle's binaries load and do not carry (read from their ELF headers, found by dpkg -S),
plus a font, which Qt needs and no wheel ships.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

from clear_runpaths import is_elf  # beside this script
from PyInstaller.depend.bindepend import get_imports

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader import __version__  # noqa: E402
from reader.desktop_files import desktop_files  # noqa: E402

PACKAGE = "statement-reader"
INSTALL_DIR = Path("opt") / PACKAGE
MAINTAINER = "Statement Reader developers <statement-reader@users.noreply.github.com>"
HOMEPAGE = "https://github.com/statement-reader/statement-reader"
# Loaded by name at run time, so no ELF entry of the bundle names them: GL for Qt's
# widgets, the font, and libpq for the team library's driver (psycopg over ctypes).
ALWAYS_DEPENDS = ["libgl1", "libegl1", "fonts-dejavu-core", "libpq5"]
DESCRIPTION = """\
Description: offline reader for policy statements
 Statement Reader shows policy statements typeset with their sections,
 searches every statement at once, lists what each one recommends on each
 topic, and keeps highlights and notes. It ships with two joint statements on
 U.S.-Russia relations and security and imports text, Markdown, HTML and PDF
 files. Nothing it does touches the network.
 .
 The package carries its own Python and Qt (a PyInstaller bundle).
"""


def system_libraries(bundle: Path) -> set[str]:
    """The resolved paths of the libraries the bundle needs and does not carry."""
    carried = {p.name for p in bundle.rglob("*") if p.is_file()}
    needed: set[str] = set()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and is_elf(path):
            for name, resolved in get_imports(str(path)):
                if Path(name).name not in carried and resolved:
                    needed.add(os.path.realpath(resolved))
    return needed


def owning_packages(libraries: set[str]) -> list[str]:
    packages = set()
    for library in sorted(libraries):
        found = subprocess.run(["dpkg", "-S", library], capture_output=True, text=True)
        if found.returncode != 0:  # merged /usr: dpkg knows the /lib path
            alias = library.removeprefix("/usr")
            found = subprocess.run(["dpkg", "-S", alias], capture_output=True, text=True)
        if found.returncode == 0:
            packages.add(found.stdout.split(":")[0])
    return sorted(packages)


def depends(bundle: Path) -> str:
    libc = "libc6 (>= 2.36)"  # the build machine's glibc: the bundle's binaries need it
    others = [p for p in owning_packages(system_libraries(bundle)) if p != "libc6"]
    return ", ".join([libc, *sorted(set(others) | set(ALWAYS_DEPENDS))])


def control(bundle: Path, installed_kb: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {__version__}\n"
        "Architecture: amd64\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {depends(bundle)}\n"
        "Section: text\n"
        "Priority: optional\n"
        f"Homepage: {HOMEPAGE}\n"
        f"{DESCRIPTION}"
    )


def write_gzip(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same sources give the same bytes (lintian wants no timestamp in it).
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(text.encode("utf-8"))


def lay_out(bundle: Path, tree: Path) -> None:
    shutil.copytree(bundle, tree / INSTALL_DIR, symlinks=True)
    (tree / "usr/bin").mkdir(parents=True)
    # Absolute: Debian policy 10.5 wants links between top-level folders absolute.
    (tree / "usr/bin" / PACKAGE).symlink_to(Path("/") / INSTALL_DIR / PACKAGE)
    share = tree / "usr/share"
    for item in desktop_files():
        target = share / item.target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(item.source, target)
    here = Path(__file__).resolve().parent / "deb"
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copyfile(here / "copyright", doc / "copyright")
    write_gzip(doc / "changelog.gz", (here / "changelog").read_text(encoding="utf-8"))
    manual = (here / f"{PACKAGE}.1").read_text(encoding="utf-8")
    write_gzip(share / "man/man1" / f"{PACKAGE}.1.gz", manual)
    overrides = share / "lintian/overrides" / PACKAGE
    overrides.parent.mkdir(parents=True)
    shutil.copyfile(here / "lintian-overrides", overrides)


def normalise_modes(tree: Path) -> None:
    """0755 for folders and the program, 0644 for the rest (libraries too), whatever the
    umask and PyInstaller made."""
    program = tree / INSTALL_DIR / PACKAGE
    for path in [tree, *tree.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path == program else 0o644)


def build(bundle: Path, out: Path) -> Path:
    tree = out / "deb-root"
    shutil.rmtree(tree, ignore_errors=True)
    lay_out(bundle, tree)
    normalise_modes(tree)
    size_kb = sum(p.lstat().st_size for p in tree.rglob("*")) // 1024
    (tree / "DEBIAN").mkdir()
    (tree / "DEBIAN/control").write_text(control(bundle, size_kb), encoding="utf-8")
    deb = out / f"{PACKAGE}_{__version__}_amd64.deb"
    # gzip: xz made it a fifth smaller (45 MB against 57) but took six times as long (2.5
    # minutes here); lintian refuses zstd.
    command = ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(tree), str(deb)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(tree)
    return deb


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit("usage: build_deb.py BUNDLE_FOLDER OUT_FOLDER")
    bundle, out = Path(sys.argv[1]), Path(sys.argv[2])
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"build_deb: {bundle} holds no bundle; run `make bundle` first")
    print(build(bundle, out))


if __name__ == "__main__":
    main()
