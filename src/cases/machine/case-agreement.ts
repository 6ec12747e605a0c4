import { compare, type LegalDate } from '../../calendar/legal-date';
import type { AgreementItem, AgreementTerms, Instalment, InstalmentTerm, Payment } from './case.context';
import { PAYMENT_ORDER_ITEM_KINDS, type AgreementItemKind } from './case.types';
import { fromFen, sumMoney, toFen, ZERO_MONEY, type Money } from './money';

// Money rules of a mediation agreement: what it totals, and how payments fall on its instalments.

export function isMoneyItem(item: AgreementItem): boolean {
  return item.kind !== 'NON_MONETARY';
}

/** agreedTotal is the sum of the money items (DOMAIN §3 termsValid). */
export function agreedTotalOf(terms: AgreementTerms): Money {
  return sumMoney(terms.items.filter(isMoneyItem).map((item) => item.amount ?? ZERO_MONEY));
}

export function hasNonMonetaryItem(terms: AgreementTerms | undefined): boolean {
  return terms?.items.some((item) => !isMoneyItem(item)) === true;
}

export function hasPaymentOrderItem(terms: AgreementTerms | undefined): boolean {
  return terms?.items.some((item) => (PAYMENT_ORDER_ITEM_KINDS as readonly AgreementItemKind[]).includes(item.kind)) === true;
}

export function isWagesOnly(terms: AgreementTerms | undefined): boolean {
  return terms !== undefined && terms.items.every((item) => item.kind === 'WAGES');
}

/**
 * #21: payments are allocated to instalments in date order. Replaying every payment in the order
 * it was made (not recorded) tells on which day each instalment was paid in full, which decides
 * whether its PAYMENT_DUE was met.
 */
export function allocatePayments(schedule: readonly InstalmentTerm[], payments: readonly Payment[]): Instalment[] {
  const ordered = [...schedule].sort((a, b) => compare(a.dueOn, b.dueOn) || a.no - b.no);
  const paidFen = ordered.map(() => 0n);
  const paidInFullOn: (LegalDate | undefined)[] = ordered.map(() => undefined);
  for (const payment of [...payments].sort((a, b) => compare(a.paidOn, b.paidOn))) {
    let left = toFen(payment.amount);
    ordered.forEach((instalment, index) => {
      const open = toFen(instalment.amount) - paidFen[index];
      if (left <= 0n || open <= 0n) return;
      const share = left < open ? left : open;
      paidFen[index] += share;
      left -= share;
      if (share === open) paidInFullOn[index] = payment.paidOn;
    });
  }
  return ordered.map((instalment, index) => ({
    ...instalment,
    paid: fromFen(paidFen[index]),
    ...(paidInFullOn[index] === undefined ? {} : { paidInFullOn: paidInFullOn[index] }),
  }));
}

export function isInstalmentPaid(instalment: Instalment): boolean {
  return toFen(instalment.paid) >= toFen(instalment.amount);
}

/** An instalment due before today is still unpaid: what enables REPORT_DEFAULT (#23). */
export function hasOverdueInstalment(instalments: readonly Instalment[], today: LegalDate): boolean {
  return instalments.some((instalment) => compare(instalment.dueOn, today) < 0 && !isInstalmentPaid(instalment));
}
