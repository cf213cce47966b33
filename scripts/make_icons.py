"""Draw the app's icons into static/icons/: an SVG, PNGs for the manifest and Apple, a .ico.

One drawing (a violet rounded square with a white play triangle, on a 64-unit grid) gives every
file, so they always match: `.venv/bin/python scripts/make_icons.py`.
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "static" / "icons"
VIOLET, DEEP, WHITE = "#8b5cf6", "#5b21b6", "#ffffff"
RADIUS = 14  # corner radius of the square, in grid units
PLAY = [(25, 18), (25, 46), (47, 32)]  # the triangle, centred on its visual weight
SCREEN = (14, 50, 50, 53)  # a thin bar under the triangle: a progress line
SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="{RADIUS}" fill="{VIOLET}"/>
  <rect x="14" y="50" width="36" height="3" rx="1.5" fill="{DEEP}"/>
  <rect x="14" y="50" width="20" height="3" rx="1.5" fill="{WHITE}"/>
  <path d="M25 18v28l22-14z" fill="{WHITE}"/>
</svg>
"""


def draw(size: int, full_bleed: bool = False, inset: float = 0.0) -> Image.Image:
    """The icon at `size` pixels; full_bleed fills the corners (maskable, Apple), `inset`
    shrinks the drawing toward the centre (maskable icons keep to an inner safe zone)."""
    scale = 8  # draw large, then shrink: smooth edges without an SVG renderer
    big = size * scale
    unit = big / 64
    image = Image.new("RGBA", (big, big), VIOLET if full_bleed else (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if not full_bleed:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=RADIUS * unit, fill=VIOLET)

    def at(x: float, y: float) -> tuple[float, float]:
        return (32 + (x - 32) * (1 - inset)) * unit, (32 + (y - 32) * (1 - inset)) * unit

    x0, y0, x1, y1 = SCREEN
    bar_radius = 1.5 * unit * (1 - inset)
    pen.rounded_rectangle((*at(x0, y0), *at(x1, y1)), radius=bar_radius, fill=DEEP)
    pen.rounded_rectangle((*at(x0, y0), *at(34, y1)), radius=bar_radius, fill=WHITE)
    pen.polygon([at(x, y) for x, y in PLAY], fill=WHITE)
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    """Write every icon file."""
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(SVG)
    for size in (32, 192, 512):
        draw(size).save(OUT / f"icon-{size}.png", optimize=True)
    draw(512, full_bleed=True, inset=0.2).save(OUT / "icon-maskable-512.png", optimize=True)
    draw(180, full_bleed=True).convert("RGB").save(OUT / "apple-touch-icon.png", optimize=True)
    draw(64).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
