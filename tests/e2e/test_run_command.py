"""The README's run command keeps the promise that nothing leaves the analyst's machine."""
import shlex
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.e2e.conftest import ROOT, _free_port

# Loaded into the server's Python before anything else: records every host it looks up and every address it
# connects to (Python's audit events cover urllib, requests, tornado and asyncio alike).
RECORDER = '''
import sys
def record(event, args):
    if event == "socket.getaddrinfo":
        open(LOG, "a").write(f"lookup {args[0]}\\n")
    elif event == "socket.connect":
        open(LOG, "a").write(f"connect {args[1]!r}\\n")
LOG = LOG_PATH
open(LOG, "a").write("recording\\n")
sys.addaudithook(record)
'''
LOCAL = ("127.0.0.1", "localhost", "::1")


def run_command(port: int) -> list[str]:
    """The command `make run` runs (make's dry run prints it last)."""
    printed = subprocess.run(["make", "-s", "-n", "run", f"PORT={port}", f"PY={sys.executable}"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.strip().splitlines()
    return shlex.split(printed[-1])


def serve_and_record(command: list[str], port: int, folder) -> tuple[list[str], str]:
    """Start `command`, open the dashboard's first page, wait, stop; the hosts it looked up or reached."""
    log = folder / "network.log"
    (folder / "sitecustomize.py").write_text(RECORDER.replace("LOG_PATH", repr(str(log))), encoding="utf-8")
    server = subprocess.Popen(command, cwd=ROOT, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(folder),
                                                      "HOME": str(folder)},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"{' '.join(command)} did not answer on 127.0.0.1:{port}")
                time.sleep(0.3)
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).status == 200
        time.sleep(5)  # Streamlit looks for the machine's external address shortly after it starts
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "recording"
    return [line for line in lines[1:] if not any(host in line for host in LOCAL)], output


def test_make_run_reaches_nothing_beyond_this_machine(tmp_path):
    port = _free_port()
    command = run_command(port)
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    outside, output = serve_and_record(command, port, tmp_path)
    assert outside == [], f"make run reached beyond this machine: {outside}\n{output}"
    assert "External URL" not in output


def test_the_recorder_sees_streamlit_look_for_an_external_address(tmp_path):
    # The control: without the loopback address Streamlit asks an outside service, and the recorder sees it.
    port = _free_port()
    command = run_command(port)
    at = command.index("--server.address")
    outside, _ = serve_and_record(command[:at] + command[at + 2:], port, tmp_path)
    assert any("checkip.amazonaws.com" in line for line in outside)
