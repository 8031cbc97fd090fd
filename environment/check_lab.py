"""Smoke test of the README's first command: start environment/lab, then talk to the running server.

Checks over the REST API and a kernel websocket (loopback only) that JupyterLab serves the
quickstart notebook, that a session on the notebook's kernel ("java-gcl") starts, and that the
kernel runs a line of Java that uses the library. Used by environment/test.

    check_lab.py           environment/lab as the README's first command starts it
    check_lab.py --copy    environment/lab --copy DIR (a student's copy in a temporary folder): the
                           lessons are copied there and the kernel still finds the project folder
"""
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

from tornado import httpclient, ioloop, websocket

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": "token " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"null")


async def execute(url, token, code, timeout):
    conn = await websocket.websocket_connect(httpclient.HTTPRequest(url, headers={"Authorization": "token " + token}))
    msg_id = uuid.uuid4().hex
    conn.write_message(json.dumps({
        "header": {"msg_id": msg_id, "username": "check", "session": uuid.uuid4().hex, "msg_type": "execute_request",
                   "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {}, "allow_stdin": False},
    }))
    deadline = time.time() + timeout
    result = None
    while time.time() < deadline:
        raw = await conn.read_message()
        if raw is None:
            break
        msg = json.loads(raw)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        elif kind == "error":
            result = "ERROR " + msg["content"].get("evalue", "")
        elif kind == "status" and msg["content"]["execution_state"] == "idle" and result is not None:
            break
    conn.close()
    return result


def main():
    if "--copy" in sys.argv[1:]:
        with tempfile.TemporaryDirectory() as copy:
            return check(["--copy", copy])
    return check([])


def check(lab_args):
    port, token = free_port(), secrets.token_hex(16)
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([os.path.join(ROOT, "environment", "lab"), *lab_args, "--no-browser", f"--port={port}",
                               "--ip=127.0.0.1", f"--IdentityProvider.token={token}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(120):
            try:
                call(base, token, "GET", "/api/status")
                break
            except OSError:
                time.sleep(1)
        else:
            print("check-lab: JupyterLab did not answer within 120 s", file=sys.stderr)
            return 1
        nb = call(base, token, "GET", "/api/contents/00-quickstart.ipynb")
        kernel_name = nb["content"]["metadata"]["kernelspec"]["name"]
        specs = call(base, token, "GET", "/api/kernelspecs")["kernelspecs"]
        if kernel_name not in specs:
            print(f"check-lab: the server has no kernel '{kernel_name}' (has {sorted(specs)})", file=sys.stderr)
            return 1
        session = call(base, token, "POST", "/api/sessions",
                       {"path": nb["path"], "type": "notebook", "name": nb["name"], "kernel": {"name": kernel_name}})
        kid = session["kernel"]["id"]
        ws = f"ws://127.0.0.1:{port}/api/kernels/{kid}/channels"
        code = "gcl.Version.library() + \" on \" + System.getProperty(\"java.version\")"
        if lab_args:  # a copy outside the clone: the kernel runs there and finds the clone by GCL_HOME
            code = ("System.getProperty(\"user.dir\") + \", project \" + gcl.Folders.projectHome().get() + \", \" + "
                    + code)
        out = ioloop.IOLoop.current().run_sync(lambda: execute(ws, token, code, 120))
        call(base, token, "DELETE", f"/api/sessions/{session['id']}")
        if not out or out.startswith("ERROR"):
            print(f"check-lab: the kernel did not run the library: {out}", file=sys.stderr)
            return 1
        if lab_args and not (out.startswith(f"{os.path.realpath(lab_args[1])}, project {ROOT},")
                             and os.path.isfile(os.path.join(lab_args[1], nb["name"]))):
            print(f"check-lab: environment/lab --copy: the kernel did not run in the copy {lab_args[1]}"
                  f" with the project at {ROOT}: {out}", file=sys.stderr)
            return 1
        print(f"check-lab: JupyterLab{' --copy' if lab_args else ''} serves {nb['name']}; kernel '{kernel_name}' ({specs[kernel_name]['spec']['display_name']}) answered {out}")
        return 0
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
