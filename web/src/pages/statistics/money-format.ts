// Amounts come from the service as decimal strings ('919910.00'), summed in PostgreSQL numeric and exact to the fen.
// They are shown by rearranging those digits, never by parsing them into a float: 0.1 + 0.2 is not 0.3, and a yuan
// total above 2^53 fen would silently lose its last digits.

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Inserts a separator every three digits from the right: '919910' → '919,910'. */
function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * '919910.00' → '¥919,910.00'; '0.1' → '¥0.10'; '-12.5' → '-¥12.50'. The fraction keeps every digit it has, with at
 * least two; a value that is not a plain decimal is returned as it came, so that nothing wrong is ever shown as money.
 */
export function formatYuan(amount: string, { symbol = '¥', separator = ',' }: { symbol?: string; separator?: string } = {}): string {
  const match = DECIMAL.exec(amount.trim());
  if (!match) return amount;
  const [, sign = '', integerPart, fraction = ''] = match;
  const integer = integerPart.replace(/^0+(?=\d)/, '');
  const cents = fraction.padEnd(2, '0');
  const negative = sign !== '' && /[1-9]/.test(integer + cents);
  return `${negative ? '-' : ''}${symbol}${groupThousands(integer, separator)}.${cents}`;
}
