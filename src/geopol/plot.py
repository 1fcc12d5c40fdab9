"""Charts of a dyad's timeline and of the actor network, written to PNG or SVG.

The charts are drawn on a :class:`matplotlib.figure.Figure` attached to the Agg canvas inside
each function, never through :mod:`matplotlib.pyplot`, so importing this module changes no global
backend and two threads (or a server) can draw at once. The output is deterministic: the SVG ids
come from a fixed hash salt and no date is written, so drawing the same data twice gives the same
bytes. Text is kept as SVG ``<text>`` (not paths), so labels can be searched and tested, and the
shapes carry ids: ``bar-q{quad}-{period}``, ``goldstein-mean``, ``node-{code}``,
``edge-{source}-{target}``.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from geopol.analytics import QUAD_CLASSES, QUAD_NAMES, Network, TimelineRow

__all__ = [
    "CONFLICT_COLOUR",
    "COOPERATION_COLOUR",
    "NEUTRAL_COLOUR",
    "QUAD_COLOURS",
    "circular_layout",
    "plot_network",
    "plot_timeline",
    "spring_layout",
]

QUAD_COLOURS: dict[int, str] = {1: "#2ca02c", 2: "#1f77b4", 3: "#ff7f0e", 4: "#d62728"}
"""Bar colours: verbal cooperation green, material cooperation blue, verbal conflict orange,
material conflict red."""
COOPERATION_COLOUR, CONFLICT_COLOUR, NEUTRAL_COLOUR = "#2ca02c", "#d62728", "#7f7f7f"
"""Edge colours: more cooperation than conflict, more conflict, as much of each."""

Layout = Literal["circular", "spring"]
LAYOUTS: tuple[Layout, ...] = ("circular", "spring")
_FORMATS = {".png": "png", ".svg": "svg"}
_MAX_TICK_LABELS = 24
"""Above this many periods, only every n-th period is labelled so the labels stay readable."""
_SPRING_ITERATIONS = 200
_GRAVITY = 0.3
"""Pull of every actor towards the centre in :func:`spring_layout`, so that separate groups of
actors stay in sight instead of drifting apart (tuned by eye on 5-40 actor networks)."""


def _format(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise ValueError(f"charts are written as .png or .svg, not {os.fspath(path)!r}")
    return _FORMATS[suffix]


@contextmanager
def _figure(width: float, height: float) -> Iterator[Any]:
    """A figure on the Agg canvas, with geopol's fixed rendering settings."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"svg.hashsalt": "geopol", "svg.fonttype": "none", "font.size": 9}):
        figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
        FigureCanvasAgg(figure)
        yield figure


def _save(figure: Any, path: str | os.PathLike[str], fmt: str) -> None:
    # No date and no software version in the file: the same chart always gives the same bytes.
    metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
    figure.savefig(path, format=fmt, metadata=metadata)


# --- timeline -----------------------------------------------------------------------------------


def plot_timeline(
    rows: Sequence[TimelineRow], path: str | os.PathLike[str], *, title: str | None = None
) -> None:
    """Stacked bars of events per quad class and period, with the mean Goldstein score of each
    period as a line on a second axis (-10..10; no point where a period has no events)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    fmt = _format(path)
    if not rows:
        raise ValueError("there is no event to chart")
    positions = list(range(len(rows)))
    width = max(6.0, 0.45 * len(rows) + 2.5)
    with _figure(width, 4.5) as figure:
        axes = figure.add_subplot()
        bottoms = [0] * len(rows)
        for quad in QUAD_CLASSES:
            drawn = [(n, row) for n, row in enumerate(rows) if row.by_quad.get(quad, 0) > 0]
            bars = axes.bar([n for n, _ in drawn], [row.by_quad[quad] for _, row in drawn], width=0.8,
                            bottom=[bottoms[n] for n, _ in drawn], color=QUAD_COLOURS[quad])
            for bar, (n, row) in zip(bars, drawn, strict=True):
                bar.set_gid(f"bar-q{quad}-{row.period}")
                bottoms[n] += row.by_quad[quad]
        step = math.ceil(len(rows) / _MAX_TICK_LABELS)
        axes.set_xticks(positions[::step], labels=[row.period for row in rows][::step],
                        rotation=45 if len(rows) > 6 else 0, ha="right" if len(rows) > 6 else "center")
        axes.set_xlim(-0.6, len(rows) - 0.4)
        axes.set_ylim(0, max(max(bottoms), 1) * 1.15)
        axes.set_ylabel("events")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        legend: list[Any] = [Patch(color=QUAD_COLOURS[quad], label=QUAD_NAMES[quad]) for quad in QUAD_CLASSES]
        legend.append(Line2D([], [], color="black", marker="o", label="mean Goldstein score"))
        axes.legend(handles=legend, loc="lower left", bbox_to_anchor=(0.0, 1.0),
                    ncols=min(5, int(width // 1.8)), fontsize=8, frameon=False)
        goldstein = axes.twinx()
        means = [math.nan if row.goldstein_mean is None else row.goldstein_mean for row in rows]
        goldstein.plot(positions, means, color="black", marker="o", linewidth=1.5, gid="goldstein-mean")
        goldstein.axhline(0.0, color="#bbbbbb", linewidth=0.8, linestyle=":")
        goldstein.set_ylim(-10.5, 10.5)
        goldstein.set_ylabel("mean Goldstein score")
        if title:
            figure.suptitle(title)
        _save(figure, path, fmt)


# --- network ------------------------------------------------------------------------------------


def circular_layout(codes: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Actors evenly spaced on the unit circle, in the given order, the first at the top."""
    count = len(codes)
    return {
        code: (math.sin(2 * math.pi * n / count), math.cos(2 * math.pi * n / count)) for n, code in enumerate(codes)
    }


def spring_layout(graph: Network, *, iterations: int = _SPRING_ITERATIONS) -> dict[str, tuple[float, float]]:
    """A force-directed (Fruchterman-Reingold) layout: connected actors pull together, all push
    apart, edges pull by their weight. Starts from :func:`circular_layout` and uses no randomness,
    so the same network always gets the same picture. Coordinates are scaled into [-1, 1]."""
    codes = [node.code for node in graph.nodes]
    position = {code: list(xy) for code, xy in circular_layout(codes).items()}
    if len(codes) < 3:
        return {code: (xy[0], xy[1]) for code, xy in position.items()}
    k = 2.0 / math.sqrt(len(codes))
    top = max(edge.weight for edge in graph.edges)
    temperature = 0.2
    for _ in range(iterations):
        move = {code: [0.0, 0.0] for code in codes}
        for n, a in enumerate(codes):
            for b in codes[n + 1 :]:
                dx, dy = position[a][0] - position[b][0], position[a][1] - position[b][1]
                distance = max(math.hypot(dx, dy), 1e-3)
                push = k * k / distance
                move[a][0] += dx / distance * push
                move[a][1] += dy / distance * push
                move[b][0] -= dx / distance * push
                move[b][1] -= dy / distance * push
        for edge in graph.edges:
            a, b = edge.source, edge.target
            dx, dy = position[a][0] - position[b][0], position[a][1] - position[b][1]
            distance = max(math.hypot(dx, dy), 1e-3)
            pull = distance * distance / k * (0.5 + edge.weight / top)
            for code, sign in ((a, -1.0), (b, 1.0)):
                move[code][0] += sign * dx / distance * pull
                move[code][1] += sign * dy / distance * pull
        for code in codes:
            move[code][0] -= _GRAVITY * position[code][0] * len(codes)
            move[code][1] -= _GRAVITY * position[code][1] * len(codes)
            length = max(math.hypot(*move[code]), 1e-9)
            step = min(length, temperature)
            position[code][0] += move[code][0] / length * step
            position[code][1] += move[code][1] / length * step
        temperature = max(temperature * 0.98, 0.005)
    return _normalised(position)


def _normalised(position: Mapping[str, Sequence[float]]) -> dict[str, tuple[float, float]]:
    cx = sum(xy[0] for xy in position.values()) / len(position)
    cy = sum(xy[1] for xy in position.values()) / len(position)
    scale = max(max(abs(xy[0] - cx), abs(xy[1] - cy)) for xy in position.values()) or 1.0
    return {code: ((xy[0] - cx) / scale, (xy[1] - cy) / scale) for code, xy in position.items()}


def _between(
    a: tuple[float, float], b: tuple[float, float], radius_a: float, radius_b: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The ends of an arrow from the rim of circle a to the rim of circle b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    return (a[0] + ux * radius_a, a[1] + uy * radius_a), (b[0] - ux * radius_b, b[1] - uy * radius_b)


def _edge_colour(balance: float) -> str:
    if balance > 0:
        return COOPERATION_COLOUR
    return CONFLICT_COLOUR if balance < 0 else NEUTRAL_COLOUR


def plot_network(
    graph: Network, path: str | os.PathLike[str], *, layout: Layout = "circular", title: str | None = None
) -> None:
    """The actor network: one arrow per directed edge, green where cooperation outweighs conflict
    (:attr:`~geopol.analytics.Edge.balance` > 0), red where conflict does, grey when even; arrow
    width grows with the edge weight, node size with the actor's events; nodes labelled by code."""
    fmt = _format(path)
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, got {layout!r}")
    if not graph.nodes:
        raise ValueError("the network has no edge to chart")
    from matplotlib.patches import Circle, FancyArrowPatch

    position = circular_layout([n.code for n in graph.nodes]) if layout == "circular" else spring_layout(graph)
    heaviest = max(edge.weight for edge in graph.edges)
    busiest = max(node.events for node in graph.nodes)
    radius = {node.code: 0.035 + 0.05 * math.sqrt(node.events / busiest) for node in graph.nodes}
    with _figure(8.0, 8.0) as figure:
        axes = figure.add_subplot()
        for edge in graph.edges:
            start, end = _between(position[edge.source], position[edge.target], radius[edge.source],
                                  radius[edge.target])
            arrow = FancyArrowPatch(
                start, end, arrowstyle="-|>", mutation_scale=12, connectionstyle="arc3,rad=0.12",
                color=_edge_colour(edge.balance), alpha=0.8, linewidth=0.8 + 4.2 * edge.weight / heaviest,
                shrinkA=0, shrinkB=0, gid=f"edge-{edge.source}-{edge.target}",
            )
            axes.add_patch(arrow)
        for node in graph.nodes:
            x, y = position[node.code]
            axes.add_patch(Circle((x, y), radius[node.code], facecolor="#f2f2f2", edgecolor="#333333",
                                  linewidth=1.0, zorder=3, gid=f"node-{node.code}"))
            axes.text(x, y, node.code, ha="center", va="center", fontsize=8, zorder=4)
        axes.set_xlim(-1.25, 1.25)
        axes.set_ylim(-1.25, 1.25)
        axes.set_aspect("equal")
        axes.set_axis_off()
        if title:
            axes.set_title(title)
        _save(figure, path, fmt)
