#!/usr/bin/env python3
"""Black-box HTTP tests of `cong serve`.

    python3 tests/http/run.py --cong build/cong [--pg] [--filter SUBSTR] [-v]

Each test module (tests/http/test_*.py) makes its own data folder and server. Prints one line per
failing test with the reason, then `http: N passed, N failed`; exits 1 when a test failed.
Needs html5lib (Debian: python3-html5lib).

--pg runs the same tests on PostgreSQL: a throwaway cluster (pglib.py; Debian's postgresql) is
started once, its URL put in CONG_TEST_PG, and every data folder is made with `cong init --db` on
a database of its own; the summary line is then `http-pg: N passed, N failed`. Tests of SQLite's
own files are skipped there."""
import argparse
import os
import sys
import time
import traceback
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


LABEL = "http"  # "http-pg" with --pg: the summary line's name


def need_html5lib():
    try:
        import html5lib  # noqa: F401
        return
    except ImportError:
        pass
    # Debian's python3-html5lib is installed for the system Python: use it when this
    # interpreter (a pyenv or venv one) does not have the module.
    system = "/usr/bin/python3"
    if os.environ.get("CONG_HTTP_REEXEC") != "1" and os.path.realpath(sys.executable) != os.path.realpath(system) \
            and os.access(system, os.X_OK):
        import subprocess
        ok = subprocess.run([system, "-c", "import html5lib"], capture_output=True).returncode == 0
        if ok:
            os.environ["CONG_HTTP_REEXEC"] = "1"
            os.execv(system, [system] + sys.argv)
    print("%s: error: the Python module html5lib is missing for %s (install python3-html5lib or "
          "`pip install html5lib`)" % (LABEL, sys.executable), file=sys.stderr)
    print("%s: 0 passed, 1 failed" % LABEL)
    sys.exit(1)


class Result(unittest.TestResult):
    def __init__(self, verbose):
        super().__init__()
        self.verbose = verbose
        self.passed = 0
        self.failed_names = []
        self.t0 = {}
        self.sub_failures = []

    def startTest(self, test):
        super().startTest(test)
        self.t0[test.id()] = time.time()
        self.sub_failures = []

    def stopTest(self, test):
        super().stopTest(test)
        if self.sub_failures:  # one line per test, however many of its subtests failed
            name, reason = self.sub_failures[0]
            more = len(self.sub_failures) - 1
            self.failed_names.append(self._name(test))
            print("FAIL %s: %s%s" % (name, reason, " (and %d more subtest failures)" % more if more else ""),
                  flush=True)
        self.sub_failures = []

    def _name(self, test):
        tid = test.id() if hasattr(test, "id") else str(test)
        return tid.replace("__main__.", "")

    def _reason(self, err):
        etype, value, tb = err
        if etype is AssertionError or isinstance(value, AssertionError):
            msg = str(value).split("\n")[0]
        else:
            # an error: the exception and where it came from in the tests
            frames = [f for f in traceback.extract_tb(tb) if "/tests/http/" in f.filename]
            tests = [f for f in frames if os.path.basename(f.filename).startswith("test_")]
            where = ["%s:%d" % (os.path.basename(f.filename), f.lineno) for f in tests[-1:] + frames[-1:]]
            where = " (%s)" % " > ".join(dict.fromkeys(where)) if where else ""
            msg = "%s: %s%s" % (etype.__name__, str(value).split("\n")[0], where)
        return msg[:1500]

    def addSuccess(self, test):
        self.passed += 1
        if self.verbose:
            print("ok   %s (%.2fs)" % (self._name(test), time.time() - self.t0.get(test.id(), time.time())))

    def addFailure(self, test, err):
        self.failed_names.append(self._name(test))
        print("FAIL %s: %s" % (self._name(test), self._reason(err)), flush=True)

    def addError(self, test, err):
        self.failed_names.append(self._name(test))
        print("FAIL %s: %s" % (self._name(test), self._reason(err)), flush=True)

    def addSkip(self, test, reason):
        print("skip %s: %s" % (self._name(test), reason), flush=True)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self.sub_failures.append((self._name(subtest), self._reason(err)))


def flatten(suite):
    for t in suite:
        if isinstance(t, unittest.TestSuite):
            yield from flatten(t)
        else:
            yield t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cong", default=os.path.join(ROOT, "build", "cong"), help="the cong binary")
    ap.add_argument("--filter", default="", help="run only tests whose id contains SUBSTR")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list passing tests")
    ap.add_argument("--pg", action="store_true",
                    help="on PostgreSQL: a throwaway cluster, a database per data folder (summary: http-pg)")
    args = ap.parse_args()
    global LABEL
    LABEL = "http-pg" if args.pg else "http"
    need_html5lib()

    cong = os.path.abspath(args.cong)
    if not os.access(cong, os.X_OK):
        print("%s: error: %s is not an executable" % (LABEL, cong), file=sys.stderr)
        print("%s: 0 passed, 1 failed" % LABEL)
        return 1
    os.environ["CONG_BIN"] = cong
    os.environ["CONG_ROOT"] = ROOT
    sys.path.insert(0, HERE)
    sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree

    os.environ.pop("CONG_TEST_PG", None)  # SQLite unless --pg, whatever the caller's environment
    if not args.pg:
        return summary(*run_tests(args))
    import pglib
    try:
        cluster = pglib.start()
    except Exception as e:  # noqa: BLE001 — reported as the layer's failure
        print("%s: error: the PostgreSQL cluster did not start: %s" % (LABEL, e), file=sys.stderr)
        print("%s: 0 passed, 1 failed" % LABEL)
        return 1
    os.environ["CONG_TEST_PG"] = cluster.base_url()
    print("postgresql: %s in %.1fs (%s)" % (os.path.basename(os.path.dirname(cluster.bin)), cluster.start_seconds,
                                           cluster.base_url()), flush=True)
    try:
        passed, failed = run_tests(args)
    finally:
        cluster.stop()  # also at exit and on SIGTERM/SIGHUP (pglib)
    print("postgresql: stopped and removed in %.1fs" % cluster.stop_seconds)
    return summary(passed, failed)


def summary(passed, failed):
    print("%s: %d passed, %d failed" % (LABEL, passed, failed))
    return 1 if failed else 0


def run_tests(args):
    """Loads and runs the test modules; (passed, failed)."""
    loader = unittest.TestLoader()
    names = sorted(f[:-3] for f in os.listdir(HERE) if f.startswith("test_") and f.endswith(".py"))
    tests = []
    for n in names:
        try:
            mod = __import__(n)
        except Exception as e:
            print("FAIL %s: cannot load: %s: %s" % (n, type(e).__name__, e))
            tests.append(None)
            continue
        tests += [t for t in flatten(loader.loadTestsFromModule(mod)) if args.filter in t.id()]
    load_errors = tests.count(None)
    tests = [t for t in tests if t is not None]

    result = Result(args.verbose)
    t0 = time.time()
    unittest.TestSuite(tests).run(result)
    failed = len(result.failed_names) + load_errors
    if args.verbose:
        print("(%.1fs)" % (time.time() - t0))
    return result.passed, failed


if __name__ == "__main__":
    sys.exit(main())
