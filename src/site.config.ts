/**
 * Branding and links of this deployment. Another district edits this file only.
 */
export const SITE = {
  name: '信用道里',
  region: '哈尔滨市道里区',
  host: '哈尔滨市道里区社会信用体系建设领导小组办公室',
  /** Policy documents this portal serves, cited by 文号. */
  plan: '哈里政规〔2018〕4号',
  links: [
    { name: '信用中国', url: 'https://www.creditchina.gov.cn/' },
    { name: '信用黑龙江', url: 'https://credit.hlj.gov.cn/' },
    { name: '信用哈尔滨', url: 'https://xyhrb.harbin.gov.cn/' },
  ],
} as const;
