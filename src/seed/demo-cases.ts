import type {
  CaseEventType,
  CaseSource,
  CaseState,
  ClaimType,
  CourtProcedure,
  EmploymentRelation,
  RiskFlag,
} from '../cases/machine/case.types';
import { residentIdCheckCharacter, usccCheckCharacter } from '../common/validation/china-ids';
import type { AssistanceKind } from '../hardship/hardship-rules';
import type { DemoOrganizationKey } from './demo-directory';

// The demo cases of DOMAIN §9 as stories: each one is the facts the desk took down at intake and what people did
// afterwards, on which working day and at what time. demo-case-seeder.service.ts replays them through the real
// services on a pinned clock, so the cases, deadlines, alerts, risk levels and audit chains are what the product
// itself produced. Nothing here is a real person, employer or court file: names are common, ID numbers, credit
// codes and mobiles are made up with valid check characters.
//
// Time is relative to the start of the seed, so the stories stay coherent whenever a laptop first starts: a story
// starts on a working day counted back from today (or from the last Spring Festival), and its steps fall on working
// days counted from the day of receipt. Open cases start recently enough, and end before today, that no period of
// theirs has run out unless the story says so (a defaulted instalment); closed ones lie anywhere in the last twelve
// months.

/** The demo directory's accounts (demo-directory.ts) that act in the stories. */
export type DemoUsername = 'zhaomin' | 'wangjh' | 'liuyan' | 'sunpeng' | 'chenjing' | 'zhouqiang';

/** The demo directory's courts: Longshan district (吉0402) and Xi'an district (吉0403). */
export type DemoCourt = Exclude<DemoOrganizationKey, 'studio'>;

export const DEMO_COURT_CODES: Readonly<Record<DemoCourt, string>> = { longshan: '吉0402', xian: '吉0403' };

/**
 * A value in an intake or event body that only the seed knows: a story day as a legal date or an instant, a demo
 * account's or court's id, or a court document number whose year is that of its day.
 */
export type DemoMarker =
  | { readonly $date: number }
  | { readonly $instant: number; readonly at: string }
  | { readonly $user: DemoUsername }
  | { readonly $court: DemoCourt }
  | { readonly $docket: DemoCourt; readonly kind: string; readonly no: number; readonly day: number };

export type DemoValue = string | number | boolean | DemoMarker | readonly DemoValue[] | { readonly [key: string]: DemoValue };

export type DemoEventBody = { readonly type: CaseEventType } & { readonly [key: string]: DemoValue };

export type DemoAct =
  | { readonly kind: 'EVENT'; readonly body: DemoEventBody }
  /** The supervisor takes on every open alert of the case. */
  | { readonly kind: 'ACKNOWLEDGE_ALERTS' }
  /** The supervisor closes every unresolved alert of the case with a note. */
  | { readonly kind: 'RESOLVE_ALERTS'; readonly note: string }
  /** The case's mediator proposes hardship assistance (POST /api/cases/:id/assistance). */
  | { readonly kind: 'PROPOSE_ASSISTANCE'; readonly assistance: DemoAssistance }
  /** The supervisor approves every assistance record of the case still proposed. */
  | { readonly kind: 'APPROVE_ASSISTANCE'; readonly note: string };

/** A hardship assistance proposal; `givenOn` is a story day. */
export interface DemoAssistance {
  readonly applicantPosition?: number;
  readonly kind: AssistanceKind;
  readonly amount?: string;
  readonly givenOn: number;
  readonly note: string;
}

export interface DemoStep {
  /** Working days after the day of receipt (0 is that day). */
  readonly day: number;
  /** Local time in Liaoyuan, HH:MM. */
  readonly at: string;
  readonly by: DemoUsername;
  readonly act: DemoAct;
}

export type DemoStart =
  /** Received on the n-th working day before today. */
  | { readonly workingDaysAgo: number }
  /**
   * Received on the n-th working day before the last Lunar New Year's Day by which the whole story is over, or late in
   * a winter campaign just early enough to be over by today.
   */
  | { readonly workingDaysBeforeSpringFestival: number };

export interface DemoApplicant {
  readonly name: string;
  readonly idType: 'RESIDENT_ID';
  readonly idNumber: string;
  readonly phone: string;
  readonly employmentRelation: EmploymentRelation;
  /** FORMER only: the last day of work, in calendar days before the day of receipt. */
  readonly leftDaysBefore?: number;
  readonly migrantWorker: boolean;
  readonly isRepresentative: boolean;
}

export interface DemoRespondent {
  readonly name: string;
  readonly unifiedSocialCreditCode?: string;
  readonly legalRepresentative?: string;
  readonly contactName?: string;
  readonly contactPhone?: string;
  readonly address?: string;
  readonly projectName?: string;
  readonly generalContractor?: string;
}

export interface DemoClaim {
  readonly type: ClaimType;
  readonly amount?: string;
  readonly description: string;
}

export interface DemoCourtFile {
  readonly court: DemoCourt;
  /** The court's case number, e.g. 民初 1187 → （2026）吉0402民初1187号; delegated cases may have none. */
  readonly docket?: { readonly kind: string; readonly no: number };
  readonly procedure?: CourtProcedure;
}

/** What the desk took down at intake: POST /api/cases without the dates and ids the seed fills in. */
export interface DemoIntake {
  readonly source: CaseSource;
  readonly court?: DemoCourtFile;
  /** When the application (or the court's file) arrived on day 0, HH:MM. */
  readonly receivedAt: string;
  readonly registeredAt: string;
  readonly registeredBy: DemoUsername;
  readonly applicants: readonly DemoApplicant[];
  readonly respondent: DemoRespondent;
  readonly claims: readonly DemoClaim[];
  /** Defaults to the number of applicants. */
  readonly workerCount?: number;
  readonly arrearsMonths?: number;
  /** Calendar days before the day of receipt. */
  readonly knewDaysBefore: number;
  readonly riskFlags?: readonly RiskFlag[];
}

export interface DemoStory {
  readonly key: string;
  /** What happened, in a line, for whoever reads or debugs the seed. */
  readonly summary: string;
  /** The state the replay must end in; anything else is a bug in the story or the product. */
  readonly expect: CaseState;
  readonly start: DemoStart;
  readonly intake: DemoIntake;
  readonly steps: readonly DemoStep[];
}

// ---------------------------------------------------------------------------------------------------------------
// Made-up identities with valid check characters.

/** Lunar New Year's Day, the holiday migrant workers must be paid before (the winter campaign's "two zeros"). */
export const LUNAR_NEW_YEARS_DAYS: readonly string[] = [
  '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03', '2031-01-23', '2032-02-11',
];

/** GB/T 2260 codes: the four Liaoyuan districts and counties, and home counties of migrant workers. */
const REGION = {
  longshan: '220402',
  xian: '220403',
  dongfeng: '220421',
  dongliao: '220422',
  meihekou: '220581',
  huadian: '220282',
  yushu: '220182',
  baiquan: '230231',
} as const;

type Region = keyof typeof REGION;

/** A GB 32100 code of an enterprise registered in `region`, from nine made-up organisation-code characters. */
function uscc(region: Region, body: string): string {
  const first17 = `91${REGION[region]}${body}`;
  return first17 + usccCheckCharacter(first17);
}

interface PersonFacts {
  readonly employmentRelation?: EmploymentRelation;
  readonly leftDaysBefore?: number;
  readonly migrantWorker?: boolean;
  readonly isRepresentative?: boolean;
}

/**
 * The applicants of story `story`: resident IDs from their home region and birth date, with an order code whose parity
 * is their sex (GB 11643), and a Liaoyuan mobile.
 */
function applicantsOf(story: number, defaults: PersonFacts = {}) {
  let index = 0;
  return (name: string, sex: 'M' | 'F', born: string, region: Region, facts: PersonFacts = {}): DemoApplicant => {
    index += 1;
    const order = String(story * 20 + index * 2 - 1 + (sex === 'M' ? 0 : 1)).padStart(3, '0');
    const first17 = `${REGION[region]}${born}${order}`;
    const merged = { employmentRelation: 'FORMER' as const, migrantWorker: false, isRepresentative: false, ...defaults, ...facts };
    return {
      name,
      idType: 'RESIDENT_ID',
      idNumber: first17 + residentIdCheckCharacter(first17),
      phone: `13${5 + (story % 5)}0437${String(story * 100 + index).padStart(4, '0')}`,
      employmentRelation: merged.employmentRelation,
      ...(merged.employmentRelation === 'FORMER' ? { leftDaysBefore: merged.leftDaysBefore ?? 30 } : {}),
      migrantWorker: merged.migrantWorker,
      isRepresentative: merged.isRepresentative,
    };
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Steps.

const date = (day: number): DemoMarker => ({ $date: day });
const instant = (day: number, at: string): DemoMarker => ({ $instant: day, at });
const user = (username: DemoUsername): DemoMarker => ({ $user: username });
const court = (key: DemoCourt): DemoMarker => ({ $court: key });
const docket = (key: DemoCourt, kind: string, no: number, day: number): DemoMarker => ({ $docket: key, kind, no, day });

function event(day: number, at: string, by: DemoUsername, type: CaseEventType, payload: Record<string, DemoValue> = {}): DemoStep {
  return { day, at, by, act: { kind: 'EVENT', body: { type, ...payload } } };
}

const accept = (day: number, at: string, by: DemoUsername, note?: string) => event(day, at, by, 'ACCEPT', note === undefined ? {} : { note });
const assign = (day: number, at: string, mediator: DemoUsername, reason?: string) =>
  event(day, at, 'zhaomin', 'ASSIGN_MEDIATOR', { mediatorId: user(mediator), ...(reason === undefined ? {} : { reason }) });
const consent = (day: number, at: string, by: DemoUsername, channel: 'IN_PERSON' | 'PHONE' | 'WRITTEN' | 'ONLINE') =>
  event(day, at, by, 'RESPONDENT_CONSENTS', { consentedOn: date(day), channel });
const acknowledgeAlerts = (day: number, at: string): DemoStep => ({ day, at, by: 'zhaomin', act: { kind: 'ACKNOWLEDGE_ALERTS' } });
const resolveAlerts = (day: number, at: string, note: string): DemoStep => ({ day, at, by: 'zhaomin', act: { kind: 'RESOLVE_ALERTS', note } });
const proposeAssistance = (day: number, at: string, by: DemoUsername, assistance: DemoAssistance): DemoStep => ({
  day,
  at,
  by,
  act: { kind: 'PROPOSE_ASSISTANCE', assistance },
});
const approveAssistance = (day: number, at: string, note: string): DemoStep => ({ day, at, by: 'zhaomin', act: { kind: 'APPROVE_ASSISTANCE', note } });

interface SessionPlan {
  /** When the session was put in the diary. */
  readonly scheduled: readonly [day: number, at: string];
  readonly held: readonly [day: number, at: string];
  /** When the record was written, on the day it was held. */
  readonly recordedAt: string;
  readonly location: string;
  readonly summary: string;
  readonly withoutPrejudice?: boolean;
}

/** A mediation session: scheduled ahead, then held and written up by the assigned mediator. */
function session(by: DemoUsername, plan: SessionPlan): DemoStep[] {
  const [scheduledDay, scheduledAt] = plan.scheduled;
  const [heldDay, heldAt] = plan.held;
  return [
    event(scheduledDay, scheduledAt, by, 'SCHEDULE_SESSION', { at: instant(heldDay, heldAt), location: plan.location }),
    event(heldDay, plan.recordedAt, by, 'RECORD_SESSION', {
      heldAt: instant(heldDay, heldAt),
      summary: plan.summary,
      withoutPrejudice: plan.withoutPrejudice ?? false,
    }),
  ];
}

/** A session put in the diary for a day still ahead of the seed's today. */
const upcomingSession = (day: number, at: string, by: DemoUsername, sessionDay: number, sessionAt: string, location: string) =>
  event(day, at, by, 'SCHEDULE_SESSION', { at: instant(sessionDay, sessionAt), location });

type Item = readonly [kind: string, description: string, amount?: string];
type Instalment = readonly [day: number, amount: string];

interface TermsPlan {
  readonly facts: string;
  readonly disputedMatters: string;
  readonly items: readonly Item[];
  readonly schedule: readonly Instalment[];
  readonly waiverOfOtherClaims?: boolean;
  readonly defaultClause?: string;
  readonly collectiveConsentRecorded?: boolean;
}

function agree(day: number, at: string, by: DemoUsername, plan: TermsPlan): DemoStep {
  return event(day, at, by, 'REACH_AGREEMENT', {
    terms: {
      facts: plan.facts,
      disputedMatters: plan.disputedMatters,
      items: plan.items.map(([kind, description, amount]) => ({ kind, description, ...(amount === undefined ? {} : { amount }) })),
      schedule: plan.schedule.map(([dueDay, amount], index) => ({ no: index + 1, dueOn: date(dueDay), amount })),
      waiverOfOtherClaims: plan.waiverOfOtherClaims ?? true,
      defaultClause: plan.defaultClause ?? '被申请人逾期未支付任何一期款项的，申请人可就全部未付款项依法申请支付令或申请仲裁。',
      ...(plan.collectiveConsentRecorded === undefined ? {} : { collectiveConsentRecorded: plan.collectiveConsentRecorded }),
    },
  });
}

/** The four signatures: the mediator records the parties' and their own, the supervisor affixes the studio's seal. */
function signAll(day: number, mediator: DemoUsername, from = '10:00'): DemoStep[] {
  const [hours, minutes] = from.split(':').map(Number);
  const at = (offset: number) => {
    const total = hours * 60 + minutes + offset;
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  };
  return [
    event(day, at(0), mediator, 'SIGN', { party: 'APPLICANT' }),
    event(day, at(5), mediator, 'SIGN', { party: 'RESPONDENT' }),
    event(day, at(10), mediator, 'SIGN', { party: 'MEDIATOR' }),
    event(day, at(40), 'zhaomin', 'SIGN', { party: 'ORGANIZATION' }),
  ];
}

const pay = (day: number, at: string, by: DemoUsername, amountPaid: string, note?: string) =>
  event(day, at, by, 'RECORD_PERFORMANCE', { amountPaid, paidOn: date(day), ...(note === undefined ? {} : { note }) });
const performed = (day: number, at: string, by: DemoUsername, nonMonetaryDone?: boolean) =>
  event(day, at, by, 'PERFORMED_IN_FULL', nonMonetaryDone === undefined ? {} : { nonMonetaryDone });

/** A joint application for judicial confirmation; without a court, the referring court of a court case hears it. */
const applyForConfirmation = (day: number, at: string, by: DemoUsername, to?: DemoCourt) =>
  event(day, at, by, 'REQUEST_JUDICIAL_CONFIRMATION', { jointApplication: true, appliedOn: date(day), ...(to === undefined ? {} : { courtId: court(to) }) });

const LIAISON: Readonly<Record<DemoCourt, DemoUsername>> = { longshan: 'chenjing', xian: 'zhouqiang' };

const confirm = (day: number, at: string, by: DemoCourt, kind: string, no: number) =>
  event(day, at, LIAISON[by], 'CONFIRM_JUDICIALLY', { rulingNumber: docket(by, kind, no, day), ruledOn: date(day) });

const CLOSED_NOTE = '案件已办结，相关预警已核实处置完毕。';

// ---------------------------------------------------------------------------------------------------------------
// The employers.

const HENGTAI_HOSIERY: DemoRespondent = {
  name: '辽源市龙山区恒泰袜业有限公司',
  unifiedSocialCreditCode: uscc('longshan', 'MA0Y3K7B1'),
  legalRepresentative: '孟庆丰',
  contactName: '刘会计',
  contactPhone: '0437-3256718',
  address: '吉林省辽源市龙山区袜业园区纬一路8号',
};

const JINXIU_HOSIERY: DemoRespondent = {
  name: '辽源市西安区锦绣针织袜业有限公司',
  unifiedSocialCreditCode: uscc('xian', 'MA14D6Q2X'),
  legalRepresentative: '高洪彬',
  contactName: '人事主管于丽',
  contactPhone: '13904370821',
  address: '吉林省辽源市西安区安家街道东山路116号',
};

const RUIFENG_HOSIERY: DemoRespondent = {
  name: '辽源市龙山区瑞丰袜业制品厂',
  unifiedSocialCreditCode: uscc('longshan', '3H8N2A5C7'),
  legalRepresentative: '赵德胜',
  contactPhone: '13843712960',
  address: '吉林省辽源市龙山区西宁大路299号',
};

const DONGLIAO_HOSIERY: DemoRespondent = {
  name: '东辽县金鹿袜业有限公司',
  unifiedSocialCreditCode: uscc('dongliao', 'MA17LR4T9'),
  legalRepresentative: '崔志刚',
  contactPhone: '0437-6128840',
  address: '吉林省辽源市东辽县白泉镇工业集中区3号',
};

const HONGDA_LABOUR: DemoRespondent = {
  name: '东丰县宏达建筑劳务有限公司',
  unifiedSocialCreditCode: uscc('dongfeng', 'MA0Y8P1W3'),
  legalRepresentative: '王振山',
  contactName: '项目经理孙立军',
  contactPhone: '13596712408',
  address: '吉林省辽源市东丰县东丰镇新华街52号',
  projectName: '东丰县城南棚户区改造安置小区（二期）',
  generalContractor: '吉林省宏基建工集团有限公司',
};

const ANJU_CONSTRUCTION: DemoRespondent = {
  name: '东辽县安居建筑工程有限公司',
  unifiedSocialCreditCode: uscc('dongliao', 'MA13GK2E6'),
  legalRepresentative: '姜文斌',
  contactName: '项目负责人韩冬',
  contactPhone: '13756721930',
  address: '吉林省辽源市东辽县渭津镇育才路17号',
  projectName: '东辽县辽河源镇中心小学教学楼工程',
  generalContractor: '辽源市城建集团有限公司',
};

const XINGYE_CONSTRUCTION: DemoRespondent = {
  name: '辽源市兴业建筑安装有限公司',
  unifiedSocialCreditCode: uscc('longshan', 'MA0Y5T3N8'),
  legalRepresentative: '钱国华',
  contactName: '项目经理郑海',
  contactPhone: '13904371552',
  address: '吉林省辽源市龙山区向阳街道福民路36号',
  projectName: '龙山区东吉路老旧小区改造工程',
  generalContractor: '辽源市城建集团有限公司',
};

const XIANGYUN_DECORATION: DemoRespondent = {
  name: '辽源市西安区祥云装饰工程有限公司',
  unifiedSocialCreditCode: uscc('xian', 'MA15P7E2K'),
  legalRepresentative: '潘永利',
  contactPhone: '13578430216',
  address: '吉林省辽源市西安区仙城街道隆基路45号',
};

const ANTAI_PROPERTY: DemoRespondent = {
  name: '辽源市安泰物业服务有限公司',
  unifiedSocialCreditCode: uscc('xian', 'MA0Y2C9R4'),
  legalRepresentative: '曲海燕',
  contactName: '办公室主任张颖',
  contactPhone: '0437-3129905',
  address: '吉林省辽源市西安区灯塔街道灯塔路8号',
};

// ---------------------------------------------------------------------------------------------------------------
// The stories, by the state they end in.

const p01 = applicantsOf(1);
const p02 = applicantsOf(2);
const p03 = applicantsOf(3, { migrantWorker: true });
const p04 = applicantsOf(4);
const p05 = applicantsOf(5);
const p06 = applicantsOf(6);
const p07 = applicantsOf(7);
const p08 = applicantsOf(8, { migrantWorker: true });
const p09 = applicantsOf(9, { migrantWorker: true });
const p10 = applicantsOf(10);
const p11 = applicantsOf(11);
const p12 = applicantsOf(12);
const p13 = applicantsOf(13, { migrantWorker: true });
const p14 = applicantsOf(14);
const p15 = applicantsOf(15);
const p16 = applicantsOf(16, { migrantWorker: true });
const p17 = applicantsOf(17);
const p18 = applicantsOf(18, { migrantWorker: true, leftDaysBefore: 20 });
const p19 = applicantsOf(19);
const p20 = applicantsOf(20);
const p21 = applicantsOf(21);
const p22 = applicantsOf(22, { migrantWorker: true });
const p23 = applicantsOf(23, { migrantWorker: true, leftDaysBefore: 25 });
const p24 = applicantsOf(24);
const p25 = applicantsOf(25, { migrantWorker: true });
const p26 = applicantsOf(26);
const p27 = applicantsOf(27);
const p28 = applicantsOf(28);
const p29 = applicantsOf(29, { migrantWorker: true });
const p30 = applicantsOf(30);

const INTAKE: DemoStory[] = [
  {
    key: 'online-overtime-in-queue',
    summary: 'A hosiery knitter applies online for overtime pay and compensation; nobody has taken the case yet.',
    expect: 'intake.registered',
    start: { workingDaysAgo: 1 },
    intake: {
      source: 'ONLINE',
      receivedAt: '08:52',
      registeredAt: '09:20',
      registeredBy: 'liuyan',
      applicants: [p01('李秀梅', 'F', '19860417', 'longshan', { leftDaysBefore: 21 })],
      respondent: HENGTAI_HOSIERY,
      claims: [
        { type: 'OVERTIME', amount: '9360.00', description: '袜机挡车工，旺季每日工作12小时，近一年延时加班费未支付' },
        { type: 'ECONOMIC_COMPENSATION', amount: '14400.00', description: '公司以订单减少为由口头辞退，要求支付经济补偿' },
      ],
      knewDaysBefore: 21,
    },
    steps: [],
  },
  {
    key: 'walk-in-social-insurance-assigned',
    summary: 'A property-management cleaner asks for unpaid social insurance; the supervisor assigned it, acceptance pending.',
    expect: 'intake.registered',
    start: { workingDaysAgo: 1 },
    intake: {
      source: 'WALK_IN',
      receivedAt: '10:05',
      registeredAt: '10:25',
      registeredBy: 'zhaomin',
      applicants: [p02('王桂芝', 'F', '19690923', 'xian', { employmentRelation: 'CURRENT' })],
      respondent: ANTAI_PROPERTY,
      claims: [
        { type: 'SOCIAL_INSURANCE', description: '入职三年未缴纳养老、医疗保险，要求补缴' },
        { type: 'OTHER', description: '要求签订书面劳动合同' },
      ],
      knewDaysBefore: 40,
    },
    steps: [assign(0, '10:40', 'sunpeng', '孙鹏熟悉物业行业用工情况')],
  },
  {
    key: 'hotline-wages-awaiting-consent',
    summary: 'A 12351 call late in the day: the gang boss of a Dongliao school site vanished owing three months; the RED alert escalates overnight.',
    expect: 'intake.awaitingConsent',
    start: { workingDaysAgo: 2 },
    intake: {
      source: 'HOTLINE',
      receivedAt: '16:25',
      registeredAt: '16:40',
      registeredBy: 'wangjh',
      applicants: [p03('张国富', 'M', '19750308', 'baiquan', { leftDaysBefore: 12 })],
      respondent: ANJU_CONSTRUCTION,
      claims: [{ type: 'WAGE_ARREARS', amount: '27600.00', description: '钢筋工，工程已封顶，带班包工头已失联，拖欠三个月工资共27600元' }],
      arrearsMonths: 3,
      knewDaysBefore: 12,
      riskFlags: ['EMPLOYER_ABSCONDED'],
    },
    steps: [
      acknowledgeAlerts(1, '08:35'),
      accept(1, '09:10', 'wangjh', '已电话联系项目负责人韩冬，同意到工作室协商'),
    ],
  },
  {
    key: 'delegated-longshan-awaiting-consent',
    summary: 'Longshan court delegates a dismissed sock-dyeing worker’s claim before filing; waiting for the factory to agree to mediate.',
    expect: 'intake.awaitingConsent',
    start: { workingDaysAgo: 2 },
    intake: {
      source: 'COURT_DELEGATED',
      court: { court: 'longshan', docket: { kind: '民诉前调', no: 2417 } },
      receivedAt: '09:00',
      registeredAt: '09:40',
      registeredBy: 'zhaomin',
      applicants: [p04('刘振华', 'M', '19800614', 'longshan', { leftDaysBefore: 35 })],
      respondent: RUIFENG_HOSIERY,
      claims: [
        { type: 'ECONOMIC_COMPENSATION', amount: '21000.00', description: '工作七年，厂方单方解除劳动合同，要求支付经济补偿' },
        { type: 'OVERTIME', amount: '6800.00', description: '染色车间夜班加班费' },
      ],
      knewDaysBefore: 35,
    },
    steps: [assign(0, '09:50', 'liuyan'), accept(1, '09:30', 'liuyan', '法院委派诉前调解，材料齐全')],
  },
];

const MEDIATION: DemoStory[] = [
  {
    key: 'walk-in-compensation-active',
    summary: 'Two knitters laid off by a Xi’an hosiery mill; one session held, the next is in the diary.',
    expect: 'mediation.active',
    start: { workingDaysAgo: 4 },
    intake: {
      source: 'WALK_IN',
      receivedAt: '09:05',
      registeredAt: '09:20',
      registeredBy: 'sunpeng',
      applicants: [p05('陈丽娟', 'F', '19820211', 'xian', { leftDaysBefore: 18 }), p05('陈丽华', 'F', '19840527', 'xian', { leftDaysBefore: 18 })],
      respondent: JINXIU_HOSIERY,
      claims: [
        { type: 'ECONOMIC_COMPENSATION', amount: '16500.00', description: '陈丽娟工作五年半，被裁减未支付经济补偿' },
        { type: 'ECONOMIC_COMPENSATION', amount: '12000.00', description: '陈丽华工作四年，被裁减未支付经济补偿' },
      ],
      knewDaysBefore: 18,
    },
    steps: [
      accept(0, '09:40', 'sunpeng'),
      consent(1, '10:00', 'sunpeng', 'PHONE'),
      ...session('sunpeng', {
        scheduled: [1, '10:20'],
        held: [2, '09:30'],
        recordedAt: '11:40',
        location: '市总工会职工服务中心调解室',
        summary: '双方对工作年限无异议，公司认为属于协商解除，同意按工作年限的八成支付，申请人要求全额。',
      }),
      upcomingSession(2, '11:50', 'sunpeng', 5, '14:00', '市总工会职工服务中心调解室'),
    ],
  },
  {
    key: 'delegated-xian-active',
    summary: 'Xi’an court delegates a dispatched construction worker’s wage and employment-relationship claim; two sessions held.',
    expect: 'mediation.active',
    start: { workingDaysAgo: 8 },
    intake: {
      source: 'COURT_DELEGATED',
      court: { court: 'xian', docket: { kind: '民诉前调', no: 1893 } },
      receivedAt: '09:10',
      registeredAt: '09:45',
      registeredBy: 'zhaomin',
      applicants: [p06('孙德明', 'M', '19720901', 'xian', { employmentRelation: 'DISPATCHED' })],
      respondent: XINGYE_CONSTRUCTION,
      claims: [
        { type: 'LABOR_RELATIONSHIP', description: '劳务派遣至改造工程，要求确认与实际用工单位之间的用工责任' },
        { type: 'WAGE_ARREARS', amount: '9800.00', description: '两个月工资未付' },
      ],
      arrearsMonths: 2,
      knewDaysBefore: 50,
    },
    steps: [
      assign(0, '09:55', 'wangjh'),
      accept(1, '08:50', 'wangjh'),
      acknowledgeAlerts(1, '09:10'),
      consent(2, '15:20', 'wangjh', 'WRITTEN'),
      ...session('wangjh', {
        scheduled: [3, '09:00'],
        held: [4, '09:30'],
        recordedAt: '11:30',
        location: '西安区人民法院诉调对接工作室',
        summary: '派遣单位未到场，用工单位认可欠付工资数额，对用工责任有异议。',
      }),
      ...session('wangjh', {
        scheduled: [4, '11:40'],
        held: [6, '14:00'],
        recordedAt: '16:10',
        location: '西安区人民法院诉调对接工作室',
        summary: '派遣单位到场，三方同意先行支付工资，用工责任待核实派遣协议后再谈。',
        withoutPrejudice: true,
      }),
      upcomingSession(6, '16:20', 'wangjh', 9, '09:30', '西安区人民法院诉调对接工作室'),
    ],
  },
  {
    key: 'entrusted-longshan-active',
    summary: 'Longshan court entrusts a filed overtime suit (ordinary procedure) to the studio; first session held.',
    expect: 'mediation.active',
    start: { workingDaysAgo: 4 },
    intake: {
      source: 'COURT_ENTRUSTED',
      court: { court: 'longshan', docket: { kind: '民初', no: 3376 }, procedure: 'ORDINARY' },
      receivedAt: '08:40',
      registeredAt: '09:15',
      registeredBy: 'zhaomin',
      applicants: [p07('郭海燕', 'F', '19880730', 'dongfeng', { leftDaysBefore: 60 })],
      respondent: HENGTAI_HOSIERY,
      claims: [{ type: 'OVERTIME', amount: '11250.00', description: '定型车间连续两年每周工作六天，休息日加班费未付' }],
      knewDaysBefore: 60,
    },
    steps: [
      assign(0, '09:25', 'liuyan'),
      accept(0, '10:30', 'liuyan', '法院委托调解，审限内完成'),
      consent(1, '09:40', 'liuyan', 'IN_PERSON'),
      ...session('liuyan', {
        scheduled: [1, '10:00'],
        held: [2, '14:00'],
        recordedAt: '16:30',
        location: '龙山区人民法院诉调对接中心第二调解室',
        summary: '公司提供考勤记录，双方对加班天数争议较大，约定各自核对后再次调解。',
      }),
    ],
  },
  {
    key: 'hotline-threat-active',
    summary: 'A 12351 caller says he will climb the tower crane unless paid; RED at once, acknowledged within minutes, mediation under way.',
    expect: 'mediation.active',
    start: { workingDaysAgo: 3 },
    intake: {
      source: 'HOTLINE',
      receivedAt: '08:35',
      registeredAt: '08:50',
      registeredBy: 'wangjh',
      applicants: [p08('马立新', 'M', '19790412', 'huadian', { employmentRelation: 'CURRENT' })],
      respondent: XINGYE_CONSTRUCTION,
      claims: [{ type: 'WAGE_ARREARS', amount: '14000.00', description: '塔吊司机，两个月工资未发，扬言不给钱就爬塔吊' }],
      arrearsMonths: 2,
      knewDaysBefore: 30,
      riskFlags: ['EXTREME_ACT_THREAT'],
    },
    steps: [
      acknowledgeAlerts(0, '09:00'),
      accept(0, '09:05', 'wangjh', '已到现场稳控，通知总包单位'),
      consent(0, '11:30', 'wangjh', 'IN_PERSON'),
      ...session('wangjh', {
        scheduled: [0, '11:40'],
        held: [1, '09:00'],
        recordedAt: '11:00',
        location: '龙山区东吉路项目部会议室',
        summary: '总包单位承诺从农民工工资专用账户先行垫付，具体数额待劳务班组长核对工资表。',
      }),
      upcomingSession(1, '11:10', 'wangjh', 4, '09:00', '市总工会职工服务中心调解室'),
    ],
  },
  {
    key: 'injury-appraisal-suspended',
    summary: 'A scaffold fall on a Dongfeng site; mediation suspended while the disability grade is appraised, so the clock stands still.',
    expect: 'mediation.suspended',
    start: { workingDaysAgo: 7 },
    intake: {
      source: 'WALK_IN',
      receivedAt: '13:40',
      registeredAt: '14:00',
      registeredBy: 'liuyan',
      applicants: [p09('于长海', 'M', '19770126', 'dongfeng', { employmentRelation: 'CURRENT' })],
      respondent: HONGDA_LABOUR,
      claims: [
        { type: 'WORK_INJURY', description: '脚手架坠落致右腿骨折，已认定工伤，要求支付停工留薪期工资及一次性伤残补助' },
        { type: 'OTHER', amount: '8600.00', description: '垫付的医疗费' },
      ],
      knewDaysBefore: 75,
    },
    steps: [
      accept(0, '14:20', 'liuyan'),
      consent(1, '10:15', 'liuyan', 'PHONE'),
      ...session('liuyan', {
        scheduled: [1, '10:30'],
        held: [2, '09:30'],
        recordedAt: '11:20',
        location: '东丰县总工会职工服务站',
        summary: '双方同意以劳动能力鉴定结论作为计算一次性伤残补助金的依据。',
      }),
      event(3, '15:00', 'liuyan', 'SUSPEND', { reason: 'APPRAISAL', note: '申请人伤残等级待辽源市劳动能力鉴定委员会鉴定，鉴定期间不计入调解期限' }),
      // Still waiting for the supervisor: the desk shows it as proposed.
      proposeAssistance(4, '10:00', 'liuyan', {
        applicantPosition: 0,
        kind: 'RELIEF_FUNDS',
        amount: '1500.00',
        givenOn: 5,
        note: '申请人停工治疗期间无收入，妻子无业，申请临时困难救助',
      }),
    ],
  },
];

const AGREEMENT: DemoStory[] = [
  {
    key: 'labour-inspection-signing',
    summary: 'Labour inspection refers three sock packers owed two months; agreement drafted, the factory has not signed yet.',
    expect: 'agreement.signing',
    start: { workingDaysAgo: 5 },
    intake: {
      source: 'LABOR_INSPECTION',
      receivedAt: '10:10',
      registeredAt: '10:30',
      registeredBy: 'zhaomin',
      applicants: [
        p10('赵春玲', 'F', '19830315', 'dongliao', { employmentRelation: 'CURRENT' }),
        p10('周淑珍', 'F', '19780822', 'dongliao', { employmentRelation: 'CURRENT' }),
        p10('吴玉兰', 'F', '19900104', 'dongliao', { employmentRelation: 'CURRENT' }),
      ],
      respondent: DONGLIAO_HOSIERY,
      claims: [{ type: 'WAGE_ARREARS', amount: '19800.00', description: '包装车间三人两个月工资共19800元，劳动保障监察支队移送调解' }],
      arrearsMonths: 2,
      knewDaysBefore: 20,
    },
    steps: [
      assign(0, '10:40', 'sunpeng'),
      accept(0, '11:00', 'sunpeng'),
      acknowledgeAlerts(0, '11:10'),
      consent(1, '09:30', 'sunpeng', 'IN_PERSON'),
      ...session('sunpeng', {
        scheduled: [1, '09:45'],
        held: [2, '09:30'],
        recordedAt: '11:50',
        location: '东辽县总工会职工服务站',
        summary: '公司认可欠薪数额，提出分两期支付，申请人同意。',
      }),
      agree(3, '10:00', 'sunpeng', {
        facts: '申请人三人系被申请人包装车间在职职工，被申请人拖欠申请人两个月工资共计19800元。',
        disputedMatters: '欠付工资的支付期限。',
        items: [['WAGES', '支付拖欠的两个月工资', '19800.00']],
        schedule: [[6, '9900.00'], [12, '9900.00']],
      }),
      event(4, '09:30', 'sunpeng', 'SIGN', { party: 'APPLICANT' }),
      event(4, '09:35', 'sunpeng', 'SIGN', { party: 'MEDIATOR' }),
    ],
  },
  {
    key: 'walk-in-effective',
    summary: 'A Longshan knitter’s compensation settled in two instalments; the first is paid, the second is still to come.',
    expect: 'agreement.effective',
    start: { workingDaysAgo: 14 },
    intake: {
      source: 'WALK_IN',
      receivedAt: '09:30',
      registeredAt: '09:45',
      registeredBy: 'liuyan',
      applicants: [p11('杨淑华', 'F', '19810909', 'longshan', { leftDaysBefore: 25 })],
      respondent: HENGTAI_HOSIERY,
      claims: [
        { type: 'ECONOMIC_COMPENSATION', amount: '18000.00', description: '工作六年，公司停产搬迁解除劳动合同' },
        { type: 'WAGE_ARREARS', amount: '4200.00', description: '最后一个月工资' },
      ],
      arrearsMonths: 1,
      knewDaysBefore: 25,
    },
    steps: [
      accept(0, '10:00', 'liuyan'),
      consent(1, '14:00', 'liuyan', 'PHONE'),
      ...session('liuyan', {
        scheduled: [1, '14:10'],
        held: [2, '09:30'],
        recordedAt: '11:30',
        location: '市总工会职工服务中心调解室',
        summary: '公司同意支付经济补偿及工资，要求分期。',
      }),
      agree(4, '10:00', 'liuyan', {
        facts: '申请人在被申请人处工作六年，被申请人因停产搬迁解除劳动合同，尚欠最后一个月工资。',
        disputedMatters: '经济补偿数额及支付方式。',
        items: [['ECONOMIC_COMPENSATION', '解除劳动合同经济补偿', '18000.00'], ['WAGES', '最后一个月工资', '4200.00']],
        schedule: [[8, '10000.00'], [18, '12200.00']],
      }),
      ...signAll(5, 'liuyan'),
      pay(8, '15:00', 'liuyan', '10000.00', '银行转账'),
    ],
  },
  {
    key: 'entrusted-xian-simple-effective',
    summary: 'Xi’an court entrusts a small overtime suit under simple procedure; settled inside the 7-day period, payment due soon.',
    expect: 'agreement.effective',
    start: { workingDaysAgo: 6 },
    intake: {
      source: 'COURT_ENTRUSTED',
      court: { court: 'xian', docket: { kind: '民初', no: 2981 }, procedure: 'SIMPLE' },
      receivedAt: '08:45',
      registeredAt: '09:00',
      registeredBy: 'zhaomin',
      applicants: [p12('邹建军', 'M', '19851203', 'xian', { leftDaysBefore: 45 })],
      respondent: JINXIU_HOSIERY,
      claims: [{ type: 'OVERTIME', amount: '5400.00', description: '机修工法定节假日加班费' }],
      knewDaysBefore: 45,
    },
    steps: [
      assign(0, '09:10', 'wangjh'),
      accept(0, '09:30', 'wangjh'),
      consent(0, '14:30', 'wangjh', 'PHONE'),
      ...session('wangjh', {
        scheduled: [0, '14:40'],
        held: [1, '09:30'],
        recordedAt: '11:00',
        location: '西安区人民法院诉调对接工作室',
        summary: '公司认可节假日加班事实，同意一次性支付4800元。',
      }),
      agree(1, '11:10', 'wangjh', {
        facts: '申请人系被申请人原机修工，主张法定节假日加班费。',
        disputedMatters: '加班费数额。',
        items: [['WAGES', '法定节假日加班费', '4800.00']],
        schedule: [[9, '4800.00']],
      }),
      ...signAll(2, 'wangjh', '09:00'),
    ],
  },
  {
    key: 'delegated-longshan-judicial-review',
    summary: 'Four migrant plasterers’ wages settled in a case Longshan court delegated; both sides applied to that court for confirmation.',
    expect: 'agreement.judicialReview',
    start: { workingDaysAgo: 12 },
    intake: {
      source: 'COURT_DELEGATED',
      court: { court: 'longshan' },
      receivedAt: '09:20',
      registeredAt: '09:50',
      registeredBy: 'zhaomin',
      applicants: [
        p13('李长江', 'M', '19740218', 'yushu', { leftDaysBefore: 40 }),
        p13('李长河', 'M', '19760705', 'yushu', { leftDaysBefore: 40 }),
        p13('曹永胜', 'M', '19810830', 'yushu', { leftDaysBefore: 40 }),
        p13('田玉发', 'M', '19690511', 'yushu', { leftDaysBefore: 40 }),
      ],
      respondent: XINGYE_CONSTRUCTION,
      claims: [{ type: 'WAGE_ARREARS', amount: '31200.00', description: '抹灰班组四人两个月工资共31200元' }],
      arrearsMonths: 2,
      knewDaysBefore: 40,
    },
    steps: [
      assign(0, '10:00', 'wangjh'),
      accept(0, '10:20', 'wangjh'),
      acknowledgeAlerts(0, '10:30'),
      consent(1, '09:00', 'wangjh', 'IN_PERSON'),
      ...session('wangjh', {
        scheduled: [1, '09:20'],
        held: [2, '14:00'],
        recordedAt: '16:00',
        location: '龙山区人民法院诉调对接中心第一调解室',
        summary: '总包单位代发工资，劳务公司认可数额。',
      }),
      agree(4, '10:00', 'wangjh', {
        facts: '申请人四人在龙山区东吉路老旧小区改造工程从事抹灰作业，被申请人拖欠两个月工资共计31200元。',
        disputedMatters: '工资支付期限。',
        items: [['WAGES', '拖欠工资', '31200.00']],
        schedule: [[14, '31200.00']],
      }),
      ...signAll(5, 'wangjh'),
      applyForConfirmation(7, '10:00', 'wangjh'),
    ],
  },
  {
    key: 'online-xian-judicial-review',
    summary: 'An online application settled; the parties applied to Xi’an court, where the employer sits, for judicial confirmation.',
    expect: 'agreement.judicialReview',
    start: { workingDaysAgo: 10 },
    intake: {
      source: 'ONLINE',
      receivedAt: '07:55',
      registeredAt: '08:40',
      registeredBy: 'sunpeng',
      applicants: [p14('韩雪', 'F', '19920618', 'xian', { leftDaysBefore: 30 })],
      respondent: JINXIU_HOSIERY,
      claims: [
        { type: 'ECONOMIC_COMPENSATION', amount: '9000.00', description: '试用期满后被无故辞退' },
        { type: 'OVERTIME', amount: '2600.00', description: '电商客服夜班加班费' },
      ],
      knewDaysBefore: 30,
    },
    steps: [
      accept(0, '09:00', 'sunpeng'),
      consent(1, '10:30', 'sunpeng', 'ONLINE'),
      event(2, '09:00', 'sunpeng', 'SCHEDULE_SESSION', { at: instant(3, '14:00'), online: true }),
      event(3, '15:10', 'sunpeng', 'RECORD_SESSION', { heldAt: instant(3, '14:00'), summary: '线上调解，双方同意以8600元一次性解决。', withoutPrejudice: false }),
      agree(4, '10:00', 'sunpeng', {
        facts: '申请人系被申请人电商部客服，被申请人解除劳动合同，双方就经济补偿和加班费协商一致。',
        disputedMatters: '解除是否合法及经济补偿数额。',
        items: [['ECONOMIC_COMPENSATION', '经济补偿及加班费一次性了结', '8600.00']],
        schedule: [[15, '8600.00']],
      }),
      ...signAll(5, 'sunpeng'),
      applyForConfirmation(8, '09:30', 'sunpeng', 'xian'),
    ],
  },
  {
    key: 'delegated-xian-confirmed',
    summary: 'A delegated wage case confirmed by Xi’an court; the first instalment was paid, the second falls due after today.',
    expect: 'agreement.confirmed',
    start: { workingDaysAgo: 30 },
    intake: {
      source: 'COURT_DELEGATED',
      court: { court: 'xian', docket: { kind: '民诉前调', no: 1542 } },
      receivedAt: '09:00',
      registeredAt: '09:30',
      registeredBy: 'zhaomin',
      applicants: [p15('高玉梅', 'F', '19790227', 'xian', { leftDaysBefore: 28 })],
      respondent: JINXIU_HOSIERY,
      claims: [
        { type: 'WAGE_ARREARS', amount: '7600.00', description: '两个月工资' },
        { type: 'ECONOMIC_COMPENSATION', amount: '15200.00', description: '工作八年，解除劳动合同经济补偿' },
      ],
      arrearsMonths: 2,
      knewDaysBefore: 28,
    },
    steps: [
      assign(0, '09:40', 'liuyan'),
      accept(0, '10:00', 'liuyan'),
      consent(1, '15:00', 'liuyan', 'WRITTEN'),
      ...session('liuyan', {
        scheduled: [1, '15:10'],
        held: [3, '09:30'],
        recordedAt: '11:30',
        location: '西安区人民法院诉调对接工作室',
        summary: '公司同意支付，要求分两期。',
      }),
      agree(5, '10:00', 'liuyan', {
        facts: '申请人在被申请人处工作八年，被申请人拖欠两个月工资并解除劳动合同。',
        disputedMatters: '经济补偿数额及支付期限。',
        items: [['WAGES', '拖欠工资', '7600.00'], ['ECONOMIC_COMPENSATION', '经济补偿', '14000.00']],
        schedule: [[12, '10800.00'], [34, '10800.00']],
      }),
      ...signAll(6, 'liuyan'),
      applyForConfirmation(8, '09:30', 'liuyan'),
      pay(12, '14:00', 'liuyan', '10800.00', '银行转账至申请人账户'),
      confirm(15, '10:00', 'xian', '民特', 318),
    ],
  },
  {
    key: 'hotline-defaulted',
    summary: 'A Dongfeng labour subcontractor agreed to pay a bricklayer in two parts and missed the first; default reported.',
    expect: 'agreement.defaulted',
    start: { workingDaysAgo: 14 },
    intake: {
      source: 'HOTLINE',
      receivedAt: '15:30',
      registeredAt: '15:50',
      registeredBy: 'wangjh',
      applicants: [p16('董宝山', 'M', '19710309', 'dongfeng', { leftDaysBefore: 33 })],
      respondent: HONGDA_LABOUR,
      claims: [{ type: 'WAGE_ARREARS', amount: '12800.00', description: '瓦工，两个月工资未结' }],
      arrearsMonths: 2,
      knewDaysBefore: 33,
    },
    steps: [
      accept(0, '16:10', 'wangjh'),
      acknowledgeAlerts(0, '16:30'),
      consent(1, '09:40', 'wangjh', 'PHONE'),
      agree(2, '15:00', 'wangjh', {
        facts: '申请人在东丰县城南棚户区改造安置小区从事瓦工，被申请人拖欠两个月工资12800元。',
        disputedMatters: '支付期限。',
        items: [['WAGES', '拖欠工资', '12800.00']],
        schedule: [[6, '6400.00'], [20, '6400.00']],
      }),
      ...signAll(3, 'wangjh'),
      event(8, '10:00', 'wangjh', 'REPORT_DEFAULT', { note: '第一期款项到期未付，电话联系王振山未接听' }),
    ],
  },
  {
    key: 'walk-in-confirmed-then-defaulted',
    summary: 'A closing Longshan sock workshop’s agreement was confirmed by the court, then it stopped paying: enforcement is open.',
    expect: 'agreement.defaulted',
    start: { workingDaysAgo: 26 },
    intake: {
      source: 'WALK_IN',
      receivedAt: '09:15',
      registeredAt: '09:30',
      registeredBy: 'liuyan',
      applicants: [p17('许国庆', 'M', '19731001', 'longshan', { leftDaysBefore: 15 }), p17('许丽', 'F', '19750612', 'longshan', { leftDaysBefore: 15 })],
      respondent: RUIFENG_HOSIERY,
      claims: [
        { type: 'WAGE_ARREARS', amount: '22800.00', description: '夫妻二人三个月工资' },
        { type: 'ECONOMIC_COMPENSATION', amount: '26000.00', description: '工厂关停，解除劳动合同经济补偿' },
      ],
      arrearsMonths: 3,
      knewDaysBefore: 15,
      riskFlags: ['EMPLOYER_CLOSING'],
    },
    steps: [
      accept(0, '09:50', 'liuyan'),
      consent(1, '10:00', 'liuyan', 'IN_PERSON'),
      ...session('liuyan', {
        scheduled: [1, '10:15'],
        held: [2, '09:00'],
        recordedAt: '11:30',
        location: '市总工会职工服务中心调解室',
        summary: '厂方称设备变卖后分期支付，申请人要求申请司法确认以保障履行。',
      }),
      agree(3, '10:00', 'liuyan', {
        facts: '被申请人因经营困难关停，拖欠申请人二人三个月工资并解除劳动合同。',
        disputedMatters: '经济补偿数额及支付期限。',
        items: [['WAGES', '拖欠工资', '22800.00'], ['ECONOMIC_COMPENSATION', '经济补偿', '24000.00']],
        schedule: [[9, '15600.00'], [16, '15600.00'], [32, '15600.00']],
      }),
      ...signAll(4, 'liuyan'),
      applyForConfirmation(5, '09:30', 'liuyan', 'longshan'),
      pay(9, '16:00', 'liuyan', '15600.00'),
      confirm(10, '10:00', 'longshan', '民特', 527),
      event(18, '09:30', 'liuyan', 'REPORT_DEFAULT', { note: '第二期到期未付，厂房已停产，建议申请强制执行并申请财产保全' }),
      acknowledgeAlerts(18, '10:00'),
    ],
  },
];

const CLOSED: DemoStory[] = [
  {
    key: 'collective-spring-festival-wages',
    summary: 'Sixteen migrant workers of a Dongfeng resettlement project owed three months before Spring Festival; paid in full before the eve.',
    expect: 'closed.resolved',
    start: { workingDaysBeforeSpringFestival: 12 },
    intake: {
      source: 'WALK_IN',
      receivedAt: '08:40',
      registeredAt: '09:20',
      registeredBy: 'zhaomin',
      applicants: [
        p18('刘建国', 'M', '19700315', 'dongfeng', { isRepresentative: true }),
        p18('陈志强', 'M', '19740822', 'dongfeng', { isRepresentative: true }),
        p18('赵洪亮', 'M', '19790106', 'meihekou', { isRepresentative: true }),
        p18('孙永军', 'M', '19720519', 'dongfeng'),
        p18('周大勇', 'M', '19810227', 'dongfeng'),
        p18('吴春生', 'M', '19680930', 'meihekou'),
        p18('郑福林', 'M', '19760414', 'meihekou'),
        p18('王喜才', 'M', '19850702', 'dongliao'),
        p18('冯占武', 'M', '19711111', 'dongliao'),
        p18('褚立新', 'M', '19830608', 'yushu'),
        p18('卫红军', 'M', '19770823', 'yushu'),
        p18('蒋宝贵', 'M', '19660317', 'baiquan'),
        p18('沈金山', 'M', '19820125', 'baiquan'),
        p18('韩秀英', 'F', '19750910', 'dongfeng'),
        p18('杨桂兰', 'F', '19780404', 'dongfeng'),
        p18('朱长友', 'M', '19730716', 'huadian'),
      ],
      respondent: HONGDA_LABOUR,
      claims: [{ type: 'WAGE_ARREARS', amount: '412800.00', description: '十六名农民工在安置小区二期从事木工、瓦工、钢筋作业，三个月工资共412800元，春节前无钱回家' }],
      arrearsMonths: 3,
      knewDaysBefore: 20,
      riskFlags: ['HARDSHIP'],
    },
    steps: [
      acknowledgeAlerts(0, '09:30'),
      assign(0, '09:35', 'wangjh', '集体案件，由王建华主办'),
      accept(0, '09:50', 'wangjh', '集体欠薪，春节前重点督办；已通报住建局和人社局劳动保障监察支队'),
      consent(0, '15:30', 'wangjh', 'IN_PERSON'),
      ...session('wangjh', {
        scheduled: [0, '15:40'],
        held: [1, '09:00'],
        recordedAt: '12:00',
        location: '东丰县城南棚户区改造安置小区项目部',
        summary: '总承包单位同意动用农民工工资保证金和专用账户资金，劳务公司对工资表无异议，代表人征求了全体工人意见。',
      }),
      proposeAssistance(1, '14:00', 'wangjh', {
        kind: 'FESTIVAL_CONDOLENCE',
        amount: '6400.00',
        givenOn: 4,
        note: '春节前到安置小区项目部走访慰问十六名农民工，每人慰问金400元',
      }),
      proposeAssistance(1, '14:10', 'wangjh', {
        applicantPosition: 13,
        kind: 'RELIEF_FUNDS',
        amount: '2000.00',
        givenOn: 4,
        note: '韩秀英丈夫重病住院，两个孩子上学，欠薪期间家庭生活困难，申请困难职工帮扶金',
      }),
      approveAssistance(1, '16:30', '春节前困难职工帮扶，经工会研究同意'),
      agree(2, '10:00', 'wangjh', {
        facts: '申请人十六人受被申请人招用，在东丰县城南棚户区改造安置小区（二期）从事木工、瓦工、钢筋作业，被申请人拖欠三个月工资共计412800元。',
        disputedMatters: '欠薪数额及春节前的支付安排。',
        items: [['WAGES', '拖欠工资，通过农民工工资专用账户直接发放至每名工人银行卡', '412800.00']],
        schedule: [[4, '206400.00'], [8, '206400.00']],
        defaultClause: '逾期未付的，由总承包单位吉林省宏基建工集团有限公司依法先行清偿；申请人可就未付部分申请支付令。本案如需司法确认，向东丰县人民法院（吉0421）申请。',
        collectiveConsentRecorded: true,
      }),
      ...signAll(3, 'wangjh', '14:00'),
      pay(4, '15:00', 'wangjh', '206400.00', '工资专用账户代发'),
      pay(8, '11:00', 'wangjh', '206400.00', '工资保证金代发'),
      performed(8, '11:30', 'wangjh'),
      resolveAlerts(8, '16:00', '十六名农民工工资已于春节前全部发放到位，风险化解。'),
    ],
  },
  {
    key: 'delegated-longshan-extended-resolved',
    summary: 'A delegated overtime case extended by ten days with both parties’ consent, confirmed by Longshan court and paid.',
    expect: 'closed.resolved',
    start: { workingDaysAgo: 235 },
    intake: {
      source: 'COURT_DELEGATED',
      court: { court: 'longshan', docket: { kind: '民诉前调', no: 388 } },
      receivedAt: '09:00',
      registeredAt: '09:30',
      registeredBy: 'zhaomin',
      applicants: [p19('田秀云', 'F', '19870519', 'longshan', { leftDaysBefore: 40 })],
      respondent: HENGTAI_HOSIERY,
      claims: [
        { type: 'OVERTIME', amount: '13600.00', description: '两年延时加班费' },
        { type: 'ECONOMIC_COMPENSATION', amount: '9600.00', description: '被迫解除劳动合同经济补偿' },
      ],
      knewDaysBefore: 40,
    },
    steps: [
      assign(0, '09:40', 'sunpeng'),
      accept(0, '10:00', 'sunpeng'),
      consent(1, '10:00', 'sunpeng', 'PHONE'),
      ...session('sunpeng', {
        scheduled: [1, '10:10'],
        held: [3, '09:30'],
        recordedAt: '11:30',
        location: '龙山区人民法院诉调对接中心第一调解室',
        summary: '对加班时长争议大，公司需调取打卡记录。',
      }),
      event(12, '10:00', 'sunpeng', 'EXTEND', { days: 10, applicantConsents: true, respondentConsents: true, note: '公司调取打卡记录需时，双方同意延长调解期限' }),
      ...session('sunpeng', {
        scheduled: [12, '10:10'],
        held: [14, '09:30'],
        recordedAt: '11:30',
        location: '龙山区人民法院诉调对接中心第一调解室',
        summary: '核对打卡记录后双方达成一致。',
      }),
      agree(16, '10:00', 'sunpeng', {
        facts: '申请人系被申请人原挡车工，主张延时加班费及经济补偿。',
        disputedMatters: '加班时长及经济补偿。',
        items: [['WAGES', '延时加班费', '11000.00'], ['ECONOMIC_COMPENSATION', '经济补偿', '9600.00']],
        schedule: [[28, '20600.00']],
      }),
      ...signAll(17, 'sunpeng'),
      applyForConfirmation(18, '09:30', 'sunpeng'),
      confirm(24, '10:00', 'longshan', '民特', 96),
      pay(28, '10:00', 'sunpeng', '20600.00'),
      performed(28, '10:30', 'sunpeng'),
      resolveAlerts(28, '15:00', CLOSED_NOTE),
    ],
  },
  {
    key: 'entrusted-longshan-mediation-statement',
    summary: 'A filed suit entrusted by Longshan court settles; the court issues its mediation statement and the mill pays.',
    expect: 'closed.resolved',
    start: { workingDaysAgo: 218 },
    intake: {
      source: 'COURT_ENTRUSTED',
      court: { court: 'longshan', docket: { kind: '民初', no: 1187 }, procedure: 'ORDINARY' },
      receivedAt: '08:50',
      registeredAt: '09:20',
      registeredBy: 'zhaomin',
      applicants: [p20('蔡文静', 'F', '19910303', 'longshan', { leftDaysBefore: 70 })],
      respondent: RUIFENG_HOSIERY,
      claims: [
        { type: 'OVERTIME', amount: '6200.00', description: '休息日加班费' },
        { type: 'ECONOMIC_COMPENSATION', amount: '7500.00', description: '违法解除劳动合同' },
      ],
      knewDaysBefore: 70,
    },
    steps: [
      assign(0, '09:30', 'liuyan'),
      accept(0, '09:50', 'liuyan'),
      consent(1, '09:20', 'liuyan', 'IN_PERSON'),
      ...session('liuyan', {
        scheduled: [1, '09:30'],
        held: [2, '14:00'],
        recordedAt: '16:00',
        location: '龙山区人民法院诉调对接中心第二调解室',
        summary: '双方同意以12000元了结全部争议。',
      }),
      agree(4, '10:00', 'liuyan', {
        facts: '申请人诉被申请人劳动争议一案，经法院委托调解。',
        disputedMatters: '加班费及经济补偿。',
        items: [['ECONOMIC_COMPENSATION', '经济补偿及加班费', '12000.00']],
        schedule: [[10, '12000.00']],
      }),
      ...signAll(5, 'liuyan'),
      event(6, '09:30', 'liuyan', 'REQUEST_JUDICIAL_CONFIRMATION', {}),
      // A filed case's mediation statement carries the court's own case number.
      event(9, '10:00', 'chenjing', 'CONFIRM_JUDICIALLY', { rulingNumber: docket('longshan', '民初', 1187, 0), ruledOn: date(9) }),
      pay(10, '11:00', 'liuyan', '12000.00'),
      performed(10, '11:20', 'liuyan'),
      resolveAlerts(10, '15:00', CLOSED_NOTE),
    ],
  },
  {
    key: 'walk-in-lump-sum-resolved',
    summary: 'An overtime claim settled at the first meeting and paid three days later.',
    expect: 'closed.resolved',
    start: { workingDaysAgo: 196 },
    intake: {
      source: 'WALK_IN',
      receivedAt: '09:10',
      registeredAt: '09:25',
      registeredBy: 'sunpeng',
      applicants: [p21('石磊', 'M', '19930817', 'xian', { leftDaysBefore: 20 })],
      respondent: JINXIU_HOSIERY,
      claims: [{ type: 'OVERTIME', amount: '3900.00', description: '旺季加班费' }],
      knewDaysBefore: 20,
    },
    steps: [
      accept(0, '09:40', 'sunpeng'),
      consent(0, '14:00', 'sunpeng', 'IN_PERSON'),
      ...session('sunpeng', {
        scheduled: [0, '14:10'],
        held: [1, '09:30'],
        recordedAt: '10:40',
        location: '市总工会职工服务中心调解室',
        summary: '公司人事主管到场，同意全额支付。',
      }),
      agree(1, '11:00', 'sunpeng', {
        facts: '申请人系被申请人原包装工，主张旺季加班费3900元。',
        disputedMatters: '无实质争议，支付时间。',
        items: [['WAGES', '加班费', '3900.00']],
        schedule: [[4, '3900.00']],
      }),
      ...signAll(1, 'sunpeng', '11:10'),
      pay(4, '10:00', 'sunpeng', '3900.00'),
      performed(4, '10:10', 'sunpeng'),
      resolveAlerts(4, '15:00', CLOSED_NOTE),
    ],
  },
  {
    key: 'written-injury-appraisal-resolved',
    summary: 'A written application after a fall on a Dongliao school site: suspended for the disability appraisal, resumed and settled.',
    expect: 'closed.resolved',
    start: { workingDaysAgo: 176 },
    intake: {
      source: 'WRITTEN',
      receivedAt: '10:00',
      registeredAt: '10:30',
      registeredBy: 'liuyan',
      applicants: [p22('鲁德胜', 'M', '19700721', 'dongliao', { employmentRelation: 'CURRENT' })],
      respondent: ANJU_CONSTRUCTION,
      claims: [
        { type: 'WORK_INJURY', description: '模板工，从二层坠落致腰椎骨折，已认定工伤，单位未参加工伤保险' },
        { type: 'OTHER', amount: '12600.00', description: '医疗费' },
      ],
      knewDaysBefore: 90,
    },
    steps: [
      accept(0, '11:00', 'liuyan'),
      consent(1, '14:00', 'liuyan', 'WRITTEN'),
      event(3, '10:00', 'liuyan', 'SUSPEND', { reason: 'APPRAISAL', note: '等待劳动能力鉴定结论' }),
      proposeAssistance(4, '10:00', 'liuyan', {
        applicantPosition: 0,
        kind: 'LEGAL_AID',
        givenOn: 4,
        note: '协助申请人申请法律援助，由东辽县法律援助中心指派律师代理劳动能力鉴定和工伤待遇事宜',
      }),
      proposeAssistance(4, '10:10', 'liuyan', {
        applicantPosition: 0,
        kind: 'MEDICAL_MUTUAL_AID',
        amount: '3000.00',
        givenOn: 5,
        note: '单位未参加工伤保险，医疗费由家庭垫付，申请职工医疗互助金',
      }),
      approveAssistance(5, '09:00', '符合职工医疗互助和法律援助条件，同意'),
      event(23, '09:30', 'liuyan', 'RESUME', { note: '鉴定结论：十级伤残' }),
      ...session('liuyan', {
        scheduled: [23, '09:40'],
        held: [24, '09:30'],
        recordedAt: '12:00',
        location: '东辽县总工会职工服务站',
        summary: '按十级伤残标准计算，公司同意分两期支付。',
      }),
      agree(25, '10:00', 'liuyan', {
        facts: '申请人在被申请人承建的辽河源镇中心小学教学楼工程受伤，经认定为工伤、鉴定为十级伤残，被申请人未为其参加工伤保险。',
        disputedMatters: '工伤待遇数额。',
        items: [['WORK_INJURY_MEDICAL', '医疗费', '12600.00'], ['DAMAGES', '一次性伤残补助金等工伤保险待遇', '38400.00']],
        schedule: [[30, '25500.00'], [40, '25500.00']],
      }),
      ...signAll(26, 'liuyan'),
      pay(30, '10:00', 'liuyan', '25500.00'),
      pay(40, '10:00', 'liuyan', '25500.00'),
      performed(40, '10:20', 'liuyan'),
      resolveAlerts(40, '15:00', CLOSED_NOTE),
    ],
  },
  {
    key: 'labour-inspection-wages-resolved',
    summary: 'Labour inspection refers six migrant labourers of a Longshan renovation site; paid in two instalments.',
    expect: 'closed.resolved',
    start: { workingDaysAgo: 150 },
    intake: {
      source: 'LABOR_INSPECTION',
      receivedAt: '13:30',
      registeredAt: '14:00',
      registeredBy: 'zhaomin',
      applicants: [
        p23('肖长林', 'M', '19750201', 'huadian'),
        p23('肖长春', 'M', '19780918', 'huadian'),
        p23('邓永福', 'M', '19720427', 'huadian'),
        p23('彭国才', 'M', '19690813', 'yushu'),
        p23('曾凡军', 'M', '19800505', 'yushu'),
        p23('苏海峰', 'M', '19870129', 'baiquan'),
      ],
      respondent: XINGYE_CONSTRUCTION,
      claims: [{ type: 'WAGE_ARREARS', amount: '46800.00', description: '六人两个月工资' }],
      arrearsMonths: 2,
      knewDaysBefore: 25,
    },
    steps: [
      assign(0, '14:10', 'sunpeng'),
      accept(0, '14:30', 'sunpeng'),
      consent(1, '09:00', 'sunpeng', 'IN_PERSON'),
      ...session('sunpeng', {
        scheduled: [1, '09:10'],
        held: [2, '09:00'],
        recordedAt: '11:00',
        location: '龙山区东吉路项目部会议室',
        summary: '总包单位监督劳务公司分两期支付。',
      }),
      agree(2, '11:30', 'sunpeng', {
        facts: '申请人六人在龙山区东吉路老旧小区改造工程务工，被申请人拖欠两个月工资共计46800元。',
        disputedMatters: '支付期限。',
        items: [['WAGES', '拖欠工资', '46800.00']],
        schedule: [[5, '23400.00'], [10, '23400.00']],
      }),
      ...signAll(3, 'sunpeng'),
      pay(5, '15:00', 'sunpeng', '23400.00'),
      pay(10, '15:00', 'sunpeng', '23400.00'),
      performed(10, '15:20', 'sunpeng'),
      resolveAlerts(10, '16:00', CLOSED_NOTE),
    ],
  },
  {
    key: 'online-confirmation-refused-then-resolved',
    summary: 'Xi’an court refused to confirm an agreement waiving social insurance; re-mediated with the contributions paid, then performed.',
    expect: 'closed.resolved',
    start: { workingDaysAgo: 128 },
    intake: {
      source: 'ONLINE',
      receivedAt: '08:20',
      registeredAt: '08:50',
      registeredBy: 'wangjh',
      applicants: [p24('邱晓东', 'M', '19890321', 'xian', { leftDaysBefore: 30 })],
      respondent: JINXIU_HOSIERY,
      claims: [
        { type: 'ECONOMIC_COMPENSATION', amount: '10500.00', description: '解除劳动合同经济补偿' },
        { type: 'SOCIAL_INSURANCE', description: '最后一年社会保险费未缴' },
      ],
      knewDaysBefore: 30,
    },
    steps: [
      accept(0, '09:10', 'wangjh'),
      consent(1, '09:30', 'wangjh', 'ONLINE'),
      agree(2, '15:00', 'wangjh', {
        facts: '申请人与被申请人解除劳动合同，被申请人未缴纳最后一年社会保险费。',
        disputedMatters: '经济补偿及社会保险费。',
        items: [['ECONOMIC_COMPENSATION', '经济补偿（申请人放弃社会保险费主张）', '10500.00']],
        schedule: [[12, '10500.00']],
      }),
      ...signAll(3, 'wangjh'),
      applyForConfirmation(4, '09:30', 'wangjh', 'xian'),
      event(8, '10:00', 'zhouqiang', 'REFUSE_CONFIRMATION', { reason: '协议约定放弃缴纳社会保险费，违反法律强制性规定', ruledOn: date(8) }),
      ...session('wangjh', {
        scheduled: [8, '14:00'],
        held: [9, '09:30'],
        recordedAt: '11:00',
        location: '市总工会职工服务中心调解室',
        summary: '公司同意为申请人补缴社会保险费。',
      }),
      agree(9, '11:30', 'wangjh', {
        facts: '申请人与被申请人解除劳动合同，被申请人未缴纳最后一年社会保险费。',
        disputedMatters: '经济补偿及社会保险费补缴。',
        items: [['ECONOMIC_COMPENSATION', '经济补偿', '10500.00'], ['NON_MONETARY', '为申请人补缴最后一年社会保险费']],
        schedule: [[14, '10500.00']],
      }),
      ...signAll(10, 'wangjh'),
      pay(14, '10:00', 'wangjh', '10500.00'),
      performed(16, '10:00', 'wangjh', true),
      resolveAlerts(16, '15:00', CLOSED_NOTE),
    ],
  },
  {
    key: 'hotline-period-expired',
    summary: 'The subcontractor consented, then stopped answering; the mediation period ran out and the system closed the case.',
    expect: 'closed.failed',
    start: { workingDaysAgo: 108 },
    intake: {
      source: 'HOTLINE',
      receivedAt: '10:40',
      registeredAt: '11:00',
      registeredBy: 'wangjh',
      applicants: [p25('谭振江', 'M', '19760601', 'meihekou', { leftDaysBefore: 50 })],
      respondent: HONGDA_LABOUR,
      claims: [{ type: 'WAGE_ARREARS', amount: '15600.00', description: '木工，两个月工资' }],
      arrearsMonths: 2,
      knewDaysBefore: 50,
    },
    steps: [
      accept(0, '11:20', 'wangjh'),
      consent(1, '10:00', 'wangjh', 'PHONE'),
      ...session('wangjh', {
        scheduled: [1, '10:10'],
        held: [3, '09:30'],
        recordedAt: '10:30',
        location: '东丰县总工会职工服务站',
        summary: '被申请人未到场，电话无法接通。',
      }),
      resolveAlerts(24, '09:30', '调解期限届满未达成协议，已告知申请人在仲裁时效内向劳动人事争议仲裁委员会申请仲裁。'),
    ],
  },
  {
    key: 'delegated-xian-mediation-failed',
    summary: 'Whether there was an employment relationship at all stays in dispute; mediation fails and Xi’an court files the case.',
    expect: 'closed.failed',
    start: { workingDaysAgo: 95 },
    intake: {
      source: 'COURT_DELEGATED',
      court: { court: 'xian', docket: { kind: '民诉前调', no: 1021 } },
      receivedAt: '09:00',
      registeredAt: '09:30',
      registeredBy: 'zhaomin',
      applicants: [p26('廖春雨', 'F', '19940808', 'xian', { employmentRelation: 'UNCERTAIN' })],
      respondent: JINXIU_HOSIERY,
      claims: [
        { type: 'LABOR_RELATIONSHIP', description: '居家为公司缝头加工，要求确认劳动关系' },
        { type: 'ECONOMIC_COMPENSATION', amount: '6000.00', description: '经济补偿' },
      ],
      knewDaysBefore: 60,
    },
    steps: [
      assign(0, '09:40', 'liuyan'),
      accept(0, '10:00', 'liuyan'),
      consent(1, '10:00', 'liuyan', 'WRITTEN'),
      ...session('liuyan', {
        scheduled: [1, '10:10'],
        held: [3, '09:30'],
        recordedAt: '11:30',
        location: '西安区人民法院诉调对接工作室',
        summary: '公司主张系计件加工承揽关系。',
      }),
      ...session('liuyan', {
        scheduled: [3, '11:40'],
        held: [7, '09:30'],
        recordedAt: '11:30',
        location: '西安区人民法院诉调对接工作室',
        summary: '双方对劳动关系是否成立分歧较大，无法达成一致。',
      }),
      event(8, '10:00', 'liuyan', 'MEDIATION_FAILED', { reason: 'IRRECONCILABLE', note: '争议焦点为劳动关系是否成立，建议法院依法立案审理' }),
      resolveAlerts(8, '15:00', CLOSED_NOTE),
    ],
  },
  {
    key: 'walk-in-respondent-refused',
    summary: 'The decoration company refused mediation and wants arbitration; the limitation watch follows the worker afterwards.',
    expect: 'closed.failed',
    start: { workingDaysAgo: 80 },
    intake: {
      source: 'WALK_IN',
      receivedAt: '14:20',
      registeredAt: '14:40',
      registeredBy: 'sunpeng',
      applicants: [p27('贺立伟', 'M', '19860215', 'xian', { leftDaysBefore: 235 })],
      respondent: XIANGYUN_DECORATION,
      claims: [{ type: 'WAGE_ARREARS', amount: '5200.00', description: '油工，最后一个月工资' }],
      arrearsMonths: 1,
      knewDaysBefore: 235,
    },
    steps: [
      accept(0, '15:00', 'sunpeng'),
      event(2, '10:00', 'sunpeng', 'RESPONDENT_REFUSES', { reason: 'REFUSED', note: '被申请人表示不同意调解，愿直接参加仲裁' }),
      resolveAlerts(2, '15:00', '被申请人拒绝调解，已告知申请人仲裁时效。'),
    ],
  },
  {
    key: 'hotline-rejected-already-in-arbitration',
    summary: 'The caller had already applied for arbitration, so the studio does not take the case.',
    expect: 'closed.rejected',
    start: { workingDaysAgo: 64 },
    intake: {
      source: 'HOTLINE',
      receivedAt: '11:10',
      registeredAt: '11:30',
      registeredBy: 'liuyan',
      applicants: [p28('齐红', 'F', '19830509', 'longshan', { leftDaysBefore: 90 })],
      respondent: HENGTAI_HOSIERY,
      claims: [{ type: 'ECONOMIC_COMPENSATION', amount: '8800.00', description: '经济补偿' }],
      knewDaysBefore: 90,
    },
    steps: [event(0, '14:00', 'liuyan', 'REJECT', { reason: 'ALREADY_BEFORE_ARBITRATION_OR_COURT', note: '申请人已向辽源市劳动人事争议仲裁委员会申请仲裁并已受理' })],
  },
  {
    key: 'walk-in-withdrawn',
    summary: 'Two labourers withdraw after the general contractor paid them directly.',
    expect: 'closed.withdrawn',
    start: { workingDaysAgo: 50 },
    intake: {
      source: 'WALK_IN',
      receivedAt: '09:40',
      registeredAt: '10:00',
      registeredBy: 'wangjh',
      applicants: [p29('白玉林', 'M', '19740624', 'dongliao', { leftDaysBefore: 22 }), p29('白玉山', 'M', '19770311', 'dongliao', { leftDaysBefore: 22 })],
      respondent: ANJU_CONSTRUCTION,
      claims: [{ type: 'WAGE_ARREARS', amount: '17400.00', description: '二人一个半月工资' }],
      arrearsMonths: 1,
      knewDaysBefore: 22,
    },
    steps: [
      accept(0, '10:20', 'wangjh'),
      consent(1, '09:00', 'wangjh', 'PHONE'),
      ...session('wangjh', {
        scheduled: [1, '09:10'],
        held: [2, '14:00'],
        recordedAt: '15:30',
        location: '东辽县总工会职工服务站',
        summary: '总包单位辽源市城建集团表示将直接支付。',
      }),
      event(4, '10:00', 'wangjh', 'WITHDRAW', { by: 'APPLICANT', reason: '总承包单位已直接支付拖欠工资' }),
      resolveAlerts(4, '15:00', CLOSED_NOTE),
    ],
  },
  {
    key: 'written-default-payment-order',
    summary: 'A Dongliao hosiery mill defaulted on the first instalment; the worker takes the agreement to Dongliao court for a payment order.',
    expect: 'closed.referred',
    start: { workingDaysAgo: 38 },
    intake: {
      source: 'WRITTEN',
      receivedAt: '09:00',
      registeredAt: '09:40',
      registeredBy: 'sunpeng',
      applicants: [p30('姚春艳', 'F', '19840716', 'dongliao', { leftDaysBefore: 30 })],
      respondent: DONGLIAO_HOSIERY,
      claims: [
        { type: 'WAGE_ARREARS', amount: '7000.00', description: '两个月工资' },
        { type: 'ECONOMIC_COMPENSATION', amount: '10500.00', description: '经济补偿' },
      ],
      arrearsMonths: 2,
      knewDaysBefore: 30,
    },
    steps: [
      accept(0, '10:00', 'sunpeng'),
      consent(1, '10:00', 'sunpeng', 'WRITTEN'),
      agree(3, '10:00', 'sunpeng', {
        facts: '申请人系被申请人原缝头工，被申请人拖欠两个月工资并解除劳动合同。',
        disputedMatters: '支付期限。',
        items: [['WAGES', '拖欠工资', '7000.00'], ['ECONOMIC_COMPENSATION', '经济补偿', '10500.00']],
        schedule: [[8, '8750.00'], [18, '8750.00']],
      }),
      ...signAll(4, 'sunpeng'),
      event(10, '10:00', 'sunpeng', 'REPORT_DEFAULT', { note: '第一期到期未付' }),
      event(11, '10:00', 'sunpeng', 'REFER', { route: 'PAYMENT_ORDER', note: '申请人持调解协议向东辽县人民法院（吉0422）申请支付令' }),
      resolveAlerts(11, '15:00', CLOSED_NOTE),
    ],
  },
];

/** DOMAIN §9's thirty demo cases. */
export const DEMO_STORIES: readonly DemoStory[] = [...INTAKE, ...MEDIATION, ...AGREEMENT, ...CLOSED];
