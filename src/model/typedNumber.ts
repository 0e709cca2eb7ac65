/**
 * How people write a number they type or paste: the rules every reader of such text shares — the
 * number boxes and settings (src/ui/quantityInput.ts) and a pasted table of shares
 * (src/model/shareImport.ts) — so that "−5" means the same wherever it is typed.
 */

/**
 * The signs people type or paste for minus: the true minus (U+2212, what the screen writes), the
 * en dash and the figure dash of typeset reports and word processors, the small and the full-width
 * hyphen-minus.
 */
const MINUS_SIGNS = /[\u2212\u2012\u2013\ufe63\uff0d]/g;

/** `text` trimmed, with every minus sign written as JavaScript reads it: "−0.4" → "-0.4". */
export function withPlainMinus(text: string): string {
  return text.trim().replace(MINUS_SIGNS, '-');
}

/** A decimal as `Number` reads it and people write it, without grouping or a decimal comma: "-5", "+5", "5.", ".5", "1e3". */
export const PLAIN_DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * The smallest magnitude, but for 0, a typed number may have. Below about 2.2e-308 a double has
 * fewer digits than its own (5e-324 × 1.43 is still 5e-324), so a market size of 5e-324 grew at
 * 5.2% a year showed a CAGR of 0.0%; 1e-300 leaves room for a percent's hundredth and the shares
 * and growth the model multiplies a value by, and is smaller than any real number typed in any unit.
 */
export const SMALLEST_TYPED_MAGNITUDE = 1e-300;
