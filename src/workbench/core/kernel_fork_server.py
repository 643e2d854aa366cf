"""The fork server of workbench.core.forked_kernel, run as a script (see its BOOTSTRAP) so
that it imports nothing of the workbench and, before it forks, nothing but the standard
library and `PRELOAD`: what every study notebook imports, and nothing that reads a kernel's
own environment at import (ipykernel reads its parent's process id then), so each child takes
its kernel's environment as a new interpreter would.
"""

import importlib
import importlib.util
import json
import os
import signal
import sys

PRELOAD = ("pandas", "pandera.pandas", "seaborn", "networkx", "scipy.stats")


def serve(reply_end: int) -> dict | None:
    """The fork server: import PRELOAD, then fork a child for each request read from stdin and
    write its process id to `reply_end`. Returns, in a child, its request; at the end of
    stdin (the starting process has ended), None."""
    for module in PRELOAD:
        importlib.import_module(module)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)   # the kernels are reaped as they end
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is for the build, which stops the kernels
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            os.close(reply_end)
            return json.loads(line)
        try:
            os.write(reply_end, f"{json.dumps({'pid': pid})}\n".encode())
        except BrokenPipeError:   # the starting process ended (Ctrl-C) while it asked; the child
            break                 # ends with this server (its parent poller)
    return None


def become_kernel(module: str, arguments: list[str], cwd: str, env: dict, quiet: bool) -> None:
    """In a forked child: become the kernel that `python -m module arguments` run in `cwd` with
    `env` would be (the module is ipykernel's launcher)."""
    os.setsid()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    sys.stdin = open(os.devnull, encoding="utf-8")
    if quiet:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.argv = [importlib.util.find_spec(module).origin, *arguments]   # as `python -m` sets it
    from ipykernel import kernelapp   # what the launcher module runs
    kernelapp.launch_new_instance(arguments)


if __name__ == "__main__":
    request = serve(int(sys.argv[-1]))
    if request is not None:
        become_kernel(**request)
