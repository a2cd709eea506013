#!/usr/bin/env python3
"""A bounded load test of tieuchi-web on loopback: N users upload the sample district and open reports.

Usage: load-test.py --binary .build/release/tieuchi-web [--seconds 60] [--users 20] [--files workbook|csv]

Starts the given server binary on a free 127.0.0.1 port with a fresh --data-dir, creates one unit account,
signs in USERS sessions, then each session, until SECONDS have passed (and at most --max-rounds uploads
each): opens the upload page, uploads the Tân Yên sample (the workbook of 22 communes, or the 3 CSV files of
6), opens the round's report, the home page and, every third round, the XLSX download. Afterwards it checks
that every uploaded round is stored, evaluated and readable (its report page, and the database), and prints
the throughput, p50/p95 latency per request kind, the server's peak memory (VmHWM of /proc/PID/status) and
the error count. Exits 1 if there was any error. The server is always stopped; nothing leaves loopback.
"""
import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
UNIT = "Huyện Tân Yên"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory(pid):
    """VmHWM and VmRSS of the process, in MiB."""
    values = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    key, value = line.split(":")
                    values[key] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return values


class Session:
    """One user: a keep-alive connection, the cookies, the CSRF token of the last page."""

    def __init__(self, port, timeout):
        self.port = port
        self.timeout = timeout
        self.connection = None
        self.cookies = {}
        self.csrf = ""

    def request(self, method, path, body=None, content_type=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server closed between requests: one retry on a new one.
                self.connection.close()
                self.connection = None
                if attempt == 1:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                if val:
                    self.cookies[key] = val
                else:
                    self.cookies.pop(key, None)
        html = (response.getheader("Content-Type") or "").startswith("text/html")
        text = data.decode("utf-8", errors="replace") if html else ""
        found = re.search(r'name="csrf" value="([0-9a-f]+)"', text)
        if found:
            self.csrf = found.group(1)
        return response.status, response.getheader("Location"), data, text

    def sign_in(self, name, password):
        self.request("GET", "/login")
        body = urllib.parse.urlencode({"csrf": self.csrf, "name": name, "password": password})
        status, location, _, _ = self.request("POST", "/login", body, "application/x-www-form-urlencoded")
        if status != 303 or location != "/":
            raise RuntimeError(f"sign-in failed: {status} {location}")

    def upload(self, files):
        boundary = "----tieuchi-load-" + uuid.uuid4().hex
        parts = []
        for name, value in (("csrf", self.csrf), ("criteria", "ct25-2030.yaml")):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, data in files:
            head = (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                    "Content-Type: application/octet-stream\r\n\r\n")
            parts.append(head.encode() + data + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", "/rounds", b"".join(parts), f"multipart/form-data; boundary={boundary}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="the built tieuchi-web")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--files", choices=("workbook", "csv"), default="workbook")
    parser.add_argument("--max-rounds", type=int, default=500, help="uploads per user at most (a bound)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds one request may take")
    parser.add_argument("--max-evaluations", type=int, default=2)
    args = parser.parse_args()

    if args.files == "workbook":
        path = os.path.join(ROOT, "Samples/tan-yen-2024-xlsx/tan-yen-2024.xlsx")
        files = [(os.path.basename(path), open(path, "rb").read())]
        expected = ("22", "7")
    else:
        folder = os.path.join(ROOT, "Samples/tan-yen-2024-csv")
        files = [(n, open(os.path.join(folder, n), "rb").read()) for n in ("stations.csv", "staff.csv", "hamlets.csv")]
        expected = ("6", "3")

    work = tempfile.mkdtemp(prefix="tieuchi-load-")
    data_dir = os.path.join(work, "data")
    criteria = os.path.join(ROOT, "Criteria")
    binary = os.path.abspath(args.binary)
    made = subprocess.run([binary, "create-user", "--data-dir", data_dir, "--criteria-dir", criteria, "load",
                           "--role", "unit", "--unit", UNIT], capture_output=True, text=True, timeout=120)
    if made.returncode != 0:
        sys.exit(f"create-user failed ({made.returncode}): {made.stdout} {made.stderr}")
    password = re.search(r"one-time password: (\S+)", made.stdout).group(1)
    port = free_port()
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen(
        [binary, "--data-dir", data_dir, "--criteria-dir", criteria, "--host", "127.0.0.1", "--port", str(port),
         "--insecure-cookies", "--log-level", "warning", "--max-evaluations", str(args.max_evaluations)],
        stdout=log, stderr=subprocess.STDOUT)
    samples = []  # (kind, seconds, ok)
    errors = []
    rounds = []
    lock = threading.Lock()
    peak_rss = 0.0
    try:
        deadline = time.time() + 90
        while True:
            if server.poll() is not None:
                sys.exit(f"the server exited with status {server.returncode}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.time() > deadline:
                    sys.exit("the server did not start")
                time.sleep(0.2)

        sessions = [Session(port, args.timeout) for _ in range(args.users)]
        for session in sessions:
            session.sign_in("load", password)
        print(f"{args.users} users signed in; {args.files} uploads for {args.seconds:g} s "
              f"(server pid {server.pid}, port {port}, --max-evaluations {args.max_evaluations})")

        def timed(session, kind, method, path, check, **kwargs):
            started = time.perf_counter()
            try:
                if kind == "upload":
                    result = session.upload(files)
                else:
                    result = session.request(method, path)
                ok, why = check(*result)
            except Exception as error:  # noqa: BLE001 — every failure counts as an error, with its reason
                result, ok, why = None, False, repr(error)
            elapsed = time.perf_counter() - started
            with lock:
                samples.append((kind, elapsed, ok))
                if not ok:
                    errors.append(f"{kind} {path}: {why}")
            return result if ok else None

        def user(session, stop_at):
            own = []
            while time.time() < stop_at and len(own) < args.max_rounds:
                if not timed(session, "upload page", "GET", "/rounds/new",
                             lambda s, l, d, t: (s == 200, f"status {s}")):
                    continue
                result = timed(session, "upload", "POST", "/rounds",
                               lambda s, l, d, t: (s == 303 and l and l.startswith("/rounds/"), f"status {s} {l}"))
                if not result:
                    continue
                location = result[1]
                own.append(int(location.rsplit("/", 1)[1]))
                with lock:
                    rounds.append(own[-1])
                timed(session, "report", "GET", location,
                      lambda s, l, d, t: (s == 200 and f'data-communes="{expected[0]}"' in t
                                          and f'data-pass="{expected[1]}"' in t, f"status {s}, counts wrong"))
                timed(session, "home", "GET", "/", lambda s, l, d, t: (s == 200, f"status {s}"))
                if len(own) % 3 == 0:
                    timed(session, "download xlsx", "GET", f"{location}/download/xlsx",
                          lambda s, l, d, t: (s == 200 and d[:2] == b"PK", f"status {s}"))

        stop_at = time.time() + args.seconds
        started = time.time()
        threads = [threading.Thread(target=user, args=(s, stop_at)) for s in sessions]
        for thread in threads:
            thread.start()
        while any(t.is_alive() for t in threads):
            peak_rss = max(peak_rss, memory(server.pid).get("VmRSS", 0))
            time.sleep(0.5)
        elapsed = time.time() - started
        hwm = memory(server.pid).get("VmHWM", 0)

        # Every round stored and readable: each report page again, then the database itself.
        checker = Session(port, args.timeout)
        checker.sign_in("load", password)
        unreadable = []
        for round_id in sorted(rounds):
            status, _, _, text = checker.request("GET", f"/rounds/{round_id}")
            if status != 200 or f'data-pass="{expected[1]}"' not in text:
                unreadable.append(round_id)
        database = sqlite3.connect(os.path.join(data_dir, "tieuchi.sqlite"))
        stored = dict(database.execute("SELECT state, COUNT(*) FROM round GROUP BY state").fetchall())
        files_stored = database.execute("SELECT COUNT(*) FROM round_file").fetchone()[0]
        database.close()
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        log.close()

    total = len(samples)
    print(f"\n{total} requests in {elapsed:.1f} s: {total / elapsed:.1f} requests/s; "
          f"{len(rounds)} rounds uploaded ({len(rounds) / elapsed:.2f}/s)")
    print(f"{'request':<16}{'count':>7}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    kinds = ["upload page", "upload", "report", "home", "download xlsx"]
    for kind in kinds + ["all"]:
        times = sorted(s[1] for s in samples if kind == "all" or s[0] == kind)
        if not times:
            continue
        p50 = statistics.median(times) * 1000
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))] * 1000
        print(f"{kind:<16}{len(times):>7}{p50:>10.0f}{p95:>10.0f}{times[-1] * 1000:>10.0f}")
    print(f"server memory: peak resident (VmHWM) {hwm:.0f} MiB; highest sampled VmRSS {peak_rss:.0f} MiB")
    print(f"stored: {stored}; {files_stored} files; unreadable rounds: {len(unreadable)}")
    problems = list(errors)
    if stored.get("evaluated", 0) != len(rounds) or len(stored) != 1:
        problems.append(f"rounds in the database {stored}, uploaded {len(rounds)}")
    if files_stored != len(rounds) * len(files):
        problems.append(f"{files_stored} files stored for {len(rounds)} rounds of {len(files)} files")
    if unreadable:
        problems.append(f"rounds not readable: {unreadable[:20]}")
    if not rounds:
        problems.append("no round was uploaded")
    print(f"errors: {len(problems)}")
    for problem in problems[:20]:
        print("  " + problem)
    with open(os.path.join(work, "server.log"), encoding="utf-8", errors="replace") as f:
        tail = f.read()[-2000:]
    if problems and tail.strip():
        print("server log (warnings and errors):\n" + tail)
    shutil.rmtree(work, ignore_errors=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
