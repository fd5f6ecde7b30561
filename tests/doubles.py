"""Test doubles shared by the tests and the benchmarks (never used by the app: it has no plain-text keyring)."""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors


def use_memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A test double for the OS keyring. Used only by tests; the app itself has no plain fallback."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError(username)
        del self.store[(service, username)]
