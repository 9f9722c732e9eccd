"""The servers under test, each in its own process group so that nothing outlives the soak."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
BIN = Path(PY).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, seconds=60):
    """Return once something accepts connections on port; raise if the process died first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port} after {seconds} s")


class Server:
    """A subprocess started in a new session; stop() ends its whole process group."""

    def __init__(self, command, log_path, env=None):
        self.log_path = Path(log_path)
        self.log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self):
        return self.process.pid

    def stop(self):
        if self.process.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.process.wait(timeout=10)
        # Workers left behind by a master that died: the group outlives its leader.
        self._signal_group(signal.SIGKILL)
        self.log.close()

    def _signal_group(self, signum):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signum)


def start_moto(workdir):
    """Start an S3-compatible server (moto) on a free port; return (server, endpoint URL)."""
    port = free_port()
    command = [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)]
    server = Server(command, workdir / "moto.log")
    try:
        wait_for_port(port, server.process)
    except Exception:
        server.stop()
        raise
    return server, f"http://127.0.0.1:{port}"


def start_gunicorn(env, port, workdir, workers, worker_class):
    """Serve config.wsgi with production settings; no max_requests, so workers live all along."""
    command = [
        str(BIN / "gunicorn"),
        "config.wsgi",
        "-w",
        str(workers),
        "-k",
        worker_class,
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    server = Server(command, workdir / "gunicorn.log", env=env)
    try:
        wait_for_port(port, server.process)
    except Exception:
        server.stop()
        raise
    return server


def children(pid):
    """Return the pids of the direct children of pid (gunicorn's workers for its master)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces or parentheses: the parent pid follows the last ")".
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def rss_kib(pid):
    """Return the resident memory of pid in KiB (VmRSS), or None if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def worker_memory(master_pid):
    """Return {worker pid: RSS in KiB} for every worker of a gunicorn master."""
    return {pid: rss_kib(pid) for pid in children(master_pid)}


TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """Return the CPU time (user + system) a process has used, in seconds (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


def machine_cpu_seconds():
    """Return (busy, total) CPU seconds of the whole machine since boot, all cores together."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle and iowait
    return (sum(values) - idle) / TICKS_PER_SECOND, sum(values) / TICKS_PER_SECOND


def own_cpu_seconds():
    """Return the CPU time of this process (the load generator), all threads together."""
    times = os.times()
    return times.user + times.system
