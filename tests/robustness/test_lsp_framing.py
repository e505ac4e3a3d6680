"""The LSP server's reading of frames: one bad frame costs that frame only (issue 21,
item 11). The server over real pipes is in tests/test_lsp.py; here the reader alone, fed
through a pipe."""

from __future__ import annotations

import json
import os
import threading

import pytest

from mtlint.interfaces.framing import MAX_FRAME_BYTES, FrameReader


def frame(body: bytes, length: int | None = None, header: bytes | None = None) -> bytes:
    if header is None:
        header = b"Content-Length: %d\r\n" % (len(body) if length is None else length)
    return header + b"\r\n" + body


def message(number: int) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": number, "method": "probe",
                       "params": {"text": "Grüße"}}).encode()


def frames_of(data: bytes) -> tuple[list[bytes], int]:
    """The bodies a FrameReader hands on, read as pygls reads them, and how many frames
    it skipped."""
    read_end, write_end = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(write_end, data), os.close(write_end)))
    writer.start()
    reader = FrameReader(read_end)
    bodies = []
    try:
        while True:
            header = reader.readline()
            if not header:
                break
            length = int(header.split(b":")[1])
            assert reader.readline() == b"\r\n"
            bodies.append(reader.read(length))
    finally:
        writer.join()
        os.close(read_end)
    return bodies, reader.skipped


def test_good_frames_pass_unchanged() -> None:
    bodies = [message(n) for n in range(3)]
    header_variants = [None, b"content-length:%d\r\n" % len(bodies[1]),
                       b"Content-Length: %d\r\nContent-Type: application/vscode-jsonrpc; "
                       b"charset=utf-8\r\n" % len(bodies[2])]
    data = b"".join(frame(b, header=h) for b, h in zip(bodies, header_variants, strict=True))
    assert frames_of(data) == (bodies, 0)


FIRST, SECOND = message(1), message(2)


@pytest.mark.parametrize("bad", [
    pytest.param(b"\r\n" + FIRST, id="no header"),
    pytest.param(frame(FIRST, header=b"Content-Length: abc\r\n"), id="length not a number"),
    pytest.param(frame(FIRST, header=b"Content-Length: -5\r\n"), id="negative length"),
    pytest.param(frame(FIRST, length=0), id="zero length"),
    pytest.param(frame(FIRST, length=len(FIRST) + 25), id="length too long"),
    pytest.param(frame(FIRST, length=len(FIRST) + 3), id="length a little too long"),
    pytest.param(frame(FIRST, header=b"Content-Length: " + b"9" * 5000 + b"\r\n"),
                 id="length of 5000 digits"),
    pytest.param(b"garbage without any header at all\n" * 100, id="junk"),
])
def test_a_bad_frame_costs_only_itself(bad: bytes) -> None:
    bodies, skipped = frames_of(frame(message(0)) + bad + frame(SECOND))
    assert bodies == [message(0), SECOND]
    assert skipped == 1


def test_a_length_that_is_too_short_passes_a_cut_body_and_the_next_frame_is_found() -> None:
    # A cut body cannot be told from a bad one before parsing it; pygls reports it as
    # unreadable. The rest of it is junk before the next header.
    bodies, skipped = frames_of(frame(FIRST, length=len(FIRST) - 4) + frame(SECOND))
    assert bodies == [FIRST[:-4], SECOND]
    assert skipped == 1


def test_a_length_over_the_cap_is_not_read() -> None:
    # The body is never sent: a reader that believed the length would wait for it (or
    # allocate it) instead of finding the next frame.
    huge = b"Content-Length: %d\r\n\r\n" % (MAX_FRAME_BYTES + 1)
    bodies, skipped = frames_of(huge + b'{"jsonrpc": "2.0"' + frame(SECOND))
    assert bodies == [SECOND]
    assert skipped == 1


def test_a_body_that_mentions_the_header_is_still_one_body() -> None:
    text = json.dumps({"jsonrpc": "2.0", "method": "probe",
                       "params": {"text": "Content-Length: 12\r\n\r\n{}"}}).encode()
    assert frames_of(frame(text) + frame(SECOND)) == ([text, SECOND], 0)


def test_the_end_of_the_input_ends_the_reading() -> None:
    assert frames_of(b"") == ([], 0)
    # A frame cut off by the end of the input is not handed on.
    assert frames_of(frame(FIRST)[:-5])[0] == []
