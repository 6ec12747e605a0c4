import type { Document } from 'docx';
import type { AgreementItem } from '../cases/machine/case.context';
import { chineseDate } from './chinese-numerals';
import type { IdentifiedApplicant, MediationAgreementData } from './document-data';
import {
  amountText,
  applicantsTitle,
  courtReferralText,
  dateOrBlank,
  ITEM_LABELS,
  projectText,
  representativeNames,
  respondentText,
} from './document-text';
import {
  annexLabel,
  blankLine,
  body,
  flush,
  gridTable,
  HAND_FILLED,
  HAND_FILLED_DATE,
  labelled,
  numberedSections,
  officialDocument,
  signatureLine,
  type Block,
} from './official-layout';

/**
 * 调解协议书 (Invited Art.24; PML Art.29; DOMAIN §8): the parties with full identities, the facts and the matters in
 * dispute, each obligation as its own item with the amount in figures and in capitals, how and when it is paid, what
 * follows a default, that nothing else is in dispute, when it takes effect and the 30 days for judicial confirmation,
 * and the four signature blocks. Session notes are not part of it: without-prejudice statements never are (Invited
 * Art.22), and the data carries none.
 */
export function buildMediationAgreement(data: MediationAgreementData): Document {
  return officialDocument({
    title: '调解协议书',
    reference: `调解案号：${data.caseNumber}`,
    subject: `${applicantsTitle(data.applicants, data.workerCount)}与${data.respondent.name}劳动争议调解协议`,
    creator: data.organizationName,
    body: [
      ...partyBlocks(data),
      body(`申请人与被申请人因劳动争议，于${chineseDate(data.receivedOn)}向${data.organizationName}申请调解${courtReferralText(data)}。${data.organizationName}依法受理后，` +
        `${data.mediatorName === undefined ? '' : `在调解员${data.mediatorName}主持下，`}双方当事人在平等、自愿的基础上达成如下协议：`),
      ...numberedSections([
        { title: '纠纷的主要事实', blocks: [body(data.facts)] },
        { title: '争议事项', blocks: [body(data.disputedMatters)] },
        { title: '双方当事人达成的协议内容', blocks: obligationBlocks(data) },
        { title: '履行方式和期限', blocks: performanceBlocks(data) },
        { title: '违约责任', blocks: [body(data.defaultClause ?? DEFAULT_CLAUSE)] },
        { title: '其他约定', blocks: [body(data.waiverOfOtherClaims ? NO_OTHER_DISPUTES : ONLY_THESE_MATTERS)] },
        { title: '协议的生效', blocks: effectivenessBlocks(data) },
      ]),
      blankLine(),
      ...signatureBlocks(data),
      ...applicantList(data),
    ],
  });
}

// LDMAL Arts.15 and 16: a default opens arbitration, or a payment order for pay, medical costs, compensation or damages.
const DEFAULT_CLAUSE =
  '被申请人未按本协议约定的期限和数额履行的，申请人可以依法向人民法院申请支付令，或者申请劳动争议仲裁；本协议经人民法院司法确认的，申请人可以依法向人民法院申请强制执行。';
const NO_OTHER_DISPUTES = '本协议履行完毕后，双方当事人之间就本案劳动争议再无其他争议。';
const ONLY_THESE_MATTERS = '本协议仅解决上述争议事项，双方当事人就其他事项的权利不受本协议影响。';

function partyBlocks(data: MediationAgreementData): Block[] {
  const blocks: Block[] = data.collective ? collectiveApplicantBlocks(data) : data.applicants.map((applicant) => labelled('申请人：', identityText(applicant)));
  blocks.push(labelled('被申请人：', respondentText(data.respondent)));
  if (data.respondent.legalRepresentative !== undefined) blocks.push(labelled('法定代表人：', `${data.respondent.legalRepresentative}。`));
  const project = projectText(data.respondent);
  if (project !== undefined) blocks.push(body(project));
  blocks.push(labelled('调解组织：', `${data.organizationName}。`));
  if (data.mediatorName !== undefined) blocks.push(labelled('调解员：', `${data.mediatorName}。`));
  return blocks;
}

// LDMAL Art.7: ten or more workers with a common claim take part through elected representatives.
function collectiveApplicantBlocks(data: MediationAgreementData): Block[] {
  const representatives = data.applicants.filter((applicant) => applicant.isRepresentative);
  const consent = data.collectiveConsentRecorded ? '本协议内容已经被代表的劳动者同意。' : '';
  return [
    labelled('申请人：', `${applicantsTitle(data.applicants, data.workerCount)}（名单及身份信息附后）。`),
    ...representatives.map((representative) => labelled('申请人代表：', identityText(representative))),
    body(`本案劳动者一方共${data.workerCount}人，依法推举${representatives.map((r) => r.name).join('、')}为代表参加调解（《中华人民共和国劳动争议调解仲裁法》第七条）。${consent}`),
  ];
}

/** 张伟，男，1990年3月7日出生，公民身份号码220402199003071231。 */
function identityText(applicant: IdentifiedApplicant): string {
  if (applicant.idType !== 'RESIDENT_ID') return `${applicant.name}，证件号码${applicant.idNumber}。`;
  const born = birthDateOf(applicant.idNumber);
  return `${applicant.name}，${sexOf(applicant.idNumber)}，${born === undefined ? '' : `${chineseDate(born)}出生，`}公民身份号码${applicant.idNumber}。`;
}

// GB 11643: digits 7–14 are the birth date and the 17th is odd for men, even for women.
function sexOf(residentId: string): string {
  return Number(residentId.charAt(16)) % 2 === 1 ? '男' : '女';
}

function birthDateOf(residentId: string): string | undefined {
  const digits = residentId.slice(6, 14);
  return /^\d{8}$/.test(digits) ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}` : undefined;
}

function obligationBlocks(data: MediationAgreementData): Block[] {
  const money = data.items.filter((item) => item.kind !== 'NON_MONETARY');
  const duties = data.items.filter((item) => item.kind === 'NON_MONETARY');
  const blocks: Block[] = [];
  if (money.length > 0) {
    blocks.push(body('（一）金钱给付义务'));
    money.forEach((item, index) => blocks.push(body(`${index + 1}. ${moneyItemText(item)}`)));
    blocks.push(body(`以上款项合计${amountText(data.agreedTotal)}。`));
  }
  if (duties.length > 0) {
    blocks.push(body(`（${money.length > 0 ? '二' : '一'}）非金钱义务`));
    duties.forEach((item, index) => blocks.push(body(`${money.length + index + 1}. ${withFullStop(item.description)}`)));
  }
  return blocks;
}

function moneyItemText(item: AgreementItem): string {
  return `被申请人向申请人支付${ITEM_LABELS[item.kind]}${amountText(item.amount ?? '0')}。${item.description === '' ? '' : `款项说明：${withFullStop(item.description)}`}`;
}

function performanceBlocks(data: MediationAgreementData): Block[] {
  if (data.schedule.length === 0) return [];
  const single = data.schedule.length === 1;
  return [
    body(single ? '上述款项由被申请人按下列期限一次性支付：' : `上述款项由被申请人分${data.schedule.length}期支付：`),
    ...data.schedule.map((instalment) => body(`${single ? '' : `第${instalment.no}期：`}${chineseDate(instalment.dueOn)}前支付${amountText(instalment.amount)}；`)),
    // Neither the payment channel nor the tax treatment is part of the recorded terms: the parties fill them in.
    body(`支付方式及收款账户：${HAND_FILLED}。`),
    body(`上述款项涉及的税费由${HAND_FILLED}依法承担。`),
  ];
}

function effectivenessBlocks(data: MediationAgreementData): Block[] {
  const blocks: Block[] = [
    body('本协议自双方当事人签名或者盖章、调解员签名并加盖调解组织印章之日起生效' + (data.effectiveOn === undefined ? '。' : `，已于${chineseDate(data.effectiveOn)}生效。`)),
  ];
  if (data.source === 'COURT_ENTRUSTED') {
    // Invited Art.20: an entrusted case's agreement goes to the court, which issues a mediation statement.
    blocks.push(body(`本案系${data.courtName ?? '人民法院'}委托调解的案件，本协议将提交人民法院依法审查并出具调解书。`));
  } else {
    const until = data.confirmationWindowEndsOn === undefined ? '' : `（即${chineseDate(data.confirmationWindowEndsOn)}前）`;
    blocks.push(
      body(`双方当事人可以自本协议生效之日起三十日内${until}，共同向人民法院申请司法确认（《中华人民共和国民事诉讼法》第二百零五条）。` +
        '经人民法院确认有效后，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。'),
    );
  }
  blocks.push(body('本协议一式三份，双方当事人各执一份，调解组织留存一份，具有同等效力。'));
  return blocks;
}

function signatureBlocks(data: MediationAgreementData): Block[] {
  const signed = (party: keyof MediationAgreementData['signatures']) => `（签署日期：${dateOrBlank(data.signatures[party], HAND_FILLED_DATE)}）`;
  const applicantLines = data.collective
    ? representativeNames(data.applicants).map((name) => flush(`申请人代表（签名或者按指印）：${HAND_FILLED}（${name}）`))
    : data.applicants.map((applicant) => flush(`申请人（签名或者按指印）：${HAND_FILLED}（${applicant.name}）`));
  return [
    ...applicantLines,
    flush(signed('APPLICANT')),
    flush(`被申请人（盖章）：${data.respondent.name}`),
    flush(`法定代表人或者委托代理人（签名）：${HAND_FILLED}`),
    flush(signed('RESPONDENT')),
    flush(`调解员（签名）：${HAND_FILLED}${data.mediatorName === undefined ? '' : `（${data.mediatorName}）`}`),
    flush(signed('MEDIATOR')),
    flush(`调解组织（盖章）：${data.organizationName}`),
    flush(signed('ORGANIZATION')),
    blankLine(),
    signatureLine(dateOrBlank(data.effectiveOn, HAND_FILLED_DATE)),
  ];
}

/** The workers of a collective case, each with identity and a signature cell: the represented workers' list. */
function applicantList(data: MediationAgreementData): Block[] {
  if (!data.collective) return [];
  const rows = data.applicants.map((applicant, index) => [
    String(index + 1),
    applicant.name,
    applicant.idType === 'RESIDENT_ID' ? sexOf(applicant.idNumber) : '',
    applicant.idNumber,
    applicant.isRepresentative ? '代表' : '',
    '',
  ]);
  return [annexLabel('附：申请人名单'), gridTable(['序号', '姓名', '性别', '身份证件号码', '备注', '签名'], rows, [10, 14, 10, 40, 10, 16])];
}

function withFullStop(text: string): string {
  return /[。；！？.;]$/.test(text) ? text : `${text}。`;
}
