// The case ledger (接访台帐): one matter per visitor's concern, from registration to the follow-up call.
import type { IsoDate } from '../types.js';

/** 登记 → 交办 → 办理中 → 办结 → 回访, in this order (src/core/cases/states.ts). */
export type CaseState = '登记' | '交办' | '办理中' | '办结' | '回访';

/** One matter. resident, contact, idNumber and address are personal data: never published, logged or told. */
export interface Matter {
  /** 编号: the ledger's own, or one rota derives from the registration (never from a name alone). */
  id: string;
  /** 来访日期 */
  visitDate: IsoDate;
  /** 来访人 */
  resident: string;
  /** 联系方式 */
  contact: string;
  /** 身份证号 */
  idNumber: string;
  /** 住址 */
  address: string;
  /** 主要问题 */
  concern: string;
  /** 问题发生地 */
  location: string;
  /** 接访领导: the leader who received the matter owns it (谁接访、谁包案). */
  leader: string;
  /** 批示 */
  instruction: string;
  /** 责任单位 */
  unit: string;
  /** 受理日期: the 60 days run from here. */
  acceptedOn?: IsoDate;
  /** 延期天数 (0..30), valid only with 延期批准. */
  extensionDays: number;
  /** 延期批准: who approved the extension. */
  extensionApprovedBy: string;
  /** 办结日期 */
  closedOn?: IsoDate;
  /** 办理结果 */
  result: string;
  /** 回访日期 */
  followUpOn?: IsoDate;
  /** 回访情况 */
  followUp: string;
  state: CaseState;
  /** Columns of the office's own ledger that rota does not read, kept in their order: [header, value]. */
  extra: Array<[string, string]>;
}

/** An appointment booked in advance (提前约访), before it is routed to a duty. */
export interface Booking {
  /** 来访人 (personal: only on the liaison's list, which is not published). */
  resident: string;
  /** 联系方式 (personal, as above) */
  contact: string;
  /** 主要问题: what the resident wants to raise; routed by the leaders' 分管工作. */
  concern: string;
  /** 希望日期: the earliest day the resident can come; none means the next duty. */
  wished?: IsoDate;
  line?: number;
}
