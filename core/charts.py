"""Small SVG charts drawn on the server, for pages under the strict Content-Security-Policy.

No script, no <style> element and no style attribute: every colour and font size comes from
classes in site.css. Each chart is an image with a title and a description (role="img",
aria-labelledby); the page puts a table of the same figures beside it, which is what screen
readers and anyone copying the figures use. pygal would draw nicer charts but always writes a
<style> element and an inline <script> into the SVG, both of which the policy blocks.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 400  # user units; the SVG scales to its box (site.css), text with it
BAR_ROW = 44  # a label line above each bar, then the bar
BAR_HEIGHT = 16
LINE_HEIGHT = 220
PAD = 8


@dataclass(frozen=True)
class Point:
    label: str
    value: int


def _frame(chart_id, title, description, width, height, body):
    return format_html(
        '<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        id=chart_id,
        title=title,
        desc=description,
        w=width,
        h=height,
        body=body,
    )


def _scale(points):
    return max((point.value for point in points), default=0) or 1


def bar_chart(points, *, chart_id, title, description):
    """Horizontal bars, one per point, the label above its bar and the figure after it."""
    points = list(points)
    top = _scale(points)
    room = WIDTH - 2 * PAD - 40  # space left for the figure after the longest bar
    rows = format_html_join(
        "",
        '<g class="chart-row"><text class="chart-label" x="{x}" y="{ty}">{label}</text>'
        '<rect class="chart-bar" x="{x}" y="{by}" width="{bw}" height="{bh}"/>'
        '<text class="chart-value" x="{vx}" y="{vy}">{value}</text></g>',
        (
            {
                "x": PAD,
                "ty": i * BAR_ROW + 18,
                "label": point.label,
                "by": i * BAR_ROW + 24,
                "bw": round(point.value / top * room, 1),
                "bh": BAR_HEIGHT,
                "vx": round(PAD + point.value / top * room + 6, 1),
                "vy": i * BAR_ROW + 37,
                "value": point.value,
            }
            for i, point in enumerate(points)
        ),
    )
    return _frame(chart_id, title, description, WIDTH, max(len(points), 1) * BAR_ROW + PAD, rows)


def line_chart(points, *, chart_id, title, description, labels_every=1):
    """A line through the points, left to right, with its highest figure marked on the axis and
    every `labels_every`-th label (and the last) under the axis."""
    points = list(points)
    top = _scale(points)
    left, right, bottom, head = 36, WIDTH - 16, LINE_HEIGHT - 28, 16
    step = (right - left) / max(len(points) - 1, 1)

    def x(i):
        return round(left + i * step, 1)

    def y(value):
        return round(bottom - value / top * (bottom - head), 1)

    coords = " ".join(f"{x(i)},{y(point.value)}" for i, point in enumerate(points))
    axes = format_html(
        '<line class="chart-axis" x1="{l}" y1="{b}" x2="{r}" y2="{b}"/>'
        '<line class="chart-grid" x1="{l}" y1="{h}" x2="{r}" y2="{h}"/>'
        '<text class="chart-tick" x="{tx}" y="{hy}">{top}</text><text class="chart-tick" x="{tx}" y="{by}">0</text>',
        l=left,
        r=right,
        b=bottom,
        h=head,
        tx=left - 6,
        hy=head + 4,
        by=bottom + 4,
        top=top,
    )
    # Every n-th label and the last, leaving out one that would sit on the last's left side.
    shown = {i for i in range(len(points)) if i % labels_every == 0 and len(points) - 1 - i >= labels_every / 2}
    shown.add(len(points) - 1)
    last = len(points) - 1  # its label ends at the right edge rather than running past it
    labels = format_html_join(
        "",
        '<text class="chart-axis-label{}" x="{}" y="{}">{}</text>',
        (
            (" chart-axis-end" if i == last and i else "", x(i), bottom + 20, point.label)
            for i, point in enumerate(points)
            if i in shown
        ),
    )
    dots = format_html_join(
        "",
        '<circle class="chart-dot" cx="{}" cy="{}" r="3.5"/>',
        ((x(i), y(point.value)) for i, point in enumerate(points)),
    )
    line = format_html('<polyline class="chart-line" points="{}"/>', coords) if len(points) > 1 else ""
    body = mark_safe(axes + line + dots + labels)  # noqa: S308 -- each part escaped by format_html above
    return _frame(chart_id, title, description, WIDTH, LINE_HEIGHT, body)
