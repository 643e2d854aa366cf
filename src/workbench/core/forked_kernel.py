"""Fresh kernels without the cost of importing the libraries anew: each kernel is forked from
a process that has imported them and done nothing else.

Starting a Python kernel that imports pandas, seaborn, scipy.stats, pandera and networkx costs
about 1.5 s of CPU, and a build starts one fresh kernel per run. `ForkedProvisioner` is a
kernel provisioner, jupyter_client's public extension point for how a kernel's process is
started (registered under the `jupyter_client.kernel_provisioners` entry point, as papermill
finds its engines). It asks a fork server, one per process that starts kernels, for each
Python kernel. The server (`kernel_fork_server.py`, run as a script) imports those libraries
once and forks a child per kernel; the child enters a session of its own (as jupyter_client's
launcher starts a kernel), moves to the kernel's folder, takes the kernel's environment and
runs ipykernel as `python -m ipykernel_launcher` would. It inherits imported libraries and
nothing a run did: the server executes no notebook, so matplotlib's rcParams are as read at
import, and the workbench is imported by the notebook itself, from the files as they are then.

The standard library's own fork server (`multiprocessing`'s "forkserver") is not used: it runs
the starting program's main module again in every child (a test runner's or a script's, in a
kernel). A kernel of another command (another interpreter, another kernel) is launched as
LocalProvisioner launches it.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.provisioning import LocalProvisioner

PROVISIONER = "workbench-forked"   # its name in the entry point group (pyproject.toml)
SERVER = Path(__file__).with_name("kernel_fork_server.py")
# The server runs as a script with nothing but the standard library on its path first: not its
# folder (as `python FILE` would put it), nor the working folder (as `-c` puts ''), and without
# `-P`, which its kernels would inherit (IPython then leaves '' out of a kernel's sys.path).
BOOTSTRAP = "import runpy, sys; del sys.path[0]; runpy.run_path(sys.argv[1], run_name='__main__')"
LAUNCHER = ["-m", "ipykernel_launcher"]
# ipykernel sets this backend when no other is set, before anything imports matplotlib; the
# fork server imports matplotlib, so it must see the variable as the kernel would.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


class ForkedKernelSpecs(KernelSpecManager):
    """The installed kernel specs, each started through `ForkedProvisioner`."""

    def get_kernel_spec(self, kernel_name: str):
        spec = super().get_kernel_spec(kernel_name)
        spec.metadata = {**spec.metadata, "kernel_provisioner": {"provisioner_name": PROVISIONER}}
        return spec


class ForkServer:
    """This process's fork server, started when it first forks a kernel."""

    _current = None
    _lock = threading.Lock()

    def __init__(self):
        replies, reply_end = os.pipe()
        self.pid = os.getpid()
        env = {**os.environ, "MPLBACKEND": os.environ.get("MPLBACKEND", INLINE_BACKEND)}
        self.server = subprocess.Popen([sys.executable, "-c", BOOTSTRAP, str(SERVER), str(reply_end)], stdin=subprocess.PIPE,
                                       pass_fds=(reply_end,), env=env, text=True)
        os.close(reply_end)
        self.replies = os.fdopen(replies, encoding="utf-8")

    @classmethod
    def fork(cls, module: str, arguments: list[str], cwd: str, env: dict, quiet: bool) -> int:
        """A new kernel's process id: the kernel `python -m module arguments` run in `cwd` with
        `env` would be (its stderr discarded when `quiet`)."""
        with cls._lock:
            if cls._current is None or cls._current.pid != os.getpid() or cls._current.server.poll() is not None:
                cls._current = cls()   # the first, or this is a forked process, or the server ended
            server = cls._current
            # the kernel's parent is the server, which ends with this process: the kernel's
            # parent poller then ends the kernel, as it would end a kernel this process started
            env = {**env, "JPY_PARENT_PID": str(server.server.pid)}
            request = {"module": module, "arguments": arguments, "cwd": cwd, "env": env, "quiet": quiet}
            server.server.stdin.write(json.dumps(request) + "\n")
            server.server.stdin.flush()
            reply = server.replies.readline()
        if not reply:
            raise RuntimeError(f"The kernel fork server ({sys.executable} {SERVER}) ended without starting a kernel; "
                               "its error, if any, is printed above.")
        return json.loads(reply)["pid"]


class ForkedProcess:
    """The calls a LocalProvisioner makes on its kernel's Popen, answered for a kernel the fork
    server forked (a child of the server, which reaps it: here it is gone once it ends)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0   # the server reaped it; its exit status is the server's to know
        return self.returncode

    def wait(self, timeout: float | None = None) -> int | None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None and (deadline is None or time.monotonic() < deadline):
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def forkable(cmd: list[str]) -> bool:
    """Whether `cmd` starts an ipykernel on this interpreter, which a fork of the server is."""
    return (hasattr(os, "fork") and len(cmd) > 2 and cmd[1:3] == LAUNCHER
            and os.path.realpath(cmd[0]) == os.path.realpath(sys.executable))


class ForkedProvisioner(LocalProvisioner):
    """LocalProvisioner, with a Python kernel forked from the fork server instead of started
    as a new interpreter."""

    async def launch_kernel(self, cmd: list[str], **kwargs):
        if not forkable(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        stderr = kwargs.get("stderr")
        quiet = stderr == subprocess.DEVNULL or getattr(stderr, "name", None) == os.devnull
        pid = ForkServer.fork(cmd[2], cmd[3:], cwd, dict(kwargs.get("env") or os.environ), quiet)
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid
        self.cwd = cwd
        return self.connection_info
