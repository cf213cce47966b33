"""A real SMTP server on loopback for tests (aiosmtpd), collecting parsed messages."""

import email
import socket
import time
from email.message import Message
from email.policy import default

from aiosmtpd.controller import Controller


class _Handler:
    def __init__(self, sink: "SmtpSink") -> None:
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=default)
        self.sink.messages.append(msg)
        return "250 OK"


class SmtpSink:
    """Starts aiosmtpd on a free loopback port; `messages` holds what arrived."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

    def clear(self) -> None:
        self.messages.clear()

    def wait_for(self, to: str, timeout: float = 10.0) -> Message:
        """The newest message addressed to `to`, waiting for it to arrive."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for msg in reversed(self.messages):
                if to in str(msg["To"]):
                    return msg
            time.sleep(0.05)
        raise AssertionError(f"no email to {to} arrived within {timeout}s")

    @staticmethod
    def text_of(msg: Message) -> str:
        """The plain-text body of a message."""
        part = msg.get_body(preferencelist=("plain",))
        return part.get_content() if part else ""
