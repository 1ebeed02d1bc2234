/** Axis helpers of the small SVG charts. */

/** A round maximum and step for an axis of counts (or amounts) up to `max`, with about `ticks` steps. */
export function niceScale(max: number, ticks = 4, integers = true): { max: number; step: number } {
  if (!Number.isFinite(max) || max <= 0) return { max: integers ? ticks : 1, step: integers ? 1 : 1 / ticks };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  let step = (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
  if (integers) step = Math.max(1, Math.ceil(step));
  return { max: Math.ceil(max / step) * step, step };
}

/** Tick values from 0 to max by step. */
export function ticksOf(scale: { max: number; step: number }): number[] {
  const out: number[] = [];
  for (let v = 0; v <= scale.max + scale.step / 2; v += scale.step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** Shows every n-th category label so that labels of about `labelWidth` px do not overlap. */
export function labelEvery(count: number, width: number, labelWidth: number): number {
  if (count <= 0 || width <= 0) return 1;
  return Math.max(1, Math.ceil((count * labelWidth) / width));
}
