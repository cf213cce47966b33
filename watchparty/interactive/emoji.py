"""Is this string exactly one emoji? Checked by code point, with no emoji library.

One emoji is one pictograph with its modifiers (variation selector, skin tone, tag
sequence), pictographs joined by ZWJ (family, profession), a flag (two regional
indicators) or a keycap. Text, blanks and two emoji side by side are not.
"""

ZWJ, VS15, VS16, KEYCAP = 0x200D, 0xFE0E, 0xFE0F, 0x20E3
MAX_CODE_POINTS = 32

_SINGLES = {0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x24C2, 0x25B6, 0x25C0, 0x2328}
_SINGLES |= {0x23CF, 0x2B50, 0x2B55, 0x3030, 0x303D, 0x3297, 0x3299}
_RANGES = (
    (0x2194, 0x2199),
    (0x21A9, 0x21AA),
    (0x231A, 0x231B),
    (0x23E9, 0x23F3),
    (0x23F8, 0x23FA),
    (0x25AA, 0x25AB),
    (0x25FB, 0x25FE),
    (0x2600, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C),
    (0x1F000, 0x1FAFF),
)
_KEYCAP_BASES = set(map(ord, "0123456789#*"))


def _regional(cp: int) -> bool:
    return 0x1F1E6 <= cp <= 0x1F1FF


def _skin_tone(cp: int) -> bool:
    return 0x1F3FB <= cp <= 0x1F3FF


def _modifier(cp: int) -> bool:
    return cp in (VS15, VS16) or _skin_tone(cp) or 0xE0020 <= cp <= 0xE007F


def _pictograph(cp: int) -> bool:
    if _regional(cp) or _skin_tone(cp):
        return False
    return cp in _SINGLES or any(low <= cp <= high for low, high in _RANGES)


def _element(cps: list[int]) -> bool:
    """A pictograph followed only by modifiers."""
    return bool(cps) and _pictograph(cps[0]) and all(_modifier(cp) for cp in cps[1:])


def _split(cps: list[int]) -> list[list[int]]:
    parts: list[list[int]] = [[]]
    for cp in cps:
        if cp == ZWJ:
            parts.append([])
        else:
            parts[-1].append(cp)
    return parts


def is_single_emoji(text) -> bool:
    """Whether `text` is exactly one emoji (one grapheme of emoji code points)."""
    if not isinstance(text, str) or not 0 < len(text) <= MAX_CODE_POINTS:
        return False
    cps = [ord(ch) for ch in text]
    if len(cps) == 2 and all(_regional(cp) for cp in cps):
        return True
    if cps[0] in _KEYCAP_BASES:
        return cps[1:] in ([KEYCAP], [VS16, KEYCAP])
    return all(_element(part) for part in _split(cps))
