"""The horizontal time scale: which instant sits at x = 0 and how many pixels a second takes.

Zoom and pan are pure functions on this value, so the view keeps one
``TimeScale`` and replaces it; tests check the arithmetic without any widget.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .periods import DAY, MAX_TIME, MIN_TIME

HOUR = 3600.0
YEAR = 365.2425 * DAY
#: Zoom bounds, as the span of time one viewport shows: about an hour to six centuries.
MIN_SPAN = HOUR
MAX_SPAN = 600 * YEAR


@dataclass(frozen=True)
class TimeScale:
    t0: float  # time (s) at x = 0
    pps: float  # pixels per second
    width: float  # viewport width in px

    @property
    def t_left(self) -> float:
        return self.t0

    @property
    def t_right(self) -> float:
        return self.t0 + self.width / self.pps

    @property
    def span(self) -> float:
        return self.width / self.pps

    def x_of(self, t: float) -> float:
        return (t - self.t0) * self.pps

    def t_of(self, x: float) -> float:
        return self.t0 + x / self.pps

    def with_width(self, width: float) -> TimeScale:
        """Resize keeping the centre time where it was (a wider window shows more)."""
        centre = self.t_of(self.width / 2)
        width = max(width, 1.0)
        return replace(self, width=width, t0=centre - width / 2 / self.pps).clamped()

    def zoomed(self, factor: float, x: float | None = None) -> TimeScale:
        """Zoom by ``factor`` (>1 zooms in) keeping the time under ``x`` where it is."""
        if x is None:
            x = self.width / 2
        t_fixed = self.t_of(x)
        pps = self._bounded_pps(self.pps * factor)
        return replace(self, pps=pps, t0=t_fixed - x / pps).clamped()

    def panned(self, dx: float) -> TimeScale:
        """Move the content by ``dx`` pixels (positive drags the content to the right)."""
        return replace(self, t0=self.t0 - dx / self.pps).clamped()

    def centred_on(self, t: float) -> TimeScale:
        return replace(self, t0=t - self.span / 2).clamped()

    def showing(self, start: float, end: float, margin: float = 0.05) -> TimeScale:
        """A scale whose viewport shows [start, end] with a margin on each side."""
        span = max(end - start, 0.0)
        span = span * (1 + 2 * margin) if span > 0 else 7 * DAY
        pps = self._bounded_pps(self.width / span)
        centre = (start + end) / 2
        return replace(self, pps=pps, t0=centre - self.width / 2 / pps).clamped()

    def _bounded_pps(self, pps: float) -> float:
        return min(max(pps, self.width / MAX_SPAN), self.width / MIN_SPAN)

    def clamped(self) -> TimeScale:
        """Keep the viewport inside the calendar the timeline can show."""
        pps = self._bounded_pps(self.pps)
        t0 = min(max(self.t0, MIN_TIME), MAX_TIME - self.width / pps)
        if t0 == self.t0 and pps == self.pps:
            return self
        return replace(self, t0=t0, pps=pps)
