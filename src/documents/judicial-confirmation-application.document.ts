import type { Document } from 'docx';
import { chineseDate } from './chinese-numerals';
import type { JudicialConfirmationApplicationData } from './document-data';
import {
  amountText,
  applicantsTitle,
  courtReferralText,
  dateOrBlank,
  ITEM_LABELS,
  representativeNames,
  respondentText,
} from './document-text';
import { blankLine, body, flush, HAND_FILLED, HAND_FILLED_DATE, labelled, officialDocument, signatureLine, type Block } from './official-layout';

/**
 * 司法确认申请书 (CPL Arts.205–206): both parties apply together, within 30 days of the agreement taking effect, to
 * confirm it. The agreement goes with the application, and the parties' full identities are in it: this document
 * names them only, so that an identity number is printed in one place alone (DOMAIN §1).
 */
export function buildJudicialConfirmationApplication(data: JudicialConfirmationApplicationData): Document {
  const court = data.reviewCourtName ?? `${HAND_FILLED}人民法院`;
  return officialDocument({
    title: '司法确认申请书',
    reference: `调解案号：${data.caseNumber}`,
    subject: `${applicantsTitle(data.applicants, data.workerCount)}与${data.respondent.name}调解协议司法确认申请`,
    creator: data.organizationName,
    body: [
      labelled('申请人（劳动者一方）：', workerSideText(data)),
      labelled('申请人（用人单位一方）：', respondentText(data.respondent)),
      ...(data.respondent.legalRepresentative === undefined ? [] : [labelled('法定代表人：', `${data.respondent.legalRepresentative}。`)]),
      body('（申请人身份信息详见所附调解协议书。）'),
      labelled('请求事项：', `确认申请人于${chineseDate(data.effectiveOn)}经${data.organizationName}调解达成的调解协议（调解案号${data.caseNumber}）有效。`),
      flush('事实和理由：'),
      body(`申请人因劳动争议，于${chineseDate(data.receivedOn)}向${data.organizationName}申请调解${courtReferralText(data)}。经调解，双方当事人自愿达成调解协议，` +
        `协议于${chineseDate(data.effectiveOn)}经双方当事人签名盖章、调解员签名并加盖调解组织印章后生效。协议主要内容如下：`),
      ...termsBlocks(data),
      body('根据《中华人民共和国民事诉讼法》第二百零五条的规定，双方当事人自调解协议生效之日起三十日内共同向贵院申请司法确认' +
        (data.confirmationWindowEndsOn === undefined ? '。' : `（申请期限至${chineseDate(data.confirmationWindowEndsOn)}）。`)),
      // The undertaking the SPC's provisions on confirming mediation agreements ask of the applicants.
      body('申请人双方承诺：调解协议系出于解决纠纷的目的自愿达成，不存在恶意串通、规避法律的行为，不损害国家利益、社会公共利益和他人合法权益；' +
        '如因该协议内容给他人造成损害的，愿意承担相应的民事责任和其他法律责任。'),
      blankLine(),
      flush('此致'),
      flush(court),
      blankLine(),
      flush('附：调解协议书一份'),
      blankLine(),
      flush(`申请人（劳动者一方，签名或者按指印）：${HAND_FILLED}`),
      flush(`申请人（用人单位一方，盖章）：${data.respondent.name}`),
      flush(`法定代表人或者委托代理人（签名）：${HAND_FILLED}`),
      blankLine(),
      signatureLine(dateOrBlank(data.appliedOn, HAND_FILLED_DATE)),
    ],
  });
}

function workerSideText(data: JudicialConfirmationApplicationData): string {
  if (!data.collective) return `${data.applicants.map((applicant) => applicant.name).join('、')}。`;
  return `${applicantsTitle(data.applicants, data.workerCount)}，劳动者代表${representativeNames(data.applicants).join('、')}。`;
}

function termsBlocks(data: JudicialConfirmationApplicationData): Block[] {
  const items = data.items.map((item, index) =>
    body(item.kind === 'NON_MONETARY' ? `${index + 1}. ${item.description}；` : `${index + 1}. 被申请人向申请人支付${ITEM_LABELS[item.kind]}${amountText(item.amount ?? '0')}，款项说明：${item.description}；`),
  );
  const schedule = data.schedule.map((instalment) => `${chineseDate(instalment.dueOn)}前支付${amountText(instalment.amount)}`).join('，');
  return [...items, body(`上述款项合计${amountText(data.agreedTotal)}，${data.schedule.length > 1 ? `分${data.schedule.length}期支付：` : ''}${schedule}。`)];
}
