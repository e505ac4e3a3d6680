"""The LSP base protocol's framing (`Content-Length: N` header lines, a blank line, N bytes
of JSON), read so that one bad frame costs that frame only.

pygls reads frames itself and trusts them: a frame without its header, with a length that
is not a number, or with a length longer or shorter than its body puts its reader out of
step for good (each following body is read as part of a header line, the server goes
deaf), and a huge length makes it try to read that many bytes. `FrameReader` finds the
frames in the byte stream instead and hands pygls only well-formed ones, through the
`readline`/`read` pair pygls reads standard input with:

- a header is found wherever it starts, also glued to the end of junk or of a body that was
  too long: JSON cannot hold a raw line break inside a string, and `Content-Length:` is no
  JSON outside one, so `Content-Length: 123` followed by a line break in the byte stream
  is always a header;
- a frame whose length is missing, not a number, zero or over `MAX_FRAME_BYTES` is skipped
  (its body is not read into memory: the bytes are scanned for the next header and
  dropped);
- a frame whose length is too long (its body runs into the next header, or one JSON value
  is followed by more bytes) is skipped, and the next frame is served; a length that is
  too short hands on a cut body (pygls reports it as unreadable) and the rest of it is junk
  before the next header;
- at the end of the input (the client is gone) `readline` returns b"", which ends pygls's
  loop.

Skipped frames are logged (standard error), so a client's author sees why.
"""

from __future__ import annotations

import json
import logging
import os
import re
from typing import BinaryIO

log = logging.getLogger(__name__)

# A document over mtlint's input limit (100 MB) is not checked anyway; JSON escaping may
# make its text somewhat longer.
MAX_FRAME_BYTES = 128 * 1024 * 1024
MAX_HEADER_BYTES = 8 * 1024  # header lines without their blank line: junk beyond this
READ_BYTES = 64 * 1024

# A complete Content-Length header line: proof that a frame starts here (see above).
HEADER_LINE = re.compile(rb"content-length[ \t]*:[ \t]*[0-9]+[ \t]*\r?\n", re.IGNORECASE)
LENGTH_VALUE = re.compile(rb"content-length[ \t]*:[ \t]*([0-9]+)", re.IGNORECASE)
MAX_LENGTH_DIGITS = 12
HEADER_END = re.compile(rb"\r?\n\r?\n")
# How much of an unfinished read may be the start of a header split across reads.
HEADER_TAIL = 64


class FrameReader:
    """Well-formed frames from a byte stream, in the shape pygls reads standard input:
    `readline()` gives the header line and then the blank line, `read(n)` the body."""

    def __init__(self, stream: BinaryIO | int):
        self.fd = stream if isinstance(stream, int) else stream.fileno()
        self.buffer = bytearray()
        self.at_end = False
        self.body: bytes | None = None
        self.header_given = False
        self.skipped = 0  # bad frames so far, for tests and logs
        self.in_junk = False  # dropping bytes that belong to no frame

    # -- the interface pygls reads through ---------------------------------------------

    def readline(self) -> bytes:
        if self.body is None:
            self.body = self.next_frame()
            if self.body is None:
                return b""  # the client is gone
            self.header_given = False
        if not self.header_given:
            self.header_given = True
            return b"Content-Length: %d\r\n" % len(self.body)
        return b"\r\n"

    def read(self, size: int) -> bytes:
        body, self.body = self.body or b"", None
        if len(body) != size:  # pygls asks for what the header said
            return b""
        return body

    # -- finding frames ----------------------------------------------------------------

    def next_frame(self) -> bytes | None:
        """The body of the next well-formed frame, or None at the end of the input."""
        while True:
            header = HEADER_LINE.search(self.buffer)
            if header is None:
                # Junk, or a header without a length: keep only what may begin a header.
                self._drop_junk(max(0, len(self.buffer) - HEADER_TAIL))
                if not self._fill():
                    return None
                continue
            self._drop_junk(header.start())
            end = HEADER_END.search(self.buffer)
            if end is None:
                if len(self.buffer) > MAX_HEADER_BYTES:
                    self._skip("its header has no end", header.end() - header.start())
                elif not self._fill():
                    return None
                continue
            digits = LENGTH_VALUE.match(self.buffer).group(1)
            size = int(digits) if len(digits) <= MAX_LENGTH_DIGITS else MAX_FRAME_BYTES + 1
            if size == 0 or size > MAX_FRAME_BYTES:
                # Not read: its bytes are scanned for the next header like junk.
                self._skip(f"its Content-Length {digits[:20].decode()} is 0 or over the "
                           f"limit of {MAX_FRAME_BYTES} bytes", end.end())
                continue
            body = self._body(end.end(), size)
            if body is not None:
                self.in_junk = False
                return body
            if self.at_end and not HEADER_LINE.search(self.buffer):
                return None

    def _body(self, start: int, size: int) -> bytes | None:
        """The `size` bytes after the header that ends at `start`, or None (and the frame
        skipped) when they run into the next frame's header or the input ends first."""
        searched = start
        while len(self.buffer) - start < size:
            following = HEADER_LINE.search(self.buffer, max(start, searched - HEADER_TAIL))
            if following is not None:
                self._skip(f"its Content-Length {size} is longer than its body",
                           following.start())
                return None
            searched = len(self.buffer)
            if not self._fill():
                del self.buffer[:]
                return None
        following = HEADER_LINE.search(self.buffer, start, start + size)
        if following is None:
            with memoryview(self.buffer) as view:
                body = bytes(view[start:start + size])
            # A JSON-RPC message ends with "}": a body that does not may be one message and
            # the first bytes of the next header (the length was a little too long).
            value_end = None if body.rstrip().endswith(b"}") else json_value_end(body)
            if value_end is None:
                del self.buffer[:start + size]
                return body
            following_at = start + value_end
        else:
            following_at = following.start()
        self._skip(f"its Content-Length {size} is longer than its body", following_at)
        return None

    def _drop_junk(self, upto: int) -> None:
        """Drop bytes that belong to no frame; a run of them counts as one bad frame."""
        if upto and not self.in_junk and self.buffer[:upto].strip():
            self.in_junk = True
            self._skip("it has no header with a Content-Length that is a number", None)
        del self.buffer[:upto]

    def _skip(self, reason: str, upto: int | None) -> None:
        """Count and log a bad frame; drop the buffer up to `upto` (None: the caller does)."""
        self.in_junk = True  # what follows up to the next header is part of it
        self.skipped += 1
        log.warning("skipped a message: %s", reason)
        if upto is not None:
            del self.buffer[:upto]

    def _fill(self) -> bool:
        """Read more input; False at its end."""
        if self.at_end:
            return False
        try:
            data = os.read(self.fd, READ_BYTES)
        except OSError:
            data = b""
        if not data:
            self.at_end = True
            return False
        self.buffer += data
        return True


def json_value_end(body: bytes) -> int | None:
    """Where the JSON value at the start of `body` ends, in bytes, if something other
    than white space follows it; None if there is no complete value or nothing follows."""
    text = body.decode("utf-8", "surrogateescape")
    try:
        _, end = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        return None
    if not text[end:].strip():
        return None
    return len(text[:end].encode("utf-8", "surrogateescape"))
