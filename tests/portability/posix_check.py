#!/usr/bin/env python3
"""Portability checks that run on Linux and catch what would break the Windows
(MSVC) build before a Windows machine does.

  posix_check.py guards ROOT
      Every C/C++ file of the project (src, app, qml, bench, tests): POSIX-only
      headers and calls must sit inside a POSIX guard (#ifdef Q_OS_UNIX, …, or
      the #else of #ifdef Q_OS_WIN), unless the file is listed in unix-only.txt.

  posix_check.py compiled ROOT compile_commands.json
      What a packager's configure (release preset, tests and benchmarks off)
      compiles: no test or benchmark source, no file listed as unix-only, and
      every compiled file (and its header) passes the guard check above.

Each problem is printed as file:line: reason; the exit code is 1 when there is
any, 0 otherwise, 2 for a usage error.
"""
import json
import os
import re
import sys

SCANNED_DIRS = ("src", "app", "qml", "bench", "tests")
SKIPPED_PARTS = {"node_modules", "build", ".git"}
# The self-test's planted violations (selftest.sh checks them on their own).
PLANTED_FIXTURE = "tests/portability/testdata/"
EXTENSIONS = (".c", ".cc", ".cpp", ".cxx", ".h", ".hpp", ".mm")

POSIX_HEADERS = re.compile(
    r"#\s*include\s*<(unistd\.h|sys/[\w/]+\.h|fcntl\.h|poll\.h|pthread\.h|dlfcn\.h|termios\.h|"
    r"pwd\.h|grp\.h|spawn\.h|netinet/[\w/]+\.h|arpa/[\w/]+\.h|netdb\.h|dirent\.h|sched\.h|"
    r"semaphore\.h|syslog\.h|libgen\.h|strings\.h|signal\.h|csignal)>")
# Functions MSVC's C library lacks (or has only under another name). A call is a
# bare or ::-qualified name, not a member (p.kill()) or another namespace's.
POSIX_CALLS = re.compile(
    r"(?<![\w.>:])(?:::)?(getrusage|clock_gettime|gettimeofday|fork|vfork|execv|execve|execvp|"
    r"execl|execle|execlp|pipe|pipe2|sigaction|sigemptyset|sigaddset|sigprocmask|pthread_sigmask|"
    r"kill|killpg|waitpid|mmap|munmap|sysconf|getpid|getppid|getuid|geteuid|setenv|unsetenv|"
    r"usleep|nanosleep|fcntl|dup2|_exit|isatty|readlink|symlink|socketpair|setsid|alarm)\s*\(")
# Signals Windows does not have (SIGINT, SIGTERM, SIGABRT… it has).
POSIX_SIGNALS = re.compile(r"\b(SIGHUP|SIGKILL|SIGUSR1|SIGUSR2|SIGPIPE|SIGCHLD|SIGQUIT|SIGALRM|SIGSTOP|SIGCONT)\b")

UNIX_MACRO = r"(Q_OS_UNIX|Q_OS_LINUX|Q_OS_MACOS|Q_OS_MAC|Q_OS_DARWIN|Q_OS_FREEBSD|Q_OS_BSD4|__unix__|__linux__|__APPLE__|_POSIX_VERSION)"
WIN_MACRO = r"(Q_OS_WIN|Q_OS_WIN32|Q_OS_WIN64|_WIN32|_MSC_VER)"


def posix_branch(directive, condition, in_else):
    """Whether the code under this #if/#elif/#else branch only builds on POSIX systems."""
    cond = condition.strip()
    if directive == "ifdef":
        positive_unix = re.fullmatch(UNIX_MACRO, cond) is not None
        positive_win = re.fullmatch(WIN_MACRO, cond) is not None
        negative_win = False
    elif directive == "ifndef":
        positive_unix = positive_win = False
        negative_win = re.fullmatch(WIN_MACRO, cond) is not None
    else:  # if / elif: an expression
        negative_win = re.search(r"!\s*(defined\s*\(?\s*)?" + WIN_MACRO, cond) is not None
        unix_terms = re.findall(r"(!?)\s*(?:defined\s*\(?\s*)?" + UNIX_MACRO, cond)
        positive_unix = bool(unix_terms) and all(neg == "" for neg, _ in unix_terms)
        positive_win = not negative_win and re.search(WIN_MACRO, cond) is not None
    if not in_else:
        return positive_unix or negative_win
    # #else of "#ifdef Q_OS_WIN" (and of nothing else) is the POSIX branch.
    return positive_win and not positive_unix


def strip_code(text):
    """The text with comments and string/char literals blanked, line breaks kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("".join("\n" if ch == "\n" else " " for ch in text[i:j]))
            i = j
        elif c == '"' and not (i > 0 and text[i - 1] == "R"):
            j = i + 1
            while j < n and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append('""' + " " * max(0, j - i - 1))
            i = j + 1
        elif c == "'" and not (i > 0 and (text[i - 1].isalnum())):
            j = i + 1
            while j < n and text[j] != "'" and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append("''" + " " * max(0, j - i - 1))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


CALL_PREFIX_KEYWORDS = {"return", "co_return", "else", "do", "throw", "not", "and", "or"}


def declares(before):
    """Whether a name( preceded by this text declares a function (void kill()), not calls one."""
    word = re.search(r"(\w+)[\s&*]*$", before)
    return word is not None and word.group(1) not in CALL_PREFIX_KEYWORDS


def scan_file(path, display):
    """[(display:line, reason)] for POSIX-only code outside a POSIX guard."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            raw = f.read()
    except OSError as e:
        return [(display + ":0", "cannot read: %s" % e)]
    raw_lines = raw.split("\n")
    code_lines = strip_code(raw).split("\n")
    problems = []
    stack = []  # [directive, condition, in_else]
    for number, (raw_line, line) in enumerate(zip(raw_lines, code_lines), start=1):
        m = re.match(r"\s*#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)", line)
        if m:
            directive, rest = m.group(1), m.group(2)
            if directive in ("if", "ifdef", "ifndef"):
                stack.append([directive, rest, False])
            elif directive == "elif" and stack:
                stack[-1] = ["elif", rest, False]
            elif directive == "else" and stack:
                stack[-1][2] = True
            elif directive == "endif" and stack:
                stack.pop()
            continue
        guarded = any(posix_branch(d, c, e) for d, c, e in stack)
        if guarded:
            continue
        header = POSIX_HEADERS.search(raw_line) if re.match(r"\s*#\s*include", raw_line) else None
        if header:
            problems.append(("%s:%d" % (display, number),
                             "POSIX-only header <%s> outside a Q_OS_UNIX guard" % header.group(1)))
            continue
        for pattern, what in ((POSIX_CALLS, "POSIX-only call %s()"), (POSIX_SIGNALS, "POSIX-only signal %s")):
            for hit in pattern.finditer(line):
                if pattern is POSIX_CALLS and declares(line[:hit.start()]):
                    continue
                problems.append(("%s:%d" % (display, number),
                                 (what % hit.group(1)) + " outside a Q_OS_UNIX guard"))
    return problems


def load_unix_only(root):
    """Paths (files, or directories ending in /) that only ever build on POSIX systems."""
    entries = []
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unix-only.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            entry = line.split("#", 1)[0].strip()
            if entry:
                entries.append(entry)
    return entries


def is_unix_only(rel, entries):
    return any(rel == e or (e.endswith("/") and rel.startswith(e)) for e in entries)


def project_files(root):
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_PARTS)
            for name in sorted(filenames):
                if name.endswith(EXTENSIONS):
                    full = os.path.join(dirpath, name)
                    rel = os.path.relpath(full, root).replace(os.sep, "/")
                    if not rel.startswith(PLANTED_FIXTURE):
                        yield full, rel


def check_guards(root):
    entries = load_unix_only(root)
    problems = []
    count = 0
    for full, rel in project_files(root):
        if is_unix_only(rel, entries):
            continue
        count += 1
        problems += scan_file(full, rel)
    return problems, "%d files checked (unix-only files skipped)" % count


def check_compiled(root, commands_path):
    entries = load_unix_only(root)
    root = os.path.realpath(root)
    with open(commands_path, encoding="utf-8") as f:
        commands = json.load(f)
    problems = []
    seen = set()
    for entry in commands:
        source = os.path.realpath(os.path.join(entry.get("directory", ""), entry["file"]))
        if not source.startswith(root + os.sep):
            continue
        rel = os.path.relpath(source, root).replace(os.sep, "/")
        # Generated files (moc, qmlcachegen, rcc) live in the build tree.
        if rel.startswith("build/") or rel in seen:
            continue
        seen.add(rel)
        if rel.startswith(("tests/", "bench/")):
            problems.append((rel + ":1", "a test or benchmark source is compiled with tests and benchmarks off"))
            continue
        if is_unix_only(rel, entries):
            problems.append((rel + ":1", "a unix-only source (tests/portability/unix-only.txt) is compiled"))
            continue
        problems += scan_file(source, rel)
        header = os.path.splitext(source)[0] + ".h"
        if os.path.exists(header):
            problems += scan_file(header, os.path.relpath(header, root).replace(os.sep, "/"))
    if not seen:
        problems.append((commands_path + ":1", "no project source in the compile commands"))
    return problems, "%d compiled project sources checked" % len(seen)


def main(argv):
    if len(argv) == 3 and argv[1] == "guards":
        problems, summary = check_guards(argv[2])
    elif len(argv) == 4 and argv[1] == "compiled":
        problems, summary = check_compiled(argv[2], argv[3])
    else:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for where, reason in problems:
        print("%s: %s" % (where, reason))
    if problems:
        print("portability: %d problem(s); guard them with #ifdef Q_OS_UNIX (or list a "
              "unix-only file in tests/portability/unix-only.txt)" % len(problems), file=sys.stderr)
        return 1
    print("portability: OK, " + summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
