"""A kernel forked from the fork server (workbench.core.forked_kernel) is the kernel a new
interpreter would be: the same folder, environment, matplotlib backend and rcParams, module
search path (ipykernel's launcher takes the working folder out of it; IPython puts '' back)
and arguments, with none of the workbench imported and nothing of the process
that asked for it (here pytest) run in it; only the libraries are imported already."""

import json
import os
import subprocess
import sys

from jupyter_client.manager import KernelManager

from workbench.core.execute import KERNEL_NAME, Kernel
from workbench.core.forked_kernel import ForkedKernelSpecs, forkable

PORTRAIT = """import json, os, sys, matplotlib
print(json.dumps({
    "cwd": os.getcwd(), "backend": matplotlib.get_backend(),
    "rcParams": {key: repr(value) for key, value in sorted(matplotlib.rcParams.items()) if key != "backend"},
    "path": sys.path, "argv0": sys.argv[0], "parent": os.environ.get("JPY_PARENT_PID") is not None,
    "variable": os.environ.get("WORKBENCH_TEST_VARIABLE"), "session_leader": os.getsid(0) == os.getpid(),
    "workbench": sorted(name for name in sys.modules if name.split(".")[0] in ("workbench", "pytest", "_pytest")),
    "pandas_imported": "pandas" in sys.modules}))
"""


def portrait(manager: KernelManager, folder) -> dict:
    manager.start_kernel(cwd=str(folder), stderr=subprocess.DEVNULL,
                         env={**os.environ, "WORKBENCH_TEST_VARIABLE": "seen"})
    client = manager.client()
    client.start_channels()
    printed = []
    try:
        client.wait_for_ready(timeout=60)
        client.execute_interactive(PORTRAIT, timeout=60, output_hook=lambda message: printed.append(
            message["content"].get("text", "")))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return json.loads("".join(printed))


def test_a_forked_kernel_is_the_kernel_a_new_interpreter_would_be(tmp_path):
    (tmp_path / "forked").mkdir()
    (tmp_path / "new").mkdir()
    forked = portrait(KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=ForkedKernelSpecs()),
                      tmp_path / "forked")
    new = portrait(KernelManager(kernel_name=KERNEL_NAME), tmp_path / "new")
    assert forked["cwd"] == str(tmp_path / "forked")
    assert forked.pop("pandas_imported") and not new.pop("pandas_imported")   # what the fork saves
    for kernel, folder in ((forked, "forked"), (new, "new")):   # each its own folder, else the same
        kernel["cwd"] = kernel["cwd"].replace(str(tmp_path / folder), "FOLDER")
        kernel["path"] = [entry.replace(str(tmp_path / folder), "FOLDER") for entry in kernel["path"]]
    assert forked["workbench"] == [] and forked["variable"] == "seen" and forked["session_leader"]
    assert forked == new


def test_a_stopped_kernel_is_gone_and_the_next_one_starts():
    kernel = Kernel.start()
    assert kernel.answers(60)
    process = kernel.manager.provisioner.process
    kernel.stop()
    assert process.poll() is not None
    following = Kernel.start()
    try:
        assert following.answers(60)
    finally:
        following.stop()


def test_only_an_ipykernel_of_this_interpreter_is_forked():
    assert forkable([sys.executable, "-m", "ipykernel_launcher", "-f", "kernel.json"])
    assert not forkable(["/usr/bin/python2", "-m", "ipykernel_launcher", "-f", "kernel.json"])
    assert not forkable([sys.executable, "-m", "another_kernel", "-f", "kernel.json"])


def test_a_kernel_stops_after_a_ctrl_c_left_the_event_loop_stopping():
    """A Ctrl-C that arrives as papermill's event loop finishes a step leaves the loop told to
    stop; the next call on that loop (the kernel's shutdown) would end at once, with "Event
    loop stopped before Future completed". Stopping the kernel still ends its process."""
    from jupyter_core.utils import ensure_event_loop
    kernel = Kernel.start()
    assert kernel.answers(60)
    process = kernel.manager.provisioner.process
    ensure_event_loop().stop()   # as the interrupted step left it
    kernel.stop()
    assert process.poll() is not None and not kernel.folder.exists()
