// The intake formats of DOMAIN §2, checked in the browser before the service checks them again. The rules are the
// service's own module, so the form can never accept what the service refuses or the other way round.
import { formatMoney, isMoney, parseMoney } from '../../../../src/common/validation/china-ids';

export {
  isMoney,
  isOtherIdNumber,
  isPhone,
  residentIdCheckCharacter,
  residentIdProblem,
  usccCheckCharacter,
  usccProblem,
  type ResidentIdProblem,
  type UsccProblem,
} from '../../../../src/common/validation/china-ids';

/** The exact sum of the well-formed amounts, as "12800.50"; the others are left out. */
export function sumMoney(amounts: readonly (string | undefined)[]): string {
  const fen = amounts.reduce<bigint>((total, amount) => (isMoney(amount) ? total + parseMoney(amount) : total), 0n);
  return formatMoney(fen);
}
