"""Serve a Python forward model to GMKI Studio (a ``"command"`` model).

A model file needs only a ``forward`` function and one call::

    from gmki_model import serve

    def forward(theta):
        # theta: list of floats in physical units, one per parameter
        return [(theta[1] - theta[0]) ** 2]   # one number per observation

    if __name__ == "__main__":
        serve(forward)

and the problem file says ``"model": {"type": "command", "command": ["python3", "model.py"]}``.
gmki puts this file's folder on PYTHONPATH, so ``import gmki_model`` works wherever the model is;
you may also copy this file next to your model. No dependencies, Python 3.8 or newer.

The protocol (JSON Lines, one object per line): gmki writes ``{"id": 17, "theta": [0.1, 2.5]}``
to stdin; ``serve`` answers ``{"id": 17, "output": [4.2, 0.3]}`` on stdout, or
``{"id": 17, "error": "ValueError: ... (model.py, line 12, in forward)"}`` when ``forward``
raises (the full traceback goes to stderr, which gmki keeps in the run's log). stdout carries
answers only: ``print`` and anything else written to stdout, also by C extensions and programs
the model starts, goes to stderr instead. When gmki closes stdin, ``serve`` returns.
"""

import json
import numbers
import os
import sys
import traceback

__all__ = ["serve"]


def serve(forward):
    """Answer gmki's requests with ``forward(theta)`` until stdin closes."""
    answers = _claim_stdout()
    if sys.stdin.isatty():
        print("gmki_model: waiting for requests such as {\"id\": 1, \"theta\": [0.5, 1.0]} "
              "(gmki starts this program itself; Ctrl-D ends it)", file=sys.stderr)
    for line in sys.stdin:
        line = line.strip()
        if line:
            _write(answers, _answer(forward, line))


def _claim_stdout():
    """Keep the real stdout for answers and send everything else written there to stderr."""
    sys.stdout.flush()
    answers_fd = os.dup(1)  # not inherited by programs the model starts
    os.dup2(2, 1)  # file descriptor 1 (C code, child processes) now writes to stderr
    sys.stdout = sys.stderr  # and so does print()
    return os.fdopen(answers_fd, "w", encoding="utf-8", newline="\n")


def _answer(forward, line):
    request = None
    try:
        request = json.loads(line)
        request_id = request["id"]
        theta = request["theta"]
    except Exception as exc:  # not a request we can read; answer if we at least know its id
        request_id = request.get("id") if isinstance(request, dict) else None
        if request_id is None:
            print("gmki_model: ignoring a line that is not a request: %r (%s)" % (line[:200], exc), file=sys.stderr)
            return None
        reason = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return {"id": request_id, "error": "gmki_model could not read the request: %s" % reason}
    try:
        output = _plain(forward(theta))
    except Exception as exc:
        traceback.print_exc(file=sys.stderr)
        return {"id": request_id, "error": _describe(exc)}
    return {"id": request_id, "output": output}


def _plain(result):
    """Lists, tuples and NumPy arrays become lists of floats; anything else is sent as it is,
    and gmki says what came back instead of numbers."""
    if hasattr(result, "tolist"):  # NumPy arrays and scalars
        result = result.tolist()
    if isinstance(result, (list, tuple)):
        return [_number(value) for value in result]
    return result


def _number(value):
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    return value


def _describe(exc):
    """The traceback's last line with where it happened: ``ValueError: bad (model.py, line 12, in forward)``."""
    text = traceback.format_exception_only(type(exc), exc)[-1].strip()
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        frame = frames[-1]
        text += " (%s, line %s, in %s)" % (os.path.basename(frame.filename), frame.lineno, frame.name)
    return text


def _write(answers, answer):
    if answer is None:
        return
    # NaN and infinities are written as the bare tokens NaN/Infinity, which gmki reads, so that it
    # can report "returned NaN at output 2" rather than a protocol error.
    text = json.dumps(answer, default=repr, separators=(",", ":"))
    try:
        answers.write(text + "\n")
        answers.flush()
    except BrokenPipeError:  # gmki is gone: nobody is listening any more
        os._exit(0)
