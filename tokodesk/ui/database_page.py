"""The wizard's advanced page: which database this PC uses (this PC only, or a PostgreSQL server shared by stations).

The setting lives in station.json (the database cannot hold its own address), the password in the OS keyring.
Test and Save run in workers (network, keyring). A saved change takes effect at the next start, and the wizard ends
there: the channel belongs in the database TokoDesk opens next, where another station may already have added it.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from tokodesk import station
from tokodesk.station import DatabaseSetting
from tokodesk.ui.context import AppContext
from tokodesk.ui.messages import describe, in_words, refusal_text

_COLOURS = {True: "color:#1b5e20", False: "color:#b00020", None: "color:#555"}


class DatabasePage(QWizardPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.loaded = DatabaseSetting()
        self.tested: DatabaseSetting | None = None  # the setting the last successful test was for
        self.saved = False
        self.jobs: list[Any] = []
        self.setTitle(self.tr("Advanced: the database"))
        self.setSubTitle(self.tr("One packing PC keeps its data on this PC. Several PCs on one order queue share a "
                                 "PostgreSQL server."))
        layout = QVBoxLayout(self)
        self.local = QRadioButton(self.tr("This PC only (SQLite)"))
        self.shared = QRadioButton(self.tr("Shared PostgreSQL server"))
        layout.addWidget(self.local)
        layout.addWidget(self.shared)
        self.server = QGroupBox(self.tr("PostgreSQL server"))
        form = QFormLayout(self.server)
        self.host, self.database, self.user = QLineEdit(), QLineEdit(), QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10 or gudang-pc"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout.addWidget(self.server)

        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.clicked.connect(self.test)
        self.save_button = QPushButton(self.tr("Use this database"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(_COLOURS[None])
        layout.addWidget(self.note)
        layout.addStretch(1)

        self.local.toggled.connect(self._changed)
        for field in (self.host, self.database, self.user, self.password):
            field.textChanged.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        self.load()

    def load(self) -> None:
        """The saved setting (a small local file; the password stays in the keyring and is not shown)."""
        try:
            self.loaded = station.load()
        except station.StationError as exc:
            self.loaded = DatabaseSetting()
            self._show(False, refusal_text(exc))
        setting = self.loaded
        self.local.setChecked(setting.kind == station.SQLITE)
        self.shared.setChecked(setting.kind == station.POSTGRESQL)
        self.host.setText(setting.host)
        self.port.setValue(setting.port)
        self.database.setText(setting.database)
        self.user.setText(setting.user)
        self.password.clear()
        self.password.setPlaceholderText(
            self.tr("Kept in the OS keyring; leave empty to keep it") if setting.kind == station.POSTGRESQL
            else self.tr("Stored in the OS keyring, never in a file"))
        notes = [self.tr("In use now: {0}").format(self.tr(setting.describe()) if setting.kind == station.SQLITE
                                                   else setting.describe())]
        if os.environ.get("TOKODESK_DB"):
            notes.append(self.tr("TOKODESK_DB is set on this PC and wins over this setting."))
        notes.append(self.tr("A change takes effect when TokoDesk starts again."))
        self.note.setText("\n".join(notes))
        self.saved = False
        self._changed()

    def entered(self) -> DatabaseSetting:
        if self.local.isChecked():
            return DatabaseSetting()
        return DatabaseSetting(kind=station.POSTGRESQL, host=self.host.text().strip(), port=self.port.value(),
                               database=self.database.text().strip(), user=self.user.text().strip())

    def changed(self) -> bool:
        return self.entered() != self.loaded or bool(self.password.text())

    def _changed(self, *_args: Any) -> None:
        self.server.setEnabled(self.shared.isChecked())
        self.test_button.setEnabled(self.shared.isChecked())
        if self.tested is not None and self.tested != self.entered():
            self.tested = None
            self._show(None, self.tr("Changed since the last test: test again."))
        # a shared server is used only after a successful test; "this PC only" needs none
        self.save_button.setEnabled(self.changed() and (self.local.isChecked() or self.tested is not None))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.saved or not self.changed()

    def nextId(self) -> int:  # noqa: N802 - Qt override
        # after a saved change the wizard ends: the channel is added once TokoDesk runs on the new database
        return -1 if self.saved else self.wizard().credentials_id

    def test(self) -> None:
        setting = self.entered()
        missing = setting.problems()
        if missing:
            self._show(False, self.tr("Fill in: {0}").format(", ".join(self.tr(f) for f in missing)))
            return
        password = self.password.text() or None  # None: the worker reads the stored one from the keyring
        self.test_button.setEnabled(False)
        self._show(None, self.tr("Testing…"))

        def done(text: str) -> None:
            self.tested = setting
            self._show(True, in_words(text))  # station.py's words (the CLI prints the English)
            self._changed()

        def failed(exc: BaseException, _detail: str) -> None:
            self.tested = None
            headline = self.headline(getattr(exc, "cause", ""))
            self._show(False, f"{headline}. {describe(exc)}" if headline else describe(exc))
            self._changed()

        self.jobs.append(self.ctx.jobs.submit(lambda _jc: station.check_database(setting, password), lane="wizard",
                                              title=self.tr("Testing the database"), on_result=done,
                                              on_error=failed))

    def save(self) -> None:
        setting = self.entered()
        password = self.password.text() or None
        self.save_button.setEnabled(False)

        def done(_path: Any) -> None:
            self.loaded = setting
            self.password.clear()
            self.saved = True
            self.setFinalPage(True)  # QWizard re-reads nextId() only on a page change; this shows Finish now
            self._show(True, self.tr("Saved. Close TokoDesk and start it again to use this database; add the "
                                     "channel then, unless another station already has."))
            self.completeChanged.emit()

        def failed(exc: BaseException, _detail: str) -> None:
            self._show(False, self.tr("Not saved: {0}").format(describe(exc)))
            self._changed()

        self.jobs.append(self.ctx.jobs.submit(lambda _jc: station.save(setting, password), lane="wizard",
                                              title=self.tr("Saving the database setting"), on_result=done,
                                              on_error=failed))

    def headline(self, cause: str) -> str:
        """station.CAUSES in the window's language (literal here, so the translation tools find them)."""
        return {
            "setting": self.tr("The database setting is incomplete"),
            "unreachable": self.tr("The server cannot be reached"),
            "wrong password": self.tr("Wrong password"),
            "password needed": self.tr("The server needs a password"),
            "unknown user": self.tr("Unknown user"),
            "no such database": self.tr("No such database"),
            "no rights": self.tr("The user lacks rights"),
            "schema too new": self.tr("The database is newer than this TokoDesk"),
            "other": self.tr("The server refused"),
        }.get(cause, "")

    def _show(self, ok: bool | None, text: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(_COLOURS[ok])
