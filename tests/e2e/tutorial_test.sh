#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every command of docs/tutorial.md, so that the tutorial cannot drift from the program.
#
# - Every line of every ```sh block is a command (`#` lines are comments; a trailing `\` joins
#   lines). Commands run one by one with `bash -c`, in a scratch directory where `examples` and
#   `catalog` point into the repository, with the parley under test first on PATH. A command that
#   exits non-zero fails the test.
# - A ```text block right after a ```sh block is output shown for it: every line of it, except
#   lines that are only `…`, must appear in the block's standard output, in the same order.
# - `parley serve …` cannot run for ever: it is started in the background with `--port 0`, must
#   print its `listening on` line, answer GET / and list ukraine-talks in GET /api/examples, and is
#   then stopped with SIGINT (exit code 0 expected).
# - `parley report` and `parley serve` are other subcommands of the same binary; if the binary
#   under test does not have one, the test fails and says so.
# Prints the wall-clock time of every command (run as the test runs them; not a benchmark).
# Usage: bash tests/e2e/tutorial_test.sh PATH/TO/parley   (from the repository root)
set -u
parley=${1:?usage: tutorial_test.sh PATH/TO/parley}
parley=$(cd "$(dirname "$parley")" && pwd)/$(basename "$parley")
exec python3 - "$parley" docs/tutorial.md <<'EOF'
import json, os, re, shutil, signal, subprocess, sys, tempfile, time, urllib.request

parley, tutorial = sys.argv[1], sys.argv[2]
repo = os.getcwd()
scratch = tempfile.mkdtemp(prefix="parley-tutorial-")
bindir = os.path.join(scratch, "bin")
os.makedirs(bindir)
os.symlink(parley, os.path.join(bindir, "parley"))
work = os.path.join(scratch, "work")
os.makedirs(work)
for d in ("examples", "catalog"):
    os.symlink(os.path.join(repo, d), os.path.join(work, d))
env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])

def blocks(text):
    """(kind, first line number, lines) for every fenced block, in order, with what lies between."""
    out, lines, i = [], text.split("\n"), 0
    while i < len(lines):
        m = re.match(r"^```(\w*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        kind, start, body = m.group(1), i + 1, []
        i += 1
        while i < len(lines) and lines[i].rstrip() != "```":
            body.append(lines[i])
            i += 1
        out.append((kind, start, body, i))
        i += 1
    return out, lines

def commands(body):
    cmds, pending = [], ""
    for line in body:
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        cmds.append(pending + line)
        pending = ""
    return cmds

subcommands = subprocess.run([parley, "--help"], capture_output=True, text=True, env=env).stdout
def has_subcommand(name):
    return re.search(r"^\s+" + name + r"\b", subcommands, re.M) is not None

failures, timings = [], []

def run_serve(cmd, where):
    if not has_subcommand("serve"):
        failures.append(f"{where}: `{cmd}`: this parley has no `serve` subcommand; the tutorial's web section needs it")
        return ""
    cmd = re.sub(r"--port\s+\d+", "", cmd) + " --port 0"
    start = time.monotonic()
    proc = subprocess.Popen(["bash", "-c", "exec " + cmd], cwd=work, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    url = None
    try:
        line = proc.stdout.readline()  # the server prints its URL first, then flushes
        m = re.search(r"listening on (http://\S+)", line)
        if not m:
            failures.append(f"{where}: `{cmd}` did not print 'listening on URL' (got {line!r})")
            return line
        url = m.group(1)
        with urllib.request.urlopen(url, timeout=30) as r:
            if r.status != 200:
                failures.append(f"{where}: GET {url} answered {r.status}")
        # The tutorial tells the reader to choose ukraine-talks among the examples.
        with urllib.request.urlopen(url.rstrip("/") + "/api/examples", timeout=30) as r:
            names = [e.get("name") for e in json.loads(r.read())]
            if "ukraine-talks" not in names:
                failures.append(f"{where}: GET /api/examples does not offer ukraine-talks: {names}")
        return line
    except Exception as e:  # a refused connection or an HTTP error
        failures.append(f"{where}: `{cmd}` at {url}: {e}")
        return ""
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=30)
            if code != 0:
                failures.append(f"{where}: `{cmd}` exited {code} on SIGINT: {proc.stderr.read().strip()}")
        except subprocess.TimeoutExpired:
            proc.kill()
            failures.append(f"{where}: `{cmd}` did not stop within 30 s of SIGINT")
        timings.append((time.monotonic() - start, cmd + "  (started, queried, stopped)"))

def run(cmd, where):
    if re.match(r"^\s*parley\s+serve\b", cmd):
        return run_serve(cmd, where)
    if re.match(r"^\s*parley\s+report\b", cmd) and not has_subcommand("report"):
        failures.append(f"{where}: `{cmd}`: this parley has no `report` subcommand; the tutorial's briefing section needs it")
        return ""
    start = time.monotonic()
    try:
        p = subprocess.run(["bash", "-c", cmd], cwd=work, env=env, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        failures.append(f"{where}: `{cmd}` ran longer than 300 s")
        return ""
    timings.append((time.monotonic() - start, cmd))
    if p.returncode != 0:
        failures.append(f"{where}: `{cmd}` exited {p.returncode}: {p.stderr.strip()[:2000]}")
    return p.stdout

def check_shown(shown, output, where):
    lines = [l.rstrip() for l in output.split("\n")]
    at = 0
    for want in shown:
        want = want.rstrip()
        if want.strip() in ("", "…", "..."):
            continue
        try:
            at = lines.index(want, at) + 1
        except ValueError:
            failures.append(f"{where}: shown line not in the output (in this order): {want!r}")
            return

text = open(tutorial, encoding="utf-8").read()
found, lines = blocks(text)
ran = 0
for n, (kind, start, body, end) in enumerate(found):
    if kind != "sh":
        continue
    where = f"{tutorial}:{start}"
    output = ""
    for cmd in commands(body):
        output += run(cmd, where)
        ran += 1
    if n + 1 < len(found) and found[n + 1][0] == "text":
        between = lines[end + 1:found[n + 1][1] - 1]
        if all(not l.strip() for l in between):
            check_shown(found[n + 1][2], output, f"{tutorial}:{found[n + 1][1]}")

shutil.rmtree(scratch, ignore_errors=True)
print(f"{ran} tutorial commands run; wall-clock seconds each:")
for seconds, cmd in timings:
    print(f"  {seconds:7.2f}  {cmd}")
for f in failures:
    print("FAIL: " + f)
if not ran:
    print("FAIL: no ```sh blocks found in " + tutorial)
    sys.exit(1)
sys.exit(1 if failures else 0)
EOF
