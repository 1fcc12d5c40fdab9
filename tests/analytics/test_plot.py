"""The charts are valid PNG and SVG files whose content shows the data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.image
import pytest

from geopol.analytics import network, timeline
from geopol.plot import (
    CONFLICT_COLOUR,
    COOPERATION_COLOUR,
    QUAD_COLOURS,
    circular_layout,
    plot_network,
    plot_timeline,
    spring_layout,
)
from geopol.store.base import StoredEvent

SVG = "{http://www.w3.org/2000/svg}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _has_colour(image: object, colour: str, tolerance: float = 0.02) -> bool:
    import numpy as np

    pixels = np.asarray(image)[..., :3]
    return bool((np.abs(pixels - np.array(_rgb(colour))) < tolerance).all(axis=-1).any())


def _svg_ids(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [element.get("id", "") for element in root.iter()]


def _svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(element.itertext()).strip() for element in root.iter(f"{SVG}text")]


# --- timeline ------------------------------------------------------------------------------------


def test_timeline_png_is_an_image_with_the_quad_class_colours(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    path = tmp_path / "timeline.png"
    plot_timeline(timeline(dyad_events), path, title="RUS - CHN")
    assert path.read_bytes()[:8] == PNG_MAGIC
    image = matplotlib.image.imread(path)
    height, width = image.shape[:2]
    assert (width, height) == (600, 450)  # 6 x 4.5 inches at 100 dpi
    assert image[..., :3].std() > 0.05  # not blank
    # The events of March and May are verbal cooperation, verbal and material conflict; none is
    # material cooperation, whose colour then only shows in the legend's small swatch.
    for quad in (1, 3, 4):
        assert _has_colour(image, QUAD_COLOURS[quad]), f"no bar of quad class {quad}"


def test_timeline_svg_has_one_bar_per_period_and_quad_class_with_events(
    tmp_path: Path, dyad_events: list[StoredEvent]
) -> None:
    path = tmp_path / "timeline.svg"
    rows = timeline(dyad_events)
    plot_timeline(rows, path)
    bars = sorted(i for i in _svg_ids(path) if i.startswith("bar-"))
    assert bars == ["bar-q1-2024-03", "bar-q1-2024-05", "bar-q3-2024-05", "bar-q4-2024-05"]
    assert "goldstein-mean" in _svg_ids(path)
    texts = _svg_texts(path)
    for period in ("2024-03", "2024-04", "2024-05"):
        assert period in texts
    assert "verbal cooperation" in texts and "mean Goldstein score" in texts


def test_timeline_svg_is_byte_for_byte_deterministic(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    rows = timeline(dyad_events)
    plot_timeline(rows, tmp_path / "a.svg")
    plot_timeline(rows, tmp_path / "b.svg")
    first = (tmp_path / "a.svg").read_bytes()
    assert first == (tmp_path / "b.svg").read_bytes()
    assert b"<dc:date>" not in first


def test_long_timelines_label_a_readable_number_of_periods(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    rows = timeline(dyad_events, by="day")  # 74 days
    path = tmp_path / "days.svg"
    plot_timeline(rows, path)
    labels = [text for text in _svg_texts(path) if text.startswith("2024-")]
    assert 12 <= len(labels) <= 25
    assert labels[0] == "2024-03-05"


def test_charts_refuse_other_formats_and_empty_data(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    with pytest.raises(ValueError, match=r"charts are written as \.png or \.svg"):
        plot_timeline(timeline(dyad_events), tmp_path / "t.pdf")
    with pytest.raises(ValueError, match="there is no event to chart"):
        plot_timeline([], tmp_path / "t.png")
    with pytest.raises(ValueError, match="the network has no edge"):
        plot_network(network([]), tmp_path / "n.png")
    assert not list(tmp_path.iterdir())


def test_plotting_leaves_the_global_backend_and_settings_alone(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    import matplotlib

    backend = matplotlib.get_backend()
    plot_timeline(timeline(dyad_events), tmp_path / "t.png")
    assert matplotlib.get_backend() == backend
    assert matplotlib.rcParams["svg.hashsalt"] is None  # the fixed salt is set only while drawing


# --- network -------------------------------------------------------------------------------------


def test_network_svg_has_every_node_edge_and_label(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    graph = network(dyad_events)
    path = tmp_path / "net.svg"
    plot_network(graph, path)
    ids = _svg_ids(path)
    assert sorted(i for i in ids if i.startswith("node-")) == sorted(f"node-{n.code}" for n in graph.nodes)
    assert sorted(i for i in ids if i.startswith("edge-")) == sorted(
        f"edge-{e.source}-{e.target}" for e in graph.edges)
    texts = _svg_texts(path)
    assert {node.code for node in graph.nodes} <= set(texts)


def test_network_png_colours_cooperation_and_conflict(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    path = tmp_path / "net.png"
    plot_network(network(dyad_events), path, layout="spring")
    assert path.read_bytes()[:8] == PNG_MAGIC
    image = matplotlib.image.imread(path)
    assert image.shape[:2] == (800, 800)
    # Edges are drawn with alpha 0.8 on white: look for the blended colours.
    for colour in (COOPERATION_COLOUR, CONFLICT_COLOUR):
        blended = "#" + "".join(f"{round((0.8 * c + 0.2) * 255):02x}" for c in _rgb(colour))
        assert _has_colour(image, blended, tolerance=0.03), colour


def test_network_svg_is_deterministic_with_either_layout(tmp_path: Path, dyad_events: list[StoredEvent]) -> None:
    graph = network(dyad_events)
    for layout in ("circular", "spring"):
        plot_network(graph, tmp_path / "a.svg", layout=layout)  # type: ignore[arg-type]
        plot_network(graph, tmp_path / "b.svg", layout=layout)  # type: ignore[arg-type]
        assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_layouts_place_every_actor_inside_the_frame(dyad_events: list[StoredEvent]) -> None:
    graph = network(dyad_events)
    circle = circular_layout([node.code for node in graph.nodes])
    assert all(abs(x * x + y * y - 1) < 1e-9 for x, y in circle.values())
    spring = spring_layout(graph)
    assert set(spring) == {node.code for node in graph.nodes}
    assert all(-1.0 - 1e-9 <= v <= 1.0 + 1e-9 for xy in spring.values() for v in xy)
    distinct = {(round(x, 3), round(y, 3)) for x, y in spring.values()}
    assert len(distinct) == len(spring)
