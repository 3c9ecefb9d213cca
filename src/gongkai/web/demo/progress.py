"""How far the demo build has come: stages with a known number of steps each.

:class:`Stages` is silent (tests, the snapshot check); :class:`RichStages` draws one rich progress
bar per stage on a terminal and prints one line per stage elsewhere (a log, a pipe), so that
``make demo`` is never silent for a minute.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


class Stages:
    """The build's stages; this base says nothing (subclasses show them)."""

    _started = False  # whether the current stage has named its first step

    def stage(self, label: str, total: int) -> None:
        """A new stage of ``total`` steps begins (the previous one is complete)."""

    def advance(self, detail: str = "") -> None:
        """One step of the current stage is done; ``detail`` names the next one."""

    def finish(self) -> None:
        """The build is complete."""

    def track(self, label: str, items: Iterable[T], *, name: Any = str) -> Iterator[T]:
        """Yield ``items`` as one stage, a step per item (``name(item)`` shown while it is built)."""
        listed = list(items)
        self.stage(label, len(listed))
        for item in listed:
            self.advance_to(name(item))
            yield item
        self.advance()

    def advance_to(self, detail: str) -> None:
        """Name the step now being built, counting the previous one of this stage as done."""
        if self._started:
            self.advance(detail)
        else:
            self._started = True
            self.note(detail)

    def note(self, detail: str) -> None:
        """Name the step now being built without counting one."""

    def lane(self) -> Stages:
        """Stages of a part built at the same time as these (in another process), shown beside
        them; its ``finish`` ends that part only."""
        return Stages()


class RichStages(Stages):
    """One progress bar per stage (rich) on a terminal; otherwise a line per stage on ``file``."""

    _root = True  # False for a lane: it shares the root's display and does not stop it

    def __init__(self, file: Any = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._console = Console(file=file or sys.stdout)
        self._live = self._console.is_terminal
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[detail]}"),
            console=self._console,
            transient=False,
        )
        self._task: Any = None
        if self._live:
            self._progress.start()

    def stage(self, label: str, total: int) -> None:
        self._close_stage()
        self._started = False
        if self._live:
            self._task = self._progress.add_task(label, total=total, detail="")
        else:
            self._console.print(f"生成示例数据：{label}（{total} 步）……", highlight=False)

    def lane(self) -> Stages:
        lane = object.__new__(RichStages)
        lane._console, lane._live, lane._progress = self._console, self._live, self._progress
        lane._task, lane._root = None, False
        return lane

    def advance(self, detail: str = "") -> None:
        if self._task is not None:
            self._progress.update(self._task, advance=1, detail=detail)

    def note(self, detail: str) -> None:
        if self._task is not None:
            self._progress.update(self._task, detail=detail)

    def _close_stage(self) -> None:
        if self._task is not None:
            task = next(t for t in self._progress.tasks if t.id == self._task)
            self._progress.update(self._task, completed=task.total, detail="")
            self._task = None

    def finish(self) -> None:
        self._close_stage()
        if self._live and self._root:
            self._progress.stop()
