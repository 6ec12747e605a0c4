import type { Document } from 'docx';
import type { CaseSource } from '../cases/machine/case.types';
import { chineseDate } from './chinese-numerals';
import type { AcceptanceNoticeData } from './document-data';
import { applicantsTitle, courtReferralText } from './document-text';
import { blankLine, body, flush, HAND_FILLED, officialDocument, signatureLine } from './official-layout';

/** 受理通知书: tells the applicants the case was taken on, until when it may be mediated, and whom to contact. */
export function buildAcceptanceNotice(data: AcceptanceNoticeData): Document {
  const you = data.applicants.length === 1 && data.workerCount === 1 ? '你' : '你们';
  return officialDocument({
    title: '受理通知书',
    reference: `调解案号：${data.caseNumber}`,
    subject: `${applicantsTitle(data.applicants, data.workerCount)}与${data.respondent.name}劳动争议调解受理通知`,
    creator: data.organizationName,
    body: [
      flush(`${applicantsTitle(data.applicants, data.workerCount)}：`),
      body(`${you}与${data.respondent.name}劳动争议一案的调解申请${courtReferralText(data)}，${data.organizationName}已于${chineseDate(data.receivedOn)}收到。` +
        `经审查，符合受理条件，决定于${chineseDate(data.acceptedOn)}予以受理。`),
      body(periodText(data) + afterPeriod(data.source)),
      body(`请${you}按时参加调解，如实陈述纠纷事实，并提供劳动合同、工资支付记录、考勤记录等相关证据材料。`),
      body(`承办调解员：${data.mediatorName ?? HAND_FILLED}；联系地址：${data.region}${data.organizationName}；联系电话：${HAND_FILLED}。`),
      body('特此通知。'),
      blankLine(),
      signatureLine(`${data.organizationName}（盖章）`),
      signatureLine(chineseDate(data.acceptedOn)),
    ],
  });
}

function periodText(data: AcceptanceNoticeData): string {
  const { startsOn, days, extendedDays, dueOn } = data.mediationPeriod;
  const extension = extendedDays > 0 ? `，经双方当事人同意延长${extendedDays}日` : '';
  return `本案调解期限为${days}日（${periodBasis(data.source)}），自${chineseDate(startsOn)}起算${extension}，至${chineseDate(dueOn)}届满。`;
}

// DOMAIN §4 MEDIATION_PERIOD: LDMAL Art.14 for the union's own cases; the court's rules for those it refers.
function periodBasis(source: CaseSource): string {
  if (source === 'COURT_DELEGATED' || source === 'COURT_ENTRUSTED') return '《最高人民法院关于人民法院特邀调解的规定》第二十七条';
  return '《中华人民共和国劳动争议调解仲裁法》第十四条';
}

function afterPeriod(source: CaseSource): string {
  if (source === 'COURT_DELEGATED') return '期限届满未达成调解协议的，案件将退回人民法院依法登记立案。';
  if (source === 'COURT_ENTRUSTED') return '期限届满未达成调解协议的，人民法院将恢复审理。';
  return '期限届满未达成调解协议的，当事人可以依法申请劳动争议仲裁。';
}
