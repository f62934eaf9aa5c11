/**
 * Fills for bars that tell series apart without colour (WCAG 1.4.1): the first series is solid,
 * each after it is a pattern drawn in its own colour on the paper (diagonal hatching, dots,
 * cross-hatching, ...). The ink is the series colour, so it keeps its 3:1 against the paper.
 * chart.js takes a CanvasPattern as a bar's backgroundColor and shows the same fill in its
 * legend boxes. Imported only by charts.ts.
 */
import { createCanvas, DOMMatrix, type CanvasPattern, type CanvasRenderingContext2D } from 'canvas';

type Draw = (ctx: CanvasRenderingContext2D, size: number) => void;

interface Pattern {
  /** The side of the repeating tile, in CSS px: wide enough apart to read at print size. */
  size: number;
  draw: Draw;
}

/** Lines at 45 degrees across a square tile, with the pieces that continue into the next tiles. */
function diagonals(direction: 1 | -1): Draw {
  return (ctx, size) => {
    ctx.beginPath();
    for (const shift of [-size, 0, size]) {
      if (direction === 1) {
        ctx.moveTo(shift, size);
        ctx.lineTo(shift + size, 0);
      } else {
        ctx.moveTo(shift, 0);
        ctx.lineTo(shift + size, size);
      }
    }
    ctx.stroke();
  };
}

const PATTERNS: Pattern[] = [
  { size: 8, draw: diagonals(1) },
  {
    size: 5,
    draw: (ctx, size) => {
      ctx.beginPath();
      ctx.arc(size / 2, size / 2, 1.4, 0, 2 * Math.PI);
      ctx.fill();
    },
  },
  { size: 8, draw: (ctx, size) => (diagonals(1)(ctx, size), diagonals(-1)(ctx, size)) },
  {
    size: 6,
    draw: (ctx, size) => {
      ctx.beginPath();
      ctx.moveTo(0, size / 2);
      ctx.lineTo(size, size / 2);
      ctx.stroke();
    },
  },
  { size: 8, draw: diagonals(-1) },
  {
    size: 6,
    draw: (ctx, size) => {
      ctx.beginPath();
      ctx.moveTo(size / 2, 0);
      ctx.lineTo(size / 2, size);
      ctx.stroke();
    },
  },
];

/**
 * The fill of the bars of series `index` (0 is solid) in `colour` on `paper`, for an image
 * drawn at `scale` device pixels per CSS pixel: the tile is drawn at that resolution and
 * mapped back to CSS px, so the lines stay sharp in a 2x or 3x image.
 */
export function barFill(index: number, colour: string, paper: string, scale: number): string | CanvasPattern {
  if (index === 0) return colour;
  const pattern = PATTERNS[(index - 1) % PATTERNS.length]!;
  const side = pattern.size * scale;
  const tile = createCanvas(side, side);
  const ctx = tile.getContext('2d');
  ctx.fillStyle = paper;
  ctx.fillRect(0, 0, side, side);
  ctx.scale(scale, scale);
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 2;
  ctx.lineCap = 'square';
  pattern.draw(ctx, pattern.size);
  const fill = ctx.createPattern(tile, 'repeat');
  fill.setTransform(new DOMMatrix().scale(1 / scale));
  return fill;
}
