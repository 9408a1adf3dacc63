"""Draw the exercise illustrations and the clinic logo used by the handouts.

Everything is drawn from code (Pillow primitives only); no external images or
other assets are read. The script writes, relative to the repository root:

    images/exercises/single-leg-bridge-start.png   lying single leg bridge, hips down
    images/exercises/single-leg-bridge-end.png     ... hips lifted
    images/exercises/hamstring-bridge-start.png    heels-only bridge, hips down
    images/exercises/hamstring-bridge-end.png      ... hips lifted
    images/exercises/split-squat-start.png         Bulgarian split squat, standing
    images/exercises/split-squat-end.png           ... lowered
    images/brand/logo.png                          clinic badge, transparent background

Exercise pictures are 960x600 8-bit RGB (no alpha, white background), framed
tightly: each START/END pair is measured and drawn at one shared scale so that
the figure, props and arrow fill the frame (5% side and top margins, floor line
at 91% of the height); see fit_view(). The logo is 480x480 RGBA with
transparent corners. All images are drawn at 4x size and
downscaled with a Lanczos filter for smooth edges; the exercise pictures are
then snapped to their flat colours and a few blend steps between them, which
keeps the files small. The output is deterministic: running the script again
produces byte-identical files.

Usage (from the repository root; needs Python 3.11+ and Pillow):

    python3 tools/draw_illustrations.py

Poses are built with simple forward kinematics: every body segment has a fixed
length and an absolute direction (degrees, counter-clockwise from "pointing
right", y axis up). Where a pose has to satisfy a contact (a foot planted on the
floor, shoulders staying on the mat) the joint angles are solved with two-link
inverse kinematics first and then passed to the same figure helper.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

# --------------------------------------------------------------------------
# Output settings

ROOT = Path(__file__).resolve().parent.parent
EXERCISE_DIR = ROOT / "images" / "exercises"
BRAND_DIR = ROOT / "images" / "brand"

SS = 4  # supersampling factor
EX_SIZE = (960, 600)
LOGO_SIZE = 480

# Framing of the exercise pictures (fractions of the output size). The START
# and END pictures of one exercise share one scale and floor position, chosen
# so that the union of both drawings (figure, props, arrow; the floor line runs
# edge to edge and is not counted) just fits inside these margins.
EX_SIDE_MARGIN = 0.05  # left and right
EX_TOP_MARGIN = 0.05
EX_FLOOR_AT = 0.91  # top edge of the floor line, from the top

# --------------------------------------------------------------------------
# Palette

WHITE = (255, 255, 255)
INK = (0x25, 0x40, 0x4A)  # figure outline
SKIN = (0xCF, 0xE6, 0xE6)  # near-side body fill
SKIN_FAR = (0xA9, 0xCC, 0xCD)  # far-side limbs, a shade darker for depth
SKIN_DEEP = (0x86, 0xB0, 0xB3)  # far leg where it lies along the near leg
JOINT = (0x7F, 0xA9, 0xAD)  # joint dots
JOINT_DEEP = (0x5F, 0x8A, 0x8F)  # joint dots on SKIN_DEEP
ACCENT = (0xE6, 0x91, 0x38)  # movement arrows
FLOOR = (0x8E, 0x96, 0x9A)
MAT_FILL = (0xDD, 0xE0, 0xE2)
MAT_EDGE = (0x9C, 0xA3, 0xA7)
CHAIR_FILL = (0xC4, 0xC9, 0xCC)
CHAIR_EDGE = (0x6F, 0x78, 0x7C)
BRAND_TEAL = (0x0F, 0x6E, 0x6E)

# --------------------------------------------------------------------------
# Body dimensions (world units; one unit is one output pixel at zoom 1)

TORSO = 150.0  # hip joint to shoulder joint
NECK = 16.0  # shoulder joint to the bottom of the head
HEAD_R = 31.0
UPPER_ARM = 82.0
FOREARM = 72.0
HAND_R = 11.0
THIGH = 120.0
SHIN = 115.0
FOOT_BACK = 7.0  # heel end of the foot, behind the ankle
FOOT_FWD = 38.0  # toe end of the foot, in front of the ankle

# stroke radii (half widths) of the filled shapes
R_HIP, R_CHEST = 23.0, 27.0
R_NECK = 9.0
R_THIGH, R_KNEE, R_ANKLE = 15.0, 12.0, 9.5
R_SHOULDER, R_ELBOW, R_WRIST = 11.0, 9.5, 8.0
R_FOOT = 9.0
OUTLINE = 4.5  # outline width added around every filled shape

# distance from a joint centre to the surface it rests on
ANKLE_CLEAR = R_FOOT + OUTLINE

Point = tuple[float, float]


# --------------------------------------------------------------------------
# Geometry helpers


def polar(p: Point, length: float, angle: float) -> Point:
    """Point `length` away from `p` in direction `angle` (degrees, y up)."""
    a = math.radians(angle)
    return (p[0] + length * math.cos(a), p[1] - length * math.sin(a))


def direction(a: Point, b: Point) -> float:
    """Direction from a to b in degrees (y up)."""
    return math.degrees(math.atan2(a[1] - b[1], b[0] - a[0]))


def distance(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def two_link(root: Point, target: Point, l1: float, l2: float, bend: int) -> Point:
    """Middle joint of a two-segment chain from `root` reaching `target`.

    `bend` = +1 puts the joint to the left of the root->target line (as seen
    with y up, i.e. counter-clockwise), -1 to the right.
    """
    d = distance(root, target)
    if not abs(l1 - l2) < d < l1 + l2:
        raise ValueError(f"target out of reach: d={d:.1f}, links {l1}+{l2}")
    base = direction(root, target)
    cos_a = (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)
    return polar(root, l1, base + bend * math.degrees(math.acos(cos_a)))


def bisect(f, lo: float, hi: float, steps: int = 60) -> float:
    """Root of a monotonic function on [lo, hi] by bisection."""
    f_lo = f(lo)
    for _ in range(steps):
        mid = (lo + hi) / 2
        if (f(mid) > 0) == (f_lo > 0):
            lo, f_lo = mid, f(mid)
        else:
            hi = mid
    return (lo + hi) / 2


def quad_bezier(p0: Point, c: Point, p1: Point, n: int = 48) -> list[Point]:
    pts = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        pts.append(
            (
                u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0],
                u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1],
            )
        )
    return pts


# --------------------------------------------------------------------------
# Canvas with a world -> pixel transform and supersampling


class Canvas:
    """Drawing surface at SS x the output size, addressed in world units."""

    def __init__(self, size: tuple[int, int], zoom: float = 1.0,
                 origin: Point = (0.0, 0.0), mode: str = "RGB", background=WHITE):
        self.size = size
        self.k = SS * zoom
        self.origin = origin
        self.image = Image.new(mode, (size[0] * SS, size[1] * SS), background)
        self.draw = ImageDraw.Draw(self.image)
        # world-unit extents (x0, y0, x1, y1) of everything drawn while
        # `tracking` is on; used to fit the exercise pictures to their frame
        self.bbox: tuple[float, float, float, float] | None = None
        self.tracking = True

    def _grow(self, x0: float, y0: float, x1: float, y1: float) -> None:
        if not self.tracking:
            return
        if self.bbox is not None:
            bx0, by0, bx1, by1 = self.bbox
            x0, y0, x1, y1 = min(x0, bx0), min(y0, by0), max(x1, bx1), max(y1, by1)
        self.bbox = (x0, y0, x1, y1)

    def visible_x(self) -> tuple[float, float]:
        """World x range covered by the output image."""
        return self.origin[0], self.origin[0] + self.size[0] * SS / self.k

    def px(self, p: Point) -> tuple[float, float]:
        return ((p[0] - self.origin[0]) * self.k, (p[1] - self.origin[1]) * self.k)

    def circle(self, c: Point, r: float, fill) -> None:
        self._grow(c[0] - r, c[1] - r, c[0] + r, c[1] + r)
        x, y = self.px(c)
        rr = r * self.k
        self.draw.ellipse((x - rr, y - rr, x + rr, y + rr), fill=fill)

    def polygon(self, pts: list[Point], fill) -> None:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self._grow(min(xs), min(ys), max(xs), max(ys))
        self.draw.polygon([self.px(p) for p in pts], fill=fill)

    def capsule(self, a: Point, ra: float, b: Point, rb: float, fill) -> None:
        """Tapered stroke with round ends: the hull of two circles."""
        self.circle(a, ra, fill)
        self.circle(b, rb, fill)
        if distance(a, b) < 1e-6:
            return
        ang = direction(a, b)
        self.polygon(
            [polar(a, ra, ang + 90), polar(b, rb, ang + 90),
             polar(b, rb, ang - 90), polar(a, ra, ang - 90)],
            fill,
        )

    def stroke(self, pts: list[Point], r: float, fill) -> None:
        """Polyline of constant half-width r with round caps and joins."""
        for a, b in zip(pts, pts[1:]):
            self.capsule(a, r, b, r, fill)

    def rounded_rect(self, box: tuple[float, float, float, float], radius: float,
                     fill, outline=None, width: float = 0.0) -> None:
        self._grow(*box)  # Pillow draws the outline inside the box
        x0, y0 = self.px(box[:2])
        x1, y1 = self.px(box[2:])
        self.draw.rounded_rectangle(
            (x0, y0, x1, y1), radius=radius * self.k, fill=fill,
            outline=outline, width=round(width * self.k),
        )

    def hline(self, y: float, x0: float, x1: float, r: float, fill) -> None:
        self.stroke([(x0, y), (x1, y)], r, fill)

    def finish(self) -> Image.Image:
        return self.image.resize(self.size, Image.Resampling.LANCZOS)


# --------------------------------------------------------------------------
# The figure


@dataclass
class Limb:
    """Angles of a two-segment limb (plus an optional foot), absolute degrees."""

    upper: float
    lower: float
    foot: float | None = None
    # drawn length of a forearm as a fraction of FOREARM: less than 1 where the
    # forearm crosses the body and so points partly towards the viewer
    shown: float = 1.0


@dataclass
class Pose:
    """Pose of the side-view figure.

    `hip` is the hip joint in world coordinates; every other joint follows by
    forward kinematics from the absolute segment angles. `far_shift` moves the
    far-side limbs a little so both sides stay readable.
    """

    hip: Point
    torso: float  # hip -> shoulder
    neck: float  # shoulder -> head
    face: float  # direction the face looks
    near_arm: Limb
    far_arm: Limb
    near_leg: Limb
    far_leg: Limb
    far_shift: Point = (0.0, 0.0)
    joints: dict = field(default_factory=dict, repr=False)

    def solve(self) -> "Pose":
        """Forward kinematics: fill `joints` with world positions."""
        j = {"hip": self.hip}
        j["shoulder"] = polar(self.hip, TORSO, self.torso)
        j["neck"] = polar(j["shoulder"], NECK, self.neck)
        j["head"] = polar(j["shoulder"], NECK + HEAD_R, self.neck)
        for side, arm, leg in (("near", self.near_arm, self.near_leg),
                               ("far", self.far_arm, self.far_leg)):
            dx, dy = self.far_shift if side == "far" else (0.0, 0.0)
            sh = (j["shoulder"][0] + dx, j["shoulder"][1] + dy)
            hp = (self.hip[0] + dx, self.hip[1] + dy)
            j[f"{side}_shoulder"] = sh
            j[f"{side}_elbow"] = polar(sh, UPPER_ARM, arm.upper)
            j[f"{side}_wrist"] = polar(j[f"{side}_elbow"], FOREARM * arm.shown, arm.lower)
            j[f"{side}_hand"] = polar(j[f"{side}_wrist"], HAND_R * 0.6, arm.lower)
            j[f"{side}_hip"] = hp
            j[f"{side}_knee"] = polar(hp, THIGH, leg.upper)
            j[f"{side}_ankle"] = polar(j[f"{side}_knee"], SHIN, leg.lower)
            foot = leg.foot if leg.foot is not None else leg.lower + 90
            j[f"{side}_heel"] = polar(j[f"{side}_ankle"], -FOOT_BACK, foot)
            j[f"{side}_toe"] = polar(j[f"{side}_ankle"], FOOT_FWD, foot)
        self.joints = j
        return self


def _limb_shapes(j: dict, side: str, part: str) -> list[tuple[Point, float, Point, float]]:
    if part == "arm":
        return [
            (j[f"{side}_shoulder"], R_SHOULDER, j[f"{side}_elbow"], R_ELBOW),
            (j[f"{side}_elbow"], R_ELBOW, j[f"{side}_wrist"], R_WRIST),
            (j[f"{side}_hand"], HAND_R, j[f"{side}_hand"], HAND_R),
        ]
    return [
        (j[f"{side}_hip"], R_THIGH + 2, j[f"{side}_knee"], R_KNEE),
        (j[f"{side}_knee"], R_KNEE, j[f"{side}_ankle"], R_ANKLE),
        (j[f"{side}_heel"], R_FOOT, j[f"{side}_toe"], R_FOOT * 0.8),
    ]


def _draw_group(cv: Canvas, shapes, fill) -> None:
    """Outline pass then fill pass, so shapes in one group merge cleanly."""
    for a, ra, b, rb in shapes:
        cv.capsule(a, ra + OUTLINE, b, rb + OUTLINE, INK)
    for a, ra, b, rb in shapes:
        cv.capsule(a, ra, b, rb, fill)


def _joint_dots(cv: Canvas, j: dict, side: str, parts: tuple[str, ...],
                colour=JOINT) -> None:
    names = {"arm": ("elbow",), "leg": ("knee",)}
    for part in parts:
        for name in names[part]:
            cv.circle(j[f"{side}_{name}"], 4.2, colour)


def draw_figure(cv: Canvas, pose: Pose, order: tuple[str, ...] | None = None,
                fills: dict | None = None) -> dict:
    """Draw the figure; returns the solved joint positions.

    Draw order, back to front: far arm, far leg, torso + head, near leg,
    near arm (override with `order` to put an arm behind a leg, etc.).
    `fills` overrides the fill of single limbs, e.g. {"far_leg": SKIN_DEEP}.
    """
    j = pose.solve().joints
    order = order or ("far_arm", "far_leg", "body", "near_leg", "near_arm")
    for item in order:
        if item == "body":
            _draw_body(cv, pose, j)
            continue
        side, part = item.split("_")
        fill = SKIN_FAR if side == "far" else SKIN
        fill = (fills or {}).get(item, fill)
        _draw_group(cv, _limb_shapes(j, side, part), fill)
        _joint_dots(cv, j, side, (part,), JOINT_DEEP if fill == SKIN_DEEP else JOINT)
    return j


def _draw_body(cv: Canvas, pose: Pose, j: dict) -> None:
    hip, sh, head = j["hip"], j["shoulder"], j["head"]
    nose = polar(head, HEAD_R * 0.92, pose.face)
    shapes = [
        (hip, R_HIP, sh, R_CHEST),
        (sh, R_NECK, j["neck"], R_NECK),
        (nose, 6.5, nose, 6.5),
        (head, HEAD_R, head, HEAD_R),
    ]
    _draw_group(cv, shapes, SKIN)
    # hair: a cap on the back/top of the head
    back = pose.face + 180
    cap = [polar(head, HEAD_R + 0.5, back + t) for t in range(-115, 71, 5)]
    cap += [polar(head, HEAD_R * 0.55, back + t) for t in range(70, -116, -5)]
    cv.polygon(cap, INK)
    cv.circle(polar(head, HEAD_R * 0.52, pose.face + 28), 3.6, INK)  # eye


# --------------------------------------------------------------------------
# Props


def draw_floor(cv: Canvas, y: float) -> None:
    """Floor line across the whole picture, its top edge at `y`. It is left out
    of the canvas extents: it always runs from edge to edge."""
    x0, x1 = cv.visible_x()
    cv.tracking = False
    cv.hline(y + 2.5, x0 - 10, x1 + 10, 2.5, FLOOR)
    cv.tracking = True


def draw_mat(cv: Canvas, top: float, x0: float, x1: float, floor: float) -> None:
    cv.rounded_rect((x0, top, x1, floor), radius=(floor - top) / 2,
                    fill=MAT_FILL, outline=MAT_EDGE, width=3)


def draw_chair(cv: Canvas, seat_front: float, seat_top: float, floor: float,
               depth: float = 150.0) -> None:
    """Side view of a plain chair whose seat front edge faces +x."""
    back = seat_front - depth
    thick = 22.0
    leg_w = 15.0
    edge = 3.5
    style = dict(fill=CHAIR_FILL, outline=CHAIR_EDGE, width=edge)
    # rear leg continuing up into the back rest
    cv.rounded_rect((back + 4, seat_top - 200, back + 4 + leg_w, floor), 7, **style)
    cv.rounded_rect((back, seat_top - 205, back + 24, seat_top - 105), 10, **style)
    # front leg
    cv.rounded_rect((seat_front - leg_w - 10, seat_top + 6, seat_front - 10, floor), 7, **style)
    # rail between the legs
    cv.rounded_rect((back + 12, seat_top + 70, seat_front - 18, seat_top + 82), 6, **style)
    # seat
    cv.rounded_rect((back - 2, seat_top, seat_front, seat_top + thick), 9, **style)


def draw_arrow(cv: Canvas, p0: Point, ctrl: Point, p1: Point,
               width: float = 11.0, head: float = 34.0) -> None:
    """Movement arrow along a quadratic curve from p0 to p1 (head at p1)."""
    pts = quad_bezier(p0, ctrl, p1)
    tip_dir = direction(pts[-3], pts[-1])
    # stop the shaft inside the arrow head
    shaft = [p for p in pts if distance(p, p1) > head * 0.6]
    cv.stroke(shaft, width / 2, ACCENT)
    left = polar(p1, head, tip_dir + 180 - 28)
    right = polar(p1, head, tip_dir + 180 + 28)
    notch = polar(p1, head * 0.72, tip_dir + 180)
    cv.polygon([p1, left, notch, right], ACCENT)


# --------------------------------------------------------------------------
# Shared bridge set-up (drawn head-left, then mirrored so the head is on the
# right and the viewer sees the figure's left side)

BR_FLOOR = 600.0
BR_MAT_TOP = 584.0
BR_SHOULDER = (300.0, BR_MAT_TOP - R_CHEST - OUTLINE)
BR_HIP_Y = BR_MAT_TOP - R_HIP - OUTLINE
BR_MAT = (198.0, 699.0)  # mat ends (x), about 20 units beyond head and feet


def bridge_hips(lifted: bool, anchor: Point, lower_len: float) -> tuple[Point, float]:
    """Hip position and torso angle for a bridge.

    Shoulders stay on the mat at BR_SHOULDER. Hips down: the hip rests on the
    mat. Lifted: shoulders, hips and knee form one straight line while the
    knee stays `lower_len` from the planted foot `anchor`.
    """
    s = BR_SHOULDER
    if not lifted:
        drop = BR_HIP_Y - s[1]
        ang = -math.degrees(math.asin(drop / TORSO))
        return polar(s, TORSO, ang), ang + 180

    def gap(theta: float) -> float:
        knee = polar(s, TORSO + THIGH, theta)
        return distance(knee, anchor) - lower_len

    theta = bisect(gap, 0.0, 60.0)
    return polar(s, TORSO, theta), theta + 180


def bridge_head_neck() -> tuple[float, float]:
    """Neck direction that keeps the head resting on the mat."""
    # head centre must sit HEAD_R + OUTLINE above the mat
    head_y = BR_MAT_TOP - HEAD_R - OUTLINE
    drop = head_y - BR_SHOULDER[1]
    ang = 180 + math.degrees(math.asin(drop / (NECK + HEAD_R)))
    return ang, 90.0  # neck direction, face looks up


def draw_bridge_setting(cv: Canvas) -> None:
    draw_floor(cv, BR_FLOOR)
    draw_mat(cv, BR_MAT_TOP, *BR_MAT, BR_FLOOR)


def fit_view(boxes: list[tuple[float, float, float, float]],
             floor: float) -> tuple[float, Point]:
    """Zoom and origin that fit the union of `boxes` (world units) into the
    exercise frame: floor at EX_FLOOR_AT, the content as large as the side and
    top margins allow, centred horizontally."""
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[2] for b in boxes)
    y1 = max(b[3] for b in boxes)
    # (a planted ankle may bulge up to half a unit into the floor line)
    assert y1 <= floor + 1.0, f"drawing reaches below the floor ({y1:.1f} > {floor})"
    w, h = EX_SIZE
    zoom = min(w * (1 - 2 * EX_SIDE_MARGIN) / (x1 - x0),
               h * (EX_FLOOR_AT - EX_TOP_MARGIN) / (floor - y0))
    origin = ((x0 + x1) / 2 - w / 2 / zoom, floor - h * EX_FLOOR_AT / zoom)
    return zoom, origin


def render_pair(draw, floor: float) -> tuple[Image.Image, Image.Image]:
    """Render the START (False) and END (True) pictures of one exercise.

    `draw(cv, state)` draws one picture in world units. Both states are first
    drawn on a throw-away canvas to measure them, then drawn again at the
    shared scale returned by fit_view()."""
    boxes = []
    for state in (False, True):
        probe = Canvas((1, 1))
        draw(probe, state)
        boxes.append(probe.bbox)
    zoom, origin = fit_view(boxes, floor)
    images = []
    for state in (False, True):
        cv = Canvas(EX_SIZE, zoom, origin)
        draw(cv, state)
        images.append(cv.finish())
    return images[0], images[1]


# Flat colours the exercise pictures are snapped to (see _snap_palette); at
# most 11, so that with the blend steps the palette fits in 256 entries.
SNAP_COLOURS = (WHITE, INK, SKIN, SKIN_FAR, JOINT, ACCENT, FLOOR, MAT_FILL, MAT_EDGE,
                CHAIR_FILL, CHAIR_EDGE)
# the lying exercises have no chair; the single leg bridge uses the deep shades
BRIDGE_SNAP_COLOURS = (WHITE, INK, SKIN, SKIN_FAR, SKIN_DEEP, JOINT, JOINT_DEEP,
                       ACCENT, FLOOR, MAT_FILL, MAT_EDGE)


def _snap_palette(base=SNAP_COLOURS) -> Image.Image:
    """Palette of the flat drawing colours plus four blend steps between each
    pair, used to snap anti-aliased edges (and Lanczos ringing) to a small set
    of colours. The flat colours stay exact; the PNGs compress much better."""
    colours = list(base)
    for i, a in enumerate(base):
        for b in base[i + 1:]:
            for step in range(1, 5):
                t = step / 5
                colours.append(tuple(round(a[k] + (b[k] - a[k]) * t) for k in range(3)))
    colours = list(dict.fromkeys(colours))
    assert len(colours) <= 256
    flat = [c for colour in colours for c in colour]
    flat += list(WHITE) * (256 - len(colours))
    pal = Image.new("P", (1, 1))
    pal.putpalette(flat)
    return pal


def save_exercise(img: Image.Image, name: str, mirror: bool = False,
                  colours=SNAP_COLOURS) -> Path:
    if mirror:
        img = img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    img = img.convert("RGB")
    img = img.quantize(palette=_snap_palette(colours),
                       dither=Image.Dither.NONE).convert("RGB")
    path = EXERCISE_DIR / name
    img.save(path, format="PNG", optimize=True)
    return path


# --------------------------------------------------------------------------
# Single leg bridge

SLB_ANKLE = (BR_SHOULDER[0] + TORSO + 135.0, BR_MAT_TOP - ANKLE_CLEAR)
# The straight leg is lifted in line with the bent thigh. Seen from the side the
# two would lie on top of each other and read as one thick limb, so the far
# (straight) leg is drawn in a clearly darker shade (SKIN_DEEP), behind the
# near thigh's outline, and opened this many degrees above the thigh so that
# most of its width shows and the hip, where it leaves the body, is visible.
SLB_LEG_SPREAD = 10.0


def single_leg_bridge(cv: Canvas, lifted: bool) -> None:
    hip, torso = bridge_hips(lifted, SLB_ANKLE, SHIN)
    knee = two_link(hip, SLB_ANKLE, THIGH, SHIN, bend=+1)
    thigh = direction(hip, knee)
    shin = direction(knee, SLB_ANKLE)
    raised = thigh + SLB_LEG_SPREAD
    neck, face = bridge_head_neck()
    # arms rest on the mat along the sides of the body, palms down
    sh = polar(hip, TORSO, torso)
    wrist_target = (sh[0] + 152.0, BR_MAT_TOP - R_WRIST - OUTLINE)
    elbow = two_link(sh, wrist_target, UPPER_ARM, FOREARM, bend=+1)
    arm = Limb(direction(sh, elbow), direction(elbow, wrist_target))
    pose = Pose(
        hip=hip, torso=torso, neck=neck, face=face,
        near_arm=arm, far_arm=arm,
        near_leg=Limb(thigh, shin, 0.0),  # left leg: bent, foot flat
        far_leg=Limb(raised, raised, raised + 72),  # right leg: straight, in line
        far_shift=(-3.0, -5.0),
    )
    draw_bridge_setting(cv)
    j = draw_figure(cv, pose, fills={"far_leg": SKIN_DEEP})
    if lifted:
        h = j["hip"]
        draw_arrow(cv, (h[0] + 6, h[1] - 48), (h[0] - 6, h[1] - 85),
                   (h[0] + 4, h[1] - 128))


# --------------------------------------------------------------------------
# Hamstring bridge (heels only on the floor, hands on the chest)

HB_FOOT_ANGLE = 90.0  # foot direction relative to the shin (neutral ankle)
# The forearms cross the chest towards the breastbone, so from the side they
# look shorter; at full length the hands would reach past the shoulders.
HB_FOREARM_SHOWN = 0.6
HB_HEEL = (BR_SHOULDER[0] + TORSO + 185.0, BR_MAT_TOP - R_FOOT - OUTLINE)


def _heel_link() -> tuple[float, float]:
    """Length and angle offset of the rigid knee -> heel link."""
    ankle = polar((0.0, 0.0), SHIN, 0.0)
    heel = polar(ankle, -FOOT_BACK, HB_FOOT_ANGLE)
    return distance((0.0, 0.0), heel), direction((0.0, 0.0), heel)


def chest_arm(hip: Point, torso: float) -> tuple[Limb, Point]:
    """Near arm with the hand resting flat on the chest; returns the limb and
    the wrist position.

    The forearm lies along the top line of the torso (its outline on the
    torso's outline), reaching from the elbow, which rests on the belly, up to
    the chest, so the hand touches the chest instead of hovering above it. The
    upper arm runs from the shoulder joint to that elbow. The torso is the
    capsule from `hip` (radius R_HIP) in direction `torso` (radius R_CHEST at
    the shoulder); its top side faces away from the mat.
    """
    root = sh = polar(hip, TORSO, torso)  # the near arm hangs from the shoulder
    up = torso - 90  # normal of the torso's top side
    a, b = polar(hip, R_HIP, up), polar(sh, R_CHEST, up)  # ends of the top edge
    edge = direction(a, b)

    def rest(t: float, r: float) -> Point:
        """Centre of a limb of radius r lying on the top edge, t from `a`."""
        return polar(polar(a, t, edge), r + OUTLINE, edge - 90)

    t_root = (root[0] - a[0]) * math.cos(math.radians(edge)) \
        - (root[1] - a[1]) * math.sin(math.radians(edge))
    t_elbow = bisect(lambda t: distance(rest(t, R_ELBOW), root) - UPPER_ARM, 0.0, t_root)
    elbow = rest(t_elbow, R_ELBOW)
    forearm = FOREARM * HB_FOREARM_SHOWN
    t_wrist = t_elbow + math.sqrt(forearm**2 - (R_ELBOW - R_WRIST) ** 2)
    wrist = rest(t_wrist, R_WRIST)
    return Limb(direction(root, elbow), direction(elbow, wrist), shown=HB_FOREARM_SHOWN), wrist


def hamstring_bridge(cv: Canvas, lifted: bool) -> None:
    link_len, link_off = _heel_link()
    hip, torso = bridge_hips(lifted, HB_HEEL, link_len)
    knee = two_link(hip, HB_HEEL, THIGH, link_len, bend=+1)
    thigh = direction(hip, knee)
    shin = direction(knee, HB_HEEL) - link_off
    neck, face = bridge_head_neck()
    far_shift = (-10.0, -6.0)
    near_arm, wrist = chest_arm(hip, torso)
    # the far hand lies under the near one, hidden by it: the far shoulder is
    # shifted, so the far arm is solved to put its hand on the same spot
    hand_off = HAND_R * 0.6  # wrist -> hand centre, along the forearm
    hand = polar(wrist, hand_off, near_arm.lower)
    sh = polar(hip, TORSO, torso)
    far_sh = (sh[0] + far_shift[0], sh[1] + far_shift[1])
    far_elbow = two_link(far_sh, hand, UPPER_ARM, FOREARM * HB_FOREARM_SHOWN + hand_off,
                         bend=-1)
    far_arm = Limb(direction(far_sh, far_elbow), direction(far_elbow, hand),
                   shown=HB_FOREARM_SHOWN)
    pose = Pose(
        hip=hip, torso=torso, neck=neck, face=face,
        near_arm=near_arm, far_arm=far_arm,
        near_leg=Limb(thigh, shin, shin + HB_FOOT_ANGLE),
        far_leg=Limb(thigh, shin, shin + HB_FOOT_ANGLE),
        far_shift=far_shift,
    )
    draw_bridge_setting(cv)
    j = draw_figure(cv, pose)
    if lifted:
        h = j["hip"]
        draw_arrow(cv, (h[0] + 6, h[1] - 48), (h[0] - 6, h[1] - 85),
                   (h[0] + 4, h[1] - 128))


# --------------------------------------------------------------------------
# Bulgarian split squat (back foot on a chair seat behind, facing away)

SQ_FLOOR = 650.0
SQ_SEAT_TOP = SQ_FLOOR - 132.0  # about knee height
SQ_FRONT_ANKLE = (610.0, SQ_FLOOR - ANKLE_CLEAR)
SQ_BACK_FOOT = 188.0  # back foot points backwards and a little down


def _squat_end_hip() -> Point:
    """Hip in the lowered position: front shin leaning forward, knee at 90 deg."""
    shin = 74.0  # ankle -> knee
    knee = polar(SQ_FRONT_ANKLE, SHIN, shin)
    return polar(knee, THIGH, shin + 90.0)


def _squat_back_ankle() -> Point:
    """Back ankle on the seat, placed so that in the lowered position the back
    thigh points down and slightly back with the knee close to the floor."""
    knee = polar(_squat_end_hip(), THIGH, -112.0)
    # ankle sits so the toe end of the foot rests on the seat
    toe_drop = FOOT_FWD * math.sin(math.radians(SQ_BACK_FOOT - 180))
    ankle_y = SQ_SEAT_TOP - R_FOOT * 0.8 - OUTLINE - toe_drop
    dy = knee[1] - ankle_y
    return (knee[0] - math.sqrt(SHIN * SHIN - dy * dy), ankle_y)


def split_squat(cv: Canvas, lowered: bool) -> None:
    back_ankle = _squat_back_ankle()
    if lowered:
        hip = _squat_end_hip()
        torso = 84.0
    else:
        # standing tall: front leg nearly straight, hip just behind the ankle
        hip = polar(SQ_FRONT_ANKLE, SHIN + THIGH - 1, 95.0)
        torso = 90.0
    front_knee = two_link(hip, SQ_FRONT_ANKLE, THIGH, SHIN, bend=+1)
    back_knee = two_link(hip, back_ankle, THIGH, SHIN, bend=+1)
    front = Limb(direction(hip, front_knee), direction(front_knee, SQ_FRONT_ANKLE), 0.0)
    back = Limb(direction(hip, back_knee), direction(back_knee, back_ankle), SQ_BACK_FOOT)
    # arms hang relaxed by the sides
    arm = Limb(torso + 180 - 6, torso + 180 + 8)
    pose = Pose(
        hip=hip, torso=torso, neck=torso - 4, face=-6.0,
        near_arm=arm, far_arm=arm,
        near_leg=front, far_leg=back,
        far_shift=(0.0, 0.0),
    )
    seat_front = back_ankle[0] + 24
    draw_chair(cv, seat_front, SQ_SEAT_TOP, SQ_FLOOR)
    draw_floor(cv, SQ_FLOOR)
    j = draw_figure(cv, pose, order=("far_leg", "far_arm", "body", "near_leg", "near_arm"))
    if lowered:
        h = j["shoulder"]
        x = h[0] + 95
        draw_arrow(cv, (x, h[1] - 70), (x + 6, h[1] + 10), (x, h[1] + 95))


# --------------------------------------------------------------------------
# Logo


def draw_logo() -> Image.Image:
    """Rounded teal badge: a runner above a river, with an orange sun and
    an orange current line. No text."""
    cv = Canvas((LOGO_SIZE, LOGO_SIZE), 1.0, (0.0, 0.0), mode="RGBA",
                background=(0, 0, 0, 0))
    white = (255, 255, 255, 255)
    teal = BRAND_TEAL + (255,)
    orange = ACCENT + (255,)
    m = 16.0
    cv.rounded_rect((m, m, LOGO_SIZE - m, LOGO_SIZE - m), 100, fill=teal)

    cv.circle((362.0, 120.0), 48.0, orange)  # sun

    # river: a white wave and an orange current below it
    def wave(y: float, amp: float, phase: float) -> list[Point]:
        return [(float(x), y + amp * math.sin(math.radians(x * 1.6 + phase)))
                for x in range(78, 403, 5)]

    cv.stroke(wave(384.0, 10.0, 20.0), 12.0, white)
    cv.stroke(wave(420.0, 8.0, -10.0), 9.0, orange)

    # runner, by forward kinematics (segment angles in degrees, y up)
    hip = (226.0, 226.0)
    shoulder = polar(hip, 110.0, 76.0)
    head = polar(shoulder, 47.0, 72.0)
    f_knee = polar(hip, 88.0, -38.0)
    f_ankle = polar(f_knee, 84.0, -100.0)
    f_toe = polar(f_ankle, 30.0, -8.0)
    b_knee = polar(hip, 88.0, -118.0)
    b_ankle = polar(b_knee, 84.0, 148.0)
    b_toe = polar(b_ankle, 30.0, 196.0)
    # arms swing opposite to the legs; elbows bent about 90 degrees
    back_elbow = polar(shoulder, 64.0, -158.0)
    back_hand = polar(back_elbow, 50.0, -88.0)
    fwd_elbow = polar(shoulder, 62.0, -48.0)
    fwd_hand = polar(fwd_elbow, 52.0, 40.0)

    limb = 15.0
    gap = 7.0  # teal keyline that separates overlapping white limbs

    def part(pts: list[Point], r: float) -> None:
        cv.stroke(pts, r + gap, teal)
        cv.stroke(pts, r, white)

    part([shoulder, back_elbow, back_hand], limb * 0.85)
    part([hip, b_knee, b_ankle, b_toe], limb)
    part([hip, shoulder], limb * 1.5)
    cv.circle(head, 28.0, white)
    part([hip, f_knee, f_ankle, f_toe], limb)
    cv.stroke([hip, shoulder], limb * 1.5, white)  # hip joint stays smooth
    part([shoulder, fwd_elbow, fwd_hand], limb * 0.85)
    return cv.finish()


# --------------------------------------------------------------------------


def main() -> None:
    EXERCISE_DIR.mkdir(parents=True, exist_ok=True)
    BRAND_DIR.mkdir(parents=True, exist_ok=True)
    outputs = []
    for name, draw, floor, mirror, colours in (
        ("single-leg-bridge", single_leg_bridge, BR_FLOOR, True, BRIDGE_SNAP_COLOURS),
        ("hamstring-bridge", hamstring_bridge, BR_FLOOR, True, SNAP_COLOURS),
        ("split-squat", split_squat, SQ_FLOOR, False, SNAP_COLOURS),
    ):
        start, end = render_pair(draw, floor)
        for state, img in (("start", start), ("end", end)):
            outputs.append(save_exercise(img, f"{name}-{state}.png", mirror=mirror,
                                         colours=colours))
    logo = BRAND_DIR / "logo.png"
    draw_logo().save(logo, format="PNG", optimize=True)
    outputs.append(logo)
    for path in outputs:
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
