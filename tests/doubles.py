"""Test doubles shared by the tests and the benchmarks (never used by the app: it has no plain-text keyring)."""

from __future__ import annotations

import json
import os

import keyring
import keyring.backend
import keyring.errors

from tokodesk.config import KEYRING_SERVICE

ENV_SECRETS = "TOKODESK_CHILD_KEYRING"  # JSON {"<channel>:<kind>": value}


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


class EnvKeyring(MemoryKeyring):
    """The in-memory double for a child process, holding the secrets its parent gave it (`env_keyring`).

    keyring itself makes it, from PYTHON_KEYRING_BACKEND, the first time the child needs a secret: a child that reads
    none never imports keyring, as TokoDesk does not (tokodesk/credentials.py), so the imports a test or a benchmark
    sees in the child are the app's own."""

    def __init__(self) -> None:
        super().__init__()
        for entry, value in json.loads(os.environ.get(ENV_SECRETS) or "{}").items():
            self.store[(KEYRING_SERVICE, entry)] = value


def env_keyring(secrets: dict[str, str]) -> dict[str, str]:
    """Environment variables for a child process whose keyring is an EnvKeyring holding `secrets`, keyed as
    tokodesk/credentials.py keys them (`<channel>:client_secret`). Sandbox values only: never a real secret."""
    return {"PYTHON_KEYRING_BACKEND": f"{__name__}.EnvKeyring", ENV_SECRETS: json.dumps(secrets)}


class FileKeyring(keyring.backend.KeyringBackend):
    """A keyring double several test processes share, as the processes of one PC share the OS keyring."""

    priority = 1

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def _read(self) -> dict[str, str]:
        import json
        import os

        if not os.path.exists(self.path):
            return {}
        with open(self.path, encoding="utf-8") as handle:
            return json.load(handle)

    def _write(self, data: dict[str, str]) -> None:
        import json
        import os
        import tempfile

        handle, tmp = tempfile.mkstemp(dir=os.path.dirname(self.path) or ".")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(tmp, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[f"{service}\n{username}"] = password
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.pop(f"{service}\n{username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self._write(data)
