"""Write the pictures the robustness tests feed to handout, good and bad.

Each file stands for a kind of picture people bring: a phone photo turned by its EXIF
tag and carrying camera metadata, greyscale, palette, 16-bit, interlaced and
transparent PNGs, formats handout does not take, and broken or hostile files.
The output is deterministic. Usage, from the repository root (needs Pillow, and jpegtran
from libjpeg-turbo for the arithmetic-coded JPEG):

    python3 tools/make_bad_images.py
"""

import io
import struct
import subprocess
import zlib
from pathlib import Path

from PIL import Image

OUT = Path("tests/fixtures/images")


def scene(mode="RGB", size=(48, 30)):
    """A small picture with a gradient, so that a wrong decode shows."""
    picture = Image.new("RGB", size)
    picture.putdata([(x * 5, y * 8, 128) for y in range(size[1]) for x in range(size[0])])
    return picture.convert(mode)


def save(name, picture, **options):
    buffer = io.BytesIO()
    picture.save(buffer, **options)
    (OUT / name).write_bytes(buffer.getvalue())
    return buffer.getvalue()


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def adam7_png(picture):
    """The picture as an interlaced (Adam7) RGB PNG, which Pillow does not write."""
    width, height = picture.size
    pixels = picture.load()
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    raw = b""
    for x0, y0, dx, dy in passes:
        for y in range(y0, height, dy):
            row = [pixels[x, y] for x in range(x0, width, dx)]
            if row:
                raw += b"\0" + bytes(v for pixel in row for v in pixel)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 1)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    save("grey.png", scene("L"), format="PNG")
    save("palette.png", scene("P"), format="PNG")
    save("alpha.png", scene("RGBA"), format="PNG")
    (OUT / "interlaced.png").write_bytes(adam7_png(scene()))
    save("grey16.png", scene("L").convert("I;16"), format="PNG")

    # A phone photo stored sideways, to be shown turned (EXIF orientation 6), with the
    # camera's make, model, owner and GPS position that must not reach the PDF.
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Pocket Camera 9"
    exif[0x013B] = "Jane Photographer"
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}
    save("rotated.jpg", scene(size=(30, 48)), format="JPEG", exif=exif.tobytes(), quality=90)

    # The same camera data on a photo that needs no turning, which is copied, not decoded.
    exif[0x0112] = 1
    save("camera.jpg", scene(), format="JPEG", exif=exif.tobytes(), quality=90)

    png = save("good.png", scene(), format="PNG")
    (OUT / "truncated.png").write_bytes(png[: len(png) // 2])
    corrupt = bytearray(png)
    idat = png.index(b"IDAT") + 8
    for i in range(idat, idat + 20):
        corrupt[i] ^= 0x5A
    (OUT / "corrupt.png").write_bytes(bytes(corrupt))
    jpeg = save("good.jpg", scene(), format="JPEG", quality=90)
    (OUT / "truncated.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    # The same picture with arithmetic coding, which the JPEG standard allows and few
    # decoders read.
    subprocess.run(
        ["jpegtran", "-arithmetic", "-outfile", OUT / "arithmetic.jpg", OUT / "good.jpg"],
        check=True,
    )

    # 30 000 × 30 000 pixels declared in a 100-byte file: refused from the header.
    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    bomb += chunk(b"IDAT", zlib.compress(b"\0" * 4096)) + chunk(b"IEND", b"")
    (OUT / "bomb.png").write_bytes(bomb)

    # A transparent PNG whose chunks are whole, checksums and all, but whose pixel data is
    # not deflate data: nothing short of decoding it finds the fault.
    header = struct.pack(">IIBBBBB", 4, 4, 8, 6, 0, 0, 0)
    bad = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    bad += chunk(b"IDAT", b"not deflate data at all") + chunk(b"IEND", b"")
    (OUT / "bad-data.png").write_bytes(bad)

    save("animated.gif", scene("P"), format="GIF")
    (OUT / "drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10"/></svg>\n'
    )
    # A WebP file's header; handout must name the format from these bytes alone.
    (OUT / "photo.webp").write_bytes(b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00" + b"\0" * 24)
    (OUT / "notes.png").write_text("These are my notes, not a picture.\n")


if __name__ == "__main__":
    main()
