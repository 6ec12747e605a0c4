import type { Document } from 'docx';
import type { CaseOutcome, RiskFlag } from '../cases/machine/case.types';
import { chineseDate } from './chinese-numerals';
import { documentTitle } from './document-kinds';
import type { ClaimEntry, CourtFeedbackLetterData, MediationPeriodEntry, SessionEntry, SuspensionEntry } from './document-data';
import {
  amountText,
  applicantsTitle,
  CLAIM_LABELS,
  outcomeText,
  projectText,
  referralWord,
  representativeNames,
  respondentText,
  SUSPEND_REASON_LABELS,
} from './document-text';
import { blankLine, body, flush, labelled, numberedSections, officialDocument, signatureLine, type Block } from './official-layout';

/**
 * 委派/委托调解反馈函 (Invited Arts.21 and 26; DOMAIN §8): what the court needs to take the case back. Sessions appear
 * with their dates; a summary only when it was not recorded without prejudice, and the service never loads those
 * (Invited Art.22).
 */
export function buildCourtFeedbackLetter(data: CourtFeedbackLetterData): Document {
  const title = documentTitle('court-feedback-letter', data.source);
  const resolved = data.agreement !== undefined;
  return officialDocument({
    title,
    reference: `调解案号：${data.caseNumber}`,
    subject: `${data.courtCaseNumber ?? data.caseNumber}调解情况反馈`,
    creator: data.organizationName,
    body: [
      flush(`${data.courtName ?? '人民法院'}：`),
      body(openingText(data)),
      ...numberedSections([
        { title: '当事人', blocks: partyBlocks(data) },
        { title: '调解期限及调解经过', blocks: [...periodBlocks(data.mediationPeriods, data.suspensions), ...sessionBlocks(data.sessions)] },
        { title: '调解结果', blocks: outcomeBlocks(data) },
        { title: '争议焦点', blocks: resolved ? [] : disputeBlocks(data) },
        { title: '无争议事实', blocks: resolved ? [] : [body(undisputedFactsText(data))] },
        { title: '调解不成的原因', blocks: resolved ? [] : failureBlocks(data) },
        { title: '有关建议', blocks: suggestions(data).map((text, index) => body(`${index + 1}. ${text}`)) },
        { title: '后续程序', blocks: [body(nextStepText(data))] },
      ]),
      body('特此函告。'),
      ...(resolved ? [blankLine(), flush(`附件：调解协议书（调解案号${data.caseNumber}）`)] : []),
      blankLine(),
      signatureLine(`${data.organizationName}（盖章）`),
      ...(data.mediatorName === undefined ? [] : [signatureLine(`调解员：${data.mediatorName}`)]),
      signatureLine(chineseDate(data.closedOn)),
    ],
  });
}

function openingText(data: CourtFeedbackLetterData): string {
  const word = referralWord(data.source) ?? '委托';
  const courtNumber = data.courtCaseNumber === undefined ? '' : `（贵院案号${data.courtCaseNumber}）`;
  return `贵院${word}${data.organizationName}调解的${applicantsTitle(data.applicants, data.workerCount)}与${data.respondent.name}劳动争议一案${courtNumber}，` +
    `${data.organizationName}于${chineseDate(data.receivedOn)}签收案件材料并开展调解，现将调解情况函告如下：`;
}

function partyBlocks(data: CourtFeedbackLetterData): Block[] {
  const representatives = representativeNames(data.applicants);
  const applicants = data.collective
    ? `${applicantsTitle(data.applicants, data.workerCount)}（集体劳动争议，劳动者代表：${representatives.join('、')}）。`
    : `${data.applicants.map((applicant) => applicant.name).join('、')}。`;
  const blocks = [labelled('申请人：', applicants), labelled('被申请人：', respondentText(data.respondent))];
  if (data.respondent.legalRepresentative !== undefined) blocks.push(labelled('法定代表人：', `${data.respondent.legalRepresentative}。`));
  const project = projectText(data.respondent);
  if (project !== undefined) blocks.push(body(project));
  return blocks;
}

function periodBlocks(periods: readonly MediationPeriodEntry[], suspensions: readonly SuspensionEntry[]): Block[] {
  const lines = periods.map((period, index) => {
    const paused = period.pausedDays > 0 ? `，中止期间${period.pausedDays}日不计入` : '';
    const last = index === periods.length - 1;
    if (period.extension) return `经双方当事人同意，调解期限延长${period.days}日${paused}，${last ? '至' : '原定于'}${chineseDate(period.dueOn)}届满。`;
    const lead = index === 0 ? '本案调解期限' : '重新调解的期限';
    return `${lead}为${period.days}日，自${chineseDate(period.startsOn)}起算${paused}，${last ? '至' : '原定于'}${chineseDate(period.dueOn)}届满。`;
  });
  return [...lines, ...suspensions.map(suspensionText)].map((text) => body(text));
}

// Appraisal and force majeure stop the clock (Online Art.26; LDMAL Art.27 ¶3 by analogy); other pauses do not.
function suspensionText(suspension: SuspensionEntry): string {
  const span = suspension.to === undefined ? `自${chineseDate(suspension.from)}起` : `${chineseDate(suspension.from)}至${chineseDate(suspension.to)}`;
  const reason = SUSPEND_REASON_LABELS[suspension.reason];
  return suspension.clockStopped ? `${span}因${reason}中止调解，中止期间不计入调解期限。` : `${span}因${reason}暂停调解，调解期限连续计算。`;
}

function sessionBlocks(sessions: readonly SessionEntry[]): Block[] {
  if (sessions.length === 0) return [body('调解期间未能组织双方当事人进行调解。')];
  const dates = sessions.map((session) => chineseDate(session.heldOn)).join('、');
  return [
    body(`调解员先后于${dates}组织双方当事人进行调解，共${sessions.length}次。`),
    ...sessions
      .filter((session) => session.summary !== undefined)
      .map((session) => body(`${chineseDate(session.heldOn)}调解情况${session.place === undefined ? '' : `（${session.place}）`}：${session.summary}`)),
  ];
}

function outcomeBlocks(data: CourtFeedbackLetterData): Block[] {
  if (data.agreement === undefined) return [body(resultText(data.outcome))];
  return [
    body(`经调解，双方当事人达成调解协议，协议于${chineseDate(data.agreement.effectiveOn)}生效，约定被申请人支付${amountText(data.agreement.agreedTotal)}。${outcomeText(data.outcome)}调解协议书附后。`),
  ];
}

/** The result in a word; the reasons follow in their own section. */
function resultText(outcome: CaseOutcome): string {
  if (outcome === 'WITHDRAWN') return '申请人撤回调解申请，调解终结。';
  if (outcome.startsWith('REJECTED')) return '不予受理。';
  return '调解不成。';
}

function disputeBlocks(data: CourtFeedbackLetterData): Block[] {
  if (data.terms !== undefined) return [body(data.terms.disputedMatters)];
  return [body('申请人提出下列请求，双方当事人未能达成一致：'), ...data.claims.map((claim, index) => body(`${index + 1}. ${claimText(claim)}`))];
}

function claimText(claim: ClaimEntry): string {
  const amount = claim.amount === undefined ? '' : amountText(claim.amount);
  return `${CLAIM_LABELS[claim.type]}${amount}，请求内容：${claim.description}；`;
}

function undisputedFactsText(data: CourtFeedbackLetterData): string {
  return data.terms === undefined ? '调解过程中，双方当事人未形成均无异议的事实。' : `双方当事人对以下事实无异议：${data.terms.facts}`;
}

function failureBlocks(data: CourtFeedbackLetterData): Block[] {
  const blocks = [body(outcomeText(data.outcome))];
  if (data.closingNote !== undefined && data.closingNote !== '') blocks.push(body(`具体情况：${data.closingNote}`));
  return blocks;
}

const ASSET_RISK: Partial<Record<RiskFlag, string>> = { EMPLOYER_CLOSING: '存在停业、关闭迹象', EMPLOYER_ABSCONDED: '存在经营者逃匿情形' };

/** What the court may want to do at once: asset preservation, priority for pay claims and for collective disputes. */
function suggestions(data: CourtFeedbackLetterData): string[] {
  const list: string[] = [];
  const assetRisks = data.riskFlags.map((flag) => ASSET_RISK[flag]).filter((text): text is string => text !== undefined);
  const unpaid = data.agreement === undefined || data.outcome.startsWith('REFERRED');
  if (assetRisks.length > 0 && unpaid) {
    list.push(`被申请人${assetRisks.join('、')}，为防止财产转移，建议贵院依申请人申请及时采取财产保全措施（《中华人民共和国民事诉讼法》第一百零三条、第一百零四条）。`);
  }
  if (unpaid && data.claims.some((claim) => claim.type === 'WAGE_ARREARS')) {
    list.push('本案涉及追索劳动报酬，建议依法快立快审；申请人生活困难的，可以依法裁定先予执行（《中华人民共和国民事诉讼法》第一百零九条）。');
  }
  if (data.collective && unpaid) list.push(`本案为集体劳动争议，涉及劳动者${data.workerCount}人，建议优先处理，防范矛盾激化。`);
  return list;
}

function nextStepText(data: CourtFeedbackLetterData): string {
  switch (data.nextStep) {
    case 'COURT_FILES_CASE':
      return '本案调解未能达成协议，请贵院依法登记立案（《最高人民法院关于人民法院特邀调解的规定》第二十一条）。';
    case 'TRIAL_RESUMES':
      return '本案调解未能达成协议，请贵院依法恢复审理（《最高人民法院关于人民法院特邀调解的规定》第二十一条）。';
    default:
      if (data.outcome.startsWith('REFERRED')) return '被申请人未履行调解协议，申请人已依法转入相应程序，请贵院依法处理。';
      return data.source === 'COURT_ENTRUSTED'
        ? '请贵院依法审查调解协议，出具调解书或者准许当事人撤诉。'
        : '纠纷已经调解处理。当事人共同申请司法确认的，请贵院依法审查。';
  }
}
