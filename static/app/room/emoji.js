// The reaction emoji, their spoken names, and a text face for systems without an emoji font
// (where an emoji would show as an empty box).

/** The emoji bar: the emoji sent, its name ("React: heart") and its text fallback. */
export const REACTIONS = [
  { emoji: "👍", name: "thumbs up", text: "+1" },
  { emoji: "😂", name: "laughing", text: "XD" },
  { emoji: "❤️", name: "heart", text: "♥" },
  { emoji: "😮", name: "surprised", text: ":O" },
  { emoji: "😢", name: "sad", text: ":'(" },
  { emoji: "👏", name: "applause", text: "clap" },
  { emoji: "🔥", name: "fire", text: "hot" },
  { emoji: "🎉", name: "party", text: "yay" },
];

const MISSING = "\u{10FFFD}"; // a private-use code point: no font draws it, so it shows the "no glyph" box
const drawn = new Map();

function pixels(text) {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 24;
  const pen = canvas.getContext("2d", { willReadFrequently: true });
  pen.textBaseline = "top";
  pen.font = "20px sans-serif";
  pen.fillText(text, 0, 0);
  return pen.getImageData(0, 0, 24, 24).data;
}

/** Whether this browser draws `text` with a real glyph (not the box of a missing one). */
export function drawable(text) {
  if (!drawn.has(text)) {
    let result = true; // no canvas (an old or locked-down browser): trust the emoji
    try {
      const mine = pixels(text);
      const none = pixels(MISSING);
      result = mine.some((value, i) => value !== none[i]);
    } catch {
      // keep the emoji
    }
    drawn.set(text, result);
  }
  return drawn.get(text);
}

/** What to show for an emoji: itself where it can be drawn, else its text face. */
export function face(emoji) {
  const known = REACTIONS.find((r) => r.emoji === emoji || r.emoji.replace("\uFE0F", "") === emoji);
  return !known || drawable(known.emoji) ? emoji : known.text;
}
